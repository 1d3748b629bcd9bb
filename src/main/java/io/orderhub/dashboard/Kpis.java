package io.orderhub.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.support.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard KPIs, computed from the queue and its audit trail over a period (receipt or event time in
 * [from, to)), optionally for one channel and/or customer. Each widget answers a {@link KpiTable}.
 */
public final class Kpis {

    /** The widgets and what each shows. */
    public static final Map<String, String> WIDGETS = widgets();

    /** What "received" can be grouped by, and the column each means. */
    static final Map<String, String> GROUPS = Map.of("channel", "channel", "customer", "customer_id",
            "sender", "sender", "status", "status", "day", "cast(received_at as date)");

    /** Event types that put an order in front of a person, and what each counts as a reason. */
    static final List<String> EXCEPTION_EVENTS = List.of("needs-review", "duplicate", "erp-rejected", "erp-failed");

    public record KpiFilter(Instant from, Instant to, String channel, String customer, String groupBy, int limit) {
    }

    private final Database db;
    private final ObjectMapper json;

    public Kpis(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    private static Map<String, String> widgets() {
        Map<String, String> w = new LinkedHashMap<>();
        w.put("received", "orders received, grouped by channel, customer, sender, status or day (groupBy)");
        w.put("touchless", "orders delivered to the ERP, and how many of them without any human action, per channel");
        w.put("receipt-to-erp", "time from receipt to the ERP's acceptance (median and p90, ms), per channel");
        w.put("exception-reasons", "why orders needed a person: problem codes, duplicates, ERP rejections and failures");
        w.put("queue-depth", "orders per status over time, from the samples taken every orderhub.kpi.sample-interval-ms");
        w.put("sla-compliance", "orders delivered in the period within their due time (MET) or after it (MISSED), per channel");
        return Collections.unmodifiableMap(w);
    }

    public KpiTable table(String widget, KpiFilter f) {
        return switch (widget) {
            case "received" -> received(f);
            case "touchless" -> touchless(f);
            case "receipt-to-erp" -> receiptToErp(f);
            case "exception-reasons" -> exceptionReasons(f);
            case "queue-depth" -> queueDepth(f);
            case "sla-compliance" -> slaCompliance(f);
            default -> throw new IllegalArgumentException("no widget '" + widget + "'; widgets: " + WIDGETS.keySet());
        };
    }

    KpiTable received(KpiFilter f) {
        String group = f.groupBy() == null ? "channel" : f.groupBy();
        String column = GROUPS.get(group);
        if (column == null) {
            throw new IllegalArgumentException("groupBy '" + group + "' is not one of " + new TreeMap<>(GROUPS).keySet());
        }
        List<Object> args = new ArrayList<>(List.of(ts(f.from()), ts(f.to())));
        String sql = "select " + column + " as g, count(*) from orders where received_at >= ? and received_at < ?"
                + orderFilters(f, "", args) + " group by " + column
                + ("day".equals(group) ? " order by g" : " order by count(*) desc, g");
        List<List<Object>> rows = db.read(c -> query(c, sql, args, rs -> List.of(String.valueOf(rs.getObject(1)), rs.getLong(2))));
        return new KpiTable("received", f.from(), f.to(), List.of(group, "orders"), rows);
    }

    KpiTable touchless(KpiFilter f) {
        // touched_at is set in the transaction of every exception-desk action (V11), so one aggregate over the
        // period's deliveries answers it; no look at each order's timeline
        Map<String, long[]> byChannel = new TreeMap<>();
        List<Delivery> ofCustomer = customerDeliveries(f);
        if (ofCustomer != null) {
            for (Delivery d : ofCustomer) {
                long[] n = byChannel.computeIfAbsent(d.channel(), k -> new long[2]);
                n[0]++;
                n[1] += d.touched() ? 0 : 1;
            }
        } else {
            List<Object> args = new ArrayList<>(List.of(ts(f.from()), ts(f.to())));
            String sql = "select o.channel, count(*), sum(case when o.touched_at is null then 1 else 0 end)"
                    + " from order_events e join orders o on o.id = e.order_id"
                    + " where e.type = 'erp-delivered' and e.at >= ? and e.at < ?" + orderFilters(f, "o.", args)
                    + " group by o.channel";
            db.read(c -> query(c, sql, args, rs -> byChannel.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)})));
        }
        List<List<Object>> rows = new ArrayList<>();
        long[] all = new long[2];
        byChannel.forEach((channel, n) -> {
            rows.add(List.of(channel, n[0], n[1], rate(n[1], n[0])));
            all[0] += n[0];
            all[1] += n[1];
        });
        rows.add(List.of("all", all[0], all[1], rate(all[1], all[0])));
        return new KpiTable("touchless", f.from(), f.to(), List.of("channel", "delivered", "touchless", "touchlessRate"), rows);
    }

    KpiTable receiptToErp(KpiFilter f) {
        Map<String, List<Long>> byChannel = new TreeMap<>();
        for (Delivery d : deliveries(f)) {
            byChannel.computeIfAbsent(d.channel(), k -> new ArrayList<>()).add(d.at().getTime() - d.receivedAt().getTime());
        }
        List<List<Object>> rows = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        byChannel.forEach((channel, ms) -> {
            rows.add(percentiles(channel, ms));
            all.addAll(ms);
        });
        rows.add(percentiles("all", all));
        return new KpiTable("receipt-to-erp", f.from(), f.to(), List.of("channel", "delivered", "medianMs", "p90Ms"), rows);
    }

    KpiTable exceptionReasons(KpiFilter f) {
        List<Object> args = new ArrayList<>(EXCEPTION_EVENTS);
        args.add(ts(f.from()));
        args.add(ts(f.to()));
        String sql = "select e.type, e.detail from order_events e join orders o on o.id = e.order_id"
                + " where e.type in (" + placeholders(EXCEPTION_EVENTS.size()) + ") and e.at >= ? and e.at < ?"
                + orderFilters(f, "o.", args);
        Map<List<String>, Long> counts = new HashMap<>();
        db.read(c -> query(c, sql, args, rs -> {
            for (String reason : reasons(rs.getString(1), rs.getString(2))) {
                counts.merge(List.of(rs.getString(1), reason), 1L, Long::sum);
            }
            return null;
        }));
        List<List<Object>> rows = counts.entrySet().stream()
                .sorted(Map.Entry.<List<String>, Long>comparingByValue().reversed().thenComparing(e -> e.getKey().toString()))
                .limit(f.limit())
                .map(e -> List.<Object>of(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .toList();
        return new KpiTable("exception-reasons", f.from(), f.to(), List.of("event", "reason", "orders"), rows);
    }

    KpiTable slaCompliance(KpiFilter f) {
        // decided here from the delivery time and the due time, so it does not wait for the SLA watch to mark
        // MET or MISSED
        Map<String, long[]> byChannel = new TreeMap<>();
        for (Delivery d : deliveries(f)) {
            long[] n = byChannel.computeIfAbsent(d.channel(), k -> new long[2]);
            n[0]++;
            if (!d.at().after(d.dueAt())) {
                n[1]++;
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        long[] all = new long[2];
        byChannel.forEach((channel, n) -> {
            rows.add(List.of(channel, n[0], n[1], n[0] - n[1], rate(n[1], n[0])));
            all[0] += n[0];
            all[1] += n[1];
        });
        rows.add(List.of("all", all[0], all[1], all[0] - all[1], rate(all[1], all[0])));
        return new KpiTable("sla-compliance", f.from(), f.to(),
                List.of("channel", "delivered", "met", "missed", "complianceRate"), rows);
    }

    /** One delivery to the ERP in the period (an {@code erp-delivered} event) and what the KPIs read of its order. */
    record Delivery(String channel, Timestamp receivedAt, Timestamp dueAt, boolean touched, Timestamp at) {
    }

    /** The period's deliveries, for the filter: from the customer's orders when there is a customer filter. */
    List<Delivery> deliveries(KpiFilter f) {
        List<Delivery> ofCustomer = customerDeliveries(f);
        return ofCustomer != null ? ofCustomer : joinedDeliveries(f);
    }

    /**
     * The period's deliveries from the delivery events by type and time (index order_events_type_at_order), each
     * joined to its order by id (index orders_kpi holds the columns read, so H2 reads no row of either table).
     */
    List<Delivery> joinedDeliveries(KpiFilter f) {
        List<Object> args = new ArrayList<>(List.of(ts(f.from()), ts(f.to())));
        String sql = "select o.channel, o.received_at, o.due_at, o.touched_at, e.at"
                + " from order_events e join orders o on o.id = e.order_id"
                + " where e.type = 'erp-delivered' and e.at >= ? and e.at < ?" + orderFilters(f, "o.", args);
        return db.read(c -> query(c, sql, args, rs -> new Delivery(rs.getString(1), rs.getTimestamp(2),
                rs.getTimestamp(3), rs.getTimestamp(4) != null, rs.getTimestamp(5))));
    }

    /**
     * With a customer filter, the period's deliveries read from the customer's orders (index orders_customer, a few
     * hundred of 100,000) and each one's delivery event in the period, looked up by order (order_events_order).
     * H2 plans the plain join from all the period's delivery events (about 27,000 in 30 days) whatever the filter,
     * which is why this is a query of its own. It reads the first delivery event of each order and how many there
     * are: an order is delivered at most once (DELIVERED is final, and the event is written only by the change from
     * DELIVERING), but should one ever have two in the period, this answers null and the caller takes the join, so
     * the numbers are those of one row per event either way. Null too without a customer filter.
     */
    List<Delivery> customerDeliveries(KpiFilter f) {
        if (f.customer() == null || f.customer().isBlank()) {
            return null;
        }
        String event = " from order_events e where e.order_id = o.id and e.type = 'erp-delivered' and e.at >= ? and e.at < ?)";
        List<Object> args = new ArrayList<>(List.of(ts(f.from()), ts(f.to()), ts(f.from()), ts(f.to())));
        String sql = "select o.channel, o.received_at, o.due_at, o.touched_at, (select count(*)" + event
                + ", (select min(e.at)" + event + " from orders o where 1 = 1" + orderFilters(f, "o.", args);
        boolean[] deliveredTwice = new boolean[1];
        List<Delivery> out = db.read(c -> query(c, sql, args, rs -> {
            long n = rs.getLong(5);
            deliveredTwice[0] |= n > 1;
            return n == 0 ? null : new Delivery(rs.getString(1), rs.getTimestamp(2), rs.getTimestamp(3),
                    rs.getTimestamp(4) != null, rs.getTimestamp(6));
        }));
        return deliveredTwice[0] ? null : out;
    }

    /** At most this many points per status over any period: a month of one-minute samples is 43,200 of them. */
    static final int DEPTH_POINTS = 200;

    /**
     * The queue's depth per status at the first sample of each of at most {@link #DEPTH_POINTS} equal steps of the
     * period (every sample when the steps are no longer than the sample interval). Two plain seeks on the samples'
     * primary key (at, status) per step: the first sample time in the step, then the rows at that time. The single
     * query {@code at = (select min(at) ...)} was not planned as a seek by H2 (hundreds of ms a month).
     */
    KpiTable queueDepth(KpiFilter f) {
        long periodMs = Math.max(1, Duration.between(f.from(), f.to()).toMillis());
        long stepMs = Math.max(1, (periodMs + DEPTH_POINTS - 1) / DEPTH_POINTS);
        List<List<Object>> rows = db.read(c -> {
            List<List<Object>> out = new ArrayList<>();
            try (PreparedStatement first = c.prepareStatement("select at from queue_depth_samples"
                    + " where at >= ? and at < ? order by at limit 1");
                 PreparedStatement at = c.prepareStatement("select status, depth from queue_depth_samples"
                         + " where at = ? order by status")) {
                Instant stepStart = f.from();
                while (stepStart.isBefore(f.to())) {
                    Instant stepEnd = stepStart.plusMillis(stepMs);
                    first.setTimestamp(1, ts(stepStart));
                    first.setTimestamp(2, ts(stepEnd.isBefore(f.to()) ? stepEnd : f.to()));
                    Timestamp sampleAt = null;
                    try (ResultSet rs = first.executeQuery()) {
                        if (rs.next()) {
                            sampleAt = rs.getTimestamp(1);
                        }
                    }
                    if (sampleAt != null) {
                        at.setTimestamp(1, sampleAt);
                        try (ResultSet rs = at.executeQuery()) {
                            while (rs.next()) {
                                out.add(List.of(sampleAt.toInstant().toString(), rs.getString(1), rs.getLong(2)));
                            }
                        }
                    }
                    stepStart = stepEnd;
                }
            }
            return out;
        });
        return new KpiTable("queue-depth", f.from(), f.to(), List.of("at", "status", "orders"), rows);
    }

    /** The reasons an exception event stands for: a needs-review event's problem codes, else the event itself. */
    private List<String> reasons(String type, String detail) {
        if (!"needs-review".equals(type) || detail == null) {
            return List.of(type);
        }
        try {
            JsonNode problems = json.readTree(detail).path("problems");
            List<String> codes = new ArrayList<>();
            problems.forEach(p -> codes.add(p.path("code").asText("unknown")));
            return codes.isEmpty() ? List.of(type) : codes.stream().distinct().toList();
        } catch (java.io.IOException e) {
            return List.of(type);
        }
    }

    private static List<Object> percentiles(String channel, List<Long> ms) {
        if (ms.isEmpty()) {
            return Arrays.asList(channel, 0L, null, null);
        }
        long[] sorted = ms.stream().mapToLong(Long::longValue).sorted().toArray();
        return List.of(channel, (long) sorted.length, nearestRank(sorted, 0.5), nearestRank(sorted, 0.9));
    }

    /** Nearest-rank percentile: the smallest value with at least p of the values at or below it. */
    static long nearestRank(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    private static String orderFilters(KpiFilter f, String alias, List<Object> args) {
        StringBuilder s = new StringBuilder();
        if (f.channel() != null && !f.channel().isBlank()) {
            s.append(" and ").append(alias).append("channel = ?");
            args.add(f.channel());
        }
        if (f.customer() != null && !f.customer().isBlank()) {
            s.append(" and ").append(alias).append("customer_id = ?");
            args.add(f.customer());
        }
        return s.toString();
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> query(Connection c, String sql, List<Object> args, Row<T> row) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    T t = row.map(rs);
                    if (t != null) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }
}

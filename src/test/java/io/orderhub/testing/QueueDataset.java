package io.orderhub.testing;

import io.orderhub.support.Database;
import io.orderhub.support.Ids;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Fills a migrated queue database with a reproducible mix of orders (documents, orders, lines) for the queue view's
 * tests and benchmark: statuses weighted as in a running hub (mostly DELIVERED), five channels, 200 customers,
 * 40 senders, priorities 1-9, receipt times spread over 90 days, 1-3 lines each from 5,000 items.
 * PO numbers are {@code PO-<n>}; item numbers {@code ITEM-<k>}; customers {@code 40000000<3 digits>}.
 * Uses no JUnit, so the benchmark (src/bench/java) runs it too.
 */
public final class QueueDataset {

    /** Statuses and their weights in per mille. */
    static final String[] STATUSES = {"DELIVERED", "QUEUED", "NEEDS_REVIEW", "ERP_FAILED", "ERP_REJECTED", "DUPLICATE", "DELIVERING"};
    static final int[] WEIGHTS = {820, 50, 60, 20, 10, 30, 10};
    static final String[] CHANNELS = {"http", "webhook", "sftp", "folder", "mail"};
    static final int CUSTOMERS = 200;
    static final int SENDERS = 40;
    static final int ITEMS = 5000;

    private QueueDataset() {
    }

    public static String customer(int k) {
        return "40000000" + String.format("%03d", k % CUSTOMERS);
    }

    /** Inserts orders 1..count with their documents and lines, received before {@code now}; 1,000 rows per commit. */
    public static void fill(Database db, int count, long seed, Instant now) {
        Random random = new Random(seed);
        byte[] content = ("{\"poNumber\":\"PO\",\"lines\":[" + "{\"item\":\"ITEM\",\"quantity\":1},".repeat(10) + "{}]}")
                .getBytes(StandardCharsets.UTF_8);
        String canonical = "{\"sender\":\"S\",\"poNumber\":\"PO\",\"orderDate\":\"2026-11-27\",\"currency\":\"EUR\","
                + "\"buyer\":{\"id\":\"4000000000\",\"name\":\"Customer\"},\"lines\":["
                + "{\"lineNumber\":1,\"buyerItem\":\"ITEM\",\"quantity\":5,\"unit\":\"EA\",\"unitPrice\":12.5},".repeat(3)
                + "{}]}";
        String provenance = "{\"/poNumber\":{\"kind\":\"json-pointer\",\"locator\":\"/poNumber\",\"confidence\":1.0}}";
        for (int from = 1; from <= count; from += 1000) {
            int to = Math.min(count, from + 999);
            int first = from;
            db.inTransaction(c -> {
                insertBatch(c, random, first, to, now, content, canonical, provenance);
                return null;
            });
        }
    }

    private static void insertBatch(Connection c, Random random, int from, int to, Instant now, byte[] content,
                                    String canonical, String provenance) throws SQLException {
        try (PreparedStatement doc = c.prepareStatement("insert into documents (id, received_at, channel, source,"
                + " client, sender, content_type, format, checksum_sha256, size_bytes, content, status)"
                + " values (?, ?, ?, 'dataset', 'demo', ?, 'application/json', 'canonical-json', ?, ?, ?, 'ACCEPTED')");
             PreparedStatement order = c.prepareStatement("insert into orders (id, document_id, position, channel,"
                     + " sender, customer_id, po_number, order_date, currency, line_count, status, priority, due_at,"
                     + " received_at, updated_at, erp_order_number, attempts, problems)"
                     + " values (?, ?, 0, ?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement orderContent = c.prepareStatement("insert into order_content (order_id, canonical,"
                     + " provenance) values (?, ?, ?)");
             PreparedStatement line = c.prepareStatement("insert into order_lines (order_id, line_number, buyer_item,"
                     + " quantity, unit, unit_price, amount) values (?, ?, ?, ?, 'EA', 12.5, ?)")) {
            for (int n = from; n <= to; n++) {
                Instant received = now.minus(Duration.ofSeconds(random.nextInt(90 * 24 * 3600)));
                UUID documentId = Ids.newId(received.toEpochMilli(), random);
                UUID orderId = Ids.newId(received.toEpochMilli(), random);
                String channel = CHANNELS[random.nextInt(CHANNELS.length)];
                String sender = "SENDER-" + random.nextInt(SENDERS);
                String status = status(random);
                int priority = 1 + random.nextInt(9);
                int lines = 1 + random.nextInt(3);
                doc.setObject(1, documentId);
                doc.setTimestamp(2, Timestamp.from(received));
                doc.setString(3, channel);
                doc.setString(4, sender);
                doc.setString(5, String.format("%064x", n));
                doc.setInt(6, content.length);
                doc.setBytes(7, content);
                doc.addBatch();
                order.setObject(1, orderId);
                order.setObject(2, documentId);
                order.setString(3, channel);
                order.setString(4, sender);
                order.setString(5, customer(random.nextInt(CUSTOMERS)));
                order.setString(6, "PO-" + n);
                order.setObject(7, LocalDate.ofInstant(received, ZoneOffset.UTC));
                order.setInt(8, lines);
                order.setString(9, status);
                order.setInt(10, priority);
                order.setTimestamp(11, Timestamp.from(received.plus(Duration.ofHours(2L + random.nextInt(46)))));
                order.setTimestamp(12, Timestamp.from(received));
                order.setTimestamp(13, Timestamp.from(received));
                order.setString(14, "DELIVERED".equals(status) ? "SO-" + n : null);
                order.setInt(15, "DELIVERED".equals(status) ? 1 : 0);
                order.setString(16, "NEEDS_REVIEW".equals(status)
                        ? "[{\"path\":\"/lines/0/quantity\",\"code\":\"quantity\",\"message\":\"must be positive\"}]" : null);
                order.addBatch();
                orderContent.setObject(1, orderId);
                orderContent.setString(2, canonical);
                orderContent.setString(3, provenance);
                orderContent.addBatch();
                for (int l = 1; l <= lines; l++) {
                    line.setObject(1, orderId);
                    line.setInt(2, l);
                    line.setString(3, "ITEM-" + random.nextInt(ITEMS));
                    line.setInt(4, 1 + random.nextInt(100));
                    line.setInt(5, 10);
                    line.addBatch();
                }
            }
            doc.executeBatch();
            order.executeBatch();
            orderContent.executeBatch();
            line.executeBatch();
        }
    }

    static final String[] REVIEW_CODES = {"unknown-item", "price-out-of-tolerance", "required", "unknown-customer", "bad-currency"};

    /**
     * The audit trail and samples the dashboards read, for the orders {@link #fill} made: a {@code received} event
     * for every order; an {@code erp-delivered} event for every DELIVERED order (1-30 min after receipt, a tenth of
     * them after a {@code needs-review} event and a person's {@code corrected}, which also sets {@code touched_at}); {@code needs-review} events with
     * problem codes for NEEDS_REVIEW orders, {@code duplicate}, {@code erp-rejected}, {@code erp-failed} events for
     * those states; and queue-depth samples per status every minute over the last 31 days.
     */
    public static void fillEvents(Database db, long seed, Instant now) {
        Random random = new Random(seed);
        List<Object[]> orders = db.read(c -> {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, status, received_at from orders");
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[]{rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()});
                }
            }
            return rows;
        });
        for (int from = 0; from < orders.size(); from += 1000) {
            List<Object[]> batch = orders.subList(from, Math.min(orders.size(), from + 1000));
            db.inTransaction(c -> {
                try (PreparedStatement ev = c.prepareStatement("insert into order_events (order_id, at, actor, type,"
                        + " from_status, to_status, detail) values (?, ?, ?, ?, ?, ?, ?)");
                     PreparedStatement touched = c.prepareStatement("update orders set touched_at = ? where id = ?")) {
                    for (Object[] o : batch) {
                        UUID id = (UUID) o[0];
                        String status = (String) o[1];
                        Instant at = (Instant) o[2];
                        event(ev, id, at, "pipeline", "received", null, "QUEUED", null);
                        Instant later = at.plusSeconds(60 + random.nextInt(1800));
                        switch (status) {
                            case "DELIVERED" -> {
                                if (random.nextInt(10) == 0) {
                                    event(ev, id, at, "pipeline", "needs-review", null, "NEEDS_REVIEW", review(random));
                                    event(ev, id, later.minusSeconds(30), "user:cs", "corrected", "NEEDS_REVIEW", "QUEUED", null);
                                    // as OrderActions does in the correction's transaction (V11)
                                    touched.setTimestamp(1, Timestamp.from(later.minusSeconds(30)));
                                    touched.setObject(2, id);
                                    touched.addBatch();
                                }
                                event(ev, id, later, "erp-delivery", "erp-delivered", "DELIVERING", "DELIVERED", null);
                            }
                            case "NEEDS_REVIEW" -> event(ev, id, at, "pipeline", "needs-review", null, "NEEDS_REVIEW", review(random));
                            case "DUPLICATE" -> event(ev, id, at, "pipeline", "duplicate", null, "DUPLICATE", null);
                            case "ERP_REJECTED" -> event(ev, id, later, "erp-delivery", "erp-rejected", "DELIVERING", "ERP_REJECTED", null);
                            case "ERP_FAILED" -> event(ev, id, later, "erp-delivery", "erp-failed", "DELIVERING", "ERP_FAILED", null);
                            default -> {
                            }
                        }
                    }
                    ev.executeBatch();
                    touched.executeBatch();
                }
                return null;
            });
        }
        // one sample a minute (orderhub.kpi.sample-interval-ms) over the longest period the dashboards ask for
        Instant start = now.minus(Duration.ofDays(31)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        List<Instant> times = new ArrayList<>();
        for (Instant t = start; t.isBefore(now); t = t.plus(Duration.ofMinutes(1))) {
            times.add(t);
        }
        for (int from = 0; from < times.size(); from += 500) {
            List<Instant> batch = times.subList(from, Math.min(times.size(), from + 500));
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into queue_depth_samples (at, status, depth) values (?, ?, ?)")) {
                    for (Instant t : batch) {
                        for (int i = 0; i < STATUSES.length; i++) {
                            ps.setTimestamp(1, Timestamp.from(t));
                            ps.setString(2, STATUSES[i]);
                            ps.setInt(3, i == 0 ? 0 : random.nextInt(WEIGHTS[i] / 2 + 1));
                            ps.addBatch();
                        }
                    }
                    ps.executeBatch();
                }
                return null;
            });
        }
    }

    private static String review(Random random) {
        String code = REVIEW_CODES[random.nextInt(REVIEW_CODES.length)];
        return "{\"problems\":[{\"path\":\"/lines/0\",\"code\":\"" + code + "\",\"message\":\"" + code + "\"}]}";
    }

    private static void event(PreparedStatement ps, UUID order, Instant at, String actor, String type, String from,
                              String to, String detail) throws SQLException {
        ps.setObject(1, order);
        ps.setTimestamp(2, Timestamp.from(at));
        ps.setString(3, actor);
        ps.setString(4, type);
        ps.setString(5, from);
        ps.setString(6, to);
        ps.setString(7, detail);
        ps.addBatch();
    }

    static String status(Random random) {
        int r = random.nextInt(1000);
        for (int i = 0; i < STATUSES.length; i++) {
            r -= WEIGHTS[i];
            if (r < 0) {
                return STATUSES[i];
            }
        }
        return STATUSES[0];
    }
}

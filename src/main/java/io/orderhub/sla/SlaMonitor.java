package io.orderhub.sla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.model.OrderStatus;
import io.orderhub.queue.Events;
import io.orderhub.support.Database;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The SLA watch, run by the timer route {@code sla-watch}: moves open orders to AT_RISK and BREACHED, delivered ones
 * to MET or MISSED, and claims the one alert per order. Every move is a guarded {@code UPDATE ... WHERE sla_state =
 * <expected>} with its event in the same transaction, so two hub instances never record a move twice. The alert is
 * claimed in that transaction too ({@code sla_alert_claimed_at}, set once), sent after the commit, and confirmed
 * ({@code sla_alerted_at}); a claim not confirmed within the lease (the instance died, the receiver was down) is
 * taken over and sent again with the same idempotency key.
 */
public final class SlaMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(SlaMonitor.class);
    static final String ACTOR = "sla-watch";
    /** Exchange property the alert route keeps the alert in while the body becomes the message. */
    public static final String ALERT = "orderhubSlaAlert";

    private static final String OPEN = OrderStatus.OPEN.stream().map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));
    private static final String ALERT_COLUMNS = "id, sla_state, status, sender, customer_id, po_number, priority,"
            + " received_at, due_at, sla_at_risk_at, sla_alert_claimed_at";

    private final Database db;
    private final ObjectMapper json;
    private final Clock clock;
    private final int batchSize;
    private final Duration alertLease;

    public SlaMonitor(Database db, ObjectMapper json, Clock clock, int batchSize, Duration alertLease) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.batchSize = batchSize;
        this.alertLease = alertLease;
    }

    /** One pass of the watch; returns the alerts this instance has to send now. */
    public List<SlaAlert> check() {
        // stored and compared again as the claim's identity: no finer than the databases keep it
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<SlaAlert> alerts = new ArrayList<>(db.inTransaction(c -> openTransitions(c, now)));
        alerts.addAll(db.inTransaction(c -> expiredAlertClaims(c, now)));
        return alerts;
    }

    /**
     * The safety net for finished orders whose clock is still open (route sla-finished-sweep, every
     * {@code orderhub.sla.finished-sweep-interval-ms}); returns how many clocks it stopped. Delivery, duplicates and
     * rejections stop the clock in their own transactions, so this finds only orders finished by an older version or
     * by hand. It has to look at every open clock to find them (no index leads with both columns it needs), which
     * under a backlog of hundreds of thousands of QUEUED orders is a full pass over them: not something to run with
     * the at-risk checks every few seconds.
     */
    public int sweepFinished() {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        int total = 0;
        int closed;
        do {
            // batch by batch, each in its own transaction; a closed clock leaves the set the next batch reads
            closed = db.inTransaction(c -> finishedTransitions(c, now));
            total += closed;
        } while (closed == batchSize);
        return total;
    }

    private List<SlaAlert> openTransitions(Connection c, Instant now) throws SQLException {
        // two range scans of the index orders_sla (sla_state, sla_at_risk_at): an order is at risk no later than it
        // is due (SlaPolicy), so "at risk or due" is "at risk" for ON_TRACK rows. One query with OR and ORDER BY
        // due_at made H2 walk every order by due time, every pass.
        Timestamp t = Timestamp.from(now);
        List<SlaAlert> due = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select " + ALERT_COLUMNS + " from orders where sla_state ="
                + " 'ON_TRACK' and sla_at_risk_at <= ? and status in " + OPEN + " order by sla_at_risk_at limit ?")) {
            ps.setTimestamp(1, t);
            ps.setInt(2, batchSize);
            readAlerts(ps, due);
        }
        try (PreparedStatement ps = c.prepareStatement("select " + ALERT_COLUMNS + " from orders where sla_state ="
                + " 'AT_RISK' and sla_at_risk_at <= ? and due_at <= ? and status in " + OPEN
                + " order by sla_at_risk_at limit ?")) {
            ps.setTimestamp(1, t);
            ps.setTimestamp(2, t);
            ps.setInt(3, batchSize);
            readAlerts(ps, due);
        }
        due.sort(java.util.Comparator.comparing(SlaAlert::dueAt).thenComparing(SlaAlert::orderId));
        if (due.size() > batchSize) {
            due = new ArrayList<>(due.subList(0, batchSize));
        }
        List<SlaAlert> toSend = new ArrayList<>();
        for (SlaAlert row : due) {
            SlaState from = row.state();
            SlaState to = row.dueAt().isAfter(now) ? SlaState.AT_RISK : SlaState.BREACHED;
            try (PreparedStatement ps = c.prepareStatement("update orders set sla_state = ? where id = ?"
                    + " and sla_state = ? and status in " + OPEN)) {
                ps.setString(1, to.name());
                ps.setObject(2, row.orderId());
                ps.setString(3, from.name());
                if (ps.executeUpdate() != 1) {
                    continue;
                }
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("sla", Map.of("before", from.name(), "after", to.name()));
            detail.put("dueAt", row.dueAt().toString());
            detail.put("atRiskAt", String.valueOf(row.atRiskAt()));
            Events.insert(c, row.orderId(), now, ACTOR, to == SlaState.AT_RISK ? "sla-at-risk" : "sla-breached",
                    null, null, write(detail));
            if (row.claimedAt() == null && claimAlert(c, row.orderId(), null, now)) {
                toSend.add(withState(row, to, now));
            }
        }
        return toSend;
    }

    private void readAlerts(PreparedStatement ps, List<SlaAlert> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.add(alert(rs));
            }
        }
    }

    /**
     * Delivered orders become MET or MISSED; orders closed without delivery stop their clock. The ERP delivery and the
     * exception desk close the clock in their own transactions; this catches what they could not (orders delivered
     * by an older version, or closed by hand in the database).
     */
    private int finishedTransitions(Connection c, Instant now) throws SQLException {
        record Finished(UUID id, SlaState from, SlaState to, Instant at, Instant dueAt) {
        }
        List<Finished> finished = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, sla_state, status, updated_at, due_at from orders"
                + " where sla_state in " + SlaState.OPEN_SQL_LIST
                + " and status in ('DELIVERED', 'DUPLICATE', 'REJECTED', 'CANCELLED') limit ?")) {
            ps.setInt(1, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant at = rs.getTimestamp(4).toInstant();
                    Instant dueAt = rs.getTimestamp(5).toInstant();
                    SlaState to = !"DELIVERED".equals(rs.getString(3)) ? SlaState.CLOSED
                            : at.isAfter(dueAt) ? SlaState.MISSED : SlaState.MET;
                    finished.add(new Finished(rs.getObject(1, UUID.class), SlaState.valueOf(rs.getString(2)), to, at, dueAt));
                }
            }
        }
        int n = 0;
        for (Finished f : finished) {
            try (PreparedStatement ps = c.prepareStatement("update orders set sla_state = ? where id = ? and sla_state = ?")) {
                ps.setString(1, f.to().name());
                ps.setObject(2, f.id());
                ps.setString(3, f.from().name());
                if (ps.executeUpdate() != 1) {
                    continue;
                }
            }
            Events.insert(c, f.id(), now, ACTOR, "sla-" + f.to().name().toLowerCase(java.util.Locale.ROOT), null, null,
                    write(Map.of("sla", Map.of("before", f.from().name(), "after", f.to().name()),
                            "dueAt", f.dueAt().toString(), "finishedAt", f.at().toString())));
            n++;
        }
        return n;
    }

    /** Alerts claimed longer ago than the lease and never confirmed: their sender died or could not reach anyone. */
    private List<SlaAlert> expiredAlertClaims(Connection c, Instant now) throws SQLException {
        List<SlaAlert> stale = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select " + ALERT_COLUMNS + " from orders"
                + " where sla_alert_claimed_at < ? and sla_alerted_at is null order by sla_alert_claimed_at limit ?")) {
            ps.setTimestamp(1, Timestamp.from(now.minus(alertLease)));
            ps.setInt(2, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stale.add(alert(rs));
                }
            }
        }
        List<SlaAlert> retake = new ArrayList<>();
        for (SlaAlert a : stale) {
            if (claimAlert(c, a.orderId(), a.claimedAt(), now)) {
                retake.add(withState(a, a.state(), now));
            }
        }
        return retake;
    }

    /** Claims the order's alert: first claim (previous null) or take-over of a stale one; false if someone was first. */
    private static boolean claimAlert(Connection c, UUID id, Instant previous, Instant now) throws SQLException {
        String guard = previous == null ? "sla_alert_claimed_at is null" : "sla_alert_claimed_at = ?";
        try (PreparedStatement ps = c.prepareStatement("update orders set sla_alert_claimed_at = ? where id = ?"
                + " and sla_alerted_at is null and " + guard)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setObject(2, id);
            if (previous != null) {
                ps.setTimestamp(3, Timestamp.from(previous));
            }
            return ps.executeUpdate() == 1;
        }
    }

    /** The alert went out (webhook answered 2xx, mail accepted by the SMTP server): record it once. */
    public void alertSent(Exchange exchange) {
        SlaAlert alert = exchange.getProperty(ALERT, SlaAlert.class);
        Instant now = clock.instant();
        boolean recorded = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("update orders set sla_alerted_at = ? where id = ?"
                    + " and sla_alerted_at is null and sla_alert_claimed_at = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setObject(2, alert.orderId());
                ps.setTimestamp(3, Timestamp.from(alert.claimedAt()));
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            Events.insert(c, alert.orderId(), now, ACTOR, "sla-alert-sent", null, null,
                    write(Map.of("alert", alert.type(), "sla", alert.state().name())));
            return true;
        });
        if (!recorded) {
            LOG.warn("SLA alert for order {} was sent, but its claim had been taken over meanwhile", alert.orderId());
        }
    }

    /** Every attempt to send failed: recorded on the order; the claim expires and the alert is tried again. */
    public void alertFailed(Exchange exchange) {
        SlaAlert alert = exchange.getProperty(ALERT, SlaAlert.class);
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String error = e == null ? "unknown" : e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.warn("SLA alert for order {} could not be sent; tried again after {}: {}", alert.orderId(), alertLease, error);
        db.inTransaction(c -> {
            Events.insert(c, alert.orderId(), clock.instant(), ACTOR, "sla-alert-failed", null, null,
                    write(Map.of("alert", alert.type(), "error", error, "retryAfter", alertLease.toString())));
            return null;
        });
    }

    /** Body: an {@link SlaAlert}; afterwards the webhook's JSON, with its idempotency key. */
    public void webhookMessage(Exchange exchange) {
        SlaAlert alert = exchange.getMessage().getBody(SlaAlert.class);
        exchange.setProperty(ALERT, alert);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", alert.type());
        body.put("orderId", alert.orderId());
        body.put("url", alert.url());
        body.put("sla", alert.state());
        body.put("status", alert.status());
        body.put("sender", alert.sender());
        body.put("customerId", alert.customerId());
        body.put("poNumber", alert.poNumber());
        body.put("priority", alert.priority());
        body.put("receivedAt", alert.receivedAt());
        body.put("dueAt", alert.dueAt());
        body.put("atRiskAt", alert.atRiskAt());
        Message m = exchange.getMessage();
        m.removeHeaders("*");
        m.setHeader(Exchange.HTTP_METHOD, "POST");
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        m.setHeader("Idempotency-Key", alert.idempotencyKey());
        m.setBody(write(body));
    }

    /** Open orders per SLA state, for the {@code orderhub_sla_orders} gauge. */
    public Map<String, Long> countOpenBySlaState() {
        return db.read(c -> {
            Map<String, Long> counts = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("select sla_state, count(*) from orders where status in "
                    + OPEN + " group by sla_state"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    private static SlaAlert alert(ResultSet rs) throws SQLException {
        Timestamp atRisk = rs.getTimestamp("sla_at_risk_at");
        Timestamp claimed = rs.getTimestamp("sla_alert_claimed_at");
        return new SlaAlert(rs.getObject("id", UUID.class), SlaState.valueOf(rs.getString("sla_state")),
                rs.getString("status"), rs.getString("sender"), rs.getString("customer_id"), rs.getString("po_number"),
                rs.getInt("priority"), rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
                atRisk == null ? null : atRisk.toInstant(), claimed == null ? null : claimed.toInstant());
    }

    private static SlaAlert withState(SlaAlert a, SlaState state, Instant claimedAt) {
        return new SlaAlert(a.orderId(), state, a.status(), a.sender(), a.customerId(), a.poNumber(), a.priority(),
                a.receivedAt(), a.dueAt(), a.atRiskAt(), claimedAt);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

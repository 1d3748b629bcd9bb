package io.orderhub.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.model.OrderStatus;
import io.orderhub.sla.SlaState;
import io.orderhub.support.Database;
import io.orderhub.support.GroupCommit;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ERP side of the queue: claims QUEUED orders (priority, then due time, then age) and records what the ERP
 * did with each. Every transition is guarded by the state it leaves, so a late or repeated call changes nothing,
 * and writes its event in the same transaction.
 *
 * <p>Claiming differs per database. PostgreSQL: {@code FOR UPDATE SKIP LOCKED}, so several hub instances claim
 * disjoint rows. H2 (single instance, file-locked): read the first rows in index order, then move each with a
 * {@code status = 'QUEUED'} guard — H2's SKIP LOCKED locks every matching row and would serialise claimers.
 */
public final class DeliveryQueue {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryQueue.class);
    static final String ACTOR = "erp-delivery";

    private final Database db;
    private final GroupCommit commits;
    private final ObjectMapper json;
    private final String instanceId;
    private final int maxInFlight;
    private final Duration claimLease;
    private final Clock clock;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private volatile java.util.function.BooleanSupplier paused = () -> false;

    public DeliveryQueue(Database db, GroupCommit commits, ObjectMapper json, String instanceId, int maxInFlight,
                         Duration claimLease, Clock clock) {
        this.db = db;
        this.commits = commits;
        this.json = json;
        this.instanceId = instanceId;
        this.maxInFlight = maxInFlight;
        this.claimLease = claimLease;
        this.clock = clock;
    }

    public String instanceId() {
        return instanceId;
    }

    public int inFlight() {
        return inFlight.size();
    }

    /** While this says true (an ERP maintenance window, io.orderhub.erp.DeliveryPause), nothing is claimed. */
    public void pausedWhen(java.util.function.BooleanSupplier paused) {
        this.paused = paused;
    }

    /** Claims up to as many orders as there is room for in flight; each must end in one of the mark calls. */
    public List<ClaimedOrder> claim() {
        if (paused.getAsBoolean()) {
            return List.of();
        }
        int room = maxInFlight - inFlight.size();
        if (room <= 0) {
            return List.of();
        }
        Instant now = clock.instant();
        // through group commit: the claim shares its durable commit with intake and ERP outcomes
        List<ClaimedOrder> claimed = commits.submit(c -> db.dialect() == Database.Dialect.POSTGRESQL
                ? claimPostgres(c, room, now) : claimGuarded(c, room, now));
        claimed.forEach(o -> inFlight.add(o.id()));
        return claimed;
    }

    private List<ClaimedOrder> claimPostgres(Connection c, int limit, Instant now) throws SQLException {
        List<ClaimedOrder> claimed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("update orders o set status = 'DELIVERING', claimed_by = ?,"
                + " claimed_at = ?, updated_at = ?, version = version + 1 from (select id from orders"
                + " where status = 'QUEUED' order by priority, due_at, received_at limit ? for update skip locked) q,"
                + " order_content oc where o.id = q.id and oc.order_id = o.id"
                + " returning o.id, o.po_number, o.sender, oc.canonical, o.channel")) {
            ps.setString(1, instanceId);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new ClaimedOrder(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        claimEvents(c, claimed, now);
        return claimed;
    }

    private List<ClaimedOrder> claimGuarded(Connection c, int limit, Instant now) throws SQLException {
        List<ClaimedOrder> candidates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select o.id, o.po_number, o.sender, oc.canonical, o.channel"
                + " from orders o join order_content oc on oc.order_id = o.id"
                + " where o.status = 'QUEUED' order by o.status, o.priority, o.due_at, o.received_at limit ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(new ClaimedOrder(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        if (candidates.isEmpty()) {
            return candidates;
        }
        List<ClaimedOrder> claimed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("update orders set status = 'DELIVERING', claimed_by = ?,"
                + " claimed_at = ?, updated_at = ?, version = version + 1 where id = ? and status = 'QUEUED'")) {
            for (ClaimedOrder o : candidates) {
                ps.setString(1, instanceId);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setObject(4, o.id());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                    claimed.add(candidates.get(i));
                }
            }
        }
        claimEvents(c, claimed, now);
        return claimed;
    }

    private void claimEvents(Connection c, List<ClaimedOrder> claimed, Instant now) throws SQLException {
        String detail = write(Map.of("instance", instanceId));
        Events.insertMany(c, claimed.stream().map(ClaimedOrder::id).toList(), now, "erp-delivery", "claimed",
                OrderStatus.QUEUED, OrderStatus.DELIVERING, detail);
    }

    /** The ERP accepted the order. */
    public boolean markDelivered(UUID id, String erpOrderNumber, int attempts) {
        return await(delivered(id, erpOrderNumber, attempts, true));
    }

    /**
     * The ERP accepted the order; recorded in the next shared commit without holding the caller's thread. The future
     * says whether the order moved (false: it was no longer DELIVERING). Until it completes the order counts as in
     * flight, so the claim never takes more than the in-flight limit.
     */
    public CompletableFuture<Boolean> markDeliveredAsync(UUID id, String erpOrderNumber, int attempts) {
        return delivered(id, erpOrderNumber, attempts, false);
    }

    private CompletableFuture<Boolean> delivered(UUID id, String erpOrderNumber, int attempts, boolean callerWaits) {
        return finish(id, OrderStatus.DELIVERED, erpOrderNumber, attempts, "erp-delivered",
                Map.of("erpOrderNumber", String.valueOf(erpOrderNumber), "attempts", attempts), callerWaits);
    }

    /** The ERP refused the order for good (4xx): a person has to look at it. */
    public boolean markRejected(UUID id, int httpStatus, String erpMessage, int attempts) {
        return await(finish(id, OrderStatus.ERP_REJECTED, null, attempts, "erp-rejected",
                Map.of("httpStatus", httpStatus, "message", String.valueOf(erpMessage), "attempts", attempts), true));
    }

    /** Every attempt failed (5xx, time-outs, connection errors): the dead-letter branch. */
    public boolean markFailed(UUID id, String error, int attempts) {
        return await(finish(id, OrderStatus.ERP_FAILED, null, attempts, "erp-failed",
                Map.of("message", String.valueOf(error), "attempts", attempts), true));
    }

    /**
     * Moves a DELIVERING order to its ERP outcome. A caller that waits (rejections, dead letters, tests) commits as a
     * waiting unit, with the group commit's time-out; the delivery route's acceptances go as background units.
     */
    private CompletableFuture<Boolean> finish(UUID id, OrderStatus to, String erpOrderNumber, int attempts,
                                              String eventType, Map<String, ?> detail, boolean callerWaits) {
        Instant now = clock.instant();
        String detailJson = write(detail);
        GroupCommit.Work<Boolean> work = c -> {
            // a delivered order's SLA clock stops here, in the same transaction (MET or MISSED): the SLA watch
            // would otherwise find it later and move it with a transaction of its own
            SlaClose sla = to == OrderStatus.DELIVERED ? slaClose(c, id, now) : null;
            try (PreparedStatement ps = c.prepareStatement("update orders set status = ?, erp_order_number ="
                    + " coalesce(?, erp_order_number), attempts = attempts + ?, claimed_by = null, claimed_at = null,"
                    + " updated_at = ?, version = version + 1, sla_state = coalesce(?, sla_state)"
                    + " where id = ? and status = 'DELIVERING'")) {
                ps.setString(1, to.name());
                ps.setString(2, erpOrderNumber);
                ps.setInt(3, attempts);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setString(5, sla == null ? null : sla.after());
                ps.setObject(6, id);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            if (sla == null) {
                Events.insert(c, id, now, ACTOR, eventType, OrderStatus.DELIVERING, to, detailJson);
            } else {
                Events.insertPair(c, id, now, ACTOR, eventType, OrderStatus.DELIVERING, to, detailJson,
                        "sla-" + sla.after().toLowerCase(java.util.Locale.ROOT), null, null,
                        write(Map.of("sla", Map.of("before", sla.before(), "after", sla.after()),
                                "dueAt", sla.dueAt().toString(), "finishedAt", now.toString())));
            }
            return true;
        };
        CompletableFuture<Boolean> changed;
        try {
            changed = callerWaits ? CompletableFuture.completedFuture(commits.submit(work)) : commits.submitAsync(work);
        } catch (RuntimeException e) {
            inFlight.remove(id);
            throw e;
        }
        return changed.whenComplete((moved, failure) -> {
            inFlight.remove(id);
            if (Boolean.FALSE.equals(moved)) {
                LOG.warn("Order {} was no longer DELIVERING when the ERP outcome {} arrived; left as it is", id, to);
            }
        });
    }

    /** Waits for an outcome recorded through the shared commit; its failure is rethrown as it was raised. */
    private static <T> T await(CompletableFuture<T> outcome) {
        try {
            return outcome.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The SLA move of an order delivered now: from its open state to MET or MISSED; null if its clock had stopped. */
    private record SlaClose(String before, String after, Instant dueAt) {
    }

    private static SlaClose slaClose(Connection c, UUID id, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select sla_state, due_at from orders where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String before = rs.getString(1);
                Instant dueAt = rs.getTimestamp(2).toInstant();
                if (!SlaState.isOpen(before)) {
                    return null;
                }
                return new SlaClose(before, (now.isAfter(dueAt) ? SlaState.MISSED : SlaState.MET).name(), dueAt);
            }
        }
    }

    /**
     * Sends an order that the ERP failed or rejected to the ERP again: back to QUEUED, with an event naming who.
     *
     * @return the status the order had, or null if it does not exist
     */
    public OrderStatus resubmit(UUID id, String actor, String reason) {
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            OrderStatus current;
            try (PreparedStatement ps = c.prepareStatement("select status from orders where id = ? for update")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    current = OrderStatus.valueOf(rs.getString(1));
                }
            }
            if (!current.resubmittable()) {
                return current;
            }
            try (PreparedStatement ps = c.prepareStatement("update orders set status = 'QUEUED', updated_at = ?,"
                    + " version = version + 1 where id = ? and status = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setObject(2, id);
                ps.setString(3, current.name());
                ps.executeUpdate();
            }
            OrderActions.touched(c, id, now); // an action from outside the hub: not touchless
            Events.insert(c, id, now, actor, "resubmitted", current, OrderStatus.QUEUED,
                    write(Map.of("reason", reason == null ? "" : reason, "before", Map.of("status", current.name()),
                            "after", Map.of("status", OrderStatus.QUEUED.name()))));
            return current;
        });
    }

    /**
     * Puts orders back in the queue whose claim is older than the lease: their hub instance died while delivering.
     * The ERP sees them again with the same idempotency key, so an order that did reach it is not booked twice.
     * With {@code all} every DELIVERING order is taken back (a single-instance hub at start).
     */
    public int recoverStaleClaims(boolean all) {
        Instant now = clock.instant();
        Instant before = all ? now.plusSeconds(1) : now.minus(claimLease);
        return recover("status = 'DELIVERING' and claimed_at < ?", ps -> ps.setTimestamp(1, Timestamp.from(before)), now);
    }

    /** At start: takes back the claims this instance id left when it last stopped or died. */
    public int recoverOwnClaims() {
        return recover("status = 'DELIVERING' and claimed_by = ?", ps -> ps.setString(1, instanceId), clock.instant());
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int recover(String where, Binder binder, Instant now) {
        int n = db.inTransaction(c -> {
            List<UUID> stale = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id from orders where " + where)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stale.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            for (UUID id : stale) {
                try (PreparedStatement ps = c.prepareStatement("update orders set status = 'QUEUED', claimed_by = null,"
                        + " claimed_at = null, updated_at = ?, version = version + 1 where id = ? and status = 'DELIVERING'")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setObject(2, id);
                    ps.executeUpdate();
                }
                Events.insert(c, id, now, "erp-delivery", "claim-expired", OrderStatus.DELIVERING, OrderStatus.QUEUED,
                        write(Map.of("instance", instanceId)));
            }
            return stale.size();
        });
        if (n > 0) {
            LOG.warn("Returned {} orders to the queue whose delivery claim had expired", n);
        }
        return n;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

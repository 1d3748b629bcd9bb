package io.orderhub.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhub.intake.CanonicalJsonMapper;
import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.OrderStatus;
import io.orderhub.model.Problem;
import io.orderhub.model.SourceRef;
import io.orderhub.sla.SlaState;
import io.orderhub.support.Database;
import io.orderhub.validation.OrderValidator;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a person does with an order on the exception desk: correct its fields (validated again: still problems →
 * NEEDS_REVIEW with the new reasons, clean → QUEUED), mark it a duplicate of another order, reject it for good. Each
 * action is one transaction: a guarded {@code UPDATE ... WHERE version = <the version the person saw>} and an event
 * naming who did it and what changed (before/after), so two people acting at once get a {@link Refused#CONFLICT}
 * instead of a lost update.
 */
public final class OrderActions {

    /** Why an action was not done; the API answers 404, 409 or 400. */
    public static final class Refused extends RuntimeException {
        public static final String NOT_FOUND = "not-found";
        public static final String CONFLICT = "conflict";
        public static final String INVALID = "invalid";

        private final String kind;
        private final transient List<Problem> problems;

        Refused(String kind, String message, List<Problem> problems) {
            super(message);
            this.kind = kind;
            this.problems = List.copyOf(problems);
        }

        Refused(String kind, String message) {
            this(kind, message, List.of());
        }

        public String kind() {
            return kind;
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** One changed canonical field: its JSON pointer and the values before and after (null: absent). */
    public record Change(String path, JsonNode before, JsonNode after) {
    }

    /** What an action did. */
    public record Result(UUID id, OrderStatus previousStatus, OrderStatus status, int version, List<Problem> problems,
                         List<Change> changes, UUID duplicateOf) {
    }

    private record Current(OrderStatus status, int version, String canonical, String provenance, String sender,
                           String poNumber, UUID duplicateOf, String slaState) {
    }

    private final Database db;
    private final ObjectMapper json;
    private final OrderValidator validator;
    private final CanonicalJsonMapper schema;
    private final Clock clock;

    public OrderActions(Database db, ObjectMapper json, OrderValidator validator, CanonicalJsonMapper schema,
                        Clock clock) {
        this.db = db;
        this.json = json;
        this.validator = validator;
        this.schema = schema;
        this.clock = clock;
    }

    /**
     * Applies a partial canonical order (JSON merge patch, RFC 7386: objects merge, {@code null} removes a field,
     * arrays such as {@code lines} are replaced whole) and validates the result again.
     *
     * @param expectedVersion the version the person edited (If-Match), or null for the current one
     */
    public Result correct(UUID id, JsonNode patch, Integer expectedVersion, String actor) {
        if (patch == null || !patch.isObject()) {
            throw new Refused(Refused.INVALID, "the body must be a JSON object with the canonical fields to change");
        }
        Instant now = clock.instant();
        return guarded(() -> db.inTransaction(c -> {
            Current current = current(c, id, expectedVersion);
            if (!current.status().correctable()) {
                throw new Refused(Refused.CONFLICT, "order " + id + " is " + current.status()
                        + "; only NEEDS_REVIEW, ERP_REJECTED and ERP_FAILED orders can be corrected");
            }
            JsonNode before = tree(current.canonical());
            if (patch.has("sender") && !patch.get("sender").asText("").equals(before.path("sender").asText(""))) {
                // the sender decides who may send the order and its agreement: a different one is a different order
                throw new Refused(Refused.INVALID, "sender cannot be corrected (it is " + current.sender()
                        + "); reject the order and have the right partner send it", List.of(new Problem("/sender",
                        "not-correctable", "sender cannot be corrected")));
            }
            JsonNode after = mergePatch(before.deepCopy(), patch);
            List<Problem> shape = schema.schemaProblems(after);
            if (!shape.isEmpty()) {
                throw new Refused(Refused.INVALID, "the corrected order does not match the canonical order schema;"
                        + " nothing was changed", shape);
            }
            CanonicalOrder order = bind(after);
            List<Change> changes = new ArrayList<>();
            diff("", before, after, changes);
            List<Problem> problems = new ArrayList<>(validator.validate(order));
            duplicatePoNumber(c, id, current, order).ifPresent(problems::add);
            OrderStatus to = problems.isEmpty() ? OrderStatus.QUEUED : OrderStatus.NEEDS_REVIEW;
            try (PreparedStatement ps = c.prepareStatement("update orders set sender = ?, customer_id = ?,"
                    + " po_number = ?, order_date = ?, currency = ?, line_count = ?, status = ?, problems = ?,"
                    + " updated_at = ?, touched_at = coalesce(touched_at, ?), version = version + 1"
                    + " where id = ? and version = ? and status = ?")) {
                ps.setString(1, order.sender() == null ? current.sender() : order.sender());
                ps.setString(2, QueueWriter.truncate(order.effectiveCustomerId(), 100));
                ps.setString(3, QueueWriter.truncate(order.poNumber(), 100));
                if (order.orderDate() == null) {
                    ps.setNull(4, Types.DATE);
                } else {
                    ps.setDate(4, Date.valueOf(order.orderDate()));
                }
                ps.setString(5, order.currency());
                ps.setInt(6, order.lines().size());
                ps.setString(7, to.name());
                ps.setString(8, problems.isEmpty() ? null : write(problems));
                ps.setTimestamp(9, Timestamp.from(now));
                ps.setTimestamp(10, Timestamp.from(now));
                ps.setObject(11, id);
                ps.setInt(12, current.version());
                ps.setString(13, current.status().name());
                if (ps.executeUpdate() != 1) {
                    throw changedMeanwhile(id);
                }
            }
            // the version guard above holds the row: the order's JSON beside it changes with it
            try (PreparedStatement ps = c.prepareStatement(
                    "update order_content set canonical = ?, provenance = ? where order_id = ?")) {
                ps.setString(1, write(order));
                ps.setString(2, provenance(current.provenance(), changes, actor));
                ps.setObject(3, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from order_lines where order_id = ?")) {
                ps.setObject(1, id);
                ps.executeUpdate();
            }
            QueueWriter.insertLines(c, id, order.lines());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("changes", changes);
            if (!problems.isEmpty()) {
                detail.put("problems", problems);
            }
            Events.insert(c, id, now, actor, "corrected", current.status(), to, write(detail));
            return new Result(id, current.status(), to, current.version() + 1, problems, changes, null);
        }));
    }

    /** Marks the order a duplicate of {@code originalId}: it is closed and never goes to the ERP. */
    public Result markDuplicate(UUID id, UUID originalId, String reason, Integer expectedVersion, String actor) {
        if (originalId == null) {
            throw new Refused(Refused.INVALID, "duplicateOf must name the id of the original order");
        }
        if (originalId.equals(id)) {
            throw new Refused(Refused.INVALID, "an order cannot be a duplicate of itself");
        }
        Instant now = clock.instant();
        return guarded(() -> db.inTransaction(c -> {
            Current current = current(c, id, expectedVersion);
            if (!current.status().correctable()) {
                throw new Refused(Refused.CONFLICT, "order " + id + " is " + current.status() + "; only NEEDS_REVIEW,"
                        + " ERP_REJECTED and ERP_FAILED orders can be marked as duplicates");
            }
            OrderStatus originalStatus = statusOf(c, originalId);
            if (originalStatus == null) {
                throw new Refused(Refused.INVALID, "duplicateOf: there is no order " + originalId);
            }
            if (originalStatus == OrderStatus.DUPLICATE) {
                throw new Refused(Refused.INVALID, "duplicateOf: order " + originalId + " is itself a duplicate;"
                        + " name the order it duplicates");
            }
            close(c, id, current, OrderStatus.DUPLICATE, originalId, now);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("before", state(current.status(), current.duplicateOf(), current.slaState()));
            detail.put("after", state(OrderStatus.DUPLICATE, originalId, SlaState.CLOSED.name()));
            if (reason != null && !reason.isBlank()) {
                detail.put("reason", reason);
            }
            Events.insert(c, id, now, actor, "marked-duplicate", current.status(), OrderStatus.DUPLICATE, write(detail));
            return new Result(id, current.status(), OrderStatus.DUPLICATE, current.version() + 1, List.of(), List.of(),
                    originalId);
        }));
    }

    /** Rejects the order for good, with a reason: final status REJECTED. */
    public Result reject(UUID id, String reason, Integer expectedVersion, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new Refused(Refused.INVALID, "reason: say why the order is rejected");
        }
        if (reason.length() > 2000) {
            throw new Refused(Refused.INVALID, "reason: at most 2000 characters, has " + reason.length());
        }
        Instant now = clock.instant();
        return guarded(() -> db.inTransaction(c -> {
            Current current = current(c, id, expectedVersion);
            if (!current.status().closableByPerson()) {
                throw new Refused(Refused.CONFLICT, "order " + id + " is " + current.status() + "; only NEEDS_REVIEW,"
                        + " DUPLICATE, ERP_REJECTED and ERP_FAILED orders can be rejected");
            }
            close(c, id, current, OrderStatus.REJECTED, current.duplicateOf(), now);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("reason", reason);
            detail.put("before", state(current.status(), null, current.slaState()));
            detail.put("after", state(OrderStatus.REJECTED, null, SlaState.CLOSED.name()));
            Events.insert(c, id, now, actor, "rejected", current.status(), OrderStatus.REJECTED, write(detail));
            return new Result(id, current.status(), OrderStatus.REJECTED, current.version() + 1, List.of(), List.of(),
                    null);
        }));
    }

    /**
     * Records that someone outside the hub acted on the order (for the touchless KPI): sets {@code touched_at} once,
     * to the first such action. Called in the transaction of the action, by actions that live elsewhere (resubmit).
     */
    public static void touched(Connection c, UUID id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update orders set touched_at = ? where id = ? and touched_at is null")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setObject(2, id);
            ps.executeUpdate();
        }
    }

    private void close(Connection c, UUID id, Current current, OrderStatus to, UUID duplicateOf, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update orders set status = ?, duplicate_of = ?,"
                + " sla_state = 'CLOSED', updated_at = ?, touched_at = coalesce(touched_at, ?), version = version + 1"
                + " where id = ? and version = ? and status = ?")) {
            ps.setString(1, to.name());
            ps.setObject(2, duplicateOf);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setObject(5, id);
            ps.setInt(6, current.version());
            ps.setString(7, current.status().name());
            if (ps.executeUpdate() != 1) {
                throw changedMeanwhile(id);
            }
        }
    }

    private static Map<String, Object> state(OrderStatus status, UUID duplicateOf, String slaState) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.name());
        if (duplicateOf != null) {
            m.put("duplicateOf", duplicateOf.toString());
        }
        m.put("sla", slaState);
        return m;
    }

    private static Current current(Connection c, UUID id, Integer expectedVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select status, version, canonical, provenance, sender,"
                + " po_number, duplicate_of, sla_state from orders join order_content on order_content.order_id = orders.id"
                + " where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new Refused(Refused.NOT_FOUND, "no order " + id);
                }
                Current current = new Current(OrderStatus.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3),
                        ProvenanceCodec.expand(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8));
                if (expectedVersion != null && expectedVersion != current.version()) {
                    throw new Refused(Refused.CONFLICT, "order " + id + " was changed meanwhile: it is at version "
                            + current.version() + ", the change was made to version " + expectedVersion
                            + ". Read it again and repeat the change if it still applies.");
                }
                return current;
            }
        }
    }

    private static OrderStatus statusOf(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select status from orders where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OrderStatus.valueOf(rs.getString(1)) : null;
            }
        }
    }

    /**
     * A corrected PO number moves the order's entry in the duplicate check; if another order holds the new number,
     * the correction is a duplicate: a problem, for the person to mark it so or correct it again.
     */
    private static java.util.Optional<Problem> duplicatePoNumber(Connection c, UUID id, Current current,
                                                                  CanonicalOrder order) throws SQLException {
        String sender = order.sender() == null ? current.sender() : order.sender();
        String po = QueueWriter.truncate(order.poNumber(), 100);
        if (Objects.equals(sender, current.sender()) && Objects.equals(po, current.poNumber())) {
            return java.util.Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("delete from po_numbers where order_id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
        if (po == null || po.isBlank()) {
            return java.util.Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into po_numbers (sender, po_number, order_id) values (?, ?, ?) on conflict do nothing")) {
            ps.setString(1, sender);
            ps.setString(2, po);
            ps.setObject(3, id);
            if (ps.executeUpdate() == 1) {
                return java.util.Optional.empty();
            }
        }
        UUID holder = null;
        try (PreparedStatement ps = c.prepareStatement("select order_id from po_numbers where sender = ? and po_number = ?")) {
            ps.setString(1, sender);
            ps.setString(2, po);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    holder = rs.getObject(1, UUID.class);
                }
            }
        }
        return java.util.Optional.of(new Problem("/poNumber", "duplicate-po-number", "PO number " + po + " of sender "
                + sender + " is already order " + holder + "; mark this order a duplicate of it or correct the PO number"));
    }

    /** RFC 7386 merge patch of {@code patch} onto {@code target}. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
            }
        });
        return result;
    }

    /** The changed leaves between two trees, by JSON pointer; a missing or null field is absent. */
    static void diff(String at, JsonNode before, JsonNode after, List<Change> out) {
        boolean b = before != null && !before.isNull() && !before.isMissingNode();
        boolean a = after != null && !after.isNull() && !after.isMissingNode();
        if (b && a && before.isObject() && after.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(at + "/" + CanonicalJsonMapper.escape(name), before.get(name), after.get(name), out);
            }
        } else if (b && a && before.isArray() && after.isArray()) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                diff(at + "/" + i, before.get(i), after.get(i), out);
            }
        } else if ((b || a) && !(b && a && sameValue(before, after))) {
            out.add(new Change(at, b ? before : null, a ? after : null));
        }
    }

    /** Equal values; numbers by value (12.5 and 12.50 are the same price). */
    private static boolean sameValue(JsonNode x, JsonNode y) {
        if (x.isNumber() && y.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue()) == 0;
        }
        return x.equals(y);
    }

    /** Fields a person changed now come from that person: their provenance says so. */
    private String provenance(String currentJson, List<Change> changes, String actor) {
        Map<String, Object> prov = new java.util.TreeMap<>();
        if (currentJson != null) {
            tree(currentJson).fields().forEachRemaining(e -> prov.put(e.getKey(), e.getValue()));
        }
        for (Change change : changes) {
            prov.keySet().removeIf(p -> p.equals(change.path()) || p.startsWith(change.path() + "/"));
            if (change.after() != null) {
                leaves(change.path(), change.after(), actor, prov);
            }
        }
        return write(prov);
    }

    private static void leaves(String at, JsonNode node, String actor, Map<String, Object> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> leaves(at + "/" + CanonicalJsonMapper.escape(e.getKey()), e.getValue(),
                    actor, out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(at + "/" + i, node.get(i), actor, out);
            }
        } else if (!node.isNull()) {
            out.put(at, new SourceRef("manual", actor, 1.0));
        }
    }

    private interface Work<T> {
        T run();
    }

    /** A concurrent change the database itself detected (H2: concurrent update; PostgreSQL: serialization failure). */
    private static <T> T guarded(Work<T> work) {
        try {
            return work.run();
        } catch (Database.DataAccessException e) {
            if (e.getCause() instanceof SQLException sql
                    && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 90131)) {
                throw new Refused(Refused.CONFLICT, "the order was changed by someone else at the same moment;"
                        + " read it again and repeat the change if it still applies");
            }
            throw e;
        }
    }

    private static Refused changedMeanwhile(UUID id) {
        return new Refused(Refused.CONFLICT, "order " + id + " was changed by someone else meanwhile; read it again"
                + " and repeat the change if it still applies");
    }

    private JsonNode tree(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON of an order is not readable", e);
        }
    }

    private CanonicalOrder bind(JsonNode tree) {
        try {
            return json.treeToValue(tree, CanonicalOrder.class);
        } catch (JsonProcessingException e) {
            throw new Refused(Refused.INVALID, "the corrected order cannot be read: " + e.getOriginalMessage()
                    + "; nothing was changed");
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

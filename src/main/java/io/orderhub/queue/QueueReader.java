package io.orderhub.queue;

import io.orderhub.support.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries of the queue for the API and for idempotent replays. */
public final class QueueReader {

    static final String SUMMARY_COLUMNS = "id, status, channel, sender, customer_id, po_number, order_date,"
            + " currency, line_count, priority, due_at, received_at, updated_at, erp_order_number, attempts, sla_state,"
            + " sla_at_risk_at";

    private final Database db;

    public QueueReader(Database db) {
        this.db = db;
    }

    public OrderViews.Page<OrderViews.OrderSummary> list(OrderFilter f) {
        return page(f, "", rs -> summary(rs));
    }

    /** The exception desk's list: orders a person has to look at, each with why. */
    public OrderViews.Page<OrderViews.ExceptionItem> exceptions(OrderFilter f) {
        return page(f, ", problems, duplicate_of, (select e.detail from order_events e where e.order_id = orders.id"
                + " and e.type in ('erp-rejected', 'erp-failed') order by e.id desc limit 1) as last_error",
                rs -> new OrderViews.ExceptionItem(summary(rs), rs.getString("problems"),
                        rs.getObject("duplicate_of", UUID.class), rs.getString("last_error")));
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> OrderViews.Page<T> page(OrderFilter f, String extraColumns, Row<T> row) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!f.statuses().isEmpty()) {
            where.append(" and status in (").append(String.join(", ", java.util.Collections.nCopies(f.statuses().size(), "?")))
                    .append(")");
            args.addAll(new java.util.TreeSet<>(f.statuses()));
        }
        condition(where, args, "channel = ?", f.channel());
        condition(where, args, "customer_id = ?", f.customer());
        condition(where, args, "sender = ?", f.sender());
        condition(where, args, "po_number = ?", f.poNumber());
        condition(where, args, "received_at >= ?", f.receivedFrom() == null ? null : Timestamp.from(f.receivedFrom()));
        condition(where, args, "received_at < ?", f.receivedTo() == null ? null : Timestamp.from(f.receivedTo()));
        condition(where, args, "sla_state = ?", f.slaState());
        condition(where, args, "problems like ?", f.reason() == null ? null : "%\"code\":\"" + f.reason() + "\"%");
        return db.read(c -> {
            long total;
            try (PreparedStatement ps = prepare(c, "select count(*) from orders" + where, args)) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<T> items = new ArrayList<>();
            String sql = "select " + SUMMARY_COLUMNS + extraColumns + " from orders" + where
                    + " order by " + f.sort().sql + " limit " + f.limit() + " offset " + f.offset();
            try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(row.read(rs));
                }
            }
            return new OrderViews.Page<>(items, f.offset(), f.limit(), total);
        });
    }

    public Optional<OrderViews.OrderDetail> order(UUID id) {
        return db.read(c -> {
            OrderViews.OrderDetail detail = null;
            try (PreparedStatement ps = c.prepareStatement("select id, status, channel, sender, customer_id, po_number,"
                    + " priority, due_at, received_at, updated_at, erp_order_number, attempts, duplicate_of, problems,"
                    + " document_id, position, canonical, provenance, version, sla_state, sla_at_risk_at, sla_alerted_at"
                    + " from orders join order_content on order_content.order_id = orders.id where id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    UUID documentId = rs.getObject("document_id", UUID.class);
                    detail = new OrderViews.OrderDetail(id, rs.getString("status"), rs.getString("channel"),
                            rs.getString("sender"), rs.getString("customer_id"), rs.getString("po_number"),
                            rs.getInt("priority"), instant(rs, "due_at"), instant(rs, "received_at"),
                            instant(rs, "updated_at"), rs.getString("erp_order_number"), rs.getInt("attempts"),
                            rs.getObject("duplicate_of", UUID.class), rs.getString("problems"), null, documentId,
                            "/api/documents/" + documentId, rs.getInt("position"), rs.getString("canonical"),
                            ProvenanceCodec.expand(rs.getString("provenance")), events(c, id), rs.getInt("version"),
                            new OrderViews.Sla(rs.getString("sla_state"), instant(rs, "due_at"),
                                    instant(rs, "sla_at_risk_at"), instant(rs, "sla_alerted_at")));
                }
            }
            return Optional.of(withLastError(detail));
        });
    }

    private static OrderViews.OrderDetail withLastError(OrderViews.OrderDetail d) {
        String lastError = null;
        for (OrderViews.Event e : d.events()) {
            if (e.type().startsWith("erp-") && !"erp-delivered".equals(e.type())) {
                lastError = e.detail();
            }
        }
        if (lastError == null) {
            return d;
        }
        return new OrderViews.OrderDetail(d.id(), d.status(), d.channel(), d.sender(), d.customerId(), d.poNumber(),
                d.priority(), d.dueAt(), d.receivedAt(), d.updatedAt(), d.erpOrderNumber(), d.attempts(),
                d.duplicateOf(), d.problems(), lastError, d.documentId(), d.documentUrl(), d.position(), d.order(),
                d.provenance(), d.events(), d.version(), d.sla());
    }

    private static List<OrderViews.Event> events(Connection c, UUID orderId) throws SQLException {
        List<OrderViews.Event> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, at, actor, type, from_status, to_status, detail"
                + " from order_events where order_id = ? order by id")) {
            ps.setObject(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new OrderViews.Event(rs.getLong(1), instant(rs, "at"), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return events;
    }

    public Optional<OrderViews.StoredDocument> document(UUID id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select id, received_at, channel, source, client, sender,"
                    + " content_type, format, checksum_sha256, size_bytes, status, problems, content"
                    + " from documents where id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    OrderViews.DocumentMeta meta = new OrderViews.DocumentMeta(id, instant(rs, "received_at"),
                            rs.getString("channel"), rs.getString("source"), rs.getString("client"),
                            rs.getString("sender"), rs.getString("content_type"), rs.getString("format"),
                            rs.getString("checksum_sha256"), rs.getInt("size_bytes"), rs.getString("status"),
                            rs.getString("problems"), ordersOf(c, id));
                    return Optional.of(new OrderViews.StoredDocument(meta,
                            DocumentParts.read(c, id, meta.sizeBytes(), rs.getBytes("content"))));
                }
            }
        });
    }

    /** The outcome a document had when it was first committed, for a request that repeats its Idempotency-Key. */
    public Optional<IntakeOutcome> outcomeForIdempotencyKey(String scope, String key) {
        return db.read(c -> {
            UUID documentId;
            try (PreparedStatement ps = c.prepareStatement(
                    "select document_id from idempotency_keys where scope = ? and idem_key = ?")) {
                ps.setString(1, scope);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    documentId = rs.getObject(1, UUID.class);
                }
            }
            String status;
            String format;
            try (PreparedStatement ps = c.prepareStatement("select status, format from documents where id = ?")) {
                ps.setObject(1, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    status = rs.getString(1);
                    format = rs.getString(2);
                }
            }
            List<IntakeOutcome.OrderOutcome> orders = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select id, po_number, status, duplicate_of from orders where document_id = ? order by position")) {
                ps.setObject(1, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        orders.add(new IntakeOutcome.OrderOutcome(rs.getObject(1, UUID.class), rs.getString(2),
                                io.orderhub.model.OrderStatus.valueOf(rs.getString(3)),
                                rs.getObject(4, UUID.class), List.of()));
                    }
                }
            }
            return Optional.of(new IntakeOutcome(documentId, status, format, List.of(), orders, false));
        });
    }

    /** Number of orders per status, for metrics and the queue view. */
    public java.util.Map<String, Long> countByStatus() {
        return db.read(c -> {
            java.util.Map<String, Long> counts = new java.util.TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("select status, count(*) from orders group by status");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    private static List<UUID> ordersOf(Connection c, UUID documentId) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id from orders where document_id = ? order by position")) {
            ps.setObject(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    static OrderViews.OrderSummary summary(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        java.sql.Date od = rs.getDate("order_date");
        return new OrderViews.OrderSummary(id, rs.getString("status"), rs.getString("channel"), rs.getString("sender"),
                rs.getString("customer_id"), rs.getString("po_number"), od == null ? null : od.toLocalDate(),
                rs.getString("currency"), rs.getInt("line_count"), rs.getInt("priority"), instant(rs, "due_at"),
                instant(rs, "received_at"), instant(rs, "updated_at"), rs.getString("erp_order_number"),
                rs.getInt("attempts"), rs.getString("sla_state"), instant(rs, "sla_at_risk_at"), "/api/orders/" + id);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static void condition(StringBuilder where, List<Object> args, String sql, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.append(" and ").append(sql);
            args.add(value);
        }
    }

    static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
        return ps;
    }
}

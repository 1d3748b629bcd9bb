package io.orderhub.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.intake.InboundDocument;
import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.OrderLine;
import io.orderhub.model.OrderStatus;
import io.orderhub.support.GroupCommit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Step 6 of the pipeline: writes a document and everything that became of it in one transaction — the original
 * bytes, its orders with their lines, and an event for each state an order enters. A document is never written
 * without its outcome, nor an order without its document. An Idempotency-Key seen before returns the first outcome.
 */
public final class QueueWriter {

    static final String ACTOR = "pipeline";

    private final GroupCommit commits;
    private final ObjectMapper json;
    private final QueueReader reader;
    private final CommitCheck check;

    /** Writes through group commit: many documents share one durable transaction under load. */
    public QueueWriter(GroupCommit commits, ObjectMapper json, QueueReader reader) {
        this(commits, json, reader, CommitCheck.NONE);
    }

    /** With a check run in each commit's transaction before the orders are written (see {@link CommitCheck}). */
    public QueueWriter(GroupCommit commits, ObjectMapper json, QueueReader reader, CommitCheck check) {
        this.commits = commits;
        this.json = json;
        this.reader = reader;
        this.check = check;
    }

    public IntakeOutcome commit(Intake intake) {
        InboundDocument doc = intake.document();
        boolean rejected = intake.mapping().rejected();
        // everything that does not need the database is prepared here, on the caller's thread, so the shared
        // writer thread (the intake bottleneck on H2) only binds values and executes
        DocumentRow docRow = documentRow(doc, intake, rejected);
        List<OrderRow> orderRows = orderRows(doc, intake);
        IntakeOutcome outcome = commits.submit(c -> {
            if (doc.idempotencyKey() != null && !claimIdempotencyKey(c, doc)) {
                return null;
            }
            insertDocument(c, docRow);
            Intake checked = check.check(c, intake);
            // a check that added problems (rare: a repeated EDI interchange) changes those orders' rows
            List<OrderRow> rows = checked == intake ? orderRows : orderRows(doc, checked);
            List<IntakeOutcome.OrderOutcome> orders = new ArrayList<>(rows.size());
            for (OrderRow row : rows) {
                orders.add(insertOrder(c, row));
            }
            return new IntakeOutcome(doc.id(), rejected ? IntakeOutcome.REJECTED : IntakeOutcome.ACCEPTED,
                    intake.mapping().format(), intake.mapping().problems(), orders, false);
        });
        if (outcome == null) {
            return reader.outcomeForIdempotencyKey(scope(doc), doc.idempotencyKey())
                    .orElseThrow(() -> new IllegalStateException("Idempotency-Key " + doc.idempotencyKey()
                            + " is taken but its document is not visible"))
                    .asReplay();
        }
        return outcome;
    }

    /** A document row with its checksum and problems already computed. */
    private record DocumentRow(InboundDocument doc, String sender, String format, String checksum, String status,
                               String problems) {
    }

    /** An order row with its JSON columns and event details already serialised. */
    private record OrderRow(PlannedOrder planned, InboundDocument doc, String sender, String problems,
                            String canonical, String provenance, String receivedDetail, String queuedDetail) {
    }

    private DocumentRow documentRow(InboundDocument doc, Intake intake, boolean rejected) {
        return new DocumentRow(doc, documentSender(doc, intake), intake.mapping().format(), sha256(doc.content()),
                rejected ? IntakeOutcome.REJECTED : IntakeOutcome.ACCEPTED,
                intake.mapping().problems().isEmpty() ? null : write(intake.mapping().problems()));
    }

    private List<OrderRow> orderRows(InboundDocument doc, Intake intake) {
        List<OrderRow> rows = new ArrayList<>(intake.planned().size());
        for (PlannedOrder p : intake.planned()) {
            rows.add(orderRow(doc, p));
        }
        return rows;
    }

    private OrderRow orderRow(InboundDocument doc, PlannedOrder p) {
        CanonicalOrder o = p.mapped().order();
        String received = write(Map.of("documentId", doc.id().toString(), "channel", doc.channel().id(),
                "source", String.valueOf(doc.source()), "format", doc.format()));
        String queued = p.problems().isEmpty()
                ? write(Map.of("priority", p.priority(), "dueAt", p.dueAt().toString()))
                : write(Map.of("problems", p.problems()));
        return new OrderRow(p, doc, o.sender() == null ? "UNKNOWN" : o.sender(),
                p.problems().isEmpty() ? null : write(p.problems()), write(o), ProvenanceCodec.encode(p.mapped().provenance()),
                received, queued);
    }

    static String scope(InboundDocument doc) {
        return doc.channel().id() + ":" + (doc.client() == null ? "-" : doc.client());
    }

    static boolean claimIdempotencyKey(Connection c, InboundDocument doc) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into idempotency_keys (scope, idem_key, document_id, created_at)"
                + " values (?, ?, ?, ?) on conflict do nothing")) {
            ps.setString(1, scope(doc));
            ps.setString(2, doc.idempotencyKey());
            ps.setObject(3, doc.id());
            ps.setTimestamp(4, Timestamp.from(doc.receivedAt()));
            return ps.executeUpdate() == 1;
        }
    }

    /** A document whose orders are written after it (StreamingCommit): ACCEPTED until its outcome is known. */
    void insertDocument(Connection c, InboundDocument doc, String format, String sender) throws SQLException {
        insertDocument(c, new DocumentRow(doc, sender, format, sha256(doc.content()), IntakeOutcome.ACCEPTED, null));
    }

    /** One order of a document already written in this transaction (StreamingCommit). */
    IntakeOutcome.OrderOutcome insertOrder(Connection c, InboundDocument doc, PlannedOrder p) throws SQLException {
        return insertOrder(c, orderRow(doc, p));
    }

    private static void insertDocument(Connection c, DocumentRow row) throws SQLException {
        InboundDocument doc = row.doc();
        try (PreparedStatement ps = c.prepareStatement("insert into documents (id, received_at, channel, source, client,"
                + " sender, content_type, format, checksum_sha256, size_bytes, content, status, problems)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, doc.id());
            ps.setTimestamp(2, Timestamp.from(doc.receivedAt()));
            ps.setString(3, doc.channel().id());
            ps.setString(4, truncate(doc.source(), 500));
            ps.setString(5, doc.client());
            ps.setString(6, row.sender());
            ps.setString(7, truncate(doc.contentType(), 200));
            ps.setString(8, row.format());
            ps.setString(9, row.checksum());
            ps.setInt(10, doc.content().length);
            ps.setBytes(11, DocumentParts.inParts(doc.content()) ? new byte[0] : doc.content());
            ps.setString(12, row.status());
            ps.setString(13, row.problems());
            ps.executeUpdate();
        }
        if (DocumentParts.inParts(doc.content())) {
            DocumentParts.write(c, doc.id(), doc.content());
        }
    }

    private static String documentSender(InboundDocument doc, Intake intake) {
        return intake.planned().isEmpty() ? doc.senderHint() : intake.planned().get(0).mapped().order().sender();
    }

    private IntakeOutcome.OrderOutcome insertOrder(Connection c, OrderRow row) throws SQLException {
        PlannedOrder p = row.planned();
        InboundDocument doc = row.doc();
        CanonicalOrder o = p.mapped().order();
        UUID duplicateOf = null;
        if (o.poNumber() != null && !o.poNumber().isBlank()) {
            duplicateOf = registerPoNumber(c, row.sender(), o.poNumber(), p.id());
        }
        OrderStatus status = duplicateOf != null ? OrderStatus.DUPLICATE
                : p.problems().isEmpty() ? OrderStatus.QUEUED : OrderStatus.NEEDS_REVIEW;
        Instant now = doc.receivedAt();
        try (PreparedStatement ps = c.prepareStatement("insert into orders (id, document_id, position, channel, sender,"
                + " customer_id, po_number, order_date, currency, line_count, status, priority, due_at, received_at,"
                + " updated_at, duplicate_of, problems, sla_at_risk_at, sla_state)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, p.id());
            ps.setObject(2, doc.id());
            ps.setInt(3, p.mapped().index());
            ps.setString(4, doc.channel().id());
            ps.setString(5, row.sender());
            ps.setString(6, truncate(o.effectiveCustomerId(), 100));
            ps.setString(7, truncate(o.poNumber(), 100));
            if (o.orderDate() == null) {
                ps.setNull(8, Types.DATE);
            } else {
                ps.setDate(8, Date.valueOf(o.orderDate()));
            }
            // the column holds ISO codes only; anything else stays in the canonical JSON, and validation made the
            // order NEEDS_REVIEW for it (bad-currency)
            ps.setString(9, o.currency() != null && o.currency().length() == 3 ? o.currency() : null);
            ps.setInt(10, o.lines().size());
            ps.setString(11, status.name());
            ps.setInt(12, p.priority());
            ps.setTimestamp(13, Timestamp.from(p.dueAt()));
            ps.setTimestamp(14, Timestamp.from(now));
            ps.setTimestamp(15, Timestamp.from(now));
            ps.setObject(16, duplicateOf);
            ps.setString(17, row.problems());
            ps.setTimestamp(18, Timestamp.from(p.atRiskAt()));
            ps.setString(19, status == OrderStatus.DUPLICATE ? "CLOSED" : "ON_TRACK");
            ps.executeUpdate();
        }
        // the JSON lives beside the queue row, which every state change rewrites (V13)
        try (PreparedStatement ps = c.prepareStatement(
                "insert into order_content (order_id, canonical, provenance) values (?, ?, ?)")) {
            ps.setObject(1, p.id());
            ps.setString(2, row.canonical());
            ps.setString(3, row.provenance());
            ps.executeUpdate();
        }
        insertLines(c, p.id(), o.lines());
        // the two state changes every order makes on intake, written with one batched statement
        String statusDetail = status == OrderStatus.DUPLICATE
                ? write(Map.of("duplicateOf", duplicateOf.toString(), "poNumber", o.poNumber()))
                : row.queuedDetail();
        Events.insertPair(c, p.id(), now, ACTOR,
                "received", null, OrderStatus.RECEIVED, row.receivedDetail(),
                eventType(status), OrderStatus.RECEIVED, status, statusDetail);
        return new IntakeOutcome.OrderOutcome(p.id(), o.poNumber(), status, duplicateOf, p.problems());
    }

    private static String eventType(OrderStatus status) {
        return switch (status) {
            case DUPLICATE -> "duplicate";
            case NEEDS_REVIEW -> "needs-review";
            default -> "queued";
        };
    }

    /** Registers the first order for a sender's PO number; returns the first order's id if this one is a repeat. */
    private static UUID registerPoNumber(Connection c, String sender, String po, UUID orderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into po_numbers (sender, po_number, order_id) values (?, ?, ?) on conflict do nothing")) {
            ps.setString(1, sender);
            ps.setString(2, truncate(po, 100));
            ps.setObject(3, orderId);
            if (ps.executeUpdate() == 1) {
                return null;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select order_id from po_numbers where sender = ? and po_number = ?")) {
            ps.setString(1, sender);
            ps.setString(2, truncate(po, 100));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("PO number " + po + " of " + sender + " is registered but cannot be read");
                }
                return rs.getObject(1, UUID.class);
            }
        }
    }

    static void insertLines(Connection c, UUID orderId, List<OrderLine> lines) throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into order_lines (order_id, line_number, buyer_item,"
                + " supplier_item, gtin, description, quantity, unit, unit_price, amount) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (OrderLine l : lines) {
                position++;
                ps.setObject(1, orderId);
                // the table keys lines by their position; the sender's own line number stays in the canonical JSON
                ps.setInt(2, position);
                ps.setString(3, truncate(l.buyerItem(), 100));
                ps.setString(4, truncate(l.supplierItem(), 100));
                ps.setString(5, truncate(l.gtin(), 14));
                ps.setString(6, truncate(l.description(), 500));
                ps.setBigDecimal(7, l.quantity());
                ps.setString(8, truncate(l.unit(), 10));
                ps.setBigDecimal(9, l.unitPrice());
                ps.setBigDecimal(10, l.amount());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}

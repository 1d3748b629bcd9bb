package io.orderhub.queue;

import io.orderhub.intake.InboundDocument;
import io.orderhub.model.Problem;
import io.orderhub.support.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Step 6 for documents too large to hold all their orders in memory (a 50 MB EDI interchange): the document and
 * every order it yields are written in ONE transaction of their own, each order as soon as its producer hands it over,
 * so memory does not grow with the number of orders.
 *
 * <p>Why one transaction and not a commit per chunk of orders: a crash (or a database failure) part way through then
 * leaves nothing behind — no document, no order, no idempotency key — and the source (the file in the drop, the HTTP
 * client) still holds the document; reading it again makes every order exactly once. Chunked commits would need a
 * resume point per document and a way to skip already committed messages when the file is read again; a single
 * transaction gets the same guarantee from the database. The price: the transaction is large (the database, not the
 * hub's heap, holds it until the commit) and it does not go through group commit, so it neither waits behind
 * nor holds up the small documents' batches beyond the database's own locking.
 */
public final class StreamingCommit {

    /**
     * Produces a document's orders one by one; returns the document's own problems once all are handed over. It gets
     * the transaction's connection for what it must record with the orders (the EDI interchanges a file holds, so a
     * repeated one is flagged, see {@code io.orderhub.edi.ack.InterchangeRegistry}); it must only write through it.
     */
    @FunctionalInterface
    public interface OrderSource {
        List<Problem> run(Connection connection, Consumer<PlannedOrder> sink) throws SQLException;
    }

    private final Database db;
    private final QueueWriter writer;
    private final QueueReader reader;

    public StreamingCommit(Database db, QueueWriter writer, QueueReader reader) {
        this.db = db;
        this.writer = writer;
        this.reader = reader;
    }

    public IntakeOutcome commit(InboundDocument doc, String format, OrderSource source) {
        IntakeOutcome outcome = db.inTransaction(c -> {
            if (doc.idempotencyKey() != null && !QueueWriter.claimIdempotencyKey(c, doc)) {
                return null;
            }
            writer.insertDocument(c, doc, format, doc.senderHint());
            List<IntakeOutcome.OrderOutcome> orders = new ArrayList<>();
            String[] sender = {null};
            List<Problem> problems;
            try {
                problems = source.run(c, p -> {
                    if (sender[0] == null) {
                        sender[0] = p.mapped().order().sender();
                    }
                    try {
                        orders.add(writer.insertOrder(c, doc, p));
                    } catch (SQLException e) {
                        throw new Failed(e);
                    }
                });
            } catch (Failed f) {
                throw f.getCause();
            }
            boolean rejected = orders.isEmpty();
            finish(c, doc, sender[0] != null ? sender[0] : doc.senderHint(), rejected, problems);
            return new IntakeOutcome(doc.id(), rejected ? IntakeOutcome.REJECTED : IntakeOutcome.ACCEPTED, format, problems,
                    orders, false);
        });
        if (outcome == null) {
            return reader.outcomeForIdempotencyKey(QueueWriter.scope(doc), doc.idempotencyKey())
                    .orElseThrow(() -> new IllegalStateException("Idempotency-Key " + doc.idempotencyKey()
                            + " is taken but its document is not visible"))
                    .asReplay();
        }
        return outcome;
    }

    /** The document's status, sender and problems are known only once all its orders have been read. */
    private void finish(Connection c, InboundDocument doc, String sender, boolean rejected, List<Problem> problems)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update documents set sender = ?, status = ?, problems = ? where id = ?")) {
            ps.setString(1, sender);
            ps.setString(2, rejected ? IntakeOutcome.REJECTED : IntakeOutcome.ACCEPTED);
            ps.setString(3, problems.isEmpty() ? null : writer.write(problems));
            ps.setObject(4, doc.id());
            ps.executeUpdate();
        }
    }

    /** Carries a database failure of one order out of the producer's callback. */
    private static final class Failed extends RuntimeException {
        Failed(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}

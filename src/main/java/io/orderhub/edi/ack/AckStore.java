package io.orderhub.edi.ack;

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

/** The table {@code edi_acknowledgements}: writing, reading, and the outbox's claims. */
public final class AckStore {

    private static final String COLUMNS = "id, document_id, subject, order_id, partner, kind, standard, answered_number,"
            + " control_number, status, file_name, destination, created_at, sent_at, send_error";

    private final Database db;

    public AckStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    /** Whether something answering this subject of the document was written already. */
    public boolean exists(UUID documentId, String subject) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select 1 from edi_acknowledgements where document_id = ? and subject = ?")) {
                ps.setObject(1, documentId);
                ps.setString(2, subject);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Inserts unless the subject is answered already; true if inserted. */
    static boolean insert(Connection c, StoredAck a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into edi_acknowledgements (" + COLUMNS + ", content)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            ps.setObject(1, a.id());
            ps.setObject(2, a.documentId());
            ps.setString(3, a.subject());
            ps.setObject(4, a.orderId());
            ps.setString(5, a.partner());
            ps.setString(6, a.kind());
            ps.setString(7, a.standard());
            ps.setString(8, InterchangeRegistry.cut(a.answeredNumber(), 35));
            ps.setString(9, a.controlNumber());
            ps.setString(10, a.status());
            ps.setString(11, a.fileName());
            ps.setString(12, a.destination());
            ps.setTimestamp(13, Timestamp.from(a.createdAt()));
            ps.setTimestamp(14, a.sentAt() == null ? null : Timestamp.from(a.sentAt()));
            ps.setString(15, a.sendError());
            ps.setBytes(16, a.content());
            return ps.executeUpdate() == 1;
        }
    }

    public List<StoredAck> forDocument(UUID documentId) {
        return query("select " + COLUMNS + ", content from edi_acknowledgements where document_id = ? order by created_at, subject",
                documentId);
    }

    public List<StoredAck> forOrder(UUID orderId) {
        return query("select " + COLUMNS + ", content from edi_acknowledgements where order_id = ? order by created_at", orderId);
    }

    public Optional<StoredAck> find(UUID id) {
        return query("select " + COLUMNS + ", content from edi_acknowledgements where id = ?", id).stream().findFirst();
    }

    /**
     * Claims up to {@code max} unsent acknowledgements that have a destination and no claim younger than
     * {@code retryAfter} ago (a failed or interrupted send is tried again once its claim is that old).
     */
    public List<StoredAck> claim(int max, Instant now, java.time.Duration retryAfter) {
        Timestamp stale = Timestamp.from(now.minus(retryAfter));
        List<StoredAck> candidates = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + ", content from edi_acknowledgements"
                    + " where sent_at is null and destination is not null and (claimed_at is null or claimed_at < ?)"
                    + " order by created_at limit " + max)) {
                ps.setTimestamp(1, stale);
                return rows(ps);
            }
        });
        List<StoredAck> claimed = new ArrayList<>();
        for (StoredAck a : candidates) {
            boolean mine = db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("update edi_acknowledgements set claimed_at = ?"
                        + " where id = ? and sent_at is null and (claimed_at is null or claimed_at < ?)")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setObject(2, a.id());
                    ps.setTimestamp(3, stale);
                    return ps.executeUpdate() == 1;
                }
            });
            if (mine) {
                claimed.add(a);
            }
        }
        return claimed;
    }

    public void sent(UUID id, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update edi_acknowledgements set sent_at = ?, send_error = null where id = ? and sent_at is null")) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setObject(2, id);
                return ps.executeUpdate();
            }
        });
    }

    public void failed(UUID id, String error) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("update edi_acknowledgements set send_error = ? where id = ?")) {
                ps.setString(1, InterchangeRegistry.cut(error, 1000));
                ps.setObject(2, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Puts a sent acknowledgement back in the outbox (re-send). */
    public boolean resend(UUID id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("update edi_acknowledgements set sent_at = null,"
                    + " claimed_at = null, send_error = null where id = ? and destination is not null")) {
                ps.setObject(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private List<StoredAck> query(String sql, UUID id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, id);
                return rows(ps);
            }
        });
    }

    private static List<StoredAck> rows(PreparedStatement ps) throws SQLException {
        List<StoredAck> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(new StoredAck(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), instant(rs.getTimestamp(13)),
                        instant(rs.getTimestamp(14)), rs.getString(15), rs.getBytes(16)));
            }
        }
        return list;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

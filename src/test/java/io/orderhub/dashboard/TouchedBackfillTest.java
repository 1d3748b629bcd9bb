package io.orderhub.dashboard;

import io.orderhub.support.Database;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V11 fills orders.touched_at for orders that existed before it, from their timelines: the first exception-desk
 * action (corrected, marked-duplicate, rejected, resubmitted); case events and the hub's own events leave it null.
 * On a real H2 file in PostgreSQL mode, migrated to V10, filled, then migrated on.
 */
class TouchedBackfillTest {

    @TempDir
    Path dir;

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void theFirstHumanActionOnTheTimelineBecomesTouchedAt() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("backfill") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Database db = new Database(url, "sa", "", 2)) {
            Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").target("10").load().migrate();
            UUID untouched = UUID.randomUUID();
            UUID corrected = UUID.randomUUID();
            UUID onlyCase = UUID.randomUUID();
            db.inTransaction(c -> {
                UUID doc = UUID.randomUUID();
                try (PreparedStatement ps = c.prepareStatement("insert into documents (id, received_at, channel,"
                        + " checksum_sha256, size_bytes, content, status) values (?, ?, 'http', 'x', 0, ?, 'ACCEPTED')")) {
                    ps.setObject(1, doc);
                    ps.setTimestamp(2, Timestamp.from(T0));
                    ps.setBytes(3, new byte[0]);
                    ps.executeUpdate();
                }
                int position = 0;
                for (UUID id : new UUID[] {untouched, corrected, onlyCase}) {
                    try (PreparedStatement ps = c.prepareStatement("insert into orders (id, document_id, position,"
                            + " channel, sender, line_count, status, priority, due_at, received_at, updated_at,"
                            + " canonical, provenance) values (?, ?, ?, 'http', 'ACME-SHOP', 0, 'DELIVERED', 3, ?, ?, ?,"
                            + " '{}', '{}')")) {
                        ps.setObject(1, id);
                        ps.setObject(2, doc);
                        ps.setInt(3, position++);
                        ps.setTimestamp(4, Timestamp.from(T0.plusSeconds(3600)));
                        ps.setTimestamp(5, Timestamp.from(T0));
                        ps.setTimestamp(6, Timestamp.from(T0));
                        ps.executeUpdate();
                    }
                    event(c, id, 0, "pipeline", "received");
                    event(c, id, 1, "erp-delivery", "erp-delivered");
                }
                event(c, corrected, 5, "user:cs", "corrected");
                event(c, corrected, 9, "client:demo", "resubmitted");
                event(c, onlyCase, 5, "user:cs", "case-linked");
                return null;
            });

            db.migrate();

            assertThat(touchedAt(db, untouched)).isNull();
            assertThat(touchedAt(db, onlyCase)).as("a case link does not touch the order").isNull();
            assertThat(touchedAt(db, corrected)).isEqualTo(T0.plusSeconds(5));
        }
    }

    private static void event(Connection c, UUID order, int seconds, String actor, String type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into order_events (order_id, at, actor, type) values (?, ?, ?, ?)")) {
            ps.setObject(1, order);
            ps.setTimestamp(2, Timestamp.from(T0.plusSeconds(seconds)));
            ps.setString(3, actor);
            ps.setString(4, type);
            ps.executeUpdate();
        }
    }

    private static Instant touchedAt(Database db, UUID id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select touched_at from orders where id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Timestamp t = rs.getTimestamp(1);
                    return t == null ? null : t.toInstant();
                }
            }
        });
    }
}

package io.orderhub.queue;

import io.orderhub.support.H2Maintenance;
import io.orderhub.support.Json;
import io.orderhub.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The H2 file's half-empty chunks are rewritten, so its space is reused instead of the file growing. */
class H2MaintenanceTest {

    @TempDir
    Path dir;

    @Test
    void compactionRaisesTheChunksFillRateOfAChurnedFile() throws Exception {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            // H2 rewrites only chunks older than its retention time (45 s by default); this test has no 45 s
            t.db().inTransaction(c -> c.createStatement().executeUpdate("set retention_time 0"));
            QueueWriter writer = new QueueWriter(t.commits(), Json.newMapper(), new QueueReader(t.db()));
            // one order per commit, then every order's row rewritten twice, as claim and ERP answer do: each
            // commit is a chunk of its own, most of whose pages later commits make dead
            for (int i = 0; i < 1500; i++) {
                writer.commit(QueueFixtures.intake("ACME-SHOP", "PO-" + UUID.randomUUID(), 3, Instant.now(),
                        Instant.now(), null));
            }
            for (String status : new String[] {"DELIVERING", "DELIVERED"}) {
                for (int round = 0; round < 30; round++) {
                    t.db().inTransaction(c -> {
                        try (PreparedStatement ps = c.prepareStatement("update orders set status = ?, version = version + 1"
                                + " where id in (select id from orders where status <> ? order by id limit 50)")) {
                            ps.setString(1, status);
                            ps.setString(2, status);
                            return ps.executeUpdate();
                        }
                    });
                }
            }
            H2Maintenance maintenance = new H2Maintenance(t.db(), 80, 16 * 1024 * 1024);
            int before = maintenance.chunksFillRate();
            assertThat(before).as("fill rate of the churned file").isLessThan(80);

            int passes = 0;
            while (maintenance.compact() && passes < 50) {
                passes++;
            }
            int after = maintenance.chunksFillRate();
            assertThat(passes).isPositive();
            assertThat(after).as("fill rate after %d passes (was %d %%)", passes, before).isGreaterThanOrEqualTo(70)
                    .isGreaterThan(before);
            // the data is all there
            assertThat(new QueueReader(t.db()).countByStatus().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(1500);
            assertThat(Files.list(dir).count()).isPositive();
        }
    }

    @Test
    void doesNothingOnPostgres() {
        try (TestDatabase t = TestDatabase.postgres()) {
            H2Maintenance maintenance = new H2Maintenance(t.db(), 80, 1024);
            assertThat(maintenance.compact()).isFalse();
            assertThat(maintenance.chunksFillRate()).isEqualTo(100);
        }
    }
}

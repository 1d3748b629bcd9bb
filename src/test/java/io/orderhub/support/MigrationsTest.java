package io.orderhub.support;

import io.orderhub.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Database-specific migrations: what each database gets, checked in its own catalogue. */
class MigrationsTest {

    @TempDir
    Path dir;

    @Test
    void h2HandsOutEventIdsFromALargeCache() {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            long cache = t.db().read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select identity_cache"
                        + " from information_schema.columns where table_name = 'order_events' and column_name = 'id'")) {
                    assertThat(rs.next()).isTrue();
                    return rs.getLong(1);
                }
            });
            assertThat(cache).isEqualTo(10_000);
        }
    }

    @Test
    void postgresKeepsEventIdsUncachedSoTheyAscendAcrossSessions() {
        try (TestDatabase t = TestDatabase.postgres()) {
            long cache = t.db().read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select s.seqcache from pg_sequence s"
                        + " join pg_class k on k.oid = s.seqrelid"
                        + " where k.oid = pg_get_serial_sequence('order_events', 'id')::regclass")) {
                    assertThat(rs.next()).isTrue();
                    return rs.getLong(1);
                }
            });
            assertThat(cache).isEqualTo(1);
        }
    }
}

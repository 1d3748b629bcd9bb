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

    @Test
    void h2KeepsOneIndexOfEventsByOrderAndStillFindsThemByIt() {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            java.util.List<String> byOrder = t.db().read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select index_name"
                        + " from information_schema.index_columns where table_name = 'order_events'"
                        + " and column_name = 'order_id' and ordinal_position = 1")) {
                    java.util.List<String> names = new java.util.ArrayList<>();
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                    return names;
                }
            });
            // the foreign key's own index is left; order_events_order duplicated it
            assertThat(byOrder).hasSize(1).doesNotContain("order_events_order");
            String plan = t.db().read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("explain select id from order_events"
                        + " where order_id = '01a21cae-e6ed-70ee-bf49-447db0f389db' order by id")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(plan).contains(byOrder.get(0));
        }
    }

    @Test
    void postgresKeepsItsOnlyIndexOfEventsByOrder() {
        try (TestDatabase t = TestDatabase.postgres()) {
            long n = t.db().read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from pg_indexes"
                        + " where tablename = 'order_events' and indexname = 'order_events_order'"
                        + " and schemaname = current_schema()")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(n).isEqualTo(1);
        }
    }
}

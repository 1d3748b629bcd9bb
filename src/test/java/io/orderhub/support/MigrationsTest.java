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
            long cache = firstLong(t, "select identity_cache"
                    + " from information_schema.columns where table_name = 'order_events' and column_name = 'id'");
            assertThat(cache).isEqualTo(10_000);
        }
    }

    @Test
    void postgresKeepsEventIdsUncachedSoTheyAscendAcrossSessions() {
        try (TestDatabase t = TestDatabase.postgres()) {
            long cache = firstLong(t, "select s.seqcache from pg_sequence s join pg_class k on k.oid = s.seqrelid"
                    + " where k.oid = pg_get_serial_sequence('order_events', 'id')::regclass");
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
            long n = firstLong(t, "select count(*) from pg_indexes"
                    + " where tablename = 'order_events' and indexname = 'order_events_order' and schemaname = current_schema()");
            assertThat(n).isEqualTo(1);
        }
    }

    /** The first column of the query's first row; the query must return a row. */
    private static long firstLong(TestDatabase t, String sql) {
        return t.db().read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                assertThat(rs.next()).as("a row from %s", sql).isTrue();
                return rs.getLong(1);
            }
        });
    }
}

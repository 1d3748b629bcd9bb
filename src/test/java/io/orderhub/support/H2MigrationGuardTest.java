package io.orderhub.support;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A hub killed in the middle of a migration on H2 (./run.sh bench soak found it: V4 had added its column, Flyway
 * had not recorded V4, and every later start failed with "Duplicate column name"). The state such a kill leaves is
 * made here with real H2 files: migrated to V3, V4's first statement applied, no history row for V4.
 */
class H2MigrationGuardTest {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("orderhub").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    @Test
    void aMigrationCutShortIsRolledBackToTheCopyAndRunAgain() {
        try (Database killed = new Database(url(), "sa", "", 2)) {
            migrateTo(killed, "3");
            H2MigrationGuard guard = H2MigrationGuard.forUrl(url()).orElseThrow();
            guard.takeCopy(killed.dataSource());
            halfOfV4(killed);
            // the process dies here: the copy stays, V4 is half applied and not in Flyway's history
        }
        assertThat(dir.resolve("orderhub.pre-migration.zip")).exists();

        try (Database restarted = new Database(url(), "sa", "", 2)) {
            restarted.migrate();
            assertThat(columns(restarted, "orders", "sla_state")).isEqualTo(1);
            assertThat(newestVersion(restarted)).isEqualTo(latestMigration(restarted));
            assertThat(pending(restarted)).isZero();
        }
        assertThat(dir.resolve("orderhub.pre-migration.zip")).doesNotExist();
    }

    @Test
    void withoutTheCopyTheHalfAppliedMigrationFailsEveryStart() {
        try (Database killed = new Database(url(), "sa", "", 2)) {
            migrateTo(killed, "3");
            halfOfV4(killed);
        }
        try (Database restarted = new Database(url(), "sa", "", 2)) {
            assertThatThrownBy(restarted::migrate).hasStackTraceContaining("Duplicate column name");
        }
    }

    @Test
    void aCompleteMigrationLeavesNoCopyAndAnUpToDateStartTakesNone() throws Exception {
        try (Database first = new Database(url(), "sa", "", 2)) {
            first.migrate();
        }
        assertThat(dir.resolve("orderhub.pre-migration.zip")).doesNotExist();
        try (Database second = new Database(url(), "sa", "", 2)) {
            second.migrate();
            assertThat(newestVersion(second)).isEqualTo(latestMigration(second));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("pre-migration"));
        }
    }

    @Test
    void aHalfWrittenCopyMeansTheMigrationHadNotBegunAndIsDropped() throws Exception {
        try (Database first = new Database(url(), "sa", "", 2)) {
            migrateTo(first, "3");
        }
        Files.writeString(dir.resolve("orderhub.pre-migration.zip.tmp"), "cut short");
        try (Database restarted = new Database(url(), "sa", "", 2)) {
            restarted.migrate();
            assertThat(newestVersion(restarted)).isEqualTo(latestMigration(restarted));
            assertThat(pending(restarted)).isZero();
        }
        assertThat(dir.resolve("orderhub.pre-migration.zip.tmp")).doesNotExist();
    }

    @Test
    void onlyH2FilesAreGuarded() {
        assertThat(H2MigrationGuard.forUrl("jdbc:h2:mem:x;MODE=PostgreSQL")).isEmpty();
        assertThat(H2MigrationGuard.forUrl("jdbc:h2:tcp://localhost/x")).isEmpty();
        assertThat(H2MigrationGuard.forUrl("jdbc:h2:file:./data/orderhub;MODE=PostgreSQL").orElseThrow().backup())
                .isEqualTo(Path.of("data/orderhub.pre-migration.zip").toAbsolutePath());
    }

    private static Flyway flyway(Database db) {
        return Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").load();
    }

    /** The newest migration the hub ships. */
    private static String latestMigration(Database db) {
        return java.util.Arrays.stream(flyway(db).info().all()).map(i -> i.getVersion())
                .filter(java.util.Objects::nonNull).max(Comparable::compareTo).orElseThrow().getVersion();
    }

    private static int pending(Database db) {
        return flyway(db).info().pending().length;
    }

    private static void migrateTo(Database db, String version) {
        Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").target(version).load()
                .migrate();
    }

    /** V4's first statement, as a kill right after it leaves the database. */
    private static void halfOfV4(Database db) {
        db.read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("alter table orders add column sla_state varchar(16) not null default 'ON_TRACK'");
            }
            return null;
        });
    }

    private static int columns(Database db, String table, String column) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from"
                    + " information_schema.columns where table_name = '" + table + "' and column_name = '" + column + "'")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static String newestVersion(Database db) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select version from"
                    + " flyway_schema_history where success order by installed_rank desc limit 1")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}

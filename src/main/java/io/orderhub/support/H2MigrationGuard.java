package io.orderhub.support;

import org.h2.tools.Restore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes Flyway's migrations of an H2 file all-or-nothing across a crash. H2 commits every DDL statement at once, so
 * a hub killed in the middle of a migration leaves the migration's first statements applied and no row for it in
 * Flyway's history; the next start runs the migration again, fails on its first statement ("Duplicate column
 * name") and the hub never starts again (found by ./run.sh bench soak).
 *
 * <p>Before it migrates, the hub takes an online copy of the database ({@code BACKUP TO}, written under a temporary
 * name and then renamed, so the copy is either whole or absent) next to the file: {@code <name>.pre-migration.zip}.
 * It deletes the copy once every migration has been applied. A start that finds the copy knows the last migration
 * was cut short: it puts the copy back in place of the database before opening it, and migrates again. Migrations
 * run before any route starts, so the copy never misses an order.
 */
final class H2MigrationGuard {

    private static final Logger LOG = LoggerFactory.getLogger(H2MigrationGuard.class);
    private static final Pattern H2_FILE_URL = Pattern.compile("^jdbc:h2:(?:file:)?([^;:]+)(;.*)?$",
            Pattern.CASE_INSENSITIVE);

    private final Path dir;
    private final String name;

    H2MigrationGuard(Path database) {
        Path absolute = database.toAbsolutePath().normalize();
        this.dir = absolute.getParent();
        this.name = absolute.getFileName().toString();
    }

    /** The guard of an H2 file database; none for in-memory, TCP or other URLs. */
    static Optional<H2MigrationGuard> forUrl(String url) {
        if (url.regionMatches(true, 0, "jdbc:h2:mem:", 0, 12) || url.regionMatches(true, 0, "jdbc:h2:tcp:", 0, 12)
                || url.regionMatches(true, 0, "jdbc:h2:ssl:", 0, 12)) {
            return Optional.empty();
        }
        Matcher m = H2_FILE_URL.matcher(url);
        if (!m.matches()) {
            return Optional.empty();
        }
        String file = m.group(1);
        if (file.startsWith("~")) {
            file = System.getProperty("user.home") + file.substring(1);
        }
        return Optional.of(new H2MigrationGuard(Path.of(file)));
    }

    Path backup() {
        return dir.resolve(name + ".pre-migration.zip");
    }

    private Path partialBackup() {
        return dir.resolve(name + ".pre-migration.zip.tmp");
    }

    private Path databaseFile() {
        return dir.resolve(name + ".mv.db");
    }

    /**
     * Before the database is opened: drops a half-written copy (the migration had not begun, the database is
     * intact) and, if a whole copy is there, puts it back in place of the database.
     */
    void restoreIfInterrupted() {
        try {
            Files.deleteIfExists(partialBackup());
            Path backup = backup();
            if (!Files.exists(backup)) {
                return;
            }
            LOG.warn("The last migration of {} was cut short (the copy taken before it is still there): restoring {}"
                    + " and migrating again", databaseFile(), backup);
            Files.deleteIfExists(databaseFile());
            Restore.execute(backup.toString(), dir.toString(), name);
            if (!Files.exists(databaseFile())) {
                throw new IllegalStateException(backup + " holds no " + databaseFile().getFileName());
            }
            Files.delete(backup);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes the copy ({@code BACKUP TO} a temporary name, then an atomic rename). */
    void takeCopy(DataSource dataSource) {
        Path partial = partialBackup();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            Files.move(partial, backup(), StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            throw new Database.DataAccessException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the migrations between taking the copy and deleting it. */
    void migrate(DataSource dataSource, Runnable migrations) {
        long t0 = System.nanoTime();
        takeCopy(dataSource);
        LOG.info("Copy of {} taken before migrating ({} ms): {}", databaseFile(), (System.nanoTime() - t0) / 1_000_000,
                backup());
        migrations.run();
        try {
            Files.delete(backup());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

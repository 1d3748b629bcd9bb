package io.orderhub.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The queue database: a HikariCP pool, the dialect, migrations, and a transaction helper.
 * H2 (file mode, PostgreSQL compatibility) is the embedded default; PostgreSQL is the production store.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    public enum Dialect { H2, POSTGRESQL }

    @FunctionalInterface
    public interface TxWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    /** H2 files only: migrations all-or-nothing across a crash (see {@link H2MigrationGuard}). */
    private final H2MigrationGuard migrationGuard;

    public Database(String url, String user, String password, int poolSize) {
        this.dialect = url.startsWith("jdbc:postgresql:") ? Dialect.POSTGRESQL : Dialect.H2;
        this.migrationGuard = dialect == Dialect.H2 ? H2MigrationGuard.forUrl(url).orElse(null) : null;
        if (migrationGuard != null) {
            migrationGuard.restoreIfInterrupted();
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("orderhub-db");
        config.setJdbcUrl(dialect == Dialect.H2 ? h2Settings(url) : url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(true);
        config.setConnectionTimeout(10_000);
        if (dialect == Dialect.POSTGRESQL) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        this.dataSource = new HikariDataSource(config);
        LOG.info("Queue database {} ({}), pool of {}", redact(url), dialect, poolSize);
    }

    /**
     * The settings the hub runs H2 with, added to any H2 URL that does not set them itself:
     * <ul>
     * <li>WRITE_DELAY=0. H2 writes committed data to its file only after WRITE_DELAY (500 ms by default): a hub
     * killed in that window would lose orders it has already answered 202 for. 0 writes at every commit (to the OS;
     * a power cut is PostgreSQL's job).</li>
     * <li>DB_CLOSE_ON_EXIT=FALSE leaves closing the file to the hub's shutdown instead of H2's own shutdown hook,
     * which would close it under routes that are still stopping.</li>
     * <li>QUERY_CACHE_SIZE=32. Each H2 session keeps its parsed statements in a cache of 8 by default; the group
     * commit's writer runs about a dozen different statements in turn (an order's six inserts, the delivery claim
     * and the ERP outcomes), so with 8 it parsed statements again whenever intake's and delivery's units took
     * turns in a transaction.</li>
     * </ul>
     */
    static String h2Settings(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        String withSettings = url;
        if (!upper.contains("WRITE_DELAY=")) {
            withSettings += ";WRITE_DELAY=0";
        }
        if (!upper.contains("DB_CLOSE_ON_EXIT=")) {
            withSettings += ";DB_CLOSE_ON_EXIT=FALSE";
        }
        if (!upper.contains("QUERY_CACHE_SIZE=")) {
            withSettings += ";QUERY_CACHE_SIZE=" + H2_QUERY_CACHE_SIZE;
        }
        return withSettings;
    }

    static final int H2_QUERY_CACHE_SIZE = 32;

    /** Applies the Flyway migrations under db/migration. */
    public void migrate() {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        Runnable migrations = () -> {
            var result = flyway.migrate();
            LOG.info("Schema at version {} ({} migrations applied now)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        };
        if (migrationGuard != null && flyway.info().pending().length > 0) {
            migrationGuard.migrate(dataSource, migrations);
        } else {
            migrations.run();
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Runs work in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(TxWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Runs read-only work with an auto-commit connection. */
    public <T> T read(TxWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** A database failure; retryable by the caller's error handler. */
    public static final class DataAccessException extends RuntimeException {
        public DataAccessException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}

package io.orderhub.ops;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Health check {@code database}: borrows a connection from the pool and runs {@code select 1}, on its own
 * thread, waiting at most the timeout. DOWN names the error, or says the database did not answer in time
 * (with the last error seen, if any). A probe still running is waited for, never started twice.
 */
public final class DatabaseHealthCheck extends AbstractHealthCheck {

    public static final String ID = "database";

    private final DataSource dataSource;
    private final String database;
    private final Duration timeout;
    private final boolean liveness;
    private final ExecutorService executor;

    private Future<Long> probe;
    private volatile String lastError;

    /**
     * @param database a name for the details, such as the dialect
     * @param liveness whether a failing database also fails liveness (the database lives in this process)
     * @param executor runs the probes; one thread is enough
     */
    public DatabaseHealthCheck(DataSource dataSource, String database, Duration timeout, boolean liveness,
                               ExecutorService executor) {
        super(HealthChecks.GROUP, ID);
        this.dataSource = dataSource;
        this.database = database;
        this.timeout = timeout;
        this.liveness = liveness;
        this.executor = executor;
    }

    @Override
    public boolean isReadiness() {
        return true;
    }

    @Override
    public boolean isLiveness() {
        return liveness;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("database", database);
        builder.detail("timeout.ms", timeout.toMillis());
        poolDetails(builder);
        try {
            long millis = startOrJoinProbe().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            builder.detail("validation.ms", millis);
            builder.message("database answered in " + millis + " ms").up();
        } catch (TimeoutException e) {
            String last = lastError;
            builder.message("database did not answer within " + timeout.toMillis() + " ms"
                    + (last == null ? "" : "; last error: " + last)).down();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            builder.message("database unreachable: " + cause.getMessage()).error(cause).down();
        } catch (RejectedExecutionException e) {
            builder.message("database check not running: the hub is stopping").down();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.message("database check interrupted").down();
        }
    }

    private synchronized Future<Long> startOrJoinProbe() {
        if (probe == null || probe.isDone()) {
            probe = executor.submit(this::validate);
        }
        return probe;
    }

    /** Runs the validation query; returns how long it took in milliseconds. */
    private long validate() throws SQLException {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            s.execute("select 1");
            lastError = null;
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        } catch (SQLException | RuntimeException e) {
            lastError = e.getMessage();
            throw e;
        }
    }

    private void poolDetails(HealthCheckResultBuilder builder) {
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
            builder.detail("pool.active", pool.getActiveConnections());
            builder.detail("pool.idle", pool.getIdleConnections());
            builder.detail("pool.waiting", pool.getThreadsAwaitingConnection());
            builder.detail("pool.max", hikari.getMaximumPoolSize());
        }
    }
}

package io.orderhub.crash;

import io.orderhub.testing.ChildHub;
import io.orderhub.testing.Postgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The queue database of one crash scenario, outliving the hub processes that use it: an H2 file in a temporary
 * directory (with the hub's own default URL settings), or a fresh schema on the test PostgreSQL server, dropped on
 * close. The test reads it with plain JDBC while no hub runs (H2 allows one process per file).
 */
final class QueueStore implements AutoCloseable {

    enum Kind { H2, POSTGRES }

    /** The claim lease the test gives the hub; on PostgreSQL an abandoned claim is recovered only after it. */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(5);
    /** The instance id of the hub in both runs: at start an instance takes back its own claims at once. */
    static final String INSTANCE_ID = "crash-test-hub";

    private final Kind kind;
    private final String url;
    private final String user;
    private final String schema;

    private QueueStore(Kind kind, String url, String user, String schema) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.schema = schema;
    }

    /** A fresh store; for PostgreSQL skips the test (or fails it, if required) when the server is not reachable. */
    static QueueStore create(Kind kind, Path dir) throws IOException {
        if (kind == Kind.POSTGRES) {
            Postgres.assumeAvailable();
            String schema = Postgres.createSchema("oh_crash");
            return new QueueStore(kind, Postgres.urlFor(schema), Postgres.USER, schema);
        }
        // the hub's own default settings, only with the file moved to the test's directory
        return new QueueStore(kind, ChildHub.h2Url(dir), "sa", null);
    }

    Kind kind() {
        return kind;
    }

    String url() {
        return url;
    }

    /** The -D properties that point a hub at this store. */
    Map<String, String> hubProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("orderhub.db.url", url);
        p.put("orderhub.db.user", user);
        p.put("orderhub.erp.claim-lease", CLAIM_LEASE.toString());
        p.put("orderhub.instance-id", INSTANCE_ID);
        return p;
    }

    /**
     * How long after a restart an order left DELIVERING by the killed hub may take to be queued again: none. On H2
     * every claim is recovered at start; on PostgreSQL the restarted instance (same instance id) takes back its own.
     */
    Duration recoveryAfterRestart() {
        return Duration.ZERO;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    @Override
    public void close() {
        if (schema != null) {
            Postgres.dropSchema(schema);
        }
    }

    @Override
    public String toString() {
        return kind + " " + url;
    }
}

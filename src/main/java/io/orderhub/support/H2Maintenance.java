package io.orderhub.support;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

/**
 * Keeps the embedded H2 file from growing without end. H2 writes every commit as a new chunk and frees a chunk only
 * when none of its pages is live any more; its own background thread rewrites half-empty chunks, but that thread
 * only runs with a write delay, and the hub runs H2 with WRITE_DELAY=0 so that every answered order is in the file
 * (see {@link Database}). Without it the file grew by ~30 KB per order under load (42,000 orders: 1.2 GB, 80 MB
 * after SHUTDOWN COMPACT). This does what that thread would: when the chunks' fill rate is below the target, rewrite
 * the live pages of the emptiest chunks (at most {@code writeLimitBytes} per run) so that their space is reused.
 * Run by the timer route {@code h2-compact} (routes/maintenance.camel.yaml); does nothing on PostgreSQL.
 */
public final class H2Maintenance {

    private static final Logger LOG = LoggerFactory.getLogger(H2Maintenance.class);

    private final Database db;
    private final int targetFillRate;
    private final int writeLimitBytes;

    public H2Maintenance(Database db, int targetFillRate, int writeLimitBytes) {
        this.db = db;
        this.targetFillRate = targetFillRate;
        this.writeLimitBytes = writeLimitBytes;
    }

    /** One pass; returns whether chunks were rewritten. */
    public boolean compact() {
        if (db.dialect() != Database.Dialect.H2) {
            return false;
        }
        return db.read(c -> {
            MVStore store = mvStore(c.unwrap(JdbcConnection.class));
            if (store == null) {
                return false;
            }
            int before = store.getFileStore().getChunksFillRate();
            if (before >= targetFillRate) {
                return false;
            }
            boolean rewritten = store.compact(targetFillRate, writeLimitBytes);
            if (rewritten) {
                // the rewritten pages are unsaved changes until the next store; write them now, so the old chunks
                // are no longer needed (and their space reusable once H2's retention time has passed)
                store.commit();
                LOG.debug("H2 chunks {} % full; rewrote up to {} bytes of live pages, now {} %", before, writeLimitBytes,
                        store.getFileStore().getChunksFillRate());
            }
            return rewritten;
        });
    }

    /** The chunks' fill rate in percent (100 on PostgreSQL), for tests and metrics. */
    public int chunksFillRate() {
        if (db.dialect() != Database.Dialect.H2) {
            return 100;
        }
        return db.read(c -> {
            MVStore store = mvStore(c.unwrap(JdbcConnection.class));
            return store == null ? 100 : store.getFileStore().getChunksFillRate();
        });
    }

    private static MVStore mvStore(JdbcConnection connection) throws SQLException {
        if (!(connection.getSession() instanceof SessionLocal session) || session.getDatabase().getStore() == null) {
            return null;
        }
        return session.getDatabase().getStore().getMvStore();
    }
}

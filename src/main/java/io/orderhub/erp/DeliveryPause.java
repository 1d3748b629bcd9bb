package io.orderhub.erp;

import io.orderhub.support.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Whether ERP delivery is paused (an ERP maintenance window). The state is a row in {@code erp_settings} (V11), so
 * every hub instance on the database and a restarted hub honour it; each instance reads it at most once per
 * {@code refresh}, so the claim asks this bean on every poll without a query each time. Every change is written to
 * {@code erp_settings_log} with who made it, in the same transaction, and logged.
 */
public final class DeliveryPause implements BooleanSupplier {

    static final String SETTING = "delivery-paused";
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryPause.class);

    /** The stored state: paused or not, who changed it last and when. */
    public record State(boolean paused, String changedBy, Instant changedAt) {
    }

    /** One change of the setting. */
    public record Change(Instant at, String actor, boolean paused) {
    }

    private final Database db;
    private final Clock clock;
    private final long refreshNanos;
    private volatile boolean paused;
    private volatile long readAtNanos;
    private volatile boolean everRead;

    public DeliveryPause(Database db, Clock clock, Duration refresh) {
        this.db = db;
        this.clock = clock;
        this.refreshNanos = refresh.toNanos();
    }

    /** Paused? From the value read at most {@code refresh} ago; a failed read keeps the last known value. */
    public boolean paused() {
        long now = System.nanoTime();
        if (!everRead || now - readAtNanos >= refreshNanos) {
            try {
                paused = state().paused();
                everRead = true;
            } catch (RuntimeException e) {
                LOG.warn("Could not read whether ERP delivery is paused; keeping {}: {}", paused, e.toString());
            }
            readAtNanos = now;
        }
        return paused;
    }

    @Override
    public boolean getAsBoolean() {
        return paused();
    }

    /** The stored state, read now. */
    public State state() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select setting_value, changed_by, changed_at"
                    + " from erp_settings where setting = ?")) {
                ps.setString(1, SETTING);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new State(false, null, null);
                    }
                    return new State(Boolean.parseBoolean(rs.getString(1)), rs.getString(2),
                            rs.getTimestamp(3).toInstant());
                }
            }
        });
    }

    /**
     * Pauses or resumes delivery. Setting the state it already has changes nothing and is not logged.
     *
     * @return true if the state changed
     */
    public boolean set(boolean pause, String actor) {
        Instant now = clock.instant();
        boolean changed = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("update erp_settings set setting_value = ?,"
                    + " changed_by = ?, changed_at = ? where setting = ? and setting_value <> ?")) {
                ps.setString(1, Boolean.toString(pause));
                ps.setString(2, actor);
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setString(4, SETTING);
                ps.setString(5, Boolean.toString(pause));
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into erp_settings_log (at, actor, setting,"
                    + " setting_value) values (?, ?, ?, ?)")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, actor);
                ps.setString(3, SETTING);
                ps.setString(4, Boolean.toString(pause));
                ps.executeUpdate();
            }
            return true;
        });
        if (changed) {
            LOG.info("ERP delivery {} by {}", pause ? "PAUSED" : "RESUMED", actor);
        }
        paused = pause;
        everRead = true;
        readAtNanos = System.nanoTime();
        return changed;
    }

    /** The latest changes, newest first. */
    public List<Change> history(int limit) {
        return db.read(c -> {
            List<Change> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select at, actor, setting_value from erp_settings_log"
                    + " where setting = ? order by at desc, id desc limit ?")) {
                ps.setString(1, SETTING);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Change(rs.getTimestamp(1).toInstant(), rs.getString(2),
                                Boolean.parseBoolean(rs.getString(3))));
                    }
                }
            }
            return out;
        });
    }
}

package io.orderhub.dashboard;

import io.orderhub.support.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Takes the queue-depth samples behind the "queue-depth" widget: orders per status at the start of each sampling
 * interval. The sample time is the interval's start, and a sample already taken for it is left alone, so several
 * hub instances on one database write one sample per interval between them. Samples older than the retention are
 * deleted on the way.
 */
public final class QueueDepthSampler {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDepthSampler.class);

    private final Database db;
    private final Clock clock;
    private final Duration interval;
    private final Duration retention;

    public QueueDepthSampler(Database db, Clock clock, Duration interval, Duration retention) {
        this.db = db;
        this.clock = clock;
        this.interval = interval;
        this.retention = retention;
    }

    /** Samples the queue for the current interval; returns how many status rows were written (0 if taken already). */
    public int sample() {
        long step = interval.toMillis();
        Instant at = Instant.ofEpochMilli(clock.millis() / step * step);
        int written = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into queue_depth_samples (at, status, depth)"
                    + " select ?, status, count(*) from orders group by status on conflict do nothing")) {
                ps.setTimestamp(1, Timestamp.from(at));
                int n = ps.executeUpdate();
                try (PreparedStatement purge = c.prepareStatement("delete from queue_depth_samples where at < ?")) {
                    purge.setTimestamp(1, Timestamp.from(at.minus(retention)));
                    purge.executeUpdate();
                }
                return n;
            }
        });
        if (written > 0) {
            LOG.debug("Queue depth sampled at {}: {} statuses", at, written);
        }
        return written;
    }

    /** Whether a sample exists for the interval holding this instant (for tests and health). */
    public boolean sampled(Instant instant) {
        long step = interval.toMillis();
        Instant at = Instant.ofEpochMilli(instant.toEpochMilli() / step * step);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from queue_depth_samples where at = ?")) {
                ps.setTimestamp(1, Timestamp.from(at));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}

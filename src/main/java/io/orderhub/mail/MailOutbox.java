package io.orderhub.mail;

import io.orderhub.support.Database;
import io.orderhub.support.Ids;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
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
import java.util.UUID;

/**
 * The durable outbox of confirmation mails (table mail_outbox): enqueued once per key, sent by the route
 * mail-confirm, retried with backoff while the SMTP server fails, given up after a number of attempts (logged, and
 * visible in the table). A mail being sent is leased, so two hub instances do not send it both; a hub that dies
 * while sending leaves it to be sent again after the lease (a confirmation may then arrive twice, never not at all).
 */
public final class MailOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

    /** Exchange property holding the outbox id of the mail being sent. */
    public static final String ID = "orderhubOutboxId";

    /** A mail due to be sent. */
    public record Pending(UUID id, Confirmation confirmation, int attempts) {
    }

    private final Database db;
    private final Clock clock;
    private final Duration lease;
    private final Duration firstRetry;
    private final int maxAttempts;

    public MailOutbox(Database db, Clock clock, Duration lease, Duration firstRetry, int maxAttempts) {
        this.db = db;
        this.clock = clock;
        this.lease = lease;
        this.firstRetry = firstRetry;
        this.maxAttempts = maxAttempts;
    }

    /** Enqueues a confirmation (the body; null does nothing); true if new, false if its key was enqueued before. */
    public boolean enqueue(Confirmation c) {
        if (c == null) {
            return false;
        }
        Instant now = clock.instant();
        boolean added = db.inTransaction(tx -> {
            try (PreparedStatement ps = tx.prepareStatement("insert into mail_outbox (id, dedupe_key, recipient, subject,"
                    + " body, created_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
                ps.setObject(1, Ids.newId());
                ps.setString(2, c.key());
                ps.setString(3, c.to());
                ps.setString(4, c.subject().length() > 1000 ? c.subject().substring(0, 1000) : c.subject());
                ps.setString(5, c.text());
                ps.setTimestamp(6, Timestamp.from(now));
                ps.setTimestamp(7, Timestamp.from(now));
                return ps.executeUpdate() == 1;
            }
        });
        if (added) {
            LOG.info("Confirmation {} to {} queued: {}", c.key(), c.to(), c.subject());
        }
        return added;
    }

    /** Leases up to limit due mails to this caller and returns them. */
    public List<Pending> due(int limit) {
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            List<Pending> candidates = new ArrayList<>();
            try (PreparedStatement ps = tx.prepareStatement("select id, dedupe_key, recipient, subject, body, attempts,"
                    + " next_attempt_at from mail_outbox where sent_at is null and given_up_at is null"
                    + " and next_attempt_at <= ? order by next_attempt_at limit ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(new Pending(rs.getObject(1, UUID.class), new Confirmation(rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5)), rs.getInt(6)));
                    }
                }
            }
            List<Pending> leased = new ArrayList<>();
            try (PreparedStatement ps = tx.prepareStatement("update mail_outbox set next_attempt_at = ?"
                    + " where id = ? and sent_at is null and next_attempt_at <= ?")) {
                for (Pending p : candidates) {
                    ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
                    ps.setObject(2, p.id());
                    ps.setTimestamp(3, Timestamp.from(now));
                    if (ps.executeUpdate() == 1) {
                        leased.add(p);
                    }
                }
            }
            return leased;
        });
    }

    /** The SMTP server took the mail. */
    public void sent(@ExchangeProperty(ID) UUID id) {
        db.inTransaction(tx -> {
            try (PreparedStatement ps = tx.prepareStatement("update mail_outbox set sent_at = ?, attempts = attempts + 1,"
                    + " last_error = null where id = ?")) {
                ps.setTimestamp(1, Timestamp.from(clock.instant()));
                ps.setObject(2, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Sending failed: retried later with doubling delays, or given up after the last attempt. */
    public void failed(@ExchangeProperty(ID) UUID id, Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String error = e == null ? "unknown error" : e.getClass().getSimpleName() + ": " + e.getMessage();
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            int attempts;
            try (PreparedStatement ps = tx.prepareStatement("select attempts, dedupe_key, recipient from mail_outbox"
                    + " where id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    attempts = rs.getInt(1) + 1;
                    if (attempts >= maxAttempts) {
                        LOG.error("Confirmation {} to {} given up after {} attempts: {}", rs.getString(2),
                                rs.getString(3), attempts, error);
                    } else {
                        LOG.warn("Confirmation {} to {} not sent (attempt {} of {}): {}", rs.getString(2),
                                rs.getString(3), attempts, maxAttempts, error);
                    }
                }
            }
            try (PreparedStatement ps = tx.prepareStatement("update mail_outbox set attempts = ?, last_error = ?,"
                    + " next_attempt_at = ?, given_up_at = ? where id = ?")) {
                ps.setInt(1, attempts);
                ps.setString(2, error.length() > 2000 ? error.substring(0, 2000) : error);
                ps.setTimestamp(3, Timestamp.from(now.plus(backoff(attempts))));
                ps.setTimestamp(4, attempts >= maxAttempts ? Timestamp.from(now) : null);
                ps.setObject(5, id);
                return ps.executeUpdate();
            }
        });
    }

    Duration backoff(int attempts) {
        return firstRetry.multipliedBy(1L << Math.min(attempts - 1, 10));
    }

    /** Whether the confirmation with this key is enqueued (any state); for the sweep. */
    public boolean known(String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from mail_outbox where dedupe_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}

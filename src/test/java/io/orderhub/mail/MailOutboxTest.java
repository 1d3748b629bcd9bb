package io.orderhub.mail;

import io.orderhub.testing.TestDatabase;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The confirmation outbox on the real databases, with a clock the test moves. */
class MailOutboxTest {

    @TempDir
    Path dir;

    /** A clock that stands still until the test moves it. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    static final Confirmation RECEIPT = new Confirmation("receipt:doc-1", "buyer@acme.example", "Order receipt: PO-1",
            "We received your mail.\n");

    @Test
    void h2() throws Exception {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            behaviour(t);
        }
    }

    @Test
    void postgres() throws Exception {
        try (TestDatabase t = TestDatabase.postgres()) {
            behaviour(t);
        }
    }

    private void behaviour(TestDatabase t) throws IOException {
        TestClock clock = new TestClock();
        MailOutbox outbox = new MailOutbox(t.db(), clock, Duration.ofMinutes(5), Duration.ofSeconds(30), 3);

        // one row per key, however often it is enqueued
        assertThat(outbox.enqueue(RECEIPT)).isTrue();
        assertThat(outbox.enqueue(RECEIPT)).isFalse();
        assertThat(outbox.enqueue(null)).isFalse();
        assertThat(outbox.known("receipt:doc-1")).isTrue();

        // leased to one sender: not due again until the lease runs out
        List<MailOutbox.Pending> first = outbox.due(10);
        assertThat(first).extracting(p -> p.confirmation().key()).containsExactly("receipt:doc-1");
        assertThat(outbox.due(10)).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        List<MailOutbox.Pending> afterLease = outbox.due(10);
        assertThat(afterLease).hasSize(1);

        // a failure: retried after 30 s, then 60 s; the third failure gives up
        UUID id = afterLease.get(0).id();
        fail(outbox, id, "smtp down");
        clock.advance(Duration.ofSeconds(29));
        assertThat(outbox.due(10)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.due(10)).hasSize(1);
        fail(outbox, id, "smtp down");
        clock.advance(Duration.ofSeconds(59));
        assertThat(outbox.due(10)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.due(10)).hasSize(1);
        fail(outbox, id, "smtp still down");
        clock.advance(Duration.ofDays(1));
        assertThat(outbox.due(10)).as("given up after 3 attempts").isEmpty();
        assertThat(column(t, id, "last_error")).isEqualTo("IOException: smtp still down");
        assertThat(column(t, id, "given_up_at")).isNotNull();

        // a mail the SMTP server took is never due again
        Confirmation erp = new Confirmation("erp:order-1", "buyer@acme.example", "Order PO-1 booked as SO-1", "Booked.\n");
        outbox.enqueue(erp);
        MailOutbox.Pending pending = outbox.due(10).get(0);
        outbox.sent(pending.id());
        clock.advance(Duration.ofHours(1));
        assertThat(outbox.due(10)).isEmpty();
        assertThat(column(t, pending.id(), "sent_at")).isNotNull();
        assertThat(column(t, pending.id(), "attempts")).isEqualTo("1");
    }

    private static void fail(MailOutbox outbox, UUID id, String error) {
        CamelContext context = new DefaultCamelContext();
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new IOException(error));
        outbox.failed(id, exchange);
    }

    private static String column(TestDatabase t, UUID id, String column) {
        return t.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + column + " from mail_outbox where id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Object v = rs.getObject(1);
                    return v == null ? null : v.toString();
                }
            }
        });
    }
}

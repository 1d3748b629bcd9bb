package io.orderhub.sla;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.orderhub.testing.TestClock;
import io.orderhub.testing.TestHub;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.orderhub.sla.SlaHubs.awaitPasses;
import static io.orderhub.sla.SlaHubs.eventTypes;
import static io.orderhub.sla.SlaHubs.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An SLA alert by mail (camel-mail SMTP to a real GreenMail server) and by webhook, both once per order. */
class SlaMailAlertTest {

    @TempDir
    Path dir;
    GreenMail smtp;
    AlertReceiver alerts;
    TestHub hub;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable open : java.util.Arrays.asList(hub, alerts)) {
            if (open != null) {
                open.close();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void atRiskOrderIsMailedOnceAndPostedOnce() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        alerts = AlertReceiver.start();
        TestClock clock = new TestClock(SlaWatchTest.T0);
        Map<String, String> props = new java.util.LinkedHashMap<>(SlaHubs.properties(alerts));
        props.put("orderhub.sla.alert-mail-to", "ops@seller.example");
        props.put("orderhub.sla.alert-mail-from", "orderhub@seller.example");
        props.put("orderhub.sla.alert-smtp", "smtp://127.0.0.1:" + smtp.getSmtp().getPort());
        hub = TestHub.start(TestHub.Db.H2, dir, props, Map.of("clock", clock));

        String po = SlaHubs.po();
        String id = SlaHubs.post(hub, SlaHubs.order(po, SlaWatchTest.UNKNOWN_BUYER));
        clock.set(Instant.parse("2026-11-26T12:20:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes(order(hub, id)).contains("sla-alert-sent"));
        awaitPasses(hub, 3);

        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ops@seller.example");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("orderhub@seller.example");
        assertThat(mail.getSubject()).contains(po).contains("ACME-SHOP").contains("at risk").contains("2026-11-26T13:00:00Z");
        assertThat(String.valueOf(mail.getContent())).contains("/api/orders/" + id).contains("SLA state: AT_RISK");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(alerts.acceptedFor(id)).hasSize(1);
    }
}

package io.orderhub.sla;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhub.erp.ErpSimulator;
import io.orderhub.testing.TestClock;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.orderhub.sla.SlaHubs.awaitPasses;
import static io.orderhub.sla.SlaHubs.awaitSla;
import static io.orderhub.sla.SlaHubs.eventTypes;
import static io.orderhub.sla.SlaHubs.order;
import static io.orderhub.sla.SlaHubs.po;
import static io.orderhub.sla.SlaHubs.post;
import static io.orderhub.sla.SlaHubs.slaState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SLA watch in the real hub (H2 file) with a clock the test moves: ON_TRACK → AT_RISK → BREACHED with an event
 * each, exactly one webhook alert per order — also across a restart, after a failed sending, and for an order that
 * is past due at once — and MET / MISSED for delivered orders. ACME-SHOP orders are due 4 h after receipt (around
 * the clock) and at risk 48 min (20 %) before.
 */
class SlaWatchTest {

    static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    static final String UNKNOWN_BUYER = "4000000000000";
    static final String KNOWN_BUYER = "4012345000009";

    @TempDir
    Path dir;
    AlertReceiver alerts;
    TestClock clock;
    TestHub hub;

    @BeforeEach
    void start() throws Exception {
        alerts = AlertReceiver.start();
        clock = new TestClock(T0);
        hub = startHub();
    }

    TestHub startHub() {
        return TestHub.start(TestHub.Db.H2, dir, SlaHubs.properties(alerts), Map.of("clock", clock));
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
        alerts.close();
    }

    @Test
    void openOrderGoesAtRiskThenBreachedWithOneAlertThatSurvivesARestart() {
        String id = post(hub, SlaHubs.order(po(), UNKNOWN_BUYER));
        JsonNode order = order(hub, id);
        assertThat(order.path("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(order.path("sla").path("dueAt").asText()).isEqualTo("2026-11-26T13:00:00Z");
        assertThat(order.path("sla").path("atRiskAt").asText()).isEqualTo("2026-11-26T12:12:00Z");

        clock.set(Instant.parse("2026-11-26T12:11:59Z"));
        awaitPasses(hub, 2);
        assertThat(slaState(hub, id)).isEqualTo("ON_TRACK");
        assertThat(alerts.requests()).isZero();

        clock.set(Instant.parse("2026-11-26T12:12:00Z"));
        awaitSla(hub, id, "AT_RISK");
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts.acceptedFor(id).size() == 1);
        AlertReceiver.Received alert = alerts.acceptedFor(id).get(0);
        assertThat(alert.idempotencyKey()).isEqualTo(id + "/sla-alert");
        assertThat(alert.body().path("type").asText()).isEqualTo("orderhub.sla.at-risk");
        assertThat(alert.body().path("sla").asText()).isEqualTo("AT_RISK");
        assertThat(alert.body().path("dueAt").asText()).isEqualTo("2026-11-26T13:00:00Z");
        assertThat(alert.body().path("sender").asText()).isEqualTo("ACME-SHOP");
        await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes(order(hub, id)).contains("sla-alert-sent"));
        assertThat(order(hub, id).path("sla").path("alertedAt").asText()).isEqualTo("2026-11-26T12:12:00Z");
        assertThat(metric("AT_RISK")).isEqualTo(1.0);

        clock.set(Instant.parse("2026-11-26T13:00:00Z"));
        awaitSla(hub, id, "BREACHED");
        assertThat(metric("BREACHED")).isEqualTo(1.0);
        assertThat(metric("AT_RISK")).isEqualTo(0.0);

        hub.close();
        hub = startHub();
        clock.advance(Duration.ofHours(1));
        awaitPasses(hub, 3);
        assertThat(alerts.requests()).isEqualTo(1);
        JsonNode after = order(hub, id);
        assertThat(eventTypes(after)).containsSubsequence("needs-review", "sla-at-risk", "sla-alert-sent", "sla-breached");
        assertThat(eventTypes(after).stream().filter(t -> t.startsWith("sla-"))).hasSize(3);
        JsonNode atRisk = after.path("events").get(eventTypes(after).indexOf("sla-at-risk"));
        assertThat(atRisk.path("actor").asText()).isEqualTo("sla-watch");
        assertThat(atRisk.path("detail").path("sla").path("before").asText()).isEqualTo("ON_TRACK");
        assertThat(atRisk.path("detail").path("sla").path("after").asText()).isEqualTo("AT_RISK");
    }

    @Test
    void orderFoundPastDueIsBreachedAndAlertedOnceAsBreached() {
        String id = post(hub, SlaHubs.order(po(), UNKNOWN_BUYER));
        clock.set(Instant.parse("2026-11-26T14:00:00Z"));
        awaitSla(hub, id, "BREACHED");
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts.acceptedFor(id).size() == 1);
        assertThat(alerts.acceptedFor(id).get(0).body().path("type").asText()).isEqualTo("orderhub.sla.breached");
        awaitPasses(hub, 3);
        assertThat(alerts.requests()).isEqualTo(1);
        assertThat(eventTypes(order(hub, id))).doesNotContain("sla-at-risk").contains("sla-breached");
    }

    @Test
    void alertTheReceiverRefusesIsRetriedThenSentAgainAfterItsLeaseOnce() {
        // 1 attempt + 2 redeliveries all refused: the failure is recorded on the order
        alerts.failNext(3);
        String id = post(hub, SlaHubs.order(po(), UNKNOWN_BUYER));
        clock.set(Instant.parse("2026-11-26T12:30:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> eventTypes(order(hub, id)).contains("sla-alert-failed"));
        assertThat(alerts.requests()).isEqualTo(3);
        assertThat(alerts.accepted()).isEmpty();
        awaitPasses(hub, 3);
        assertThat(alerts.requests()).as("not sent again before the lease").isEqualTo(3);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts.acceptedFor(id).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes(order(hub, id)).contains("sla-alert-sent"));
        clock.advance(Duration.ofMinutes(30));
        awaitPasses(hub, 3);
        assertThat(alerts.accepted()).hasSize(1);
        assertThat(alerts.requests()).isEqualTo(4);
    }

    @Test
    void deliveredOrdersAreMetOnTimeAndMissedWhenLate() {
        String onTime = post(hub, SlaHubs.order(po(), KNOWN_BUYER));
        await().atMost(Duration.ofSeconds(20)).until(() -> order(hub, onTime).path("status").asText().equals("DELIVERED"));
        awaitSla(hub, onTime, "MET");
        assertThat(eventTypes(order(hub, onTime))).contains("sla-met");

        // the ERP refuses: the order waits in ERP_REJECTED past its due time, then is resubmitted and delivered
        ErpSimulator erp = hub.bean("erpSimulator", ErpSimulator.class);
        setErp("reject");
        String late = post(hub, SlaHubs.order(po(), KNOWN_BUYER));
        await().atMost(Duration.ofSeconds(20)).until(() -> order(hub, late).path("status").asText().equals("ERP_REJECTED"));
        clock.set(Instant.parse("2026-11-26T13:30:00Z"));
        awaitSla(hub, late, "BREACHED");
        erp.reset();
        HttpResponse<String> r = hub.post("/api/orders/" + late + "/resubmit", null, "", "X-API-Key", TestHub.KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        awaitSla(hub, late, "MISSED");
        assertThat(eventTypes(order(hub, late))).containsSubsequence("sla-breached", "resubmitted", "erp-delivered",
                "sla-missed");
        assertThat(slaState(hub, onTime)).isEqualTo("MET");
    }

    @Test
    void orderFinishedByHandWithItsClockOpenIsClosedByTheSweep() {
        String id = post(hub, SlaHubs.order(po(), UNKNOWN_BUYER));
        assertThat(slaState(hub, id)).isEqualTo("ON_TRACK");
        // as an older version, or someone in the database, would have left it: delivered, the clock still running
        int changed = hub.bean("database", io.orderhub.support.Database.class).inTransaction(c -> {
            try (var ps = c.prepareStatement("update orders set status = 'DELIVERED', updated_at = ? where id = ?")) {
                ps.setTimestamp(1, java.sql.Timestamp.from(Instant.parse("2026-11-26T10:00:00Z")));
                ps.setObject(2, java.util.UUID.fromString(id));
                return ps.executeUpdate();
            }
        });
        assertThat(changed).isEqualTo(1);
        awaitSla(hub, id, "MET");
        JsonNode met = order(hub, id).path("events").get(eventTypes(order(hub, id)).indexOf("sla-met"));
        assertThat(met.path("actor").asText()).isEqualTo("sla-watch");
        assertThat(met.path("detail").path("finishedAt").asText()).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(alerts.requests()).isZero();
    }

    private void setErp(String mode) {
        HttpResponse<String> r = hub.post("/erp-sim/control?mode=" + mode, null, "");
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 204);
    }

    private double metric(String state) {
        HttpResponse<String> r = hub.send(java.net.http.HttpRequest.newBuilder(hub.managementUri("/observe/metrics")).GET());
        return r.body().lines()
                .filter(l -> l.startsWith("orderhub_sla_orders{") && l.contains("state=\"" + state + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no orderhub_sla_orders " + state + " in " + r.body()));
    }
}

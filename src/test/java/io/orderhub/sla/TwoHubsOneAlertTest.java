package io.orderhub.sla;

import io.orderhub.testing.Postgres;
import io.orderhub.testing.TestClock;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.orderhub.sla.SlaHubs.awaitPasses;
import static io.orderhub.sla.SlaHubs.eventTypes;
import static io.orderhub.sla.SlaHubs.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two hub instances on one PostgreSQL database, both running the SLA watch against the same orders: every order
 * moves to AT_RISK once (one event) and its alert is sent once, whichever instance claimed it.
 */
class TwoHubsOneAlertTest {

    static final int ORDERS = 30;

    @TempDir
    Path dir;
    String schema;
    AlertReceiver alerts;
    TestHub first;
    TestHub second;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable open : java.util.Arrays.asList(second, first, alerts)) {
            if (open != null) {
                open.close();
            }
        }
        if (schema != null) {
            Postgres.dropSchema(schema);
        }
    }

    @Test
    void everyOrderIsAlertedOnceByOneOfTwoInstances() throws Exception {
        Postgres.assumeAvailable();
        schema = Postgres.createSchema("oh_sla");
        alerts = AlertReceiver.start();
        TestClock clock = new TestClock(SlaWatchTest.T0);
        first = TestHub.start(TestHub.Db.H2, Files.createDirectories(dir.resolve("first")), shared("first"),
                Map.of("clock", clock));
        second = TestHub.start(TestHub.Db.H2, Files.createDirectories(dir.resolve("second")), shared("second"),
                Map.of("clock", clock));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            ids.add(SlaHubs.post(i % 2 == 0 ? first : second, SlaHubs.order(SlaHubs.po(), SlaWatchTest.UNKNOWN_BUYER)));
        }

        clock.set(Instant.parse("2026-11-26T12:30:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> alerts.accepted().size() >= ORDERS);
        awaitPasses(first, 3);
        awaitPasses(second, 3);
        assertThat(alerts.requests()).isEqualTo(ORDERS);
        for (String id : ids) {
            assertThat(alerts.acceptedFor(id)).as("alerts for " + id).hasSize(1);
            List<String> types = eventTypes(order(first, id));
            assertThat(types.stream().filter("sla-at-risk"::equals)).as(id).hasSize(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes(order(first, id)).contains("sla-alert-sent"));
            assertThat(eventTypes(order(first, id)).stream().filter("sla-alert-sent"::equals)).hasSize(1);
        }
    }

    private Map<String, String> shared(String instance) {
        Map<String, String> p = new LinkedHashMap<>(SlaHubs.properties(alerts));
        p.put("orderhub.db.url", Postgres.urlFor(schema));
        p.put("orderhub.db.user", Postgres.USER);
        p.put("orderhub.instance-id", instance);
        p.put("orderhub.sla.check-interval-ms", "50");
        return p;
    }
}

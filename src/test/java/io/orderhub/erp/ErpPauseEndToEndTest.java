package io.orderhub.erp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.testing.Postgres;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ERP maintenance window over real HTTP: while delivery is paused, orders stay QUEUED - across a restart of the
 * hub (H2) and on every instance sharing one PostgreSQL database - and are delivered once it is resumed.
 */
class ErpPauseEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than orderhub.erp.pause-refresh-ms (1 s) plus many claim polls (50 ms in tests). */
    static final Duration WAIT = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    static void post(TestHub hub, String po) {
        HttpResponse<String> r = hub.post("/api/orders", "application/json", TestHub.canonicalOrder(po),
                "X-API-Key", TestHub.KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    static JsonNode erp(TestHub hub, String cookie) throws Exception {
        HttpResponse<String> r = hub.get("/api/erp", "Cookie", cookie);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static void stillQueued(TestHub hub, String po) throws InterruptedException {
        Thread.sleep(WAIT.toMillis());
        assertThat(hub.ordersByPo(po).get(0).path("status").asText()).isEqualTo("QUEUED");
    }

    @Test
    void onH2OrdersWaitWhilePausedAlsoAfterARestartAndGoOnResume() throws Exception {
        String po = "PO-PAUSE-H2";
        try (TestHub hub = TestHub.start(TestHub.Db.H2, dir, Map.of())) {
            String ops = hub.login("ops", "ops-demo");
            HttpResponse<String> pause = hub.post("/api/erp/pause", "application/json", "", "Cookie", ops);
            assertThat(pause.statusCode()).as(pause.body()).isEqualTo(200);
            assertThat(JSON.readTree(pause.body()).path("changed").asBoolean()).isTrue();
            post(hub, po);
            stillQueued(hub, po);
            JsonNode erp = erp(hub, ops);
            assertThat(erp.path("delivery").path("paused").asBoolean()).isTrue();
            assertThat(erp.path("delivery").path("changedBy").asText()).isEqualTo("user:ops");
            assertThat(erp.path("counts").path("QUEUED").asLong()).isEqualTo(1);
            assertThat(erp.path("counts").path("DELIVERING").asLong()).isZero();
        }
        try (TestHub hub = TestHub.start(TestHub.Db.H2, dir, Map.of())) {
            stillQueued(hub, po);
            String admin = hub.login("admin", "admin-demo");
            HttpResponse<String> resume = hub.post("/api/erp/resume", "application/json", "", "Cookie", admin);
            assertThat(resume.statusCode()).as(resume.body()).isEqualTo(200);
            hub.awaitOrderStatus(po, "DELIVERED", Duration.ofSeconds(30));
            JsonNode history = erp(hub, admin).path("history");
            assertThat(history.get(0).path("actor").asText()).isEqualTo("user:admin");
            assertThat(history.get(0).path("paused").asBoolean()).isFalse();
            assertThat(history.get(1).path("actor").asText()).isEqualTo("user:ops");
            assertThat(history.get(1).path("paused").asBoolean()).isTrue();
        }
    }

    @Test
    void onPostgresAPauseOnOneInstanceStopsTheOtherToo() throws Exception {
        Postgres.assumeAvailable();
        String schema = Postgres.createSchema("oh_pause");
        Map<String, String> shared = Map.of("orderhub.db.url", Postgres.urlFor(schema),
                "orderhub.db.user", Postgres.USER);
        try (TestHub a = TestHub.start(TestHub.Db.H2, dir.resolve("a"), with(shared, "pause-a"));
             TestHub b = TestHub.start(TestHub.Db.H2, dir.resolve("b"), with(shared, "pause-b"))) {
            HttpResponse<String> pause = a.post("/api/erp/pause", "application/json", "", "Cookie",
                    a.login("ops", "ops-demo"));
            assertThat(pause.statusCode()).as(pause.body()).isEqualTo(200);
            String po = "PO-PAUSE-PG";
            post(b, po);
            stillQueued(b, po);
            HttpResponse<String> resume = b.post("/api/erp/resume", "application/json", "", "Cookie",
                    b.login("ops", "ops-demo"));
            assertThat(resume.statusCode()).as(resume.body()).isEqualTo(200);
            b.awaitOrderStatus(po, "DELIVERED", Duration.ofSeconds(30));
        } finally {
            Postgres.dropSchema(schema);
        }
    }

    private static Map<String, String> with(Map<String, String> shared, String instance) {
        Map<String, String> m = new java.util.HashMap<>(shared);
        m.put("orderhub.instance-id", instance);
        return m;
    }
}

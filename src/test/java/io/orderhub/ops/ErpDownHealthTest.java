package io.orderhub.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real hub with {@code orderhub.erp.url} on a port where nothing listens: not ready, still alive. */
class ErpDownHealthTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static TestHub hub;
    static int erpPort;

    @BeforeAll
    static void startHub() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            erpPort = s.getLocalPort();
        }
        hub = TestHub.start(TestHub.Db.H2, dataDir, Map.of("orderhub.erp.url",
                "http://127.0.0.1:" + erpPort + "/erp/orders", "orderhub.health.timeout-ms", "500"));
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    static HttpResponse<String> management(String path) {
        return hub.send(HttpRequest.newBuilder(hub.managementUri(path)).timeout(Duration.ofSeconds(20)).GET());
    }

    @Test
    void readinessIsDownWithTheReason() throws Exception {
        HttpResponse<String> r = management("/observe/health/ready");
        JsonNode ready = JSON.readTree(r.body());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(ready.path("status").asText()).isEqualTo("DOWN");
        JsonNode erp = OperationsEndToEndTest.check(ready, "erp");
        assertThat(erp.path("status").asText()).isEqualTo("DOWN");
        assertThat(erp.path("message").asText()).startsWith("ERP not reachable at 127.0.0.1:" + erpPort + ":")
                .containsIgnoringCase("connection refused");
        assertThat(OperationsEndToEndTest.check(ready, "database").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void livenessStaysUp() throws Exception {
        HttpResponse<String> r = management("/observe/health/live");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("status").asText()).isEqualTo("UP");
    }
}

package io.orderhub.e2e;

import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prod profile (application-prod.properties): no demo key, no ERP simulator, no demo management user. */
class ProductionProfileTest {

    @TempDir
    Path dataDir;

    @Test
    void prodProfileHasNoDemoKeyAndNoErpSimulator() {
        try (TestHub hub = TestHub.start(TestHub.Db.H2, dataDir, Map.of(
                "camel.main.profile", "prod",
                "orderhub.security.admin-password", "first-admin-pass",
                "orderhub.http.api-keys", "shop=prod-key-1",
                "orderhub.erp.url", "http://127.0.0.1:9/erp"))) {
            assertThat(hub.get("/api/orders", "X-API-Key", "demo").statusCode()).isEqualTo(401);
            assertThat(hub.get("/api/orders", "X-API-Key", "prod-key-1").statusCode()).isEqualTo(200);
            assertThat(hub.post("/erp-sim/orders", "application/json", "{}", "Idempotency-Key", "k").statusCode())
                    .isEqualTo(404);
            assertThat(hub.context().getRoute("erp-simulator")).isNull();
            assertThat(hub.context().getRoute("http-intake")).isNotNull();
            // no demo users; the admin from ORDERHUB_SECURITY_ADMIN_PASSWORD; the session cookie is Secure
            assertThat(hub.post("/api/session", "application/json", "{\"name\":\"ops\",\"password\":\"ops-demo\"}")
                    .statusCode()).isEqualTo(401);
            var login = hub.post("/api/session", "application/json",
                    "{\"name\":\"admin\",\"password\":\"first-admin-pass\"}");
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
        }
    }

    @Test
    void prodProfileDoesNotStartWithoutAnAdmin() {
        assertThatThrownBy(() -> TestHub.start(TestHub.Db.H2, dataDir, Map.of(
                "camel.main.profile", "prod",
                "orderhub.http.api-keys", "shop=prod-key-1",
                "orderhub.erp.url", "http://127.0.0.1:9/erp")))
                .hasRootCauseMessage("No admin user: set orderhub.security.admin-password (environment"
                        + " ORDERHUB_SECURITY_ADMIN_PASSWORD, at least 8 characters) to create user 'admin' at start");
    }

    @Test
    void prodProfileJolokiaWhenEnabledRefusesTheDemoManagementUser() {
        try (TestHub hub = TestHub.start(TestHub.Db.H2, dataDir, Map.of(
                "camel.main.profile", "prod",
                "orderhub.security.admin-password", "first-admin-pass",
                "camel.management.jolokia-enabled", "true",
                "orderhub.http.api-keys", "shop=prod-key-1",
                "orderhub.erp.url", "http://127.0.0.1:9/erp"))) {
            HttpRequest demo = HttpRequest.newBuilder(hub.managementUri("/observe/jolokia/version"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("hawtio:hawtio-demo".getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(20)).GET().build();

            assertThat(hub.send(HttpRequest.newBuilder(demo, (n, v) -> true)).statusCode()).isEqualTo(401);
        }
    }
}

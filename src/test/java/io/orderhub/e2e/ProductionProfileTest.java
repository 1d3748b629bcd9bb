package io.orderhub.e2e;

import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The prod profile (application-prod.properties): no demo key, no ERP simulator. */
class ProductionProfileTest {

    @TempDir
    Path dataDir;

    @Test
    void prodProfileHasNoDemoKeyAndNoErpSimulator() {
        try (TestHub hub = TestHub.start(TestHub.Db.H2, dataDir, Map.of(
                "camel.main.profile", "prod",
                "orderhub.http.api-keys", "shop=prod-key-1",
                "orderhub.erp.url", "http://127.0.0.1:9/erp"))) {
            assertThat(hub.get("/api/orders", "X-API-Key", "demo").statusCode()).isEqualTo(401);
            assertThat(hub.get("/api/orders", "X-API-Key", "prod-key-1").statusCode()).isEqualTo(200);
            assertThat(hub.post("/erp-sim/orders", "application/json", "{}", "Idempotency-Key", "k").statusCode())
                    .isEqualTo(404);
            assertThat(hub.context().getRoute("erp-simulator")).isNull();
            assertThat(hub.context().getRoute("http-intake")).isNotNull();
        }
    }
}

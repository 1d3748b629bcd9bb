package io.orderhub.e2e;

import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dev mode ({@code ./run.sh dev}): route files are read from the file system and a changed file is reloaded
 * into the running hub without a rebuild, leaving the routes of the other files running.
 */
class RouteReloadTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path routesDir;

    @Test
    void editedRouteFileIsReloadedWhileTheOtherRoutesKeepRunning() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path f : files.toList()) {
                Files.copy(f, routesDir.resolve(f.getFileName()));
            }
        }
        Path simulator = routesDir.resolve("erp-simulator.camel.yaml");
        try (TestHub hub = TestHub.start(TestHub.Db.H2, dataDir, Map.of(
                "camel.main.routes-include-pattern", "file:" + routesDir.toAbsolutePath() + "/*.camel.yaml",
                "camel.main.routes-reload-enabled", "true",
                "camel.main.routes-reload-directory", routesDir.toAbsolutePath().toString(),
                "camel.main.routes-reload-pattern", "*.camel.yaml",
                "camel.main.routes-reload-remove-all-routes", "false"))) {
            assertThat(hub.get("/erp-sim/stats").statusCode()).isEqualTo(200);

            // an engineer moves the simulator's statistics to another path
            String edited = Files.readString(simulator).replace("platform-http:/erp-sim/stats", "platform-http:/erp-sim/statistics");
            Files.writeString(simulator, edited);

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> hub.get("/erp-sim/statistics").statusCode() == 200);
            assertThat(hub.get("/api/orders", "X-API-Key", TestHub.KEY).statusCode()).isEqualTo(200);
            assertThat(hub.context().getRoute("order-pipeline")).isNotNull();
        }
    }
}

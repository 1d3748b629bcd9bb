package io.orderhub.drop;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhub.testing.TestHub;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.orderhub.drop.DropFixtures.WAIT;
import static io.orderhub.drop.DropFixtures.awaitExists;
import static io.orderhub.drop.DropFixtures.awaitOrderStatus;
import static io.orderhub.drop.DropFixtures.order;
import static io.orderhub.drop.DropFixtures.partner;
import static io.orderhub.drop.DropFixtures.po;
import static io.orderhub.drop.DropFixtures.sftpDrop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner's SFTP server that is down when the hub starts: the hub starts anyway, health says so, and the files
 * waiting on the server are read once it is back.
 */
class SftpServerDownTest {

    static final String PARTNER = "SFTP-LATE";
    static final String CHECK = "consumer:sftp-drop-" + PARTNER;

    @TempDir
    Path dir;
    SftpTestServer sftp;
    TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
        if (sftp != null) {
            sftp.close();
        }
    }

    @Test
    void deadServerDoesNotStopTheHubShowsInHealthAndItsFilesArePickedUpWhenItIsBack() {
        sftp = SftpTestServer.create(dir);
        String po = po();
        // the partner uploaded before its server went down
        DropFixtures.write(sftp.file("in/" + po + ".json"), order(PARTNER, po));
        Path partners = DropFixtures.writePartners(dir, partner(PARTNER, sftpDrop(sftp, "in", "stableMs: 200")));

        hub = startSupervised(dir, DropFixtures.hubProperties(partners));

        assertThat(hub.context().getRouteController().getRouteStatus("sftp-drop-" + PARTNER))
                .isEqualTo(ServiceStatus.Started);
        // DOWN from the start ("has not yet polled"), then because polling failed
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> check("/observe/health", CHECK).path("message").asText().contains("failed polling"));
        assertThat(check("/observe/health", CHECK).path("status").asText()).isEqualTo("DOWN");
        assertThat(check("/observe/health", CHECK).path("message").asText()).contains("sftp-drop-" + PARTNER);
        assertThat(check("/observe/health", CHECK).path("error-message").asText())
                .contains("Connection refused").doesNotContain(SftpTestServer.PASSWORD);
        assertThat(health("/observe/health").path("status").asText()).isEqualTo("DOWN");
        // a readiness check, like every route and consumer check: never a reason to restart the hub
        assertThat(health("/observe/health/ready").path("status").asText()).isEqualTo("DOWN");
        assertThat(health("/observe/health/live").path("status").asText()).isEqualTo("UP");
        assertThat(check("/observe/health", "consumer:http-intake").path("status").asText()).isEqualTo("UP");
        assertThat(hub.get("/api/orders", "X-API-Key", TestHub.KEY).statusCode()).isEqualTo(200);

        sftp.start();

        awaitOrderStatus(hub, po, "DELIVERED");
        awaitExists(sftp.file("in/archive/" + po + ".json"));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> "UP".equals(check("/observe/health", CHECK).path("status").asText()));
    }

    /** The hub as it runs in production: with the supervising route controller (TestHub turns it off by default). */
    private static TestHub startSupervised(Path dataDir, Map<String, String> properties) {
        String before = System.getProperty("orderhub.test.supervise");
        System.setProperty("orderhub.test.supervise", "true");
        try {
            return TestHub.start(TestHub.Db.H2, dataDir, properties);
        } finally {
            if (before == null) {
                System.clearProperty("orderhub.test.supervise");
            } else {
                System.setProperty("orderhub.test.supervise", before);
            }
        }
    }

    private JsonNode health(String path) {
        HttpResponse<String> r = hub.send(HttpRequest.newBuilder(hub.managementUri(path))
                .timeout(Duration.ofSeconds(10)).GET());
        try {
            return DropFixtures.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode check(String path, String name) {
        for (JsonNode check : health(path).path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        return DropFixtures.JSON.createObjectNode().put("status", "MISSING");
    }
}

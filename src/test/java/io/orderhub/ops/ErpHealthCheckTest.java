package io.orderhub.ops;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ErpHealthCheckTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private String startHealthServer(AtomicInteger status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
    }

    @Test
    void upWhenTheErpPortAcceptsAConnection() throws Exception {
        try (ServerSocket erp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ErpHealthCheck check = ErpHealthCheck.tcp("http://127.0.0.1:" + erp.getLocalPort() + "/erp/orders",
                    TIMEOUT, true);

            HealthCheck.Result result = check.call();

            assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m)
                    .startsWith("ERP reachable at 127.0.0.1:" + erp.getLocalPort() + ": TCP connect"));
            assertThat(result.getDetails()).containsEntry("erp.target", "127.0.0.1:" + erp.getLocalPort())
                    .containsEntry("erp.check", "tcp");
        }
    }

    @Test
    void downNamingHostPortAndCauseWhenNothingListens() throws Exception {
        int port = closedPort();
        HealthCheck.Result result = ErpHealthCheck.tcp("http://127.0.0.1:" + port + "/erp/orders", TIMEOUT, true).call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("ERP not reachable at 127.0.0.1:" + port + ": ConnectException")
                .containsIgnoringCase("connection refused"));
    }

    @Test
    void neverRevealsCredentialsPathOrQueryOfTheUrl() throws Exception {
        int port = closedPort();
        HealthCheck.Result result = ErpHealthCheck.tcp("http://hub:s3cret@127.0.0.1:" + port
                + "/private/orders?token=abc123", TIMEOUT, true).call();

        assertThat(result.getMessage().orElseThrow()).doesNotContain("s3cret", "abc123", "private");
        assertThat(result.getDetails().values().toString()).doesNotContain("s3cret", "abc123", "private");
    }

    @Test
    void theSchemeGivesThePortWhenTheUrlHasNone() {
        assertThat(ErpHealthCheck.tcp("https://127.0.0.1/orders", Duration.ofMillis(200), true).call().getDetails())
                .containsEntry("erp.target", "127.0.0.1:443");
        assertThat(ErpHealthCheck.tcp("http://127.0.0.1/orders", Duration.ofMillis(200), true).call().getDetails())
                .containsEntry("erp.target", "127.0.0.1:80");
    }

    @Test
    void downWhenTheUrlHasNoHostToCheck() {
        HealthCheck.Result result = ErpHealthCheck.tcp("mock:erp", TIMEOUT, true).call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).contains("ERP not reachable at ?: orderhub.erp.url has no host and port that"
                + " could be checked");
    }

    @Test
    void healthUrlMustAnswer2xx() throws Exception {
        AtomicInteger status = new AtomicInteger(200);
        ErpHealthCheck check = ErpHealthCheck.http(startHealthServer(status), TIMEOUT, true);

        HealthCheck.Result up = check.call();
        status.set(503);
        HealthCheck.Result down = check.call();

        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getMessage()).hasValueSatisfying(m -> assertThat(m).contains(": HTTP 200 in"));
        assertThat(up.getDetails()).containsEntry("erp.check", "http");
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).endsWith("health URL answered HTTP 503"));
    }

    @Test
    void healthUrlThatDoesNotAnswerInTimeIsDown() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ErpHealthCheck check = ErpHealthCheck.http("http://127.0.0.1:" + silent.getLocalPort() + "/health",
                    Duration.ofMillis(300), true);

            HealthCheck.Result result = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> check.call(),
                    "a silent ERP must not hold the health check");

            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("HttpTimeoutException"));
        }
    }

    @Test
    void anUnreachableErpNeverFailsLivenessAndFailsReadinessOnlyWhenAsked() {
        assertThat(ErpHealthCheck.tcp("http://127.0.0.1:1/x", TIMEOUT, true).isReadiness()).isTrue();
        assertThat(ErpHealthCheck.tcp("http://127.0.0.1:1/x", TIMEOUT, true).isLiveness()).isFalse();
        assertThat(ErpHealthCheck.tcp("http://127.0.0.1:1/x", TIMEOUT, false).isReadiness()).isFalse();
        assertThat(ErpHealthCheck.http("http://127.0.0.1:1/x", TIMEOUT, false).isLiveness()).isFalse();
    }
}

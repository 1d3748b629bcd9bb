package io.orderhub.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.erp.ErpSimulator;
import io.orderhub.model.OrderStatus;
import io.orderhub.queue.QueueReader;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The operations surface of the real hub (H2): Prometheus metrics after real orders, health checks, the
 * read-only loopback Jolokia endpoint, and Camel's MBeans in the platform MBeanServer.
 */
class OperationsEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static TestHub hub;

    @BeforeAll
    static void startHub() {
        hub = TestHub.start(TestHub.Db.H2, dataDir, Map.of("orderhub.metrics.queue-depth-cache-ms", "200"));
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    static String order(String po) {
        return """
                {"sender": "ACME-SHOP", "poNumber": "%s", "orderDate": "2026-11-27", "currency": "EUR",
                 "buyer": {"id": "4012345000009", "name": "ACME Retail GmbH"},
                 "lines": [{"lineNumber": 1, "buyerItem": "A-100", "gtin": "04012345000023", "description": "Widget",
                            "quantity": 5, "unit": "EA", "unitPrice": 12.50}]}
                """.formatted(po);
    }

    static String reviewOrder(String po) {
        return """
                {"sender": "ACME-SHOP", "poNumber": "%s", "orderDate": "2026-11-27", "currency": "EUR",
                 "buyer": {"id": "9999999999999"}, "lines": [{"buyerItem": "A-100", "quantity": 1, "unitPrice": 12.50}]}
                """.formatted(po);
    }

    static HttpResponse<String> post(String body, String... headers) {
        List<String> h = new ArrayList<>(List.of("X-API-Key", TestHub.KEY));
        h.addAll(List.of(headers));
        return hub.post("/api/orders", "application/json", body, h.toArray(String[]::new));
    }

    static String orderId(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return JSON.readTree(r.body()).path("orders").get(0).path("id").asText();
    }

    static String status(String id) throws IOException {
        return JSON.readTree(hub.get("/api/orders/" + id, "X-API-Key", TestHub.KEY).body()).path("status").asText();
    }

    static void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> status(id), status::equals);
    }

    static HttpResponse<String> management(String path) {
        return hub.send(HttpRequest.newBuilder(hub.managementUri(path)).timeout(Duration.ofSeconds(20)).GET());
    }

    /** A Jolokia request as the embedded default's demo management user (src/main/resources/management-users.properties). */
    static HttpResponse<String> jolokia(String requestJson) {
        return jolokia(requestJson, "hawtio", "hawtio-demo");
    }

    static HttpResponse<String> jolokia(String requestJson, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(hub.managementUri("/observe/jolokia"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestJson));
        if (user != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return hub.send(request);
    }

    /** The samples of a Prometheus text page: {@code name{labels}} to value. */
    static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }

    static Map<String, Double> scrape() {
        HttpResponse<String> r = management("/observe/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        return samples(r.body());
    }

    static String routeMBean() {
        return "org.apache.camel:context=" + hub.context().getName() + ",type=routes,name=\"order-pipeline\"";
    }

    @Test
    void metricsCountWhatIntakeAndTheErpDidPerChannel() throws Exception {
        ErpSimulator erp = hub.bean("erpSimulator", ErpSimulator.class);
        Map<String, Double> before = scrape();
        String po = "PO-OPS-" + UUID.randomUUID();
        String key = "ops-" + UUID.randomUUID();
        String delivered = orderId(post(order(po), "Idempotency-Key", key));
        awaitStatus(delivered, "DELIVERED");
        post(order(po), "Idempotency-Key", key);
        orderId(post(order(po)));
        orderId(post(reviewOrder("PO-REVIEW-" + UUID.randomUUID())));
        assertThat(post("{\"sender\": ").statusCode()).isEqualTo(400);
        erp.mode(ErpSimulator.Mode.REJECT);
        awaitStatus(orderId(post(order("PO-REJ-" + UUID.randomUUID()))), "ERP_REJECTED");
        erp.mode(ErpSimulator.Mode.FAIL);
        awaitStatus(orderId(post(order("PO-FAIL-" + UUID.randomUUID()))), "ERP_FAILED");
        erp.reset();

        Map<String, Double> expected = new HashMap<>();
        expected.put("orderhub_orders_received_total{channel=\"http\",status=\"QUEUED\"}", 3.0);
        expected.put("orderhub_orders_received_total{channel=\"http\",status=\"DUPLICATE\"}", 1.0);
        expected.put("orderhub_orders_received_total{channel=\"http\",status=\"NEEDS_REVIEW\"}", 1.0);
        expected.put("orderhub_orders_received_total{channel=\"sftp\",status=\"QUEUED\"}", 0.0);
        expected.put("orderhub_documents_rejected_total{channel=\"http\"}", 1.0);
        expected.put("orderhub_orders_delivered_total{channel=\"http\"}", 1.0);
        expected.put("orderhub_orders_erp_failed_total{channel=\"http\",outcome=\"rejected\"}", 1.0);
        expected.put("orderhub_orders_erp_failed_total{channel=\"http\",outcome=\"failed\"}", 1.0);
        // the ERP outcome is counted just after its status is committed, so the last one may lag by a moment
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Map<String, Double> after = scrape();
            Map<String, Double> increase = new HashMap<>();
            expected.keySet().forEach(k -> increase.put(k, after.getOrDefault(k, Double.NaN) - before.getOrDefault(k, 0.0)));
            assertThat(increase).isEqualTo(expected);
            assertThat(after).containsEntry("orderhub_erp_in_flight", 0.0);
        });
    }

    @Test
    void queueDepthGaugeShowsTheDatabasesCountPerStatus() throws Exception {
        awaitStatus(orderId(post(order("PO-DEPTH-" + UUID.randomUUID()))), "DELIVERED");
        Map<String, Long> db = hub.bean("queueReader", QueueReader.class).countByStatus();
        assertThat(db.get("DELIVERED")).isPositive();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Map<String, Double> m = scrape();
            for (OrderStatus s : OrderStatus.values()) {
                assertThat(m).as(s.name()).containsEntry("orderhub_queue_depth{status=\"" + s.name() + "\"}",
                        (double) db.getOrDefault(s.name(), 0L));
            }
        });
    }

    @Test
    void healthShowsDatabaseAndErpUpWithDetails() throws Exception {
        HttpResponse<String> r = management("/observe/health?data=true");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode health = JSON.readTree(r.body());

        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode database = check(health, "database");
        assertThat(database.path("status").asText()).isEqualTo("UP");
        assertThat(database.path("message").asText()).startsWith("database answered in");
        assertThat(database.path("data").path("database").asText()).isEqualTo("H2");
        JsonNode erp = check(health, "erp");
        assertThat(erp.path("status").asText()).isEqualTo("UP");
        assertThat(erp.path("data").path("erp.target").asText()).isEqualTo("localhost:" + hub.uri("/").getPort());
    }

    @Test
    void readinessChecksTheErpLivenessDoesNot() throws Exception {
        JsonNode ready = JSON.readTree(management("/observe/health/ready").body());
        JsonNode live = JSON.readTree(management("/observe/health/live").body());

        assertThat(names(ready)).contains("database", "erp");
        assertThat(names(live)).contains("database").doesNotContain("erp");
    }

    @Test
    void jolokiaReadsCamelMBeans() throws Exception {
        JsonNode read = JSON.readTree(jolokia("""
                {"type": "read", "mbean": %s, "attribute": "State"}""".formatted(JSON.writeValueAsString(routeMBean())))
                .body());

        assertThat(read.path("status").asInt()).as(read.toString()).isEqualTo(200);
        assertThat(read.path("value").asText()).isEqualTo("Started");
    }

    @Test
    void jolokiaAsksForAManagementUser() throws Exception {
        String version = """
                {"type": "version"}""";

        HttpResponse<String> anonymous = jolokia(version, null, null);
        HttpResponse<String> wrongPassword = jolokia(version, "hawtio", "not-the-password");
        HttpResponse<String> known = jolokia(version, "hawtio", "hawtio-demo");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("Basic"));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(known.body()).path("status").asInt()).isEqualTo(200);
        // probes and Prometheus need no user
        assertThat(management("/observe/health").statusCode()).isEqualTo(200);
        assertThat(management("/observe/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void jolokiaCannotStopARoute() throws Exception {
        JsonNode exec = JSON.readTree(jolokia("""
                {"type": "exec", "mbean": %s, "operation": "stop()"}""".formatted(JSON.writeValueAsString(routeMBean())))
                .body());

        assertThat(exec.path("status").asInt()).as(exec.toString()).isEqualTo(403);
        assertThat(exec.path("error").asText()).contains("forbidden");
        assertThat(hub.context().getRouteController().getRouteStatus("order-pipeline").isStarted()).isTrue();
    }

    @Test
    void jolokiaCannotWriteAnAttribute() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        Object before = jmx.getAttribute(new ObjectName(routeMBean()), "Tracing");
        JsonNode write = JSON.readTree(jolokia("""
                {"type": "write", "mbean": %s, "attribute": "Tracing", "value": true}"""
                .formatted(JSON.writeValueAsString(routeMBean()))).body());

        assertThat(write.path("status").asInt()).as(write.toString()).isEqualTo(403);
        assertThat(jmx.getAttribute(new ObjectName(routeMBean()), "Tracing")).isEqualTo(before).isEqualTo(false);
    }

    @Test
    void jolokiaDoesNotShowSystemProperties() throws Exception {
        JsonNode read = JSON.readTree(jolokia("""
                {"type": "read", "mbean": "java.lang:type=Runtime", "attribute": "SystemProperties"}""").body());

        assertThat(read.path("status").asInt()).as(read.toString()).isEqualTo(403);
    }

    @Test
    void managementServerAnswersOnLoopbackOnly() throws Exception {
        assertThat(management("/observe/health").statusCode()).isEqualTo(200);
        InetAddress external = nonLoopbackAddress();
        int port = hub.managementUri("/").getPort();

        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(external, port), 2000);
            }
        }).as("management port on " + external).isInstanceOf(ConnectException.class);
    }

    @Test
    void camelRegistersTheRouteMBeanInThePlatformMBeanServer() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName route = new ObjectName(routeMBean());

        assertThat(jmx.isRegistered(route)).isTrue();
        assertThat(jmx.getAttribute(route, "RouteId")).isEqualTo("order-pipeline");
        assertThat(jmx.getAttribute(route, "State")).isEqualTo("Started");
    }

    static JsonNode check(JsonNode health, String name) {
        for (JsonNode c : health.path("checks")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    static List<String> names(JsonNode health) {
        List<String> names = new ArrayList<>();
        health.path("checks").forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return a;
                }
            }
        }
        Assumptions.abort("no non-loopback IPv4 address on this machine to try the management port on");
        return null;
    }
}

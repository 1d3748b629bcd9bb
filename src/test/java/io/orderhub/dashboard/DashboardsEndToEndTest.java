package io.orderhub.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.erp.ErpSimulator;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KPI widgets and saved dashboards over real HTTP against the started hub, from orders that really went through
 * intake and ERP delivery. Runs once per database (subclasses).
 */
abstract class DashboardsEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "X-API-Key";
    static final String OTHER_KEY = "other-key";
    /** Used by the touchless test only, so its counts are its own. */
    static final String TOUCHLESS_CUSTOMER = "4012345000016";
    static TestHub hub;

    static Map<String, String> overrides() {
        return Map.of("orderhub.http.api-keys", "demo=demo,erp-team=" + OTHER_KEY);
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
            hub = null;
        }
    }

    @AfterEach
    void erpBackToNormal() {
        hub.bean("erpSimulator", ErpSimulator.class).reset();
    }

    static String po() {
        return "KPI-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String postOrder(String po, String customer) {
        HttpResponse<String> r = hub.post("/api/orders", "application/json", """
                {"sender": "ACME-SHOP", "poNumber": "%s", "orderDate": "2026-11-27", "currency": "EUR",
                 "buyer": {"id": "%s", "name": "Buyer"},
                 "lines": [{"lineNumber": 1, "buyerItem": "A-100", "quantity": 5, "unit": "EA", "unitPrice": 12.50}]}
                """.formatted(po, customer), KEY, TestHub.KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json(r).path("orders").get(0).path("id").asText();
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
        }
    }

    static JsonNode widget(String widget, String query) {
        HttpResponse<String> r = hub.get("/api/kpis/" + widget + "?" + query, KEY, TestHub.KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    /** The row whose first cell is the given key. */
    static JsonNode row(JsonNode table, String first) {
        for (JsonNode row : table.path("rows")) {
            if (row.get(0).asText().equals(first)) {
                return row;
            }
        }
        throw new AssertionError("no row '" + first + "' in " + table);
    }

    static String since(Instant start) {
        return "from=" + start.minusSeconds(1) + "&to=" + Instant.now().plusSeconds(60);
    }

    @Test
    void receivedCountsOrdersPerGroupAndExportsAsCsv() {
        Instant start = Instant.now();
        String customer = "KPI-CUST-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            postOrder(po(), customer);
        }

        JsonNode byChannel = widget("received", since(start) + "&customer=" + customer);
        assertThat(byChannel.path("columns")).extracting(JsonNode::asText).containsExactly("channel", "orders");
        assertThat(row(byChannel, "http").get(1).asLong()).isEqualTo(3);
        JsonNode byStatus = widget("received", since(start) + "&customer=" + customer + "&groupBy=status");
        assertThat(row(byStatus, "NEEDS_REVIEW").get(1).asLong()).isEqualTo(3);

        HttpResponse<String> csv = hub.get("/api/kpis/received?" + since(start) + "&customer=" + customer
                + "&format=csv", KEY, TestHub.KEY);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("received.csv"));
        assertThat(csv.body().split("\r\n")).containsExactly("channel,orders", "http,3");

        assertThat(hub.get("/api/kpis/received?groupBy=colour", KEY, TestHub.KEY).statusCode()).isEqualTo(400);
        assertThat(hub.get("/api/kpis/nothing", KEY, TestHub.KEY).statusCode()).isEqualTo(404);
        assertThat(hub.get("/api/kpis/received").statusCode()).isEqualTo(401);
    }

    @Test
    void touchlessAndReceiptToErpCountOnlyOrdersWithoutHumanAction() {
        Instant start = Instant.now();
        List<String> untouched = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String po = po();
            postOrder(po, TOUCHLESS_CUSTOMER);
            untouched.add(po);
        }
        untouched.forEach(po -> hub.awaitOrderStatus(po, "DELIVERED", Duration.ofSeconds(30)));
        // one order the ERP rejects, which a person then sends again: delivered, but not touchless
        hub.bean("erpSimulator", ErpSimulator.class).mode(ErpSimulator.Mode.REJECT);
        String touchedPo = po();
        String touched = postOrder(touchedPo, TOUCHLESS_CUSTOMER);
        hub.awaitOrderStatus(touchedPo, "ERP_REJECTED", Duration.ofSeconds(30));
        hub.bean("erpSimulator", ErpSimulator.class).mode(ErpSimulator.Mode.ACCEPT);
        assertThat(hub.post("/api/orders/" + touched + "/resubmit", null, "", KEY, TestHub.KEY).statusCode()).isEqualTo(202);
        hub.awaitOrderStatus(touchedPo, "DELIVERED", Duration.ofSeconds(30));
        // one order for an unknown customer (NEEDS_REVIEW) that a person logged in to the console fixes: it is then
        // delivered, but not touchless either
        String fixedPo = po();
        String fixed = postOrder(fixedPo, "KPI-UNKNOWN-" + UUID.randomUUID().toString().substring(0, 6));
        hub.awaitOrderStatus(fixedPo, "NEEDS_REVIEW", Duration.ofSeconds(30));
        HttpResponse<String> patched = hub.send(HttpRequest.newBuilder(hub.uri("/api/orders/" + fixed))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"buyer\": {\"id\": \"" + TOUCHLESS_CUSTOMER + "\", \"name\": \"Buyer\"}}")),
                "Cookie", hub.login("cs", "cs-demo"));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        hub.awaitOrderStatus(fixedPo, "DELIVERED", Duration.ofSeconds(30));

        JsonNode touchless = widget("touchless", since(start) + "&customer=" + TOUCHLESS_CUSTOMER);
        JsonNode http = row(touchless, "http");
        assertThat(http.get(1).asLong()).as("delivered").isEqualTo(5);
        assertThat(http.get(2).asLong()).as("touchless: the three nobody acted on").isEqualTo(3);
        assertThat(http.get(3).asDouble()).isEqualTo(0.6);
        assertThat(row(touchless, "all").get(1).asLong()).isEqualTo(5);
        assertThat(row(touchless, "all").get(2).asLong()).isEqualTo(3);
        // the fixed order's timeline names the person who fixed it
        JsonNode onlyFixed = json(hub.get("/api/orders/" + fixed, KEY, TestHub.KEY));
        assertThat(onlyFixed.path("events").toString()).contains("user:cs");

        JsonNode sla = widget("sla-compliance", since(start) + "&customer=" + TOUCHLESS_CUSTOMER);
        assertThat(row(sla, "all").get(1).asLong()).as("delivered").isEqualTo(5);
        assertThat(row(sla, "all").get(2).asLong()).as("met: delivered within hours of a window of hours")
                .isEqualTo(5);
        assertThat(row(sla, "all").get(4).asDouble()).isEqualTo(1.0);

        JsonNode latency = widget("receipt-to-erp", since(start) + "&customer=" + TOUCHLESS_CUSTOMER);
        JsonNode all = row(latency, "all");
        assertThat(all.get(1).asLong()).isEqualTo(5);
        assertThat(all.get(2).asLong()).as("median ms").isGreaterThanOrEqualTo(0);
        assertThat(all.get(3).asLong()).as("p90 ms").isGreaterThanOrEqualTo(all.get(2).asLong())
                .isLessThan(Duration.between(start, Instant.now()).toMillis() + 1000);
    }

    @Test
    void exceptionReasonsNameTheProblemCodes() {
        Instant start = Instant.now();
        String customer = "KPI-UNKNOWN-" + UUID.randomUUID().toString().substring(0, 6);
        postOrder(po(), customer);
        postOrder(po(), customer);

        JsonNode reasons = widget("exception-reasons", since(start) + "&customer=" + customer);
        assertThat(reasons.path("columns")).extracting(JsonNode::asText).containsExactly("event", "reason", "orders");
        JsonNode unknown = null;
        for (JsonNode r : reasons.path("rows")) {
            if (r.get(1).asText().equals("unknown-customer")) {
                unknown = r;
            }
        }
        assertThat(unknown).as(reasons.toString()).isNotNull();
        assertThat(unknown.get(0).asText()).isEqualTo("needs-review");
        assertThat(unknown.get(2).asLong()).isEqualTo(2);
    }

    @Test
    void aMonthOfMinuteSamplesIsShownIn200StepsEachWithTheDepthAtItsFirstSample() {
        // a month a year back, so the samples of the other tests do not fall into it
        Instant start = Instant.parse("2025-06-01T00:00:00Z");
        int minutes = 30 * 24 * 60;
        hub.bean("database", io.orderhub.support.Database.class).inTransaction(c -> {
            try (var ps = c.prepareStatement("insert into queue_depth_samples (at, status, depth) values (?, 'QUEUED', ?)")) {
                for (int m = 0; m < minutes; m++) {
                    ps.setTimestamp(1, java.sql.Timestamp.from(start.plusSeconds(60L * m)));
                    ps.setInt(2, m % 50);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        JsonNode depth = widget("queue-depth", "from=" + start + "&to=" + start.plus(Duration.ofDays(30)));
        // 30 days in 200 steps of 216 minutes: the sample of minute 216 k starts step k
        assertThat(depth.path("rows").size()).isEqualTo(200);
        for (int k = 0; k < 200; k++) {
            JsonNode r = depth.path("rows").get(k);
            assertThat(r.get(0).asText()).isEqualTo(start.plus(Duration.ofMinutes(216L * k)).toString());
            assertThat(r.get(1).asText()).isEqualTo("QUEUED");
            assertThat(r.get(2).asLong()).isEqualTo((216L * k) % 50);
        }
    }

    @Test
    void queueDepthIsSampledOncePerIntervalAndShownPerStatus() {
        postOrder(po(), "KPI-DEPTH-" + UUID.randomUUID().toString().substring(0, 6));
        QueueDepthSampler sampler = hub.bean("queueDepthSampler", QueueDepthSampler.class);
        Instant now = Instant.now();
        int first = sampler.sample();
        int second = sampler.sample();

        assertThat(sampler.sampled(now)).isTrue();
        assertThat(second).as("a second sample in the same interval").isZero();
        JsonNode depth = widget("queue-depth", "from=" + now.minus(Duration.ofHours(1)) + "&to=" + now.plusSeconds(3600));
        assertThat(depth.path("rows").size()).isGreaterThanOrEqualTo(Math.max(first, 1));
        boolean needsReview = false;
        for (JsonNode r : depth.path("rows")) {
            needsReview |= r.get(1).asText().equals("NEEDS_REVIEW") && r.get(2).asLong() >= 1;
        }
        assertThat(needsReview).as(depth.toString()).isTrue();
    }

    @Test
    void dashboardsAreSavedPerOwnerVersionGuardedAndChecked() {
        String definition = """
                {"widgets": [{"widget": "received", "groupBy": "channel", "period": "P7D"},
                             {"widget": "touchless", "period": "PT24H", "channel": "http"}]}""";
        HttpResponse<String> created = hub.post("/api/dashboards", "application/json",
                "{\"name\": \"Intake today\", \"definition\": " + definition + "}", KEY, TestHub.KEY);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/dashboards/" + id);

        JsonNode mine = json(hub.get("/api/dashboards", KEY, TestHub.KEY));
        assertThat(mine.path("items")).extracting(d -> d.path("id").asText()).contains(id);
        assertThat(json(hub.get("/api/dashboards/" + id, KEY, TestHub.KEY)).path("definition").path("widgets")).hasSize(2);
        // another API client neither sees nor changes it
        assertThat(json(hub.get("/api/dashboards", KEY, OTHER_KEY)).path("items")).extracting(d -> d.path("id").asText())
                .doesNotContain(id);
        assertThat(hub.get("/api/dashboards/" + id, KEY, OTHER_KEY).statusCode()).isEqualTo(404);

        HttpResponse<String> renamed = put(id, "{\"name\": \"Intake\", \"version\": 0, \"definition\": " + definition + "}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(json(renamed).path("version").asInt()).isEqualTo(1);
        assertThat(put(id, "{\"name\": \"Stale\", \"version\": 0, \"definition\": " + definition + "}").statusCode())
                .isEqualTo(409);

        HttpResponse<String> invalid = hub.post("/api/dashboards", "application/json", """
                {"name": "", "definition": {"widgets": [{"widget": "weather", "period": "a week"}]}}""",
                KEY, TestHub.KEY);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).path("problems")).extracting(p -> p.path("path").asText())
                .contains("/name", "/definition/widgets/0/widget", "/definition/widgets/0/period");

        assertThat(hub.send(HttpRequest.newBuilder(hub.uri("/api/dashboards/" + id)).DELETE()
                .timeout(Duration.ofSeconds(20)), KEY, TestHub.KEY).statusCode()).isEqualTo(204);
        assertThat(hub.get("/api/dashboards/" + id, KEY, TestHub.KEY).statusCode()).isEqualTo(404);
    }

    static HttpResponse<String> put(String id, String body) {
        return hub.send(HttpRequest.newBuilder(hub.uri("/api/dashboards/" + id)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)),
                KEY, TestHub.KEY);
    }
}

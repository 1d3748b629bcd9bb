package io.orderhub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.erp.ErpSimulator;
import io.orderhub.testing.TestClock;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The exception desk over real HTTP against the started hub, once per database (subclasses): fix a NEEDS_REVIEW order
 * by PATCH and see it delivered, two people editing at once (one 409), reject, mark duplicate, the exception list
 * with its reasons, and the queue list's SLA filter and sorting. Every action is checked in the order's events with
 * its actor and before/after. The hub's clock is a {@link TestClock}.
 */
abstract class ExceptionDeskEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    @org.junit.jupiter.api.AutoClose
    static TestHub hub;
    static TestClock clock;

    static void startHub(TestHub.Db db, java.nio.file.Path dir) {
        clock = new TestClock(T0);
        hub = TestHub.start(db, dir, Map.of("orderhub.sla.check-interval-ms", "100"), Map.of("clock", clock));
    }

    @BeforeEach
    void reset() {
        hub.bean("erpSimulator", ErpSimulator.class).reset();
        clock.set(T0);
    }

    static String po() {
        return "XD-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String order(String sender, String po, String buyer, String item, String quantity) {
        return """
                {"sender": "%s", "poNumber": "%s", "orderDate": "2026-11-26", "currency": "EUR",
                 "buyer": {"id": "%s", "name": "Buyer"},
                 "shipTo": {"id": "4012345000016", "name": "ACME Lager Nord", "city": "Hamburg", "country": "DE"},
                 "lines": [{"lineNumber": 1, "buyerItem": "%s", "description": "Widget", "quantity": %s, "unit": "EA", "unitPrice": 12.50}]}
                """.formatted(sender, po, buyer, item, quantity);
    }

    static String needsReview(String po) {
        // Z-999 is not in ACME's catalogue
        String id = post(order("ACME-SHOP", po, "4012345000009", "Z-999", "5"));
        assertThat(get("/api/orders/" + id).path("status").asText()).isEqualTo("NEEDS_REVIEW");
        return id;
    }

    static String post(String body) {
        HttpResponse<String> r = hub.post("/api/orders", "application/json", body, "X-API-Key", TestHub.KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json(r).path("orders").get(0).path("id").asText();
    }

    static JsonNode get(String path) {
        HttpResponse<String> r = hub.get(path, "X-API-Key", TestHub.KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    static HttpResponse<String> patch(String id, String body, String... headers) {
        List<String> h = new ArrayList<>(List.of("X-API-Key", TestHub.KEY, "Content-Type", "application/merge-patch+json"));
        h.addAll(List.of(headers));
        return hub.send(HttpRequest.newBuilder(hub.uri("/api/orders/" + id)).timeout(Duration.ofSeconds(20))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)), h.toArray(String[]::new));
    }

    static HttpResponse<String> action(String id, String action, String body) {
        return hub.post("/api/orders/" + id + "/" + action, "application/json", body, "X-API-Key", TestHub.KEY);
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
        }
    }

    static JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/api/orders/" + id).path("status").asText(), status::equals);
        return get("/api/orders/" + id);
    }

    static List<JsonNode> events(JsonNode order, String type) {
        return StreamSupport.stream(order.path("events").spliterator(), false)
                .filter(e -> type.equals(e.path("type").asText())).toList();
    }

    static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).map(i -> i.path("id").asText()).toList();
    }

    @Test
    void needsReviewOrderFixedByPatchIsDeliveredAndEveryCorrectionIsInItsHistory() {
        String id = needsReview(po());
        JsonNode listed = get("/api/exceptions?status=NEEDS_REVIEW&reason=unknown-item&limit=500");
        JsonNode item = StreamSupport.stream(listed.path("items").spliterator(), false)
                .filter(i -> i.path("id").asText().equals(id)).findFirst().orElseThrow();
        assertThat(item.path("problems").get(0).path("code").asText()).isEqualTo("unknown-item");
        assertThat(item.path("problems").get(0).path("path").asText()).isEqualTo("/lines/0");
        assertThat(item.path("slaState").asText()).isEqualTo("ON_TRACK");

        // a first correction that is still wrong: the order stays in review with the new reasons
        int version = get("/api/orders/" + id).path("version").asInt();
        HttpResponse<String> r = patch(id, """
                {"lines": [{"lineNumber": 1, "buyerItem": "A-100", "quantity": -5, "unit": "EA", "unitPrice": 12.50}]}""",
                "If-Match", "\"" + version + "\"");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(json(r).path("problems").get(0).path("code").asText()).isEqualTo("not-positive");
        JsonNode inReview = get("/api/orders/" + id);
        assertThat(inReview.path("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(inReview.path("problems").toString()).contains("not-positive").doesNotContain("unknown-item");

        r = patch(id, """
                {"lines": [{"lineNumber": 1, "buyerItem": "A-100", "quantity": 5, "unit": "EA", "unitPrice": 12.50}],
                 "notes": ["item corrected by phone"]}""",
                "If-Match", "\"" + inReview.path("version").asInt() + "\"");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("status").asText()).isEqualTo("QUEUED");

        JsonNode delivered = awaitStatus(id, "DELIVERED");
        assertThat(delivered.path("order").path("lines").get(0).path("buyerItem").asText()).isEqualTo("A-100");
        assertThat(delivered.path("order").path("lines").get(0).has("description")).isFalse();
        assertThat(delivered.path("problems").isMissingNode() || delivered.path("problems").isNull()).isTrue();
        assertThat(delivered.path("provenance").path("/lines/0/buyerItem").path("kind").asText()).isEqualTo("manual");
        assertThat(delivered.path("provenance").path("/lines/0/buyerItem").path("locator").asText()).isEqualTo("client:demo");
        assertThat(delivered.path("provenance").path("/poNumber").path("kind").asText()).isEqualTo("json-pointer");

        List<JsonNode> corrections = events(delivered, "corrected");
        assertThat(corrections).hasSize(2);
        JsonNode last = corrections.get(1);
        assertThat(last.path("actor").asText()).isEqualTo("client:demo");
        assertThat(last.path("fromStatus").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(last.path("toStatus").asText()).isEqualTo("QUEUED");
        Map<String, JsonNode> changes = new java.util.TreeMap<>();
        last.path("detail").path("changes").forEach(c -> changes.put(c.path("path").asText(), c));
        assertThat(changes.keySet()).containsExactly("/lines/0/quantity", "/notes/0");
        assertThat(changes.get("/lines/0/quantity").path("before").asInt()).isEqualTo(-5);
        assertThat(changes.get("/lines/0/quantity").path("after").asInt()).isEqualTo(5);
        assertThat(changes.get("/notes/0").path("before").isMissingNode()).isTrue();
        Map<String, JsonNode> first = new java.util.TreeMap<>();
        corrections.get(0).path("detail").path("changes").forEach(c -> first.put(c.path("path").asText(), c));
        assertThat(first.get("/lines/0/buyerItem").path("before").asText()).isEqualTo("Z-999");
        assertThat(first.get("/lines/0/buyerItem").path("after").asText()).isEqualTo("A-100");
        assertThat(first.get("/lines/0/description").path("after").isMissingNode()).isTrue();
        assertThat(corrections.get(0).path("detail").path("problems").get(0).path("code").asText()).isEqualTo("not-positive");
    }

    @Test
    void twoPeopleCorrectingAtOnceOneGetsAConflictAndNothingIsLost() throws Exception {
        String id = needsReview(po());
        String version = "\"" + get("/api/orders/" + id).path("version").asInt() + "\"";
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> edits = new ArrayList<>();
        for (String item : List.of("A-100", "A-200")) {
            edits.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return patch(id, "{\"lines\": [{\"lineNumber\": 1, \"buyerItem\": \"" + item
                        + "\", \"quantity\": 5, \"unitPrice\": " + ("A-100".equals(item) ? "12.50" : "7.90") + "}]}",
                        "If-Match", version);
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        String winner = null;
        for (CompletableFuture<HttpResponse<String>> f : edits) {
            HttpResponse<String> r = f.get();
            codes.add(r.statusCode());
            if (r.statusCode() == 200) {
                winner = json(r).path("changes").toString().contains("A-100") ? "A-100" : "A-200";
            } else {
                assertThat(json(r).path("error").asText()).isEqualTo("conflict");
                assertThat(json(r).path("message").asText()).contains(id);
            }
        }
        assertThat(codes).containsExactlyInAnyOrder(200, 409);
        JsonNode order = get("/api/orders/" + id);
        assertThat(events(order, "corrected")).hasSize(1);
        assertThat(order.path("order").path("lines").get(0).path("buyerItem").asText()).isEqualTo(winner);

        // an edit made to a version that is no longer current is refused too
        HttpResponse<String> stale = patch(id, "{\"notes\": [\"late\"]}", "If-Match", version);
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(json(stale).path("message").asText()).contains("was changed meanwhile");
    }

    @Test
    void rejectedOrderIsClosedWithItsReasonAndLeavesTheDesk() {
        String id = needsReview(po());
        HttpResponse<String> noReason = action(id, "reject", "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json(noReason).path("message").asText()).contains("reason");

        HttpResponse<String> r = action(id, "reject", "{\"reason\": \"customer cancelled by phone\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("status").asText()).isEqualTo("REJECTED");
        assertThat(action(id, "reject", "{\"reason\": \"again\"}").statusCode()).isEqualTo(409);
        assertThat(patch(id, "{\"notes\": [\"x\"]}").statusCode()).isEqualTo(409);

        JsonNode order = get("/api/orders/" + id);
        assertThat(order.path("status").asText()).isEqualTo("REJECTED");
        assertThat(order.path("sla").path("state").asText()).isEqualTo("CLOSED");
        JsonNode event = events(order, "rejected").get(0);
        assertThat(event.path("actor").asText()).isEqualTo("client:demo");
        assertThat(event.path("detail").path("reason").asText()).isEqualTo("customer cancelled by phone");
        assertThat(event.path("detail").path("before").path("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(event.path("detail").path("after").path("status").asText()).isEqualTo("REJECTED");
        assertThat(ids(get("/api/exceptions?limit=500"))).doesNotContain(id);
        assertThat(ids(get("/api/orders?status=REJECTED&limit=500"))).contains(id);
    }

    @Test
    void orderMarkedDuplicateOfAnotherIsClosedAndPointsToIt() {
        String original = post(order("ACME-SHOP", po(), "4012345000009", "A-100", "5"));
        String copy = needsReview(po());
        assertThat(action(copy, "mark-duplicate", "{\"duplicateOf\": \"" + copy + "\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = action(copy, "mark-duplicate", "{\"duplicateOf\": \"" + UUID.randomUUID() + "\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).path("message").asText()).startsWith("duplicateOf: there is no order");
        assertThat(action(copy, "mark-duplicate", "{\"duplicateOf\": \"not-an-id\"}").statusCode()).isEqualTo(400);

        HttpResponse<String> r = action(copy, "mark-duplicate",
                "{\"duplicateOf\": \"" + original + "\", \"reason\": \"sent by mail and by EDI\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode order = get("/api/orders/" + copy);
        assertThat(order.path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(order.path("duplicateOf").asText()).isEqualTo(original);
        JsonNode event = events(order, "marked-duplicate").get(0);
        assertThat(event.path("actor").asText()).isEqualTo("client:demo");
        assertThat(event.path("detail").path("before").path("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(event.path("detail").path("before").has("duplicateOf")).isFalse();
        assertThat(event.path("detail").path("after").path("duplicateOf").asText()).isEqualTo(original);
        assertThat(event.path("detail").path("reason").asText()).isEqualTo("sent by mail and by EDI");
        JsonNode listed = get("/api/exceptions?status=DUPLICATE&limit=500");
        JsonNode item = StreamSupport.stream(listed.path("items").spliterator(), false)
                .filter(i -> i.path("id").asText().equals(copy)).findFirst().orElseThrow();
        assertThat(item.path("duplicateOf").asText()).isEqualTo(original);
    }

    @Test
    void erpRejectedOrderIsListedWithTheErpsAnswerAndCanBeResubmitted() {
        hub.post("/erp-sim/control?mode=reject", null, "");
        String id = post(order("ACME-SHOP", po(), "4012345000009", "A-100", "5"));
        awaitStatus(id, "ERP_REJECTED");
        JsonNode listed = get("/api/exceptions?status=ERP_REJECTED&limit=500");
        JsonNode item = StreamSupport.stream(listed.path("items").spliterator(), false)
                .filter(i -> i.path("id").asText().equals(id)).findFirst().orElseThrow();
        assertThat(item.path("lastError").path("httpStatus").asInt()).isBetween(400, 499);
        assertThat(hub.get("/api/exceptions?status=QUEUED", "X-API-Key", TestHub.KEY).statusCode()).isEqualTo(400);

        hub.bean("erpSimulator", ErpSimulator.class).reset();
        HttpResponse<String> r = hub.post("/api/orders/" + id + "/resubmit", null, "", "X-API-Key", TestHub.KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode order = awaitStatus(id, "DELIVERED");
        JsonNode event = events(order, "resubmitted").get(0);
        assertThat(event.path("actor").asText()).isEqualTo("client:demo");
        assertThat(event.path("detail").path("before").path("status").asText()).isEqualTo("ERP_REJECTED");
        assertThat(event.path("detail").path("after").path("status").asText()).isEqualTo("QUEUED");
    }

    @Test
    void queueIsFilteredBySlaStateAndSortedByPriorityDueTimeOrReceipt() {
        Instant day = Instant.parse("2026-12-02T06:00:00Z");
        // ACME, priority 3, 4 h around the clock: due 10:00, at risk from 09:12; in review (unknown item)
        clock.set(day);
        String acme = post(order("ACME-SHOP", po(), "4012345000009", "Z-999", "5"));
        // ACME's key account, priority 1, 2 business hours (de-office): received 10:00 Berlin, due 12:00 Berlin
        clock.set(Instant.parse("2026-12-02T09:00:00Z"));
        String key = post(order("ACME-SHOP", po(), "4012345000016", "Z-999", "5"));
        // NORDHANDEL, priority 4, 8 business hours: due 18:01 Berlin
        clock.set(Instant.parse("2026-12-02T09:01:00Z"));
        String nord = post(order("NORDHANDEL", po(), "4000001000012", "N-1", "5"));
        String window = "&from=2026-12-02&to=2026-12-03&limit=500";

        assertThat(ids(get("/api/orders?sort=priority" + window))).containsExactly(key, acme, nord);
        assertThat(ids(get("/api/orders?sort=due" + window))).containsExactly(acme, key, nord);
        assertThat(ids(get("/api/orders?sort=received" + window))).containsExactly(nord, key, acme);
        assertThat(ids(get("/api/orders?" + window.substring(1)))).containsExactly(nord, key, acme);
        assertThat(get("/api/orders/" + key).path("priority").asInt()).isEqualTo(1);
        assertThat(get("/api/orders/" + key).path("dueAt").asText()).isEqualTo("2026-12-02T11:00:00Z");

        clock.set(Instant.parse("2026-12-02T09:30:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> ids(get("/api/orders?sla=AT_RISK" + window)).equals(List.of(acme)));
        clock.set(Instant.parse("2026-12-02T10:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> ids(get("/api/orders?sla=BREACHED" + window)).equals(List.of(acme)));
        assertThat(ids(get("/api/orders?sla=breached&sort=due" + window))).containsExactly(acme);

        HttpResponse<String> bad = hub.get("/api/orders?sla=LATE", "X-API-Key", TestHub.KEY);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("message").asText()).contains("sla 'LATE' is not one of").contains("AT_RISK");
        assertThat(hub.get("/api/orders?sort=age", "X-API-Key", TestHub.KEY).statusCode()).isEqualTo(400);
    }

    @Test
    void correctedPoNumberThatAnotherOrderHoldsIsAProblemUntilCorrectedAgain() {
        String taken = po();
        String original = post(order("ACME-SHOP", taken, "4012345000009", "A-100", "5"));
        String id = needsReview(po());
        String validLines = "\"lines\": [{\"lineNumber\": 1, \"buyerItem\": \"A-100\", \"quantity\": 5, \"unitPrice\": 12.50}]";
        HttpResponse<String> r = patch(id, "{\"poNumber\": \"" + taken + "\", " + validLines + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(json(r).path("problems").get(0).path("code").asText()).isEqualTo("duplicate-po-number");
        assertThat(json(r).path("problems").get(0).path("message").asText()).contains(original);

        String fresh = po();
        r = patch(id, "{\"poNumber\": \"" + fresh + "\"}");
        assertThat(json(r).path("status").asText()).as(r.body()).isEqualTo("QUEUED");
        awaitStatus(id, "DELIVERED");
        // the PO number the order gave up is free again; the new one is taken by it
        assertThat(get("/api/orders?poNumber=" + fresh).path("total").asInt()).isEqualTo(1);
        String again = post(order("ACME-SHOP", fresh, "4012345000009", "A-100", "5"));
        assertThat(get("/api/orders/" + again).path("duplicateOf").asText()).isEqualTo(id);
    }

    @Test
    void actionsNeedAnApiKeyAndValidJson() {
        String id = needsReview(po());
        HttpResponse<String> r = hub.send(HttpRequest.newBuilder(hub.uri("/api/orders/" + id))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(hub.get("/api/exceptions").statusCode()).isEqualTo(401);
        HttpResponse<String> broken = patch(id, "{\"lines\": [");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(json(broken).path("message").asText()).contains("line 1");
        HttpResponse<String> schema = patch(id, "{\"lines\": [{\"quantity\": \"five\"}]}");
        assertThat(schema.statusCode()).isEqualTo(400);
        assertThat(json(schema).path("problems").get(0).path("path").asText()).startsWith("/lines/0");
        assertThat(patch(UUID.randomUUID().toString(), "{}").statusCode()).isEqualTo(404);
        HttpResponse<String> sender = patch(id, "{\"sender\": \"NORDHANDEL\"}");
        assertThat(sender.statusCode()).isEqualTo(400);
        assertThat(json(sender).path("message").asText()).startsWith("sender cannot be corrected");
        assertThat(get("/api/orders/" + id).path("version").asInt()).isEqualTo(0);
    }
}

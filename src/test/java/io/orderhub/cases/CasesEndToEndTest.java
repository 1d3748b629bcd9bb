package io.orderhub.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customer-service cases over real HTTP against the started hub: open, search, notes, links, status changes, and
 * the case events on the linked orders' timelines. Runs once per database (subclasses).
 */
abstract class CasesEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "X-API-Key";
    static TestHub hub;

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
            hub = null;
        }
    }

    /** Posts an order and returns its id. */
    static String newOrder(String po) {
        HttpResponse<String> r = hub.post("/api/orders", "application/json", """
                {"sender": "ACME-SHOP", "poNumber": "%s", "orderDate": "2026-11-27", "currency": "EUR",
                 "buyer": {"id": "4012345000009", "name": "ACME Retail GmbH"},
                 "lines": [{"lineNumber": 1, "buyerItem": "A-100", "quantity": 5, "unit": "EA", "unitPrice": 12.50}]}
                """.formatted(po), KEY, TestHub.KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json(r).path("orders").get(0).path("id").asText();
    }

    static String po() {
        return "CS-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static HttpResponse<String> postJson(String path, String body) {
        return hub.post(path, "application/json", body, KEY, TestHub.KEY);
    }

    static HttpResponse<String> patchJson(String path, String body) {
        return hub.send(HttpRequest.newBuilder(hub.uri(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)), KEY, TestHub.KEY);
    }

    static HttpResponse<String> delete(String path) {
        return hub.send(HttpRequest.newBuilder(hub.uri(path)).timeout(Duration.ofSeconds(20)).DELETE(), KEY, TestHub.KEY);
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
        }
    }

    static JsonNode openCase(String title, String kind, String note, String... orderIds) {
        HttpResponse<String> r = postJson("/api/cases", """
                {"title": %s, "kind": "%s", "customerId": "4012345000009", "note": %s, "orderIds": %s}"""
                .formatted(quote(title), kind, note == null ? "null" : quote(note), ids(orderIds)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location")).hasValue("/api/cases/" + json(r).path("id").asText());
        return json(r);
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String ids(String... ids) {
        List<String> quoted = new ArrayList<>();
        for (String id : ids) {
            quoted.add(quote(id));
        }
        return "[" + String.join(",", quoted) + "]";
    }

    /** The events of an order whose type starts with "case-". */
    static List<JsonNode> caseEvents(String orderId) {
        HttpResponse<String> r = hub.get("/api/orders/" + orderId, KEY, TestHub.KEY);
        assertThat(r.statusCode()).isEqualTo(200);
        return StreamSupport.stream(json(r).path("events").spliterator(), false)
                .filter(e -> e.path("type").asText().startsWith("case-")).toList();
    }

    /** An event's detail as the API shows it (a JSON object). */
    static JsonNode detail(JsonNode event) {
        JsonNode detail = event.path("detail");
        assertThat(detail.isObject()).as(event.toString()).isTrue();
        return detail;
    }

    static List<String> foundIds(String query) {
        HttpResponse<String> r = hub.get("/api/cases?" + query, KEY, TestHub.KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return StreamSupport.stream(json(r).path("items").spliterator(), false).map(i -> i.path("id").asText()).toList();
    }

    @Test
    void openingACaseLinksItsOrdersKeepsTheNoteAndShowsOnEachOrdersTimeline() {
        String po1 = po();
        String po2 = po();
        String order1 = newOrder(po1);
        String order2 = newOrder(po2);

        JsonNode opened = openCase("Invoice charged twice", "billing-error", "Customer called, wants a credit note",
                order1, order2);
        String caseId = opened.path("id").asText();

        JsonNode shown = json(hub.get("/api/cases/" + caseId, KEY, TestHub.KEY));
        assertThat(shown.path("status").asText()).isEqualTo("OPEN");
        assertThat(shown.path("openedBy").asText()).isEqualTo("client:demo");
        assertThat(shown.path("orders")).extracting(o -> o.path("poNumber").asText()).containsExactly(po1, po2);
        assertThat(shown.path("orders").get(0).path("orderStatus").asText()).isNotBlank();
        assertThat(shown.path("notes")).hasSize(1);
        assertThat(shown.path("notes").get(0).path("text").asText()).isEqualTo("Customer called, wants a credit note");
        for (String order : List.of(order1, order2)) {
            List<JsonNode> events = caseEvents(order);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).path("type").asText()).isEqualTo("case-linked");
            assertThat(events.get(0).path("actor").asText()).isEqualTo("client:demo");
            assertThat(detail(events.get(0)).path("caseId").asText()).isEqualTo(caseId);
            assertThat(detail(events.get(0)).path("title").asText()).isEqualTo("Invoice charged twice");
        }
    }

    @Test
    void searchFindsCasesByTitleNotePoNumberOrderAndStatus() {
        String po = po();
        String order = newOrder(po);
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String caseId = openCase("Pallet " + marker + " never arrived", "missing-delivery", null, order)
                .path("id").asText();
        String other = openCase("Unrelated price question", "price-query", null, newOrder(po())).path("id").asText();
        String noteWord = "crate" + marker;
        assertThat(postJson("/api/cases/" + caseId + "/notes", "{\"text\": \"Carrier says the " + noteWord
                + " was left at the gate\"}").statusCode()).isEqualTo(201);

        assertThat(foundIds("q=" + marker.toUpperCase())).contains(caseId).doesNotContain(other);
        assertThat(foundIds("q=" + noteWord)).containsExactly(caseId);
        assertThat(foundIds("q=" + po.substring(3))).containsExactly(caseId);
        assertThat(foundIds("orderId=" + order)).containsExactly(caseId);
        assertThat(foundIds("orderId=" + order + "&status=OPEN")).containsExactly(caseId);
        assertThat(foundIds("orderId=" + order + "&status=RESOLVED")).isEmpty();
        // % and _ are searched for as themselves, not as wildcards
        assertThat(foundIds("q=%25")).doesNotContain(caseId, other);
    }

    @Test
    void statusChangesAreGuardedByVersionAndAppearOnTheTimeline() {
        String order = newOrder(po());
        JsonNode opened = openCase("Wrong items delivered", "wrong-items", null, order);
        String caseId = opened.path("id").asText();
        int version = opened.path("version").asInt();

        HttpResponse<String> waiting = patchJson("/api/cases/" + caseId, "{\"status\": \"WAITING\", \"version\": " + version + "}");
        assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(200);
        assertThat(json(waiting).path("status").asText()).isEqualTo("WAITING");

        HttpResponse<String> stale = patchJson("/api/cases/" + caseId, "{\"status\": \"CLOSED\", \"version\": " + version + "}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).path("message").asText()).contains("version");
        assertThat(json(hub.get("/api/cases/" + caseId, KEY, TestHub.KEY)).path("status").asText()).isEqualTo("WAITING");

        assertThat(patchJson("/api/cases/" + caseId, "{\"status\": \"resolved\"}").statusCode()).isEqualTo(200);
        List<JsonNode> events = caseEvents(order);
        assertThat(events).extracting(e -> e.path("type").asText())
                .containsExactly("case-linked", "case-status", "case-status");
        assertThat(detail(events.get(1)).path("before").asText()).isEqualTo("OPEN");
        assertThat(detail(events.get(1)).path("after").asText()).isEqualTo("WAITING");
        assertThat(detail(events.get(2)).path("after").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void ordersAreLinkedOnceAndUnlinkedWithAnEvent() {
        String first = newOrder(po());
        String second = newOrder(po());
        String caseId = openCase("Two deliveries mixed up", "other", null, first).path("id").asText();

        assertThat(postJson("/api/cases/" + caseId + "/orders", "{\"orderId\": \"" + second + "\"}").statusCode())
                .isEqualTo(201);
        assertThat(postJson("/api/cases/" + caseId + "/orders", "{\"orderId\": \"" + second + "\"}").statusCode())
                .isEqualTo(200);
        assertThat(caseEvents(second)).extracting(e -> e.path("type").asText()).containsExactly("case-linked");

        HttpResponse<String> unlinked = delete("/api/cases/" + caseId + "/orders/" + second);
        assertThat(unlinked.statusCode()).as(unlinked.body()).isEqualTo(200);
        assertThat(json(unlinked).path("orders")).hasSize(1);
        assertThat(caseEvents(second)).extracting(e -> e.path("type").asText())
                .containsExactly("case-linked", "case-unlinked");
        assertThat(delete("/api/cases/" + caseId + "/orders/" + second).statusCode()).isEqualTo(404);
    }

    @Test
    void badRequestsAreAnsweredWithWhatIsWrongAndChangeNothing() {
        HttpResponse<String> invalid = postJson("/api/cases",
                "{\"kind\": \"complaint\", \"orderIds\": [\"not-an-id\"]}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).path("problems")).extracting(p -> p.path("path").asText())
                .contains("/title", "/kind", "/orderIds/0");

        String unknown = UUID.randomUUID().toString();
        HttpResponse<String> unknownOrder = postJson("/api/cases",
                "{\"title\": \"x\", \"kind\": \"other\", \"orderIds\": [\"" + unknown + "\"]}");
        assertThat(unknownOrder.statusCode()).isEqualTo(400);
        assertThat(json(unknownOrder).path("message").asText()).contains(unknown);
        assertThat(foundIds("q=" + "x").stream().map(id -> json(hub.get("/api/cases/" + id, KEY, TestHub.KEY))
                .path("orders").toString())).noneMatch(o -> o.contains(unknown));

        assertThat(hub.get("/api/cases").statusCode()).isEqualTo(401);
        assertThat(hub.get("/api/cases/" + UUID.randomUUID(), KEY, TestHub.KEY).statusCode()).isEqualTo(404);
        assertThat(postJson("/api/cases/" + UUID.randomUUID() + "/notes", "{\"text\": \"hello\"}").statusCode())
                .isEqualTo(404);
        assertThat(postJson("/api/cases", "{not json").statusCode()).isEqualTo(400);
    }
}

package io.orderhub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.erp.ErpSimulator;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End to end over real HTTP against the started camel-main hub: intake, validation, queue, ERP delivery with
 * retries, resubmission, queries. Runs once per database (subclasses): the same behaviour on H2 and PostgreSQL.
 */
abstract class HubEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicInteger SEQ = new AtomicInteger();
    static TestHub hub;

    static final String KEY_HEADER = "X-API-Key";
    static final String WOO_SECRET = "woo-test-secret";

    /** Overrides every database variant of this suite starts its hub with. */
    static java.util.Map<String, String> overrides() {
        return java.util.Map.of("orderhub.http.max-body-bytes", "262144",
                "orderhub.webhook.secret.WOO-DEMO", WOO_SECRET);
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
            hub = null;
        }
    }

    @BeforeEach
    void resetErp() {
        hub.bean("erpSimulator", ErpSimulator.class).reset();
    }

    static String po() {
        return "PO-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQ.incrementAndGet();
    }

    /** The order of the README's example, with a given PO number. */
    static String order(String po) {
        return """
                {"sender": "ACME-SHOP", "poNumber": "%s", "orderDate": "2026-11-27", "currency": "EUR",
                 "buyer": {"id": "4012345000009", "name": "ACME Retail GmbH"},
                 "shipTo": {"id": "4012345000016", "name": "ACME Lager Nord", "street": "Hafenstr. 1", "city": "Hamburg", "postalCode": "20457", "country": "DE"},
                 "lines": [{"lineNumber": 1, "buyerItem": "A-100", "gtin": "04012345000023", "description": "Widget", "quantity": 5, "unit": "EA", "unitPrice": 12.50}]}
                """.formatted(po);
    }

    static HttpResponse<String> postOrder(String body, String... headers) {
        List<String> h = new ArrayList<>(List.of(KEY_HEADER, TestHub.KEY));
        h.addAll(List.of(headers));
        return hub.post("/api/orders", "application/json", body, h.toArray(String[]::new));
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
        }
    }

    static JsonNode getOrder(String id) {
        HttpResponse<String> r = hub.get("/api/orders/" + id, KEY_HEADER, TestHub.KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    static JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> getOrder(id).path("status").asText(), status::equals);
        return getOrder(id);
    }

    static String acceptedId(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json(r).path("orders").get(0).path("id").asText();
    }

    static List<String> eventTypes(JsonNode order) {
        List<String> types = new ArrayList<>();
        order.path("events").forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    @Test
    void acceptedOrderIsDeliveredToTheErpWithItsHistoryAndOriginal() {
        String po = po();
        String body = order(po);
        HttpResponse<String> r = postOrder(body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode answer = json(r);
        String id = answer.path("orders").get(0).path("id").asText();
        assertThat(r.headers().firstValue("Location")).contains("/api/orders/" + id);
        assertThat(answer.path("orders").get(0).path("status").asText()).isEqualTo("QUEUED");

        JsonNode order = awaitStatus(id, "DELIVERED");
        assertThat(order.path("erpOrderNumber").asText()).startsWith("SO-");
        assertThat(order.path("poNumber").asText()).isEqualTo(po);
        assertThat(order.path("priority").asInt()).isEqualTo(3);
        assertThat(order.path("order").path("lines").get(0).path("quantity").decimalValue()).isEqualByComparingTo("5");
        assertThat(order.path("provenance").path("/lines/0/quantity").path("locator").asText()).isEqualTo("/lines/0/quantity");
        // the delivery stops the SLA clock in its own transaction: delivered on time
        assertThat(eventTypes(order)).containsExactly("received", "queued", "claimed", "erp-delivered", "sla-met");
        assertThat(hub.bean("erpSimulator", ErpSimulator.class).requestsFor(id)).isEqualTo(1);

        HttpResponse<byte[]> original = hub.getBytes(order.path("documentUrl").asText(), KEY_HEADER, TestHub.KEY);
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(new String(original.body(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(original.headers().firstValue("Content-Type")).contains("application/json");
    }

    @Test
    void samePoNumberFromTheSameSenderIsFlaggedDuplicateAndNeverSentTwice() {
        String po = po();
        String first = acceptedId(postOrder(order(po)));
        HttpResponse<String> again = postOrder(order(po));

        String second = acceptedId(again);
        assertThat(json(again).path("orders").get(0).path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(json(again).path("orders").get(0).path("duplicateOf").asText()).isEqualTo(first);
        awaitStatus(first, "DELIVERED");
        JsonNode dup = getOrder(second);
        assertThat(dup.path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(dup.path("duplicateOf").asText()).isEqualTo(first);
        assertThat(hub.bean("erpSimulator", ErpSimulator.class).requestsFor(second)).isZero();
    }

    @Test
    void repeatedIdempotencyKeyReturnsTheFirstOutcomeWithoutANewOrder() {
        String key = "idem-" + UUID.randomUUID();
        HttpResponse<String> first = postOrder(order(po()), "Idempotency-Key", key);
        HttpResponse<String> second = postOrder(order(po()), "Idempotency-Key", key);

        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(json(second).path("documentId").asText()).isEqualTo(json(first).path("documentId").asText());
        assertThat(acceptedId(second)).isEqualTo(acceptedId(first));
        assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    @Test
    void malformedJsonIsRejectedWithLineAndColumnAndTheOriginalIsKept() {
        HttpResponse<String> r = postOrder("{\"sender\": \"ACME-SHOP\",\n \"poNumber\": }");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = json(r);
        assertThat(body.path("problems").get(0).path("code").asText()).isEqualTo("bad-json");
        assertThat(body.path("problems").get(0).path("path").asText()).isEqualTo("line 2, column 14");
        HttpResponse<String> kept = hub.get("/api/documents/" + body.path("documentId").asText() + "/meta",
                KEY_HEADER, TestHub.KEY);
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(json(kept).path("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void schemaViolationsAreListedWithTheirFieldPaths() {
        String body = """
                {"sender": "ACME-SHOP", "poNumber": "X", "orderDate": "27.11.2026", "currency": "euro",
                 "lines": [{"quantity": "five", "colour": "red"}]}""";
        HttpResponse<String> r = postOrder(body);

        assertThat(r.statusCode()).isEqualTo(400);
        List<String> paths = new ArrayList<>();
        json(r).path("problems").forEach(p -> paths.add(p.path("path").asText()));
        assertThat(paths).contains("/orderDate", "/currency", "/lines/0/quantity", "/lines/0/colour");
    }

    @Test
    void missingOrWrongApiKeyIs401() {
        assertThat(hub.post("/api/orders", "application/json", order(po())).statusCode()).isEqualTo(401);
        assertThat(hub.post("/api/orders", "application/json", order(po()), KEY_HEADER, "wrong").statusCode())
                .isEqualTo(401);
        assertThat(hub.get("/api/orders").statusCode()).isEqualTo(401);
    }

    @Test
    void unsupportedContentTypeIs415() {
        HttpResponse<String> r = hub.post("/api/orders", "text/plain", "PO 1: 5 widgets", KEY_HEADER, TestHub.KEY);
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(json(r).path("message").asText()).contains("text/plain");
    }

    @Test
    void bodyOverTheSizeLimitIs413() {
        String big = "{\"notes\": [\"" + "x".repeat(300_000) + "\"], \"lines\": []}";
        HttpResponse<String> r = postOrder(big);
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void orderFailingBusinessRulesGoesToReviewWithItsReasons() {
        String body = """
                {"sender": "ACME-SHOP", "poNumber": "%s", "orderDate": "2026-11-27", "currency": "EUR",
                 "buyer": {"id": "9999999999999"},
                 "lines": [{"buyerItem": "A-100", "quantity": 0, "unitPrice": 12.50},
                           {"buyerItem": "NOPE-1", "quantity": 2, "unitPrice": 1},
                           {"buyerItem": "A-200", "quantity": 1, "unitPrice": 9.90}]}""".formatted(po());
        HttpResponse<String> r = postOrder(body);

        String id = acceptedId(r);
        JsonNode order = getOrder(id);
        assertThat(order.path("status").asText()).isEqualTo("NEEDS_REVIEW");
        List<String> codes = new ArrayList<>();
        order.path("problems").forEach(p -> codes.add(p.path("path").asText() + " " + p.path("code").asText()));
        assertThat(codes).containsExactlyInAnyOrder("/buyer unknown-customer", "/lines/0/quantity not-positive",
                "/lines/1 unknown-item", "/lines/2/unitPrice price-out-of-tolerance");
        assertThat(hub.bean("erpSimulator", ErpSimulator.class).requestsFor(id)).isZero();
    }

    @Test
    void erpRejectionIsPermanentAndRecordsTheErpMessage() {
        hub.bean("erpSimulator", ErpSimulator.class).mode(ErpSimulator.Mode.REJECT);
        String id = acceptedId(postOrder(order(po())));

        JsonNode order = awaitStatus(id, "ERP_REJECTED");
        assertThat(order.path("attempts").asInt()).isEqualTo(1);
        assertThat(order.path("lastError").path("message").asText()).contains("HTTP 422").contains("customer blocked");
        assertThat(hub.bean("erpSimulator", ErpSimulator.class).requests()).isEqualTo(1);
    }

    @Test
    void erpDownThenBackIsDeliveredByRedelivery() {
        hub.bean("erpSimulator", ErpSimulator.class).failNext(2);
        String id = acceptedId(postOrder(order(po())));

        JsonNode order = awaitStatus(id, "DELIVERED");
        assertThat(order.path("attempts").asInt()).isEqualTo(3);
        assertThat(hub.bean("erpSimulator", ErpSimulator.class).requests()).isEqualTo(3);
    }

    @Test
    void exhaustedRetriesEndInErpFailedAndResubmitDeliversIt() {
        ErpSimulator erp = hub.bean("erpSimulator", ErpSimulator.class);
        erp.mode(ErpSimulator.Mode.FAIL);
        String id = acceptedId(postOrder(order(po())));

        JsonNode failed = awaitStatus(id, "ERP_FAILED");
        assertThat(failed.path("attempts").asInt()).isEqualTo(4);
        assertThat(failed.path("lastError").path("message").asText()).contains("HTTP 503");
        HttpResponse<String> notYet = hub.post("/api/orders/" + id + "/resubmit", null, "", KEY_HEADER, TestHub.KEY);
        assertThat(notYet.statusCode()).isEqualTo(202);

        erp.mode(ErpSimulator.Mode.ACCEPT);
        JsonNode delivered = awaitStatus(id, "DELIVERED");
        assertThat(eventTypes(delivered)).containsSubsequence("erp-failed", "resubmitted", "claimed", "erp-delivered");
        JsonNode resubmitted = null;
        for (JsonNode e : delivered.path("events")) {
            if (e.path("type").asText().equals("resubmitted")) {
                resubmitted = e;
            }
        }
        assertThat(resubmitted.path("actor").asText()).isEqualTo("client:demo");
        HttpResponse<String> again = hub.post("/api/orders/" + id + "/resubmit", null, "", KEY_HEADER, TestHub.KEY);
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void listFiltersByStatusCustomerAndPoNumberAndPages() {
        String po = po();
        String id = acceptedId(postOrder(order(po)));
        awaitStatus(id, "DELIVERED");

        JsonNode byPo = json(hub.get("/api/orders?poNumber=" + po, KEY_HEADER, TestHub.KEY));
        assertThat(byPo.path("total").asLong()).isEqualTo(1);
        assertThat(byPo.path("items").get(0).path("id").asText()).isEqualTo(id);
        JsonNode delivered = json(hub.get("/api/orders?status=delivered&customer=4012345000009&channel=http&limit=1",
                KEY_HEADER, TestHub.KEY));
        assertThat(delivered.path("items")).hasSize(1);
        assertThat(delivered.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(delivered.path("items").get(0).path("status").asText()).isEqualTo("DELIVERED");
        JsonNode future = json(hub.get("/api/orders?poNumber=" + po + "&from=2999-01-01", KEY_HEADER, TestHub.KEY));
        assertThat(future.path("total").asLong()).isZero();
        HttpResponse<String> bad = hub.get("/api/orders?status=LOST", KEY_HEADER, TestHub.KEY);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(hub.get("/api/orders/" + UUID.randomUUID(), KEY_HEADER, TestHub.KEY).statusCode()).isEqualTo(404);
    }

    @Test
    void signedWooCommerceWebhookOrderIsMappedByItsSpecAndDelivered() throws Exception {
        String body = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(
                "src/test/resources/corpus/json_webshop/woocommerce__woocommerce-ios__order.json")), StandardCharsets.UTF_8)
                .replace("\"number\": \"963\"", "\"number\": \"" + po() + "\"")
                // the corpus order's first item has no SKU (it would go to review); give it one
                .replace("\"sku\": \"\"", "\"sku\": \"5555-B\"");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(WOO_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = java.util.Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> unsigned = hub.post("/api/webhooks/woocommerce", "application/json", body);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        HttpResponse<String> r = hub.post("/api/webhooks/woocommerce", "application/json", body,
                "X-WC-Webhook-Signature", signature);

        String id = acceptedId(r);
        JsonNode order = awaitStatus(id, "DELIVERED");
        assertThat(order.path("sender").asText()).isEqualTo("WOO-DEMO");
        assertThat(order.path("channel").asText()).isEqualTo("webhook");
        assertThat(order.path("order").path("lines").size()).isEqualTo(2);
        assertThat(order.path("order").path("lines").get(1).path("buyerItem").asText()).isEqualTo("5555-A");
        assertThat(order.path("provenance").path("/lines/0/quantity").path("locator").asText())
                .isEqualTo("/data/line_items/0/quantity");
    }

    @Test
    void rawEdifactOverHttpBecomesAnOrderWithSegmentProvenance() throws Exception {
        String edi = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(
                "src/test/resources/corpus/edifact_orders/nerdocs__pydifact__order.edi")), StandardCharsets.ISO_8859_1)
                .replace("801715918011", po());
        HttpResponse<String> r = hub.post("/api/orders", "application/EDIFACT", edi, KEY_HEADER, TestHub.KEY);

        String id = acceptedId(r);
        JsonNode order = getOrder(id);
        assertThat(order.path("channel").asText()).isEqualTo("http");
        assertThat(order.path("order").path("lines").size()).isEqualTo(2);
        assertThat(order.path("order").path("lines").get(0).path("quantity").decimalValue()).isEqualByComparingTo("8");
        assertThat(order.path("provenance").path("/poNumber").path("kind").asText()).isEqualTo("edi");
        assertThat(order.path("provenance").path("/poNumber").path("locator").asText()).contains("BGM");
        HttpResponse<byte[]> original = hub.getBytes(order.path("documentUrl").asText(), KEY_HEADER, TestHub.KEY);
        assertThat(new String(original.body(), StandardCharsets.ISO_8859_1)).isEqualTo(edi);
    }
}

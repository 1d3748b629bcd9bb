package io.orderhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.intake.DocumentMapper;
import io.orderhub.intake.InboundDocument;
import io.orderhub.intake.Mappers;
import io.orderhub.mapping.MappingSpecLoader;
import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.Channel;
import io.orderhub.model.MappingResult;
import io.orderhub.support.Json;
import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerDirectory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The webhook adapter on Camel exchanges: partner by format, ping, API key or HMAC signature, the document. */
class WebhooksApiTest {

    static final String WOO_SECRET = "woo-secret-äöü";
    static final String SHOPIFY_SECRET = "shpss_0123456789abcdef";
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    static CamelContext camel;
    static ObjectMapper json = Json.newMapper();
    static WebhooksApi api;
    static Mappers mappers;

    @BeforeAll
    static void setUp() {
        camel = new DefaultCamelContext();
        camel.build();
        ApiKeys keys = new ApiKeys("demo=demo-key,erp=erp-key");
        PartnerDirectory partners = new PartnerDirectory(List.of(
                shop("WOO-DEMO", List.of("demo"), "woocommerce"),
                shop("SHOPIFY-DEMO", List.of("demo"), "shopify"),
                shop("MAGENTO-DEMO", List.of("demo"), "magento"),
                shop("ACME", List.of("erp"), null)), Path.of("."));
        mappers = new Mappers(new ArrayList<DocumentMapper>(MappingSpecLoader.loadAll(Path.of("mappings/webshop"))));
        OrdersApi orders = new OrdersApi(json, keys, partners, mappers, null, null, Clock.fixed(NOW, ZoneOffset.UTC), 100);
        Map<String, String> secrets = Map.of("WOO-DEMO", WOO_SECRET, "SHOPIFY-DEMO", SHOPIFY_SECRET);
        api = new WebhooksApi(orders, keys, partners, mappers, id -> Optional.ofNullable(secrets.get(id)));
    }

    @AfterAll
    static void tearDown() {
        camel.stop();
    }

    static Partner shop(String id, List<String> clients, String webhookFormat) {
        return new Partner(id, id, 5, 24.0, clients, List.of(), true, null, null,
                webhookFormat == null ? null : new Partner.Webhook(webhookFormat), null, null, null, null);
    }

    static Exchange exchange(String format, Object body, String... headers) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader("format", format);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            exchange.getMessage().setHeader(headers[i], headers[i + 1]);
        }
        exchange.getMessage().setBody(body);
        return exchange;
    }

    /** base64(HMAC-SHA256(body, secret)), computed as the shops do. */
    static String sign(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    static byte[] corpus(String file) throws IOException {
        try (InputStream in = WebhooksApiTest.class.getResourceAsStream("/corpus/json_webshop/" + file)) {
            return in.readAllBytes();
        }
    }

    static ApiException failure(Runnable call) {
        ApiException e = catchThrowableOfType(ApiException.class, call::run);
        assertThat(e).as("an ApiException").isNotNull();
        return e;
    }

    /** resolvePartner, then authenticate, as the route does. */
    static Exchange authenticated(Exchange exchange) {
        api.resolvePartner(exchange);
        assertThat(api.isPing(exchange)).isFalse();
        api.authenticate(exchange);
        return exchange;
    }

    @Test
    void aFormatThatNoPartnerSendsIsNotFound() {
        ApiException e = failure(() -> api.resolvePartner(exchange("magento2", new byte[0])));
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.code()).isEqualTo("not-found");
        assertThat(e.getMessage()).contains("'magento2'");
    }

    @Test
    void aPartnersFormatWithoutMappingIsNotFound() {
        assertThat(failure(() -> api.resolvePartner(exchange("magento", new byte[0]))).status()).isEqualTo(404);
    }

    @Test
    void theFormatNamesThePartner() {
        Exchange woo = exchange("woocommerce", new byte[0]);
        api.resolvePartner(woo);
        assertThat(woo.getProperty(WebhooksApi.PARTNER)).isEqualTo("WOO-DEMO");
        Exchange shopify = exchange("shopify", new byte[0]);
        api.resolvePartner(shopify);
        assertThat(shopify.getProperty(WebhooksApi.PARTNER)).isEqualTo("SHOPIFY-DEMO");
    }

    @Test
    void wooCommercePingIsAnsweredOk() throws Exception {
        Exchange raw = exchange("woocommerce", "webhook_id=42".getBytes(StandardCharsets.US_ASCII),
                Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded", "X-API-Key", "must-not-matter");
        api.resolvePartner(raw);
        assertThat(api.isPing(raw)).isTrue();
        api.answerPing(raw);
        assertThat(raw.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(raw.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(raw.getMessage().getHeader("X-API-Key")).as("request headers are not echoed").isNull();
        assertThat(json.readTree(raw.getMessage().getBody(byte[].class)))
                .isEqualTo(json.readTree("{\"ping\":\"ok\"}"));

        // the HTTP server may hand over the decoded form instead of the bytes
        Exchange decoded = exchange("woocommerce", Map.of("webhook_id", "42"));
        assertThat(api.isPing(decoded)).isTrue();
    }

    @Test
    void onlyTheExactPingBodyIsAPing() {
        assertThat(api.isPing(exchange("woocommerce", "{\"webhook_id\": 42}".getBytes(StandardCharsets.UTF_8))))
                .isFalse();
        assertThat(api.isPing(exchange("woocommerce", "webhook_id=42&x=1".getBytes(StandardCharsets.UTF_8))))
                .isFalse();
        assertThat(api.isPing(exchange("woocommerce", Map.of("webhook_id", "42", "x", "1")))).isFalse();
        assertThat(api.isPing(exchange("woocommerce", Map.of("webhook_id", "abc")))).isFalse();
        assertThat(api.isPing(exchange("woocommerce", null))).isFalse();
    }

    @Test
    void aValidApiKeyOfAnAllowedClientAuthenticates() {
        Exchange exchange = authenticated(exchange("woocommerce", "{}".getBytes(StandardCharsets.UTF_8),
                "X-API-Key", "demo-key"));
        assertThat(exchange.getProperty(OrdersApi.CLIENT)).isEqualTo("demo");
        assertThat(exchange.getProperty(WebhooksApi.PARTNER)).isEqualTo("WOO-DEMO");
    }

    @Test
    void aClientThePartnerDoesNotAllowIsForbidden() {
        Exchange exchange = exchange("woocommerce", "{}".getBytes(StandardCharsets.UTF_8), "X-API-Key", "erp-key");
        api.resolvePartner(exchange);
        ApiException e = failure(() -> api.authenticate(exchange));
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.getMessage()).isEqualTo("API client 'erp' may not send woocommerce webhooks");
    }

    @Test
    void noKeyAndNoSignatureIsUnauthorized() {
        for (String[] headers : new String[][]{{}, {"X-API-Key", "wrong-key"}}) {
            Exchange exchange = exchange("woocommerce", "{}".getBytes(StandardCharsets.UTF_8), headers);
            api.resolvePartner(exchange);
            ApiException e = failure(() -> api.authenticate(exchange));
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.code()).isEqualTo("unauthorized");
            assertThat(exchange.getProperty(OrdersApi.CLIENT)).isNull();
        }
    }

    @Test
    void aWooCommerceSignatureOfTheRawBodyAuthenticates() throws Exception {
        byte[] body = corpus("woocommerce__woocommerce-ios__order.json");
        Exchange exchange = authenticated(exchange("woocommerce", body,
                "X-WC-Webhook-Signature", sign(body, WOO_SECRET)));
        assertThat(exchange.getProperty(OrdersApi.CLIENT)).isEqualTo("webhook-signature:WOO-DEMO");
    }

    @Test
    void aShopifySignatureOfTheRawBodyAuthenticates() throws Exception {
        byte[] body = corpus("Shopify__shopify_python_api__order.json");
        Exchange exchange = authenticated(exchange("shopify", body, "X-Shopify-Hmac-Sha256", sign(body, SHOPIFY_SECRET)));
        assertThat(exchange.getProperty(OrdersApi.CLIENT)).isEqualTo("webhook-signature:SHOPIFY-DEMO");
    }

    @Test
    void aValidSignatureAuthenticatesEvenBesideAWrongApiKey() throws Exception {
        byte[] body = "{\"id\": 1}".getBytes(StandardCharsets.UTF_8);
        Exchange exchange = authenticated(exchange("woocommerce", body, "X-API-Key", "wrong-key",
                "X-WC-Webhook-Signature", sign(body, WOO_SECRET)));
        assertThat(exchange.getProperty(OrdersApi.CLIENT)).isEqualTo("webhook-signature:WOO-DEMO");
    }

    @Test
    void aSignatureThatDoesNotMatchIsUnauthorized() throws Exception {
        byte[] body = "{\"id\": 1}".getBytes(StandardCharsets.UTF_8);
        byte[] tampered = "{\"id\": 2}".getBytes(StandardCharsets.UTF_8);
        String[][] cases = {
                {"X-WC-Webhook-Signature", sign(body, "another-secret")},
                {"X-WC-Webhook-Signature", sign(tampered, WOO_SECRET)},
                {"X-WC-Webhook-Signature", "not base64 !"},
                {"X-WC-Webhook-Signature", ""},
                // the Shopify partner's secret does not sign WooCommerce webhooks
                {"X-Shopify-Hmac-Sha256", sign(body, SHOPIFY_SECRET)},
        };
        for (String[] headers : cases) {
            Exchange exchange = exchange("woocommerce", body, headers);
            api.resolvePartner(exchange);
            assertThat(failure(() -> api.authenticate(exchange)).status()).as(headers[1]).isEqualTo(401);
        }
    }

    @Test
    void withoutASecretOnlyApiKeysWork() throws Exception {
        WebhooksApi noSecrets = new WebhooksApi(new OrdersApi(json, new ApiKeys("demo=demo-key"),
                directory(), mappers, null, null, Clock.systemUTC(), 10), new ApiKeys("demo=demo-key"), directory(),
                mappers, id -> Optional.empty());
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Exchange signed = exchange("woocommerce", body, "X-WC-Webhook-Signature", sign(body, WOO_SECRET));
        noSecrets.resolvePartner(signed);
        assertThat(failure(() -> noSecrets.authenticate(signed)).status()).isEqualTo(401);

        Exchange keyed = exchange("woocommerce", body, "X-API-Key", "demo-key");
        noSecrets.resolvePartner(keyed);
        noSecrets.authenticate(keyed);
        assertThat(keyed.getProperty(OrdersApi.CLIENT)).isEqualTo("demo");
    }

    @Test
    void signatureCheckItself() throws Exception {
        byte[] body = "webhook body".getBytes(StandardCharsets.UTF_8);
        String signature = sign(body, "s3cret");
        assertThat(WebhooksApi.signatureMatches(body, "s3cret", signature)).isTrue();
        assertThat(WebhooksApi.signatureMatches(body, "s3cret", " " + signature + " ")).isTrue();
        assertThat(WebhooksApi.signatureMatches(body, "s3cret!", signature)).isFalse();
        assertThat(WebhooksApi.signatureMatches("webhook body.".getBytes(StandardCharsets.UTF_8), "s3cret", signature))
                .isFalse();
        assertThat(WebhooksApi.signatureMatches(body, "s3cret", signature.substring(4))).isFalse();
        assertThat(WebhooksApi.signatureMatches(body, "s3cret", "%%%")).isFalse();
    }

    @Test
    void theSignedBodyBecomesAWebhookDocumentOfThePartner() throws Exception {
        byte[] body = corpus("woocommerce__woocommerce-ios__order.json");
        Exchange exchange = authenticated(exchange("woocommerce", body, "X-WC-Webhook-Signature", sign(body, WOO_SECRET),
                Exchange.HTTP_PATH, "/api/webhooks/woocommerce"));

        InboundDocument doc = api.receiveOrder(exchange);

        assertThat(doc.channel()).isEqualTo(Channel.WEBHOOK);
        assertThat(doc.format()).isEqualTo("woocommerce");
        assertThat(doc.senderHint()).isEqualTo("WOO-DEMO");
        assertThat(doc.client()).isEqualTo("webhook-signature:WOO-DEMO");
        assertThat(doc.contentType()).isEqualTo("application/json");
        assertThat(doc.receivedAt()).isEqualTo(NOW);
        assertThat(doc.idempotencyKey()).isNull();
        assertThat(doc.content()).isEqualTo(body);
        assertThat(doc.source()).startsWith("webhook /api/webhooks/woocommerce client=webhook-signature:WOO-DEMO");

        MappingResult mapped = mappers.map(doc);
        assertThat(mapped.problems()).isEmpty();
        CanonicalOrder order = mapped.orders().get(0).order();
        assertThat(order.sender()).isEqualTo("WOO-DEMO");
        assertThat(order.poNumber()).isEqualTo("963");
    }

    @Test
    void aStreamedBodyIsReadOnceAndKeptForTheDocument() throws Exception {
        byte[] body = corpus("Shopify__shopify_python_api__order.json");
        Exchange exchange = authenticated(exchange("shopify", new java.io.ByteArrayInputStream(body),
                "X-Shopify-Hmac-Sha256", sign(body, SHOPIFY_SECRET)));

        assertThat(api.receiveOrder(exchange).content()).isEqualTo(body);
    }

    @Test
    void shopifysDeliveryIdIsTheIdempotencyKeyUnlessOneIsGiven() throws Exception {
        byte[] body = corpus("Shopify__shopify_python_api__order.json");
        String signature = sign(body, SHOPIFY_SECRET);
        Exchange retried = authenticated(exchange("shopify", body, "X-Shopify-Hmac-Sha256", signature,
                "X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"));
        assertThat(api.receiveOrder(retried).idempotencyKey()).isEqualTo("b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");

        Exchange explicit = authenticated(exchange("shopify", body, "X-Shopify-Hmac-Sha256", signature,
                "X-Shopify-Webhook-Id", "b54557e4", "Idempotency-Key", "mine"));
        InboundDocument doc = api.receiveOrder(explicit);
        assertThat(doc.idempotencyKey()).isEqualTo("mine");
        assertThat(doc.senderHint()).isEqualTo("SHOPIFY-DEMO");
        assertThat(doc.format()).isEqualTo("shopify");
    }

    @Test
    void anApiClientsWebhookNamesTheClient() {
        Exchange exchange = authenticated(exchange("shopify", "{\"order\": {}}".getBytes(StandardCharsets.UTF_8),
                "X-API-Key", "demo-key"));
        InboundDocument doc = api.receiveOrder(exchange);
        assertThat(doc.client()).isEqualTo("demo");
        assertThat(doc.senderHint()).isEqualTo("SHOPIFY-DEMO");
    }

    @Test
    void aFormBodyThatIsNotAPingIsNotAnOrder() {
        Exchange exchange = authenticated(exchange("woocommerce", Map.of("order", "1"), "X-API-Key", "demo-key"));
        ApiException e = failure(() -> api.receiveOrder(exchange));
        assertThat(e.status()).isEqualTo(415);
    }

    @Test
    void apiErrorsBecomeJsonAnswersThroughTheSharedErrorMapping() throws Exception {
        OrdersApi orders = new OrdersApi(json, new ApiKeys(""), directory(), mappers, null, null, Clock.systemUTC(), 10);
        Exchange exchange = exchange("nope", new byte[0]);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure(() -> api.resolvePartner(exchange)));

        orders.error(exchange);

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(404);
        JsonNode answer = json.readTree(exchange.getMessage().getBody(byte[].class));
        assertThat(answer.get("error").asText()).isEqualTo("not-found");
    }

    static PartnerDirectory directory() {
        return new PartnerDirectory(List.of(shop("WOO-DEMO", List.of("demo"), "woocommerce")), Path.of("."));
    }
}

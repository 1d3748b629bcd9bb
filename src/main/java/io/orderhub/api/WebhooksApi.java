package io.orderhub.api;

import io.orderhub.intake.InboundDocument;
import io.orderhub.intake.Mappers;
import io.orderhub.model.Channel;
import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerDirectory;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The HTTP adapter of {@code POST /api/webhooks/{format}} ({@code routes/webhooks.camel.yaml}): order webhooks of
 * web shops. The {format} names the partner (the one in partners.yaml whose webhook has that format); the caller
 * proves itself with an API key or with the shop's HMAC signature of the body, keyed with the partner's secret
 * ({@code orderhub.webhook.secret.<partner id>}).
 */
public final class WebhooksApi {

    /** Exchange property: the id of the partner the webhook is for. */
    public static final String PARTNER = "orderhubWebhookPartner";
    /** Prefix of the client of a document whose webhook was authenticated by its signature. */

    /** Headers with base64(HMAC-SHA256(raw body, secret)): WooCommerce's, then Shopify's. */
    static final List<String> SIGNATURE_HEADERS = List.of("X-WC-Webhook-Signature", "X-Shopify-Hmac-Sha256");
    /** Shopify's id of a webhook delivery, the same on every retry of it. */
    static final String SHOPIFY_WEBHOOK_ID = "X-Shopify-Webhook-Id";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Logger LOG = LoggerFactory.getLogger(WebhooksApi.class);
    private static final String PING_FIELD = "webhook_id";
    private static final Pattern PING_BODY = Pattern.compile("webhook_id=\\d+");

    private final OrdersApi orders;
    private final ApiKeys apiKeys;
    private final PartnerDirectory partners;
    private final Mappers mappers;
    private final Function<String, Optional<String>> secretOf;

    /**
     * @param orders   the orders API, whose document building and responses are shared
     * @param secretOf a partner id to its webhook signing secret, if it has one
     */
    public WebhooksApi(OrdersApi orders, ApiKeys apiKeys, PartnerDirectory partners, Mappers mappers,
                       Function<String, Optional<String>> secretOf) {
        this.orders = orders;
        this.apiKeys = apiKeys;
        this.partners = partners;
        this.mappers = mappers;
        this.secretOf = secretOf;
    }

    /** The {format} must belong to a web-shop partner and have a mapping; else 404. Sets {@link #PARTNER}. */
    public void resolvePartner(Exchange exchange) {
        String format = format(exchange);
        Partner partner = partners.webhookPartner(format, null).filter(p -> mappers.supports(format))
                .orElseThrow(() -> new ApiException(404, "not-found", "no web shop sends webhooks of format '"
                        + format + "' to this hub"));
        exchange.setProperty(PARTNER, partner.id());
    }

    /**
     * True for the ping WooCommerce sends when a webhook is created: the form body {@code webhook_id=<n>}, unsigned.
     * The HTTP server may have decoded the form into a map already.
     */
    public boolean isPing(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Map<?, ?> form) {
            return form.size() == 1 && form.get(PING_FIELD) != null
                    && PING_BODY.matcher(PING_FIELD + "=" + form.get(PING_FIELD)).matches();
        }
        byte[] raw = rawBody(exchange);
        return raw.length < 40 && PING_BODY.matcher(new String(raw, StandardCharsets.US_ASCII).trim()).matches();
    }

    /** Answers a ping 200 {"ping":"ok"}; nothing is stored. */
    public void answerPing(Exchange exchange) {
        LOG.info("Webhook ping for partner {} ({})", exchange.getProperty(PARTNER, String.class), format(exchange));
        exchange.getMessage().removeHeaders("*");
        orders.respond(exchange, 200, Map.of("ping", "ok"));
    }

    /**
     * A valid X-API-Key of a client the partner allows, or a valid signature header: sets {@link OrdersApi#CLIENT}
     * to the API client or to {@code webhook-signature:<partner>}. Else 401 (403 for a known client the partner does
     * not allow, when there is no valid signature either).
     */
    public void authenticate(Exchange exchange) {
        Message in = exchange.getMessage();
        String format = format(exchange);
        String partnerId = exchange.getProperty(PARTNER, String.class);
        Optional<String> keyClient = apiKeys.clientFor(in.getHeader("X-API-Key", String.class));
        Optional<Partner> keyPartner = keyClient.flatMap(c -> partners.webhookPartner(format, c));
        if (keyPartner.isPresent()) {
            exchange.setProperty(OrdersApi.CLIENT, keyClient.get());
            exchange.setProperty(PARTNER, keyPartner.get().id());
            return;
        }
        String signature = signatureHeader(in);
        Optional<String> secret = secretOf.apply(partnerId).filter(s -> !s.isBlank());
        if (signature != null && secret.isPresent() && signatureMatches(rawBody(exchange), secret.get(), signature)) {
            exchange.setProperty(OrdersApi.CLIENT, Partner.ownClient("webhook-signature", partnerId));
            return;
        }
        if (keyClient.isPresent()) {
            throw new ApiException(403, "forbidden", "API client '" + keyClient.get() + "' may not send " + format
                    + " webhooks");
        }
        LOG.warn("Webhook {} for partner {} refused: API key {}, signature {}, secret {}", format, partnerId,
                in.getHeader("X-API-Key") == null ? "absent" : "not valid",
                signature == null ? "absent" : secret.isEmpty() ? "not checked" : "does not match",
                secret.isPresent() ? "configured" : "not configured");
        throw new ApiException(401, "unauthorized", "send a valid X-API-Key, or the shop's signature of the body in "
                + String.join(" or ", SIGNATURE_HEADERS));
    }

    /**
     * The webhook body as a document of the partner's format for the pipeline. A Shopify delivery id serves as
     * Idempotency-Key when the request has none, so Shopify's retries are answered with the first outcome.
     */
    public InboundDocument receiveOrder(Exchange exchange) {
        Message in = exchange.getMessage();
        if (in.getBody() instanceof Map) {
            throw new ApiException(415, "unsupported-media-type", "a web-shop order must be sent as JSON, not as a"
                    + " form");
        }
        rawBody(exchange);
        String deliveryId = in.getHeader(SHOPIFY_WEBHOOK_ID, String.class);
        if (in.getHeader(IDEMPOTENCY_KEY) == null && deliveryId != null && !deliveryId.isBlank()) {
            in.setHeader(IDEMPOTENCY_KEY, deliveryId);
        }
        return orders.document(exchange, Channel.WEBHOOK, format(exchange), exchange.getProperty(OrdersApi.CLIENT,
                String.class), exchange.getProperty(PARTNER, String.class), in.getHeader(Exchange.CONTENT_TYPE,
                String.class));
    }

    /**
     * Whether {@code signature} is base64(HMAC-SHA256(body, secret)). Compared in constant time; a signature that is
     * not base64 does not match.
     */
    static boolean signatureMatches(byte[] body, String secret, String signature) {
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmacSha256(body, secret), given);
    }

    private static byte[] hmacSha256(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String signatureHeader(Message in) {
        for (String name : SIGNATURE_HEADERS) {
            String value = in.getHeader(name, String.class);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** The body as received, kept as bytes so it can be read again (signature, document). */
    private static byte[] rawBody(Exchange exchange) {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        byte[] bytes = body == null ? new byte[0] : in.getBody(byte[].class);
        if (bytes == null) {
            bytes = new byte[0];
        }
        in.setBody(bytes);
        return bytes;
    }

    private static String format(Exchange exchange) {
        String format = exchange.getMessage().getHeader("format", String.class);
        return format == null ? "" : format;
    }
}

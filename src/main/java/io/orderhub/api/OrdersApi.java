package io.orderhub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.csv.CsvOrderMapper;
import io.orderhub.csv.CsvSniffer;
import io.orderhub.intake.CanonicalJsonMapper;
import io.orderhub.intake.InboundDocument;
import io.orderhub.intake.Mappers;
import io.orderhub.model.Channel;
import io.orderhub.model.OrderStatus;
import io.orderhub.model.Problem;
import io.orderhub.queue.DeliveryQueue;
import io.orderhub.queue.IntakeOutcome;
import io.orderhub.queue.OrderFilter;
import io.orderhub.queue.OrderViews;
import io.orderhub.queue.QueueReader;
import io.orderhub.security.Access;
import io.orderhub.security.Principal;
import io.orderhub.sla.SlaState;
import io.orderhub.support.Ids;
import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerDirectory;
import io.orderhub.xml.CxmlResponse;
import io.orderhub.xml.CxmlResponses;
import io.orderhub.xml.UnknownXmlMapper;
import io.orderhub.xml.XmlSniffer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The HTTP adapter of the REST routes in {@code routes/api.camel.yaml}: turns requests into pipeline input and
 * outcomes and queue reads into responses. Decisions live in the beans it calls.
 */
public final class OrdersApi {

    public static final String CLIENT = "orderhubClient";
    static final String JSON = "application/json";

    private final ObjectMapper json;
    private final ApiKeys apiKeys;
    private final PartnerDirectory partners;
    private final Mappers mappers;
    private final QueueReader reader;
    private final DeliveryQueue delivery;
    private final Clock clock;
    private final int maxPageSize;
    private final CxmlResponses cxml;

    public OrdersApi(ObjectMapper json, ApiKeys apiKeys, PartnerDirectory partners, Mappers mappers,
                     QueueReader reader, DeliveryQueue delivery, Clock clock, int maxPageSize) {
        this.json = json;
        this.apiKeys = apiKeys;
        this.partners = partners;
        this.mappers = mappers;
        this.reader = reader;
        this.delivery = delivery;
        this.clock = clock;
        this.maxPageSize = maxPageSize;
        this.cxml = new CxmlResponses(clock, "orderhub");
    }

    /**
     * People's console sessions and the roles per route (README "Users and roles"); without it (unit tests of
     * adapters) only API keys are accepted, with no role rules.
     */
    private volatile Access access;

    public void useAccess(Access access) {
        this.access = access;
    }

    /**
     * Every API route starts here: the X-API-Key header must name a configured client, or the console session cookie
     * a logged-in person whose role may use the route. The {@link Principal} is left on the exchange.
     */
    public void authenticate(Exchange exchange) {
        if (access != null) {
            Principal principal = access.authenticate(exchange);
            exchange.setProperty(CLIENT, principal.isUser() ? principal.actor() : principal.name());
            return;
        }
        String key = exchange.getMessage().getHeader("X-API-Key", String.class);
        String client = apiKeys.clientFor(key).orElseThrow(() -> new ApiException(401, "unauthorized",
                key == null ? "the X-API-Key header is missing" : "the API key in X-API-Key is not valid"));
        Principal.client(client).attachTo(exchange);
        exchange.setProperty(CLIENT, client);
    }

    /**
     * {@code POST /api/orders}: the body becomes a document whose format the content type decides; for XML the
     * document itself says whether it is a UBL Order or a cXML OrderRequest, for CSV the client's partner's layout.
     */
    public InboundDocument receiveOrder(Exchange exchange) {
        Message in = exchange.getMessage();
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        String format = formatFor(contentType);
        String client = exchange.getProperty(CLIENT, String.class);
        Optional<Partner> partner = partners.defaultPartnerFor(client);
        String senderHint = partner.map(p -> p.id()).orElse(null);
        InboundDocument document = document(exchange, Channel.HTTP, format, client, senderHint, contentType);
        if (UnknownXmlMapper.FORMAT.equals(format)) {
            String detected = XmlSniffer.detect(document.content()).orElse(UnknownXmlMapper.FORMAT);
            String idempotencyKey = document.idempotencyKey();
            if (XmlSniffer.CXML_ORDER.equals(detected) && idempotencyKey == null) {
                // procurement systems send a retried OrderRequest with the same payloadID
                idempotencyKey = XmlSniffer.cxmlPayloadId(document.content())
                        .filter(id -> id.length() <= 200).orElse(null);
            }
            document = new InboundDocument(document.id(), document.receivedAt(), document.channel(),
                    document.source(), client, senderHint, contentType, detected, idempotencyKey, document.content());
        } else if (CsvOrderMapper.FORMAT.equals(format)
                && CsvSniffer.detect(partner.orElse(null), document.content()).isEmpty()) {
            throw new ApiException(415, "unsupported-media-type", partner.map(p -> p.csv()).isEmpty()
                    ? "text/csv is accepted from clients whose partner has a csv: layout in the partner file"
                    : "the body does not look like a CSV order sheet");
        }
        exchange.setProperty(FORMAT, document.format());
        return document;
    }

    /** Exchange property: the format of the document this request carries, once known. */
    public static final String FORMAT = "orderhubFormat";

    /** Media types {@code POST /api/orders} accepts, and the mapping each one selects ("xml": see receiveOrder). */
    static final Map<String, String> FORMAT_BY_MEDIA_TYPE = Map.of(
            JSON, CanonicalJsonMapper.FORMAT,
            "application/edifact", "edifact",
            "application/edi-x12", "x12",
            "application/xml", UnknownXmlMapper.FORMAT,
            "text/xml", UnknownXmlMapper.FORMAT,
            "text/csv", CsvOrderMapper.FORMAT);

    String formatFor(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        String format = mediaType.endsWith("+json") ? CanonicalJsonMapper.FORMAT
                : mediaType.endsWith("+xml") ? UnknownXmlMapper.FORMAT : FORMAT_BY_MEDIA_TYPE.get(mediaType);
        if (format == null || !mappers.supports(format)) {
            List<String> accepted = FORMAT_BY_MEDIA_TYPE.entrySet().stream()
                    .filter(e -> mappers.supports(e.getValue())).map(Map.Entry::getKey).sorted().toList();
            throw new ApiException(415, "unsupported-media-type", "Content-Type '" + contentType
                    + "' is not accepted here; send one of " + accepted);
        }
        return format;
    }

    InboundDocument document(Exchange exchange, Channel channel, String format, String client, String senderHint,
                             String contentType) {
        Message in = exchange.getMessage();
        byte[] body = in.getBody(byte[].class);
        if (body == null) {
            body = new byte[0];
        }
        String idempotencyKey = in.getHeader("Idempotency-Key", String.class);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new ApiException(400, "bad-idempotency-key", "Idempotency-Key must have 1 to 200 characters");
        }
        String path = in.getHeader(Exchange.HTTP_PATH, String.class);
        String source = channel.id() + " " + (path == null ? "" : path) + " client=" + client
                + " from " + in.getHeader("CamelVertxPlatformHttpRemoteAddress", "?", String.class);
        return new InboundDocument(Ids.newId(), clock.instant(), channel, source, client, senderHint, contentType,
                format, idempotencyKey, body);
    }

    /** Whether a committed document was a cXML OrderRequest (it gets the cXML answer procurement systems expect). */
    public boolean isCxml(IntakeOutcome outcome) {
        return "cxml-order".equals(outcome.format());
    }

    /** Answers a committed document: 202 with the orders, or 400 with the problems of a rejected document. */
    public void intakeResponse(Exchange exchange) {
        IntakeOutcome outcome = exchange.getMessage().getBody(IntakeOutcome.class);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentId", outcome.documentId());
        body.put("documentUrl", "/api/documents/" + outcome.documentId());
        body.put("status", outcome.documentStatus());
        body.put("format", outcome.format());
        if (outcome.rejected()) {
            body.put("error", "the document contains no order that could be read; it is kept as document "
                    + outcome.documentId());
            body.put("problems", outcome.problems());
        }
        List<Map<String, Object>> orders = outcome.orders().stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.id());
            m.put("url", "/api/orders/" + o.id());
            m.put("poNumber", o.poNumber());
            m.put("status", o.status());
            if (o.duplicateOf() != null) {
                m.put("duplicateOf", o.duplicateOf());
            }
            if (!o.problems().isEmpty()) {
                m.put("problems", o.problems());
            }
            return m;
        }).toList();
        body.put("orders", orders);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        if (outcome.replayed()) {
            out.setHeader("Idempotent-Replayed", "true");
        }
        if (outcome.rejected()) {
            respond(exchange, 400, body);
            return;
        }
        if (!orders.isEmpty()) {
            out.setHeader("Location", "/api/orders/" + outcome.orders().get(0).id());
        }
        respond(exchange, 202, body);
    }

    /** Answers a committed cXML OrderRequest with the cXML Response procurement systems expect. */
    public void cxmlResponse(Exchange exchange) {
        IntakeOutcome outcome = exchange.getMessage().getBody(IntakeOutcome.class);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        if (outcome.replayed()) {
            out.setHeader("Idempotent-Replayed", "true");
        }
        if (!outcome.rejected() && !outcome.orders().isEmpty()) {
            out.setHeader("Location", "/api/orders/" + outcome.orders().get(0).id());
        }
        respondCxml(exchange, cxml.forOutcome(outcome));
    }

    private void respondCxml(Exchange exchange, CxmlResponse response) {
        Message out = exchange.getMessage();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, response.code());
        out.setHeader(Exchange.CONTENT_TYPE, CxmlResponse.CONTENT_TYPE);
        out.setBody(response.body());
    }

    /** Whether the request carries a cXML document, so that errors are answered in cXML too. */
    private static boolean cxmlRequest(Exchange exchange) {
        if (XmlSniffer.CXML_ORDER.equals(exchange.getProperty(FORMAT, String.class))) {
            return true;
        }
        Message in = exchange.getMessage();
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("xml")) {
            return false;
        }
        try {
            Object body = in.getBody();
            byte[] bytes = body instanceof InboundDocument doc ? doc.content() : in.getBody(byte[].class);
            return XmlSniffer.CXML_ORDER.equals(XmlSniffer.detect(bytes).orElse(null));
        } catch (RuntimeException notReadable) {
            return false;
        }
    }

    /**
     * {@code GET /api/orders}: filters status, channel, customer, sender, poNumber, from, to, sla; sort (received,
     * due, priority); paging offset, limit.
     */
    public void listOrders(Exchange exchange) {
        Message in = exchange.getMessage();
        String status = in.getHeader("status", String.class);
        Set<String> statuses = status == null || status.isBlank() ? Set.of()
                : Set.of(enumParam("status", status, OrderStatus.class).name());
        respond(exchange, 200, reader.list(filter(in, statuses)));
    }

    /** The filters, sorting and paging every order list shares, read from the query parameters. */
    OrderFilter filter(Message in, Set<String> statuses) {
        String sla = in.getHeader("sla", String.class);
        String sort = in.getHeader("sort", String.class);
        String reason = in.getHeader("reason", String.class);
        if (reason != null && !reason.isBlank() && !reason.matches("[a-z0-9-]{1,60}")) {
            throw new ApiException(400, "bad-filter", "reason must be a problem code such as unknown-item, not '"
                    + reason + "'");
        }
        return new OrderFilter(statuses, in.getHeader("channel", String.class),
                in.getHeader("customer", String.class), in.getHeader("sender", String.class),
                in.getHeader("poNumber", String.class), instantParam(in, "from"), instantParam(in, "to"),
                sla == null || sla.isBlank() ? null : enumParam("sla", sla, SlaState.class).name(),
                reason == null || reason.isBlank() ? null : reason,
                sort == null || sort.isBlank() ? OrderFilter.Sort.RECEIVED : enumParam("sort", sort, OrderFilter.Sort.class),
                intParam(in, "offset", 0, 0, Integer.MAX_VALUE), intParam(in, "limit", 50, 1, maxPageSize));
    }

    static <E extends Enum<E>> E enumParam(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw new ApiException(400, "bad-filter", name + " '" + value + "' is not one of " + allowed);
        }
    }

    public void getOrder(Exchange exchange) {
        UUID id = idParam(exchange);
        OrderViews.OrderDetail order = reader.order(id)
                .orElseThrow(() -> new ApiException(404, "not-found", "no order " + id));
        respond(exchange, 200, order);
    }

    /** {@code GET /api/documents/{id}}: the original bytes with their content type; metadata in headers. */
    public void getDocument(Exchange exchange) {
        UUID id = idParam(exchange);
        OrderViews.StoredDocument doc = reader.document(id)
                .orElseThrow(() -> new ApiException(404, "not-found", "no document " + id));
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(Exchange.CONTENT_TYPE, doc.meta().contentType() == null
                ? "application/octet-stream" : doc.meta().contentType());
        out.setHeader("X-Document-Checksum-SHA256", doc.meta().checksumSha256());
        out.setHeader("X-Document-Status", doc.meta().status());
        // originals are shown, never run: no type sniffing, and anything but a PDF (which the console embeds)
        // gets a sandbox that keeps scripts and same-origin access away from it
        out.setHeader("X-Content-Type-Options", "nosniff");
        if (!String.valueOf(doc.meta().contentType()).toLowerCase(Locale.ROOT).startsWith("application/pdf")) {
            out.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        }
        ApiExchanges.setResponseBytes(out, doc.content());
    }

    /** {@code GET /api/documents/{id}/meta}: where a document came from, what became of it, its orders. */
    public void getDocumentMeta(Exchange exchange) {
        UUID id = idParam(exchange);
        OrderViews.StoredDocument doc = reader.document(id)
                .orElseThrow(() -> new ApiException(404, "not-found", "no document " + id));
        respond(exchange, 200, doc.meta());
    }

    /** {@code POST /api/orders/{id}/resubmit}: an ERP_FAILED or ERP_REJECTED order goes back to the queue. */
    public void resubmit(Exchange exchange) {
        UUID id = idParam(exchange);
        String actor = Principal.actor(exchange);
        OrderStatus before = delivery.resubmit(id, actor, exchange.getMessage().getHeader("reason", String.class));
        if (before == null) {
            throw new ApiException(404, "not-found", "no order " + id);
        }
        if (!before.resubmittable()) {
            throw new ApiException(409, "not-resubmittable", "order " + id + " is " + before
                    + "; only ERP_FAILED and ERP_REJECTED orders can be resubmitted");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("previousStatus", before);
        body.put("status", OrderStatus.QUEUED);
        body.put("url", "/api/orders/" + id);
        respond(exchange, 202, body);
    }

    /** The API's one error mapping: an ApiException as its status, anything else as 500 without internals. */
    public void error(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Map<String, Object> body = new LinkedHashMap<>();
        int status;
        if (e instanceof ApiException api) {
            status = api.status();
            body.put("error", api.code());
            body.put("message", api.getMessage());
            if (!api.problems().isEmpty()) {
                body.put("problems", api.problems());
            }
        } else {
            status = 500;
            body.put("error", "internal");
            body.put("message", "the hub could not process the request; nothing was committed. Retry later.");
        }
        if (cxmlRequest(exchange)) {
            exchange.getMessage().removeHeaders("*");
            respondCxml(exchange, cxml.forError(status, String.valueOf(body.get("message"))));
            return;
        }
        exchange.getMessage().removeHeaders("*");
        respond(exchange, status, body);
    }

    void respond(Exchange exchange, int status, Object body) {
        ApiExchanges.writeJson(json, exchange.getMessage(), status, body);
    }

    static UUID idParam(Exchange exchange) {
        return ApiExchanges.idParam(exchange, "id", "an order or document");
    }

    private static int intParam(Message in, String name, int dflt, int min, int max) {
        return ApiExchanges.intParam(in, name, dflt, min, max);
    }

    private static Instant instantParam(Message in, String name) {
        return ApiExchanges.instantParam(in, name, null);
    }

}

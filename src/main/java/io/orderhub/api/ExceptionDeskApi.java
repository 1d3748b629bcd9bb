package io.orderhub.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.model.OrderStatus;
import io.orderhub.queue.OrderActions;
import io.orderhub.queue.QueueReader;
import io.orderhub.security.Principal;
import io.orderhub.support.Json;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The exception desk over HTTP (routes/api.camel.yaml): the list of orders a person has to look at, and the actions
 * on one order — correct its fields ({@code PATCH /api/orders/{id}}), mark it a duplicate, reject it. The actor of
 * every action is the authenticated API client; {@code If-Match: "<version>"} makes a change apply only to the
 * version the person saw (else 409).
 */
public final class ExceptionDeskApi {

    private static final ObjectMapper JSON = Json.newMapper();

    private final OrdersApi api;
    private final QueueReader reader;
    private final OrderActions actions;

    public ExceptionDeskApi(OrdersApi api, QueueReader reader, OrderActions actions) {
        this.api = api;
        this.reader = reader;
        this.actions = actions;
    }

    /** {@code GET /api/exceptions}: NEEDS_REVIEW, DUPLICATE, ERP_REJECTED, ERP_FAILED orders with their reasons. */
    public void listExceptions(Exchange exchange) {
        Message in = exchange.getMessage();
        String status = in.getHeader("status", String.class);
        Set<String> statuses = OrderStatus.EXCEPTIONS.stream().map(Enum::name).collect(Collectors.toSet());
        if (status != null && !status.isBlank()) {
            OrderStatus s = OrdersApi.enumParam("status", status, OrderStatus.class);
            if (!OrderStatus.EXCEPTIONS.contains(s)) {
                throw new ApiException(400, "bad-filter", "status " + s + " is not on the exception desk; it lists "
                        + OrderStatus.EXCEPTIONS);
            }
            statuses = Set.of(s.name());
        }
        api.respond(exchange, 200, reader.exceptions(api.filter(in, statuses)));
    }

    /** {@code PATCH /api/orders/{id}}: a partial canonical order (JSON merge patch); validated again on save. */
    public void correct(Exchange exchange) {
        UUID id = OrdersApi.idParam(exchange);
        JsonNode patch = body(exchange);
        answer(exchange, () -> actions.correct(id, patch, ifMatch(exchange), actor(exchange)));
    }

    /** {@code POST /api/orders/{id}/mark-duplicate} with {@code {"duplicateOf": "<id>", "reason": "..."}}. */
    public void markDuplicate(Exchange exchange) {
        UUID id = OrdersApi.idParam(exchange);
        JsonNode body = body(exchange);
        String original = body.path("duplicateOf").asText("");
        UUID originalId;
        try {
            originalId = original.isBlank() ? null : UUID.fromString(original);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid", "duplicateOf: '" + original + "' is not an order id");
        }
        String reason = body.path("reason").isTextual() ? body.path("reason").asText() : null;
        answer(exchange, () -> actions.markDuplicate(id, originalId, reason, ifMatch(exchange), actor(exchange)));
    }

    /** {@code POST /api/orders/{id}/reject} with {@code {"reason": "..."}}: final status REJECTED. */
    public void reject(Exchange exchange) {
        UUID id = OrdersApi.idParam(exchange);
        JsonNode body = body(exchange);
        String reason = body.path("reason").isTextual() ? body.path("reason").asText() : null;
        answer(exchange, () -> actions.reject(id, reason, ifMatch(exchange), actor(exchange)));
    }

    private void answer(Exchange exchange, Supplier<OrderActions.Result> action) {
        OrderActions.Result result;
        try {
            result = action.get();
        } catch (OrderActions.Refused e) {
            int status = switch (e.kind()) {
                case OrderActions.Refused.NOT_FOUND -> 404;
                case OrderActions.Refused.CONFLICT -> 409;
                default -> 400;
            };
            throw new ApiException(status, e.kind(), e.getMessage(), e.problems());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", result.id());
        body.put("url", "/api/orders/" + result.id());
        body.put("previousStatus", result.previousStatus());
        body.put("status", result.status());
        body.put("version", result.version());
        if (result.duplicateOf() != null) {
            body.put("duplicateOf", result.duplicateOf());
        }
        if (!result.changes().isEmpty()) {
            body.put("changes", result.changes());
        }
        if (!result.problems().isEmpty()) {
            body.put("problems", result.problems());
        }
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader("ETag", "\"" + result.version() + "\"");
        api.respond(exchange, 200, body);
    }

    static String actor(Exchange exchange) {
        return Principal.actor(exchange);
    }

    /** {@code If-Match: "3"} (or {@code 3}, {@code W/"3"}): the version the change was made to; absent: any. */
    static Integer ifMatch(Exchange exchange) {
        String v = exchange.getMessage().getHeader("If-Match", String.class);
        if (v == null || v.isBlank() || "*".equals(v.trim())) {
            return null;
        }
        String digits = v.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new ApiException(400, "bad-if-match", "If-Match must carry the order's version as GET"
                    + " /api/orders/{id} shows it (\"3\"), not '" + v + "'");
        }
    }

    private static JsonNode body(Exchange exchange) {
        byte[] bytes = exchange.getMessage().getBody(byte[].class);
        if (bytes == null || bytes.length == 0) {
            throw new ApiException(400, "invalid", "the request needs a JSON object body");
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new ApiException(400, "invalid", "the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new ApiException(400, "bad-json", "the body is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(400, "bad-json", "the body cannot be read: " + e.getMessage());
        }
    }
}

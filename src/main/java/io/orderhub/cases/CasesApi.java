package io.orderhub.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.api.ApiException;
import io.orderhub.api.ApiExchanges;
import io.orderhub.model.Problem;
import io.orderhub.security.Principal;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** The HTTP adapter of routes/cases.camel.yaml: requests to {@link Cases} calls, results and refusals to answers. */
public final class CasesApi {

    static final int MAX_TITLE = 300;
    static final int MAX_NOTE = 10_000;

    private final Cases cases;
    private final ObjectMapper json;
    private final Set<String> kinds;
    private final int maxPageSize;

    /** @param kinds the case kinds offered (orderhub.cases.kinds), e.g. billing-error, missing-delivery, other */
    public CasesApi(Cases cases, ObjectMapper json, Set<String> kinds, int maxPageSize) {
        this.cases = cases;
        this.json = json;
        this.kinds = Set.copyOf(kinds);
        this.maxPageSize = maxPageSize;
    }

    /** {@code POST /api/cases}: {title, kind, customerId?, orderIds: [...], note?} -> 201 with Location. */
    public void open(Exchange exchange) {
        JsonNode body = body(exchange);
        List<Problem> problems = new ArrayList<>();
        String title = text(body, "title", MAX_TITLE, true, problems);
        String kind = text(body, "kind", 40, true, problems);
        if (kind != null && !kinds.contains(kind)) {
            problems.add(new Problem("/kind", "unknown-kind", "kind '" + kind + "' is not one of " + kinds.stream().sorted().toList()));
        }
        String customer = text(body, "customerId", 100, false, problems);
        String note = text(body, "note", MAX_NOTE, false, problems);
        List<UUID> orders = new ArrayList<>();
        JsonNode ids = body.path("orderIds");
        if (!ids.isArray() || ids.isEmpty()) {
            problems.add(new Problem("/orderIds", "required", "a case is about at least one order: give orderIds"));
        } else {
            for (int i = 0; i < ids.size(); i++) {
                UUID id = uuid(ids.get(i).asText());
                if (id == null) {
                    problems.add(new Problem("/orderIds/" + i, "bad-id", "'" + ids.get(i).asText() + "' is not an order id"));
                } else {
                    orders.add(id);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(400, "invalid-case", "the case was not opened: " + problems.size() + " problem(s)", problems);
        }
        UUID id = refusalsToAnswers(() -> cases.open(new Cases.NewCase(title, kind, customer, orders, note), actor(exchange)));
        exchange.getMessage().setHeader("Location", "/api/cases/" + id);
        respond(exchange, 201, cases.get(id).orElseThrow());
    }

    /** {@code GET /api/cases}: q, status, orderId, customer; offset, limit. */
    public void search(Exchange exchange) {
        Message in = exchange.getMessage();
        CaseStatus status = status(in.getHeader("status", String.class));
        String orderParam = in.getHeader("orderId", String.class);
        UUID order = null;
        if (orderParam != null && !orderParam.isBlank()) {
            order = uuid(orderParam);
            if (order == null) {
                throw new ApiException(400, "bad-parameter", "orderId '" + orderParam + "' is not an order id");
            }
        }
        respond(exchange, 200, cases.search(new Cases.CaseFilter(in.getHeader("q", String.class), status, order,
                in.getHeader("customer", String.class), ApiExchanges.intParam(in, "offset", 0, 0, Integer.MAX_VALUE),
                ApiExchanges.intParam(in, "limit", 50, 1, maxPageSize))));
    }

    public void get(Exchange exchange) {
        UUID id = caseId(exchange);
        respond(exchange, 200, cases.get(id).orElseThrow(() -> new ApiException(404, "not-found", "no case " + id)));
    }

    /** {@code POST /api/cases/{id}/notes}: {text}. */
    public void addNote(Exchange exchange) {
        UUID id = caseId(exchange);
        List<Problem> problems = new ArrayList<>();
        String text = text(body(exchange), "text", MAX_NOTE, true, problems);
        if (!problems.isEmpty()) {
            throw new ApiException(400, "invalid-note", "the note was not added", problems);
        }
        respond(exchange, 201, refusalsToAnswers(() -> cases.addNote(id, text, actor(exchange))));
    }

    /** {@code POST /api/cases/{id}/orders}: {orderId}; 201 when linked now, 200 when it was linked already. */
    public void link(Exchange exchange) {
        UUID id = caseId(exchange);
        String raw = body(exchange).path("orderId").asText(null);
        UUID order = uuid(raw);
        if (order == null) {
            throw new ApiException(400, "invalid-link", "orderId '" + raw + "' is not an order id",
                    List.of(new Problem("/orderId", "bad-id", "give the id of the order to link")));
        }
        boolean linked = refusalsToAnswers(() -> cases.link(id, order, actor(exchange)));
        respond(exchange, linked ? 201 : 200, cases.get(id).orElseThrow());
    }

    /** {@code DELETE /api/cases/{id}/orders/{orderId}}. */
    public void unlink(Exchange exchange) {
        UUID id = caseId(exchange);
        String raw = exchange.getMessage().getHeader("orderId", String.class);
        UUID order = uuid(raw);
        if (order == null) {
            throw new ApiException(404, "not-found", "'" + raw + "' is not an order id");
        }
        refusalsToAnswers(() -> {
            cases.unlink(id, order, actor(exchange));
            return null;
        });
        respond(exchange, 200, cases.get(id).orElseThrow());
    }

    /** {@code PATCH /api/cases/{id}}: {status, version?}; with version, a case changed since then answers 409. */
    public void changeStatus(Exchange exchange) {
        UUID id = caseId(exchange);
        JsonNode body = body(exchange);
        CaseStatus status = status(body.path("status").asText(null));
        if (status == null) {
            throw new ApiException(400, "invalid-status", "give the new status",
                    List.of(new Problem("/status", "required", "one of " + List.of(CaseStatus.values()))));
        }
        Integer version = body.hasNonNull("version") ? body.get("version").asInt() : null;
        refusalsToAnswers(() -> cases.changeStatus(id, status, version, actor(exchange)));
        respond(exchange, 200, cases.get(id).orElseThrow());
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** Who acts: the authenticated API client, as the order events record it elsewhere. */
    static String actor(Exchange exchange) {
        return Principal.actor(exchange);
    }

    private static <T> T refusalsToAnswers(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (Cases.CaseRefused r) {
            switch (r.refusal()) {
                case NO_SUCH_CASE -> throw new ApiException(404, "not-found", r.getMessage());
                case NO_SUCH_ORDER -> throw new ApiException(400, "unknown-order", r.getMessage());
                case NOT_LINKED -> throw new ApiException(404, "not-linked", r.getMessage());
                case STALE_VERSION -> throw new ApiException(409, "conflict", r.getMessage());
                default -> throw r;
            }
        }
    }

    private static String text(JsonNode body, String field, int max, boolean required, List<Problem> problems) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                problems.add(new Problem("/" + field, "required", field + " is required"));
            }
            return null;
        }
        if (!v.isTextual()) {
            problems.add(new Problem("/" + field, "type", field + " must be a string"));
            return null;
        }
        String s = v.asText().strip();
        if (s.length() > max) {
            problems.add(new Problem("/" + field, "too-long", field + " has " + s.length() + " characters; at most " + max));
            return null;
        }
        return s;
    }

    private static CaseStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return CaseStatus.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad-status", "status '" + s + "' is not one of " + List.of(CaseStatus.values()));
        }
    }

    private JsonNode body(Exchange exchange) {
        return ApiExchanges.jsonObject(json, exchange);
    }

    private void respond(Exchange exchange, int status, Object body) {
        ApiExchanges.respond(json, exchange, status, body);
    }

    private static UUID caseId(Exchange exchange) {
        return ApiExchanges.idParam(exchange, "id", "a case");
    }

    private static UUID uuid(String s) {
        return ApiExchanges.uuidOrNull(s);
    }
}

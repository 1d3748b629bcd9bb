package io.orderhub.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.api.ApiException;
import io.orderhub.api.ApiExchanges;
import io.orderhub.security.Principal;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The HTTP adapter of routes/dashboards.camel.yaml: KPI widgets (JSON or CSV) and saved dashboards. */
public final class DashboardsApi {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(7);

    private final Kpis kpis;
    private final Dashboards dashboards;
    private final ObjectMapper json;
    private final Clock clock;

    public DashboardsApi(Kpis kpis, Dashboards dashboards, ObjectMapper json, Clock clock) {
        this.kpis = kpis;
        this.dashboards = dashboards;
        this.json = json;
        this.clock = clock;
    }

    /** {@code GET /api/kpis}: the widgets and what each shows. */
    public void widgets(Exchange exchange) {
        respond(exchange, 200, Map.of("widgets", Kpis.WIDGETS));
    }

    /** {@code GET /api/kpis/{widget}?from=&to=&channel=&customer=&groupBy=&limit=&format=json|csv}. */
    public void widget(Exchange exchange) {
        Message in = exchange.getMessage();
        String widget = in.getHeader("widget", String.class);
        if (!Kpis.WIDGETS.containsKey(widget)) {
            throw new ApiException(404, "not-found", "no widget '" + widget + "'; widgets: " + Kpis.WIDGETS.keySet());
        }
        Instant to = ApiExchanges.instantParam(in, "to", clock.instant());
        Instant from = ApiExchanges.instantParam(in, "from", to.minus(DEFAULT_PERIOD));
        if (!from.isBefore(to)) {
            throw new ApiException(400, "bad-parameter", "from (" + from + ") must be before to (" + to + ")");
        }
        int limit = ApiExchanges.intParam(in, "limit", 10, 1, 1000);
        KpiTable table;
        try {
            table = kpis.table(widget, new Kpis.KpiFilter(from, to, in.getHeader("channel", String.class),
                    in.getHeader("customer", String.class), in.getHeader("groupBy", String.class), limit));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad-parameter", e.getMessage());
        }
        String format = in.getHeader("format", String.class);
        if (format != null && format.toLowerCase(Locale.ROOT).equals("csv")) {
            in.removeHeaders("*");
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            in.setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
            in.setHeader("Content-Disposition", "attachment; filename=\"" + widget + ".csv\"");
            ApiExchanges.setResponseBytes(in, table.toCsv().getBytes(StandardCharsets.UTF_8));
            return;
        }
        respond(exchange, 200, table);
    }

    public void list(Exchange exchange) {
        respond(exchange, 200, Map.of("items", dashboards.list(owner(exchange))));
    }

    public void get(Exchange exchange) {
        UUID id = id(exchange);
        respond(exchange, 200, dashboards.get(id, owner(exchange))
                .orElseThrow(() -> new ApiException(404, "not-found", "you have no dashboard " + id)));
    }

    /** {@code POST /api/dashboards}: {name, definition}. */
    public void create(Exchange exchange) {
        JsonNode body = body(exchange);
        Dashboards.Dashboard d = saving(() -> dashboards.create(owner(exchange), body.path("name").asText(null),
                body.get("definition")));
        exchange.getMessage().setHeader("Location", "/api/dashboards/" + d.id());
        respond(exchange, 201, d);
    }

    /** {@code PUT /api/dashboards/{id}}: {name, definition, version}; 409 if it changed since that version. */
    public void update(Exchange exchange) {
        UUID id = id(exchange);
        String owner = owner(exchange);
        JsonNode body = body(exchange);
        if (!body.path("version").isInt()) {
            throw new ApiException(400, "invalid-dashboard", "give the version you read",
                    java.util.List.of(new io.orderhub.model.Problem("/version", "required", "the version of the dashboard you changed")));
        }
        var updated = saving(() -> dashboards.update(id, owner, body.get("version").asInt(),
                body.path("name").asText(null), body.get("definition")));
        if (updated.isEmpty()) {
            if (dashboards.get(id, owner).isPresent()) {
                throw new ApiException(409, "conflict", "dashboard " + id + " changed since version "
                        + body.get("version").asInt() + "; reload it and save again");
            }
            throw new ApiException(404, "not-found", "you have no dashboard " + id);
        }
        respond(exchange, 200, updated.get());
    }

    public void delete(Exchange exchange) {
        UUID id = id(exchange);
        if (!dashboards.delete(id, owner(exchange))) {
            throw new ApiException(404, "not-found", "you have no dashboard " + id);
        }
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 204);
        out.setBody(null);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** Dashboards belong to whoever saved them: the authenticated API client (or, with logins, the person). */
    static String owner(Exchange exchange) {
        return Principal.actor(exchange);
    }

    private static <T> T saving(java.util.function.Supplier<T> save) {
        try {
            return save.get();
        } catch (Dashboards.InvalidDashboard e) {
            throw new ApiException(400, "invalid-dashboard", "the dashboard was not saved: " + e.getMessage(), e.problems());
        }
    }

    private JsonNode body(Exchange exchange) {
        return ApiExchanges.jsonObject(json, exchange);
    }

    private void respond(Exchange exchange, int status, Object body) {
        ApiExchanges.respond(json, exchange, status, body);
    }

    private static UUID id(Exchange exchange) {
        return ApiExchanges.idParam(exchange, "id", "a dashboard");
    }
}

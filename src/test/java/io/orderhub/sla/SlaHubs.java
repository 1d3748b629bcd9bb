package io.orderhub.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.testing.TestHub;
import org.apache.camel.api.management.ManagedCamelContext;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the SLA hub tests share: properties, orders, waiting for passes of the SLA watch. */
final class SlaHubs {

    static final ObjectMapper JSON = new ObjectMapper();

    private SlaHubs() {
    }

    /** A fast SLA watch, short alert retries, uncached gauges; alerts to the receiver. */
    static Map<String, String> properties(AlertReceiver alerts) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("orderhub.sla.check-interval-ms", "100");
        p.put("orderhub.sla.finished-sweep-interval-ms", "100");
        p.put("orderhub.sla.alert-url", alerts.url());
        p.put("orderhub.sla.alert-retry.max-redeliveries", "2");
        p.put("orderhub.sla.alert-retry.initial-delay-ms", "50");
        p.put("orderhub.sla.alert-lease", "PT5M");
        p.put("orderhub.metrics.queue-depth-cache-ms", "0");
        return p;
    }

    static String po() {
        return "SLA-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * An ACME-SHOP order (priority 3, 4 hours around the clock: at risk 48 minutes before due). With an unknown
     * buyer it waits in NEEDS_REVIEW, open, for as long as the test wants.
     */
    static String order(String po, String buyer) {
        return """
                {"sender": "ACME-SHOP", "poNumber": "%s", "orderDate": "2026-11-26", "currency": "EUR",
                 "buyer": {"id": "%s", "name": "ACME Retail GmbH"},
                 "shipTo": {"id": "4012345000016", "name": "ACME Lager Nord", "city": "Hamburg", "country": "DE"},
                 "lines": [{"lineNumber": 1, "buyerItem": "A-100", "gtin": "04012345000023", "quantity": 5, "unit": "EA", "unitPrice": 12.50}]}
                """.formatted(po, buyer);
    }

    static String post(TestHub hub, String body) {
        HttpResponse<String> r = hub.post("/api/orders", "application/json", body, "X-API-Key", TestHub.KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json(r.body()).path("orders").get(0).path("id").asText();
    }

    static JsonNode order(TestHub hub, String id) {
        HttpResponse<String> r = hub.get("/api/orders/" + id, "X-API-Key", TestHub.KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r.body());
    }

    static String slaState(TestHub hub, String id) {
        return order(hub, id).path("sla").path("state").asText();
    }

    static List<String> eventTypes(JsonNode order) {
        List<String> types = new ArrayList<>();
        order.path("events").forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    /** Waits until the SLA watch has completed n more passes, so that what it did not do it will not do. */
    static void awaitPasses(TestHub hub, int n) {
        var route = hub.context().getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedRoute("sla-watch");
        long target = route.getExchangesCompleted() + n;
        await().atMost(Duration.ofSeconds(20)).until(() -> route.getExchangesCompleted() >= target);
    }

    static void awaitSla(TestHub hub, String id, String state) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> slaState(hub, id), state::equals);
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }
}

package io.orderhub.erp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.api.ApiExchanges;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** HTTP face of the {@link ErpSimulator} ({@code routes/erp-simulator.camel.yaml}). */
public final class ErpSimulatorApi {

    private final ErpSimulator simulator;
    private final ObjectMapper json;

    public ErpSimulatorApi(ErpSimulator simulator, ObjectMapper json) {
        this.simulator = simulator;
        this.json = json;
    }

    public void receive(Exchange exchange) {
        Message m = exchange.getMessage();
        ErpSimulator.Answer a = simulator.receive(m.getHeader("Idempotency-Key", String.class), m.getBody(byte[].class));
        Map<String, Object> body = new LinkedHashMap<>();
        if (a.erpOrderNumber() != null) {
            body.put("erpOrderNumber", a.erpOrderNumber());
        }
        body.put("message", a.message());
        respond(m, a.status(), body);
        if (a.erpOrderNumber() != null) {
            m.setHeader("Location", "/erp-sim/orders/" + a.erpOrderNumber());
        }
    }

    /** {@code POST /erp-sim/control?mode=accept|fail|reject&failNext=n&delayMs=n&reset=true}. */
    public void control(Exchange exchange) {
        Message m = exchange.getMessage();
        if ("true".equals(m.getHeader("reset", String.class))) {
            simulator.reset();
        }
        String mode = m.getHeader("mode", String.class);
        if (mode != null) {
            simulator.mode(ErpSimulator.Mode.valueOf(mode.toUpperCase(Locale.ROOT)));
        }
        Integer failNext = m.getHeader("failNext", Integer.class);
        if (failNext != null) {
            simulator.failNext(failNext);
        }
        Long delay = m.getHeader("delayMs", Long.class);
        if (delay != null) {
            simulator.delayMillis(delay);
        }
        stats(exchange);
    }

    public void stats(Exchange exchange) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", simulator.mode());
        body.put("requests", simulator.requests());
        body.put("bookings", simulator.bookings());
        body.put("forgotten", simulator.forgotten());
        String key = exchange.getMessage().getHeader("key", String.class);
        if (key != null) {
            body.put("requestsForKey", simulator.requestsFor(key));
        }
        respond(exchange.getMessage(), 200, body);
    }

    private void respond(Message m, int status, Object body) {
        m.removeHeaders("*");
        ApiExchanges.writeJson(json, m, status, body);
    }
}

package io.orderhub.erp;

import io.orderhub.ops.HubMetrics;
import io.orderhub.queue.ClaimedOrder;
import io.orderhub.queue.DeliveryQueue;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The Camel side of ERP delivery ({@code routes/erp-delivery.camel.yaml}): prepares the request for a claimed
 * order and records the ERP's answer in the queue. Retry policy is declared in the route configuration.
 */
public final class ErpDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ErpDelivery.class);
    public static final String ORDER_ID = "orderhubOrderId";
    public static final String PO_NUMBER = "orderhubPoNumber";
    static final String REDELIVERIES = "orderhubRedeliveries";

    private final DeliveryQueue queue;
    private final ErpResponses responses;
    private final HubMetrics metrics;

    public ErpDelivery(DeliveryQueue queue, ErpResponses responses, HubMetrics metrics) {
        this.queue = queue;
        this.responses = responses;
        this.metrics = metrics;
    }

    /** Body: a claimed order; afterwards the request to the ERP, with the hub's order id as idempotency key. */
    public void prepare(Exchange exchange) {
        ClaimedOrder order = exchange.getMessage().getBody(ClaimedOrder.class);
        exchange.setProperty(ORDER_ID, order.id());
        exchange.setProperty(PO_NUMBER, order.poNumber());
        exchange.setProperty(HubMetrics.CHANNEL, order.channel());
        Message m = exchange.getMessage();
        m.removeHeaders("*");
        // the enum the http producer asks for: a String here is converted at every request through Camel's enum
        // converter, which took a sixth of the delivery threads' CPU under load (JFR, 2026-11-27)
        m.setHeader(Exchange.HTTP_METHOD, HttpMethods.POST);
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        m.setHeader("Idempotency-Key", order.id().toString());
        m.setHeader("X-OrderHub-Order-Id", order.id().toString());
        m.setHeader("X-OrderHub-Sender", order.sender());
        m.setBody(order.canonicalJson().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Records the ERP's acceptance. The delivery thread does not wait for the commit: the exchange continues (the
     * route's wire taps) when the shared commit holding the outcome is done, and the thread takes the next order. A
     * hub that dies before that commit leaves the order DELIVERING; claim recovery sends it again under the same
     * idempotency key, which the ERP books once.
     */
    public CompletableFuture<Void> delivered(Exchange exchange) {
        UUID id = exchange.getProperty(ORDER_ID, UUID.class);
        Message m = exchange.getMessage();
        String number = responses.orderNumber(m.getBody(byte[].class), m.getHeader("Location", String.class));
        int attempts = attempts(exchange);
        return queue.markDeliveredAsync(id, number, attempts).thenAccept(moved -> {
            if (moved) {
                metrics.delivered(exchange.getProperty(HubMetrics.CHANNEL, String.class));
                LOG.info("Order {} (PO {}) delivered to the ERP as {} after {} attempt(s)", id,
                        exchange.getProperty(PO_NUMBER), number, attempts);
            }
        });
    }

    /** onWhen of the permanent-failure clause: a 4xx answer other than 408 and 429. */
    public boolean isPermanent(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (e == null) {
            e = exchange.getException();
        }
        return e instanceof HttpOperationFailedException h && ErpResponses.isPermanent(h.getStatusCode());
    }

    public void rejected(Exchange exchange) {
        UUID id = exchange.getProperty(ORDER_ID, UUID.class);
        HttpOperationFailedException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, HttpOperationFailedException.class);
        String message = ErpResponses.message(e.getStatusCode(), e.getResponseBody());
        if (queue.markRejected(id, e.getStatusCode(), message, attempts(exchange))) {
            metrics.erpRejected(exchange.getProperty(HubMetrics.CHANNEL, String.class));
            LOG.warn("Order {} (PO {}) rejected by the ERP: {}", id, exchange.getProperty(PO_NUMBER), message);
        }
    }

    /** Dead-letter branch: every attempt failed. */
    public void failed(Exchange exchange) {
        UUID id = exchange.getProperty(ORDER_ID, UUID.class);
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String message = e instanceof HttpOperationFailedException h
                ? ErpResponses.message(h.getStatusCode(), h.getResponseBody())
                : e == null ? "unknown failure" : e.getClass().getSimpleName() + ": " + e.getMessage();
        int attempts = attempts(exchange);
        if (queue.markFailed(id, message, attempts)) {
            metrics.erpFailed(exchange.getProperty(HubMetrics.CHANNEL, String.class));
            LOG.error("Order {} (PO {}) not delivered after {} attempt(s), now ERP_FAILED: {}", id,
                    exchange.getProperty(PO_NUMBER), attempts, message);
        }
    }

    /** Called by the error handler before each redelivery ({@code onRedeliveryRef}); counts the attempts. */
    public static final class RedeliveryCounter implements Processor {
        @Override
        public void process(Exchange exchange) {
            exchange.setProperty(REDELIVERIES, exchange.getProperty(REDELIVERIES, 0, Integer.class) + 1);
        }
    }

    private static int attempts(Exchange exchange) {
        return 1 + exchange.getProperty(REDELIVERIES, 0, Integer.class);
    }
}

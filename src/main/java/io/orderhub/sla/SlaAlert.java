package io.orderhub.sla;

import java.time.Instant;
import java.util.UUID;

/**
 * The one alert of an order that became at risk (or breached without having been at risk first, e.g. after the hub
 * was down): what the webhook receives as JSON and what the alert mail says.
 *
 * @param claimedAt when this instance claimed the sending; the sending is recorded only under this claim
 */
public record SlaAlert(UUID orderId, SlaState state, String status, String sender, String customerId,
                       String poNumber, int priority, Instant receivedAt, Instant dueAt, Instant atRiskAt,
                       Instant claimedAt) {

    public String type() {
        return state == SlaState.BREACHED ? "orderhub.sla.breached" : "orderhub.sla.at-risk";
    }

    public String url() {
        return "/api/orders/" + orderId;
    }

    /** Receivers may use it to drop a repeated alert (sent again only when the first sending was not confirmed). */
    public String idempotencyKey() {
        return orderId + "/sla-alert";
    }

    public String subject() {
        return "[OrderHub] order " + (poNumber == null ? orderId : poNumber) + " of " + sender
                + (state == SlaState.BREACHED ? " is past its due time " : " is at risk of missing its due time ")
                + dueAt;
    }

    public String mailText() {
        return "Order " + (poNumber == null ? "(no PO number)" : poNumber) + " from " + sender
                + (customerId == null ? "" : " for customer " + customerId) + "\n"
                + "SLA state: " + state + ", order status: " + status + ", priority " + priority + "\n"
                + "received " + receivedAt + ", due " + dueAt + "\n"
                + "Order: " + url() + "\n";
    }
}

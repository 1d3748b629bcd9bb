package io.orderhub.queue;

import java.util.UUID;

/**
 * An order claimed for delivery: its id, the canonical JSON to send, whom it is for (for logs), and the channel it
 * came in by (for metrics).
 */
public record ClaimedOrder(UUID id, String poNumber, String sender, String canonicalJson, String channel) {
}

package io.orderhub.queue;

import java.util.UUID;

/** An order claimed for delivery: its id, the canonical JSON to send, and whom it is for (for logs). */
public record ClaimedOrder(UUID id, String poNumber, String sender, String canonicalJson) {
}

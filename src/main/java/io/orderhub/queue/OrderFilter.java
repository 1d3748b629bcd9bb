package io.orderhub.queue;

import java.time.Instant;

/** Filters of {@code GET /api/orders}; null means "any". Dates filter on receipt time, from inclusive, to exclusive. */
public record OrderFilter(String status, String channel, String customer, String sender, String poNumber,
                          Instant receivedFrom, Instant receivedTo, int offset, int limit) {
}

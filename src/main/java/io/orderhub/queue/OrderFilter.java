package io.orderhub.queue;

import java.time.Instant;
import java.util.Set;

/**
 * Filters of {@code GET /api/orders} and {@code GET /api/exceptions}; null or empty means "any". Dates filter on
 * receipt time, from inclusive, to exclusive. {@code reason} is a problem code ({@code unknown-item}) the order's
 * problems must contain.
 */
public record OrderFilter(Set<String> statuses, String channel, String customer, String sender, String poNumber,
                          Instant receivedFrom, Instant receivedTo, String slaState, String reason, Sort sort,
                          int offset, int limit) {

    public OrderFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        sort = sort == null ? Sort.RECEIVED : sort;
    }

    /** Orderings of a list: newest first; most urgent due time first; priority class, then due time. */
    public enum Sort {
        RECEIVED("received_at desc, id desc"),
        DUE("due_at, priority, id"),
        PRIORITY("priority, due_at, received_at, id");

        final String sql;

        Sort(String sql) {
            this.sql = sql;
        }
    }
}

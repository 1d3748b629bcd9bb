package io.orderhub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.model.OrderStatus;
import io.orderhub.queue.QueueSearch;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.List;
import java.util.Locale;

/**
 * The console's queue view: {@code GET /api/queue} (filters, sort, keyset paging) and {@code GET /api/queue/counts}
 * (orders per status, channel and customer).
 */
public final class QueueApi {

    private final QueueSearch search;
    private final ObjectMapper json;
    private final int maxPageSize;
    private final int topCustomers;
    private final long countsCacheMillis;
    private volatile CachedCounts cachedCounts;

    /** Counts as last read, so that many open consoles refreshing them cost one group-by per cache period. */
    private record CachedCounts(long readAtMillis, Object counts) {
    }

    public QueueApi(QueueSearch search, ObjectMapper json, int maxPageSize, int topCustomers, long countsCacheMillis) {
        this.search = search;
        this.json = json;
        this.maxPageSize = maxPageSize;
        this.topCustomers = topCustomers;
        this.countsCacheMillis = countsCacheMillis;
    }

    /** {@code GET /api/queue?status=&channel=&customer=&sender=&poNumber=&item=&from=&to=&sort=&after=&limit=}. */
    public void page(Exchange exchange) {
        Message in = exchange.getMessage();
        QueueSearch.Sort sort;
        try {
            sort = QueueSearch.Sort.of(in.getHeader("sort", String.class));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad-parameter", e.getMessage());
        }
        String status = in.getHeader("status", String.class);
        if (status != null && !status.isBlank()) {
            String wanted = status.trim().toUpperCase(Locale.ROOT);
            if (List.of(OrderStatus.values()).stream().noneMatch(s -> s.name().equals(wanted))) {
                throw new ApiException(400, "bad-filter", "status '" + status + "' is not one of "
                        + List.of(OrderStatus.values()));
            }
            status = wanted;
        }
        String channel = in.getHeader("channel", String.class);
        QueueSearch.Query q = new QueueSearch.Query(status,
                channel == null ? null : channel.trim().toLowerCase(Locale.ROOT),
                in.getHeader("customer", String.class), in.getHeader("sender", String.class),
                in.getHeader("poNumber", String.class), in.getHeader("item", String.class),
                ApiExchanges.instantParam(in, "from", null), ApiExchanges.instantParam(in, "to", null), sort,
                in.getHeader("after", String.class), ApiExchanges.intParam(in, "limit", 50, 1, maxPageSize));
        try {
            ApiExchanges.respond(json, exchange, 200, search.page(q));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad-parameter", e.getMessage());
        }
    }

    /** {@code GET /api/queue/counts}: at most {@code orderhub.console.counts-cache-ms} old. */
    public void counts(Exchange exchange) {
        long now = System.currentTimeMillis();
        CachedCounts cached = cachedCounts;
        if (cached == null || now - cached.readAtMillis() >= countsCacheMillis) {
            cached = new CachedCounts(now, search.counts(topCustomers));
            cachedCounts = cached;
        }
        ApiExchanges.respond(json, exchange, 200, cached.counts());
    }
}

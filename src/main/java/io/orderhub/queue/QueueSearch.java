package io.orderhub.queue;

import io.orderhub.support.Database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The queue view's queries: one page of orders in a chosen order with keyset paging (the next page starts after
 * the last row seen, so page 2,000 costs what page 1 costs), and counts per status, channel and customer.
 * Every sort has an index (V7) that ends in the order id, which breaks ties.
 */
public final class QueueSearch {

    /** Sort orders of the queue view. */
    public enum Sort {
        /** newest first */
        RECEIVED("received_at desc, id desc", "(received_at, id) < (?, ?)", 2),
        /** most urgent first: priority (1 = highest), then due time */
        PRIORITY("priority asc, due_at asc, id asc", "(priority, due_at, id) > (?, ?, ?)", 3),
        /** earliest due time first */
        DUE("due_at asc, id asc", "(due_at, id) > (?, ?)", 2);

        final String orderBy;
        final String after;
        final int keyParts;

        Sort(String orderBy, String after, int keyParts) {
            this.orderBy = orderBy;
            this.after = after;
            this.keyParts = keyParts;
        }

        public static Sort of(String name) {
            if (name == null || name.isBlank()) {
                return RECEIVED;
            }
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sort '" + name + "' is not one of received, priority, due");
            }
        }
    }

    /**
     * A queue view query; null filters mean "any".
     *
     * @param item   buyer item number on any of the order's lines
     * @param cursor from the previous page's {@code next}; null for the first page
     */
    public record Query(String status, String channel, String customer, String sender, String poNumber, String item,
                        Instant receivedFrom, Instant receivedTo, Sort sort, String cursor, int limit) {

        public Query withCursor(String next) {
            return new Query(status, channel, customer, sender, poNumber, item, receivedFrom, receivedTo, sort, next, limit);
        }
    }

    /** One page; {@code next} is the cursor of the following page, null on the last one. */
    public record Page(List<OrderViews.OrderSummary> items, String sort, int limit, String next) {
    }

    private final Database db;

    public QueueSearch(Database db) {
        this.db = db;
    }

    /** A query's SQL and its arguments, as {@link #page} runs it (the benchmark prints their plans). */
    public record Statement(String sql, List<Object> args) {
    }

    public Statement statement(Query q) {
        StringBuilder sql = new StringBuilder("select ").append(QueueReader.SUMMARY_COLUMNS).append(" from orders where 1 = 1");
        List<Object> args = new ArrayList<>();
        QueueReader.condition(sql, args, "status = ?", q.status());
        QueueReader.condition(sql, args, "channel = ?", q.channel());
        QueueReader.condition(sql, args, "customer_id = ?", q.customer());
        QueueReader.condition(sql, args, "sender = ?", q.sender());
        QueueReader.condition(sql, args, "po_number = ?", q.poNumber());
        QueueReader.condition(sql, args, "id in (select order_id from order_lines where buyer_item = ?)", q.item());
        QueueReader.condition(sql, args, "received_at >= ?", q.receivedFrom() == null ? null : Timestamp.from(q.receivedFrom()));
        QueueReader.condition(sql, args, "received_at < ?", q.receivedTo() == null ? null : Timestamp.from(q.receivedTo()));
        if (q.cursor() != null && !q.cursor().isBlank()) {
            sql.append(" and ").append(q.sort().after);
            args.addAll(decodeCursor(q.sort(), q.cursor()));
        }
        sql.append(" order by ").append(orderBy(q)).append(" limit ").append(q.limit() + 1);
        return new Statement(sql.toString(), args);
    }

    /**
     * The sort's ORDER BY; newest first under a status or channel filter is led by that column: the same order (all
     * rows have the one value), but H2 then reads the (status|channel, received_at, id) index in order instead of
     * sorting every matching row.
     */
    static String orderBy(Query q) {
        if (q.sort() == Sort.RECEIVED && present(q.status())) {
            return "status desc, " + q.sort().orderBy;
        }
        if (q.sort() == Sort.RECEIVED && present(q.channel())) {
            return "channel desc, " + q.sort().orderBy;
        }
        return q.sort().orderBy;
    }

    private static boolean present(String filter) {
        return filter != null && !filter.isBlank();
    }

    public Page page(Query q) {
        Statement st = statement(q);
        return db.read(c -> {
            List<OrderViews.OrderSummary> items = new ArrayList<>();
            try (PreparedStatement ps = QueueReader.prepare(c, st.sql(), st.args()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(QueueReader.summary(rs));
                }
            }
            String next = null;
            if (items.size() > q.limit()) {
                items.remove(items.size() - 1);
                next = cursor(q.sort(), items.get(items.size() - 1));
            }
            return new Page(items, q.sort().name().toLowerCase(Locale.ROOT), q.limit(), next);
        });
    }

    /** Orders per status, per channel, and per customer (the {@code topCustomers} largest), and the total. */
    public Map<String, Object> counts(int topCustomers) {
        return db.read(c -> {
            Map<String, Object> counts = new LinkedHashMap<>();
            Map<String, Long> byStatus = groupCount(c, "select status, count(*) from orders group by status order by status");
            counts.put("total", byStatus.values().stream().mapToLong(Long::longValue).sum());
            counts.put("byStatus", byStatus);
            counts.put("byChannel", groupCount(c, "select channel, count(*) from orders group by channel order by channel"));
            counts.put("byCustomer", groupCount(c, "select customer_id, count(*) n from orders group by customer_id"
                    + " order by n desc, customer_id limit " + topCustomers));
            return counts;
        });
    }

    private static Map<String, Long> groupCount(Connection c, String sql) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                m.put(rs.getString(1) == null ? "(none)" : rs.getString(1), rs.getLong(2));
            }
        }
        return m;
    }

    static String cursor(Sort sort, OrderViews.OrderSummary last) {
        String key = switch (sort) {
            case RECEIVED -> last.receivedAt() + "|" + last.id();
            case PRIORITY -> last.priority() + "|" + last.dueAt() + "|" + last.id();
            case DUE -> last.dueAt() + "|" + last.id();
        };
        return Base64.getUrlEncoder().withoutPadding().encodeToString((sort.name() + "|" + key).getBytes(StandardCharsets.UTF_8));
    }

    static List<Object> decodeCursor(Sort sort, String cursor) {
        try {
            String[] tagged = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (tagged.length != sort.keyParts + 1 || !tagged[0].equals(sort.name())) {
                throw new IllegalArgumentException("not this sort's cursor");
            }
            String[] parts = java.util.Arrays.copyOfRange(tagged, 1, tagged.length);
            UUID id = UUID.fromString(parts[parts.length - 1]);
            return switch (sort) {
                case RECEIVED -> List.of(Timestamp.from(Instant.parse(parts[0])), id);
                case PRIORITY -> List.of(Integer.parseInt(parts[0]), Timestamp.from(Instant.parse(parts[1])), id);
                case DUE -> List.of(Timestamp.from(Instant.parse(parts[0])), id);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor '" + cursor + "' is not a cursor of a " + sort.name()
                    .toLowerCase(Locale.ROOT) + "-sorted page; start again without one");
        }
    }
}

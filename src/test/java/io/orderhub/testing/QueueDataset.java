package io.orderhub.testing;

import io.orderhub.support.Database;
import io.orderhub.support.Ids;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;

/**
 * Fills a migrated queue database with a reproducible mix of orders (documents, orders, lines) for the queue view's
 * tests and benchmark: statuses weighted as in a running hub (mostly DELIVERED), five channels, 200 customers,
 * 40 senders, priorities 1-9, receipt times spread over 90 days, 1-3 lines each from 5,000 items.
 * PO numbers are {@code PO-<n>}; item numbers {@code ITEM-<k>}; customers {@code 40000000<3 digits>}.
 * Uses no JUnit, so the benchmark (src/bench/java) runs it too.
 */
public final class QueueDataset {

    /** Statuses and their weights in per mille. */
    static final String[] STATUSES = {"DELIVERED", "QUEUED", "NEEDS_REVIEW", "ERP_FAILED", "ERP_REJECTED", "DUPLICATE", "DELIVERING"};
    static final int[] WEIGHTS = {820, 50, 60, 20, 10, 30, 10};
    static final String[] CHANNELS = {"http", "webhook", "sftp", "folder", "mail"};
    static final int CUSTOMERS = 200;
    static final int SENDERS = 40;
    static final int ITEMS = 5000;

    private QueueDataset() {
    }

    public static String customer(int k) {
        return "40000000" + String.format("%03d", k % CUSTOMERS);
    }

    /** Inserts orders 1..count with their documents and lines, received before {@code now}; 1,000 rows per commit. */
    public static void fill(Database db, int count, long seed, Instant now) {
        Random random = new Random(seed);
        byte[] content = ("{\"poNumber\":\"PO\",\"lines\":[" + "{\"item\":\"ITEM\",\"quantity\":1},".repeat(10) + "{}]}")
                .getBytes(StandardCharsets.UTF_8);
        String canonical = "{\"sender\":\"S\",\"poNumber\":\"PO\",\"orderDate\":\"2026-11-27\",\"currency\":\"EUR\","
                + "\"buyer\":{\"id\":\"4000000000\",\"name\":\"Customer\"},\"lines\":["
                + "{\"lineNumber\":1,\"buyerItem\":\"ITEM\",\"quantity\":5,\"unit\":\"EA\",\"unitPrice\":12.5},".repeat(3)
                + "{}]}";
        String provenance = "{\"/poNumber\":{\"kind\":\"json-pointer\",\"locator\":\"/poNumber\",\"confidence\":1.0}}";
        for (int from = 1; from <= count; from += 1000) {
            int to = Math.min(count, from + 999);
            int first = from;
            db.inTransaction(c -> {
                insertBatch(c, random, first, to, now, content, canonical, provenance);
                return null;
            });
        }
    }

    private static void insertBatch(Connection c, Random random, int from, int to, Instant now, byte[] content,
                                    String canonical, String provenance) throws SQLException {
        try (PreparedStatement doc = c.prepareStatement("insert into documents (id, received_at, channel, source,"
                + " client, sender, content_type, format, checksum_sha256, size_bytes, content, status)"
                + " values (?, ?, ?, 'dataset', 'demo', ?, 'application/json', 'canonical-json', ?, ?, ?, 'ACCEPTED')");
             PreparedStatement order = c.prepareStatement("insert into orders (id, document_id, position, channel,"
                     + " sender, customer_id, po_number, order_date, currency, line_count, status, priority, due_at,"
                     + " received_at, updated_at, erp_order_number, attempts, problems, canonical, provenance)"
                     + " values (?, ?, 0, ?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement line = c.prepareStatement("insert into order_lines (order_id, line_number, buyer_item,"
                     + " quantity, unit, unit_price, amount) values (?, ?, ?, ?, 'EA', 12.5, ?)")) {
            for (int n = from; n <= to; n++) {
                Instant received = now.minus(Duration.ofSeconds(random.nextInt(90 * 24 * 3600)));
                UUID documentId = Ids.newId(received.toEpochMilli(), random);
                UUID orderId = Ids.newId(received.toEpochMilli(), random);
                String channel = CHANNELS[random.nextInt(CHANNELS.length)];
                String sender = "SENDER-" + random.nextInt(SENDERS);
                String status = status(random);
                int priority = 1 + random.nextInt(9);
                int lines = 1 + random.nextInt(3);
                doc.setObject(1, documentId);
                doc.setTimestamp(2, Timestamp.from(received));
                doc.setString(3, channel);
                doc.setString(4, sender);
                doc.setString(5, String.format("%064x", n));
                doc.setInt(6, content.length);
                doc.setBytes(7, content);
                doc.addBatch();
                order.setObject(1, orderId);
                order.setObject(2, documentId);
                order.setString(3, channel);
                order.setString(4, sender);
                order.setString(5, customer(random.nextInt(CUSTOMERS)));
                order.setString(6, "PO-" + n);
                order.setObject(7, LocalDate.ofInstant(received, ZoneOffset.UTC));
                order.setInt(8, lines);
                order.setString(9, status);
                order.setInt(10, priority);
                order.setTimestamp(11, Timestamp.from(received.plus(Duration.ofHours(2L + random.nextInt(46)))));
                order.setTimestamp(12, Timestamp.from(received));
                order.setTimestamp(13, Timestamp.from(received));
                order.setString(14, "DELIVERED".equals(status) ? "SO-" + n : null);
                order.setInt(15, "DELIVERED".equals(status) ? 1 : 0);
                order.setString(16, "NEEDS_REVIEW".equals(status)
                        ? "[{\"path\":\"/lines/0/quantity\",\"code\":\"quantity\",\"message\":\"must be positive\"}]" : null);
                order.setString(17, canonical);
                order.setString(18, provenance);
                order.addBatch();
                for (int l = 1; l <= lines; l++) {
                    line.setObject(1, orderId);
                    line.setInt(2, l);
                    line.setString(3, "ITEM-" + random.nextInt(ITEMS));
                    line.setInt(4, 1 + random.nextInt(100));
                    line.setInt(5, 10);
                    line.addBatch();
                }
            }
            doc.executeBatch();
            order.executeBatch();
            line.executeBatch();
        }
    }

    static String status(Random random) {
        int r = random.nextInt(1000);
        for (int i = 0; i < STATUSES.length; i++) {
            r -= WEIGHTS[i];
            if (r < 0) {
                return STATUSES[i];
            }
        }
        return STATUSES[0];
    }
}

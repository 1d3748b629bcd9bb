package io.orderhub.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Reads the outcome of a bench phase from the queue database after the hub has stopped: how many of the phase's
 * orders (PO number LIKE --po-like) are in each status, and for the DELIVERED ones the accepted-to-DELIVERED
 * latency, {@code updated_at - received_at}.
 * Usage: {@code --url jdbc:... --user u [--password p] --po-like 'BENCH-x-M-%' --out file}.
 */
public final class DeliveryReport {

    private DeliveryReport() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs(argv);
        String poLike = args.required("po-like");
        Results r = new Results();
        try (Connection c = DriverManager.getConnection(args.required("url"), args.string("user", "sa"),
                args.string("password", ""))) {
            long total = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "select status, count(*) from orders where po_number like ? group by status order by status")) {
                ps.setString(1, poLike);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        r.put("orders." + rs.getString(1), rs.getLong(2));
                        total += rs.getLong(2);
                    }
                }
            }
            r.put("orders.total", total);
            LatencyRecorder delivered = new LatencyRecorder();
            try (PreparedStatement ps = c.prepareStatement("select received_at, updated_at from orders"
                    + " where status = 'DELIVERED' and po_number like ?")) {
                ps.setString(1, poLike);
                ps.setFetchSize(5_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        OffsetDateTime received = rs.getObject(1, OffsetDateTime.class);
                        OffsetDateTime updated = rs.getObject(2, OffsetDateTime.class);
                        delivered.record(Duration.between(received, updated).toNanos() / 1_000);
                    }
                }
            }
            r.put("delivered.count", delivered.count());
            r.putMillis("delivered.p50.ms", delivered.percentile(0.50));
            r.putMillis("delivered.p90.ms", delivered.percentile(0.90));
            r.putMillis("delivered.p99.ms", delivered.percentile(0.99));
            r.putMillis("delivered.max.ms", delivered.max());
        }
        r.writeTo(Path.of(args.required("out")));
    }
}

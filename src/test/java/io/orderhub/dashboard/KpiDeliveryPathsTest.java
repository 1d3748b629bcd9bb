package io.orderhub.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.support.Database;
import io.orderhub.testing.QueueDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a customer filter the delivery KPIs read the customer's orders and look up each one's delivery event
 * ({@link Kpis#customerDeliveries}); without one they join the period's delivery events to their orders
 * ({@link Kpis#joinedDeliveries}). Both must give the same deliveries, on a real H2 file in PostgreSQL mode filled
 * by QueueDataset (20,000 orders, 200 customers).
 */
class KpiDeliveryPathsTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static Path dir;
    static Database db;
    static Kpis kpis;

    @BeforeAll
    static void fill() throws Exception {
        dir = Files.createTempDirectory("kpi-paths");
        db = new Database("jdbc:h2:file:" + dir.resolve("queue") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa", "", 2);
        db.migrate();
        QueueDataset.fill(db, 20_000, 7, NOW);
        QueueDataset.fillEvents(db, 11, NOW);
        kpis = new Kpis(db, new ObjectMapper());
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static Kpis.KpiFilter filter(int days, String channel, String customer) {
        return new Kpis.KpiFilter(NOW.minus(Duration.ofDays(days)), NOW, channel, customer, null, 10);
    }

    static List<Kpis.Delivery> sorted(List<Kpis.Delivery> d) {
        return d.stream().sorted(Comparator.comparing((Kpis.Delivery x) -> x.at()).thenComparing(Kpis.Delivery::receivedAt)).toList();
    }

    @Test
    void theCustomersOrdersGiveTheSameDeliveriesAsTheJoinFromTheEvents() {
        int touched = 0;
        for (int k : new int[]{0, 17, 99, 123, 199}) {
            for (int days : new int[]{1, 7, 30}) {
                for (String channel : new String[]{null, "mail"}) {
                    Kpis.KpiFilter f = filter(days, channel, QueueDataset.customer(k));
                    List<Kpis.Delivery> fromOrders = kpis.customerDeliveries(f);
                    List<Kpis.Delivery> fromEvents = kpis.joinedDeliveries(f);
                    assertThat(fromOrders).as("customer %d, %d d, channel %s", k, days, channel).isNotNull();
                    assertThat(sorted(fromOrders)).isEqualTo(sorted(fromEvents));
                    if (days == 30 && channel == null) {
                        assertThat(fromEvents).as("a month of one customer's deliveries").hasSizeGreaterThan(5);
                        touched += (int) fromEvents.stream().filter(Kpis.Delivery::touched).count();
                    }
                }
            }
        }
        assertThat(touched).as("some of the deliveries were touched by a person").isPositive();
        assertThat(kpis.customerDeliveries(filter(30, null, null))).as("no customer filter: the join answers").isNull();
    }

    @Test
    void anOrderWithTwoDeliveryEventsIsCountedTwiceAsByTheJoin() {
        String customer = QueueDataset.customer(42);
        Kpis.KpiFilter f = filter(30, null, customer);
        long before = total(kpis.table("touchless", f));
        // the hub writes one erp-delivered event per order; a second one (as if written by hand) still counts as a
        // row of its own, as the join from the events counts it
        UUID twice = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select e.order_id from order_events e join orders o"
                    + " on o.id = e.order_id where o.customer_id = ? and e.type = 'erp-delivered' and e.at >= ? limit 1")) {
                ps.setString(1, customer);
                ps.setTimestamp(2, Timestamp.from(f.from().plus(Duration.ofDays(1))));
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    return rs.getObject(1, UUID.class);
                }
            }
        });
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into order_events (order_id, at, actor, type)"
                    + " values (?, ?, 'test', 'erp-delivered')")) {
                ps.setObject(1, twice);
                ps.setTimestamp(2, Timestamp.from(NOW.minus(Duration.ofHours(1))));
                return ps.executeUpdate();
            }
        });
        assertThat(kpis.customerDeliveries(f)).as("the customer path gives way to the join").isNull();
        assertThat(total(kpis.table("touchless", f))).isEqualTo(before + 1);
        assertThat(total(kpis.table("sla-compliance", f))).isEqualTo(before + 1);
        assertThat(total(kpis.table("receipt-to-erp", f))).isEqualTo(before + 1);
        assertThat(kpis.joinedDeliveries(f)).hasSize((int) before + 1);
    }

    /** The "all" row's delivered count. */
    static long total(KpiTable t) {
        List<Object> all = t.rows().get(t.rows().size() - 1);
        assertThat(all.get(0)).isEqualTo("all");
        return ((Number) all.get(1)).longValue();
    }
}

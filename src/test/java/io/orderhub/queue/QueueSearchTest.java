package io.orderhub.queue;

import io.orderhub.testing.QueueDataset;
import io.orderhub.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The queue view's keyset paging, filters and counts, on H2 and on PostgreSQL, against plain SQL over the same rows. */
class QueueSearchTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void h2() {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            check(t);
        }
    }

    @Test
    void postgres() {
        try (TestDatabase t = TestDatabase.postgres()) {
            check(t);
        }
    }

    void check(TestDatabase t) {
        QueueDataset.fill(t.db(), 2_500, 42, NOW);
        QueueSearch search = new QueueSearch(t.db());
        for (QueueSearch.Sort sort : QueueSearch.Sort.values()) {
            assertThat(walk(search, query(sort, null, null, null))).as(sort.name())
                    .isEqualTo(ids(t, "select id from orders order by " + sort.orderBy));
        }
        assertThat(walk(search, query(QueueSearch.Sort.PRIORITY, "NEEDS_REVIEW", null, null)))
                .isEqualTo(ids(t, "select id from orders where status = 'NEEDS_REVIEW' order by " + QueueSearch.Sort.PRIORITY.orderBy))
                .isNotEmpty();
        String customer = QueueDataset.customer(7);
        assertThat(walk(search, query(QueueSearch.Sort.DUE, null, customer, null)))
                .isEqualTo(ids(t, "select id from orders where customer_id = '" + customer + "' order by "
                        + QueueSearch.Sort.DUE.orderBy)).isNotEmpty();
        assertThat(walk(search, query(QueueSearch.Sort.RECEIVED, null, null, "ITEM-12")))
                .isEqualTo(ids(t, "select id from orders where id in (select order_id from order_lines"
                        + " where buyer_item = 'ITEM-12') order by " + QueueSearch.Sort.RECEIVED.orderBy));
        QueueSearch.Page po = search.page(new QueueSearch.Query(null, null, null, null, "PO-77", null, null, null,
                QueueSearch.Sort.RECEIVED, null, 50));
        assertThat(po.items()).extracting(OrderViews.OrderSummary::poNumber).containsExactly("PO-77");
        assertThat(po.next()).isNull();

        Map<String, Object> counts = search.counts(5);
        assertThat(counts.get("total")).isEqualTo(2_500L);
        @SuppressWarnings("unchecked")
        Map<String, Long> byChannel = (Map<String, Long>) counts.get("byChannel");
        assertThat(byChannel.keySet()).containsExactlyInAnyOrder("http", "webhook", "sftp", "folder", "mail");
        assertThat(byChannel.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2_500L);
        assertThat((Map<?, ?>) counts.get("byCustomer")).hasSize(5);

        assertThatThrownBy(() -> search.page(query(QueueSearch.Sort.DUE, null, null, null)
                .withCursor(QueueSearch.cursor(QueueSearch.Sort.RECEIVED, firstOf(search)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a cursor of a due-sorted page");
    }

    static OrderViews.OrderSummary firstOf(QueueSearch search) {
        return search.page(query(QueueSearch.Sort.RECEIVED, null, null, null)).items().get(0);
    }

    static QueueSearch.Query query(QueueSearch.Sort sort, String status, String customer, String item) {
        return new QueueSearch.Query(status, null, customer, null, null, item, null, null, sort, null, 97);
    }

    /** Every page in turn, following the cursors. */
    static List<UUID> walk(QueueSearch search, QueueSearch.Query q) {
        List<UUID> ids = new ArrayList<>();
        QueueSearch.Query next = q;
        while (true) {
            QueueSearch.Page page = search.page(next);
            page.items().forEach(o -> ids.add(o.id()));
            if (page.next() == null) {
                return ids;
            }
            assertThat(page.items()).hasSize(q.limit());
            next = next.withCursor(page.next());
        }
    }

    static List<UUID> ids(TestDatabase t, String sql) {
        return t.db().read(c -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }
}

package io.orderhub.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.model.OrderStatus;
import io.orderhub.support.Json;
import io.orderhub.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline's commit: duplicates and idempotency keys under concurrency, on the real databases. */
class QueueWriterTest {

    static final ObjectMapper JSON = Json.newMapper();

    @TempDir
    Path dir;

    @Test
    void h2ConcurrentSamePoNumberYieldsOneQueuedOrderAndDuplicates() throws Exception {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            concurrentDuplicates(t);
        }
    }

    @Test
    void postgresConcurrentSamePoNumberYieldsOneQueuedOrderAndDuplicates() throws Exception {
        try (TestDatabase t = TestDatabase.postgres()) {
            concurrentDuplicates(t);
        }
    }

    @Test
    void postgresConcurrentSameIdempotencyKeyCommitsOneDocument() throws Exception {
        try (TestDatabase t = TestDatabase.postgres()) {
            QueueWriter writer = new QueueWriter(t.commits(), JSON, new QueueReader(t.db()));
            String key = "key-" + UUID.randomUUID();
            List<IntakeOutcome> outcomes = race(8, () -> writer.commit(
                    QueueFixtures.intake("ACME-SHOP", "PO-" + UUID.randomUUID(), 5, Instant.now(), Instant.now(), key)));

            assertThat(outcomes.stream().map(IntakeOutcome::documentId).distinct()).hasSize(1);
            assertThat(outcomes.stream().filter(o -> !o.replayed())).hasSize(1);
            assertThat(new QueueReader(t.db()).countByStatus().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(1);
        }
    }

    private static void concurrentDuplicates(TestDatabase t) throws Exception {
        QueueWriter writer = new QueueWriter(t.commits(), JSON, new QueueReader(t.db()));
        String po = "PO-" + UUID.randomUUID();
        List<IntakeOutcome> outcomes = race(8, () -> writer.commit(
                QueueFixtures.intake("ACME-SHOP", po, 5, Instant.now(), Instant.now(), null)));

        List<OrderStatus> statuses = outcomes.stream().map(o -> o.orders().get(0).status()).toList();
        assertThat(statuses).filteredOn(s -> s == OrderStatus.QUEUED).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == OrderStatus.DUPLICATE).hasSize(7);
        UUID first = outcomes.stream().filter(o -> o.orders().get(0).status() == OrderStatus.QUEUED)
                .findFirst().orElseThrow().orders().get(0).id();
        assertThat(outcomes).filteredOn(o -> o.orders().get(0).status() == OrderStatus.DUPLICATE)
                .allSatisfy(o -> assertThat(o.orders().get(0).duplicateOf()).isEqualTo(first));
        // the same PO number from another sender is not a duplicate
        IntakeOutcome other = writer.commit(QueueFixtures.intake("OTHER", po, 5, Instant.now(), Instant.now(), null));
        assertThat(other.orders().get(0).status()).isEqualTo(OrderStatus.QUEUED);
    }

    private static <T> List<T> race(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<T>> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                tasks.add(task);
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

package io.orderhub.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.model.OrderStatus;
import io.orderhub.support.Json;
import io.orderhub.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Claiming and state transitions of the queue, on real H2 files and on the real PostgreSQL server. */
class DeliveryQueueTest {

    static final ObjectMapper JSON = Json.newMapper();
    static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void h2ClaimsByPriorityThenDueTimeThenAge() {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            claimOrder(t);
        }
    }

    @Test
    void postgresClaimsByPriorityThenDueTimeThenAge() {
        try (TestDatabase t = TestDatabase.postgres()) {
            claimOrder(t);
        }
    }

    private void claimOrder(TestDatabase t) {
        QueueWriter writer = new QueueWriter(t.commits(), JSON, new QueueReader(t.db()));
        UUID lateLowPriority = commit(writer, 5, T0, T0.plusSeconds(3600));
        UUID urgentDueLater = commit(writer, 1, T0.plusSeconds(10), T0.plusSeconds(7200));
        UUID urgentDueSooner = commit(writer, 1, T0.plusSeconds(20), T0.plusSeconds(600));
        UUID lowPriorityOlder = commit(writer, 5, T0.minusSeconds(60), T0.plusSeconds(3600));

        DeliveryQueue queue = queue(t, "a", 10);
        List<UUID> claimed = queue.claim().stream().map(ClaimedOrder::id).toList();

        assertThat(claimed).containsExactly(urgentDueSooner, urgentDueLater, lowPriorityOlder, lateLowPriority);
        assertThat(queue.claim()).isEmpty();
    }

    @Test
    void claimTakesNoMoreThanRoomInFlightAndEveryOutcomeFreesRoom() {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            QueueWriter writer = new QueueWriter(t.commits(), JSON, new QueueReader(t.db()));
            for (int i = 0; i < 5; i++) {
                commit(writer, 5, T0.plusSeconds(i), T0.plusSeconds(3600));
            }
            DeliveryQueue queue = queue(t, "a", 2);
            List<ClaimedOrder> first = queue.claim();
            assertThat(first).hasSize(2);
            assertThat(queue.claim()).isEmpty();

            assertThat(queue.markDelivered(first.get(0).id(), "SO-1", 1)).isTrue();
            assertThat(queue.markFailed(first.get(1).id(), "HTTP 503", 4)).isTrue();
            assertThat(queue.inFlight()).isZero();
            assertThat(queue.claim()).hasSize(2);
            // a second outcome for the same order changes nothing
            assertThat(queue.markRejected(first.get(0).id(), 422, "late", 1)).isFalse();
            assertThat(new QueueReader(t.db()).order(first.get(0).id()).orElseThrow().status()).isEqualTo("DELIVERED");
        }
    }

    @Test
    void postgresConcurrentClaimersNeverClaimTheSameOrder() throws Exception {
        try (TestDatabase t = TestDatabase.postgres()) {
            QueueWriter writer = new QueueWriter(t.commits(), JSON, new QueueReader(t.db()));
            int orders = 400;
            for (int i = 0; i < orders; i++) {
                commit(writer, 1 + i % 3, T0.plusMillis(i), T0.plusSeconds(3600));
            }
            List<DeliveryQueue> instances = List.of(queue(t, "hub-1", 25), queue(t, "hub-2", 25), queue(t, "hub-3", 25));
            List<UUID> all = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(instances.size());
            try {
                List<Callable<Void>> claimers = new ArrayList<>();
                for (DeliveryQueue q : instances) {
                    claimers.add(() -> {
                        List<ClaimedOrder> batch;
                        while (!(batch = q.claim()).isEmpty()) {
                            for (ClaimedOrder o : batch) {
                                all.add(o.id());
                                q.markDelivered(o.id(), "SO-" + o.id(), 1);
                            }
                        }
                        return null;
                    });
                }
                for (Future<Void> f : pool.invokeAll(claimers)) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(all).hasSize(orders);
            assertThat(new HashSet<>(all)).hasSize(orders);
            assertThat(new QueueReader(t.db()).countByStatus()).containsEntry("DELIVERED", (long) orders);
        }
    }

    @Test
    void resubmitOnlyFromErpFailedOrRejectedAndRecordsWho() {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            QueueWriter writer = new QueueWriter(t.commits(), JSON, new QueueReader(t.db()));
            UUID id = commit(writer, 5, T0, T0.plusSeconds(60));
            DeliveryQueue queue = queue(t, "a", 10);

            assertThat(queue.resubmit(id, "api:demo", "retry")).isEqualTo(OrderStatus.QUEUED);
            queue.claim();
            queue.markFailed(id, "HTTP 503", 7);
            assertThat(queue.resubmit(id, "api:demo", "ERP is back")).isEqualTo(OrderStatus.ERP_FAILED);

            var order = new QueueReader(t.db()).order(id).orElseThrow();
            assertThat(order.status()).isEqualTo("QUEUED");
            var last = order.events().get(order.events().size() - 1);
            assertThat(last.type()).isEqualTo("resubmitted");
            assertThat(last.actor()).isEqualTo("api:demo");
            assertThat(last.detail()).contains("ERP is back");
            assertThat(queue.resubmit(UUID.randomUUID(), "api:demo", null)).isNull();
        }
    }

    @Test
    void staleClaimsReturnToTheQueueAfterTheLease() {
        try (TestDatabase t = TestDatabase.h2(dir)) {
            QueueWriter writer = new QueueWriter(t.commits(), JSON, new QueueReader(t.db()));
            UUID id = commit(writer, 5, T0, T0.plusSeconds(60));
            MutableClock clock = new MutableClock(T0);
            DeliveryQueue dead = new DeliveryQueue(t.db(), t.commits(), JSON, "dead", 10, Duration.ofMinutes(10), clock);
            assertThat(dead.claim()).hasSize(1);

            DeliveryQueue survivor = new DeliveryQueue(t.db(), t.commits(), JSON, "alive", 10, Duration.ofMinutes(10), clock);
            clock.now = T0.plus(Duration.ofMinutes(9));
            assertThat(survivor.recoverStaleClaims(false)).isZero();
            clock.now = T0.plus(Duration.ofMinutes(11));
            assertThat(survivor.recoverStaleClaims(false)).isEqualTo(1);

            assertThat(survivor.claim()).extracting(ClaimedOrder::id).containsExactly(id);
            // the dead instance's late answer cannot overwrite the new claim's outcome
            assertThat(survivor.markDelivered(id, "SO-9", 1)).isTrue();
            assertThat(dead.markFailed(id, "too late", 1)).isFalse();
        }
    }

    private static DeliveryQueue queue(TestDatabase t, String instance, int maxInFlight) {
        return new DeliveryQueue(t.db(), t.commits(), JSON, instance, maxInFlight, Duration.ofMinutes(10), Clock.systemUTC());
    }

    private static UUID commit(QueueWriter writer, int priority, Instant receivedAt, Instant dueAt) {
        IntakeOutcome outcome = writer.commit(QueueFixtures.intake("ACME-SHOP", "PO-" + UUID.randomUUID(), priority,
                receivedAt, dueAt, null));
        assertThat(outcome.orders().get(0).status()).isEqualTo(OrderStatus.QUEUED);
        return outcome.orders().get(0).id();
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

}

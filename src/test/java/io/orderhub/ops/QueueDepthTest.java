package io.orderhub.ops;

import io.orderhub.model.OrderStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class QueueDepthTest {

    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<Map<String, Long>> counts = new AtomicReference<>(Map.of("QUEUED", 3L));

    private QueueDepth inline(Duration cacheFor) {
        return new QueueDepth(() -> {
            reads.incrementAndGet();
            Map<String, Long> c = counts.get();
            if (c == null) {
                throw new IllegalStateException("database down");
            }
            return c;
        }, cacheFor, Duration.ofSeconds(1), Runnable::run, clock::get);
    }

    @Test
    void readsTheQueueOnceWithinTheCachePeriodAndAgainAfterIt() {
        QueueDepth depth = inline(Duration.ofSeconds(5));

        assertThat(depth.depth(OrderStatus.QUEUED)).isEqualTo(3.0);
        counts.set(Map.of("QUEUED", 7L, "DELIVERED", 2L));
        clock.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(depth.depth(OrderStatus.QUEUED)).isEqualTo(3.0);
        assertThat(depth.depth(OrderStatus.DELIVERED)).isZero();
        assertThat(reads).hasValue(1);

        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(depth.depth(OrderStatus.QUEUED)).isEqualTo(7.0);
        assertThat(depth.depth(OrderStatus.DELIVERED)).isEqualTo(2.0);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aStatusWithoutOrdersIsZero() {
        assertThat(inline(Duration.ofSeconds(5)).depth(OrderStatus.ERP_FAILED)).isZero();
    }

    @Test
    void aFailedReadIsNaNUntilTheNextPeriodThenRecovers() {
        QueueDepth depth = inline(Duration.ofSeconds(5));
        counts.set(null);

        assertThat(depth.depth(OrderStatus.QUEUED)).isNaN();
        assertThat(depth.depth(OrderStatus.DELIVERED)).isNaN();
        assertThat(reads).as("a failure is cached too, the database is not asked again at once").hasValue(1);

        counts.set(Map.of("QUEUED", 1L));
        clock.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(depth.depth(OrderStatus.QUEUED)).isEqualTo(1.0);
    }

    @Test
    void aSlowReadIsWaitedForAtMostOnceThenShowsAsNaNUntilItAnswers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowReads = new AtomicInteger();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            QueueDepth depth = new QueueDepth(() -> {
                slowReads.incrementAndGet();
                await(release);
                return Map.of("QUEUED", 4L);
            }, Duration.ofSeconds(30), Duration.ofSeconds(1), executor, System::nanoTime);

            long start = System.nanoTime();
            assertThat(depth.depth(OrderStatus.QUEUED)).isNaN();
            long firstWait = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            start = System.nanoTime();
            assertThat(depth.depth(OrderStatus.DELIVERED)).isNaN();
            long secondWait = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(firstWait).isBetween(950L, 5_000L);
            assertThat(secondWait).as("the same read is not waited for twice").isLessThan(500L);
            release.countDown();
            executor.shutdown();
            assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            assertThat(depth.depth(OrderStatus.QUEUED)).isEqualTo(4.0);
            assertThat(slowReads).hasValue(1);
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void aStoppedExecutorGivesNaNInsteadOfAnError() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executor.shutdown();
        QueueDepth depth = new QueueDepth(counts::get, Duration.ofSeconds(5), executor);

        assertThat(depth.depth(OrderStatus.QUEUED)).isNaN();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

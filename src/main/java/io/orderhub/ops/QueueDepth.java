package io.orderhub.ops;

import io.orderhub.model.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Orders per status for the {@code orderhub_queue_depth} gauge: read from the queue at most once per cache period,
 * on the given executor, however often Prometheus scrapes. A scrape waits for a running read at most
 * {@code maxWait}; a read that failed or has not answered by then shows as NaN (unknown), never as a stale number.
 */
public final class QueueDepth {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDepth.class);
    static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(2);

    private record Snapshot(Map<String, Long> counts, long takenAt) {
    }

    private final Supplier<Map<String, Long>> countByStatus;
    private final long ttlNanos;
    private final long maxWaitNanos;
    private final Executor executor;
    private final LongSupplier nanoTime;

    private Snapshot snapshot;
    private CompletableFuture<Snapshot> reading;
    private long readingSince;
    private volatile boolean failing;

    public QueueDepth(Supplier<Map<String, Long>> countByStatus, Duration cacheFor, Executor executor) {
        this(countByStatus, cacheFor, DEFAULT_MAX_WAIT, executor, System::nanoTime);
    }

    QueueDepth(Supplier<Map<String, Long>> countByStatus, Duration cacheFor, Duration maxWait, Executor executor,
               LongSupplier nanoTime) {
        this.countByStatus = countByStatus;
        this.ttlNanos = cacheFor.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
        this.executor = executor;
        this.nanoTime = nanoTime;
    }

    /** The number of orders in this status as last read, or NaN when the queue could not be read. */
    public double depth(OrderStatus status) {
        return count(status.name());
    }

    /** The count under this key (a status, an SLA state) as last read, or NaN when the queue could not be read. */
    public double count(String key) {
        Snapshot s = current();
        if (s == null || s.counts() == null) {
            return Double.NaN;
        }
        return s.counts().getOrDefault(key, 0L);
    }

    private Snapshot current() {
        CompletableFuture<Snapshot> pending;
        long deadline;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (snapshot != null && now - snapshot.takenAt() < ttlNanos) {
                return snapshot;
            }
            if (reading == null) {
                CompletableFuture<Snapshot> read = new CompletableFuture<>();
                reading = read;
                readingSince = now;
                read.thenAccept(s -> finished(read, s));
                pending = read;
                try {
                    executor.execute(() -> read.complete(read()));
                } catch (RejectedExecutionException e) {
                    read.complete(new Snapshot(null, now));
                }
            } else {
                pending = reading;
            }
            deadline = readingSince + maxWaitNanos;
        }
        if (pending.isDone()) {
            return pending.join();
        }
        long wait = deadline - nanoTime.getAsLong();
        if (wait <= 0) {
            return null;
        }
        try {
            return pending.get(wait, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private synchronized void finished(CompletableFuture<Snapshot> read, Snapshot s) {
        snapshot = s;
        if (reading == read) {
            reading = null;
        }
    }

    /** One read of the queue; a failure is remembered as a snapshot without counts, so it is not retried at once. */
    private Snapshot read() {
        try {
            Map<String, Long> counts = Map.copyOf(countByStatus.get());
            if (failing) {
                LOG.info("Queue depth readable again");
                failing = false;
            }
            return new Snapshot(counts, nanoTime.getAsLong());
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("Queue depth not readable, orderhub_queue_depth shows NaN: {}", e.getMessage());
                failing = true;
            }
            return new Snapshot(null, nanoTime.getAsLong());
        }
    }
}

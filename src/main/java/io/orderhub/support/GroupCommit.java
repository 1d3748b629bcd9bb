package io.orderhub.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit: units of work submitted by many threads are run together in shared transactions, and each
 * caller returns only when the transaction holding its work has committed.
 *
 * <p>Why the hub has it: every accepted order must be durable before its 202, and a durable commit is expensive
 * (H2 with WRITE_DELAY=0 writes a chunk to its file at every commit; PostgreSQL flushes its WAL). One commit per
 * order caps intake at a few hundred orders/s on H2; one commit per batch does not. Batches form by themselves:
 * while one commit is under way, the next callers queue up and go in the next transaction — no waiting for a
 * batch to fill, so a lone request is committed at once. Camel's aggregator cannot do this: it would take the
 * work away from the request that must answer with its own outcome.
 *
 * <p>If a shared transaction fails, its units are run again one per transaction, so one bad unit does not fail
 * its neighbours. Units must therefore only touch the database through the connection they are given.
 *
 * <p>{@link #submitAsync} is for callers that need not hold a thread until the commit (ERP delivery: the ERP has
 * answered, recording it can go in the next transaction while the thread posts the next order). Its futures complete
 * on a callback thread of their own, never on the writer, so what a caller chains to them does not delay commits.
 * Such background units wait while units whose callers are waiting (an order's 202, a claim) are queued: under load
 * a batch takes those first and fills up with background units, so a burst of ERP outcomes does not queue ahead of
 * intake.
 */
public final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** One unit of work; it runs inside a transaction it must not commit or roll back. */
    @FunctionalInterface
    public interface Work<R> {
        R run(Connection connection) throws SQLException;
    }

    /** A queued unit; {@code background} units (submitAsync) go after every unit whose caller is waiting. */
    private record Pending<R>(Work<R> work, CompletableFuture<R> result, boolean background, long seq)
            implements Comparable<Pending<?>> {
        @Override
        public int compareTo(Pending<?> o) {
            return background != o.background ? (background ? 1 : -1) : Long.compare(seq, o.seq);
        }

        void runAlone(Database db) {
            try {
                result.complete(db.inTransaction(work::run));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }
    }

    private final Database db;
    private final BlockingQueue<Pending<?>> queue = new PriorityBlockingQueue<>();
    /** Room in the queue (the priority queue itself is unbounded). */
    private final Semaphore room;
    private final AtomicLong sequence = new AtomicLong();
    private final int maxBatch;
    private final long timeoutMillis;
    private final long lingerNanos;
    private final int lingerUntil;
    private final List<Thread> writers = new ArrayList<>();
    private final ExecutorService callbacks;
    private volatile boolean running = true;
    private final AtomicLong sharedTransactions = new AtomicLong();
    private final AtomicLong sharedUnits = new AtomicLong();

    /**
     * @param writers  threads committing in parallel (1 for H2, whose commits are serial anyway)
     * @param maxBatch most units in one transaction
     */
    public GroupCommit(Database db, String name, int writers, int maxBatch, int queueCapacity, long timeoutMillis) {
        this(db, name, writers, maxBatch, queueCapacity, timeoutMillis, 0);
    }

    /**
     * @param lingerMicros under load (the writer's previous transaction held more than one unit), how long a writer
     *                     waits for more units before it commits a batch that is not full: fewer, larger commits
     *                     for a little latency. 0: never wait. A lone unit after a quiet spell is never held back.
     */
    public GroupCommit(Database db, String name, int writers, int maxBatch, int queueCapacity, long timeoutMillis,
            long lingerMicros) {
        this(db, name, writers, maxBatch, queueCapacity, timeoutMillis, lingerMicros, maxBatch);
    }

    /**
     * @param lingerUntil a writer lingers only while its batch holds fewer units than this: a batch that large
     *                    already shares its commit widely, and waiting for more would only idle the writer while
     *                    callers wait (closed-loop load on H2: +17 % accepted orders/s with no linger at all)
     */
    public GroupCommit(Database db, String name, int writers, int maxBatch, int queueCapacity, long timeoutMillis,
            long lingerMicros, int lingerUntil) {
        this.db = db;
        this.lingerNanos = TimeUnit.MICROSECONDS.toNanos(lingerMicros);
        this.lingerUntil = Math.min(lingerUntil, maxBatch);
        this.maxBatch = maxBatch;
        this.timeoutMillis = timeoutMillis;
        this.room = new Semaphore(queueCapacity);
        this.callbacks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name + "-callbacks");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(this::loop, name + "-writer-" + i);
            t.setDaemon(true);
            t.start();
            this.writers.add(t);
        }
    }

    /** Runs the work in a committed transaction, shared with other callers' work; returns its result. */
    public <R> R submit(Work<R> work) {
        try {
            return enqueue(work, false).result().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no commit within " + timeoutMillis + " ms", e);
        }
    }

    /**
     * Queues the work for the next shared transaction and returns at once (waiting only while the queue is full, up
     * to the time-out). The future completes, on the callback thread, when the transaction holding the work has
     * committed: with the work's result, or exceptionally if the work failed on its own.
     */
    public <R> CompletableFuture<R> submitAsync(Work<R> work) {
        CompletableFuture<R> done = new CompletableFuture<>();
        Pending<R> pending;
        try {
            pending = enqueue(work, true);
        } catch (InterruptedException | RuntimeException e) {
            done.completeExceptionally(e instanceof InterruptedException
                    ? new IllegalStateException("interrupted while queueing for the commit", e) : e);
            return done;
        }
        // the writer only hands the outcome over; whatever the caller chained runs on the callback thread
        pending.result().whenComplete((result, failure) -> callbacks.execute(() -> {
            if (failure != null) {
                done.completeExceptionally(failure);
            } else {
                done.complete(result);
            }
        }));
        return done;
    }

    /** Queues a unit, waiting up to the time-out for room; fails if the hub is stopping or the queue stays full. */
    private <R> Pending<R> enqueue(Work<R> work, boolean background) throws InterruptedException {
        if (!running) {
            throw new IllegalStateException("the hub is shutting down; nothing was committed");
        }
        if (!room.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the database writers are saturated; nothing was committed");
        }
        Pending<R> pending = new Pending<>(work, new CompletableFuture<>(), background, sequence.incrementAndGet());
        queue.add(pending);
        return pending;
    }

    /** Moves up to max queued units into the batch, units with a waiting caller first. */
    private void drain(List<Pending<?>> batch, int max) {
        room.release(queue.drainTo(batch, max));
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>(maxBatch);
        int previous = 0;
        while (running || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    previous = 0;
                    continue;
                }
                room.release();
                batch.add(first);
                drain(batch, maxBatch - 1);
                if (lingerNanos > 0 && previous > 1 && batch.size() < lingerUntil) {
                    linger(batch);
                }
                previous = batch.size();
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Group commit writer failed; its callers were told", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void linger(List<Pending<?>> batch) throws InterruptedException {
        long deadline = System.nanoTime() + lingerNanos;
        long left;
        while (batch.size() < lingerUntil && (left = deadline - System.nanoTime()) > 0) {
            Pending<?> next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            room.release();
            batch.add(next);
            drain(batch, maxBatch - batch.size());
        }
    }

    private void commit(List<Pending<?>> batch) {
        if (batch.size() == 1) {
            batch.get(0).runAlone(db);
            return;
        }
        List<Object> results;
        try {
            results = db.inTransaction(c -> {
                List<Object> r = new ArrayList<>(batch.size());
                for (Pending<?> p : batch) {
                    r.add(p.work().run(c));
                }
                return r;
            });
        } catch (RuntimeException e) {
            LOG.debug("Shared transaction of {} units failed ({}); running them one by one", batch.size(), e.toString());
            batch.forEach(p -> p.runAlone(db));
            return;
        }
        sharedTransactions.incrementAndGet();
        sharedUnits.addAndGet(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results.get(i));
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> void complete(Pending<R> p, Object result) {
        p.result().complete((R) result);
    }

    /** Units waiting for a writer. */
    public int queued() {
        return queue.size();
    }

    /** Transactions that held more than one unit, and the units they held (for metrics and tests). */
    public long sharedTransactions() {
        return sharedTransactions.get();
    }

    public long sharedUnits() {
        return sharedUnits.get();
    }

    @Override
    public void close() {
        running = false;
        long tx = sharedTransactions.get();
        if (tx > 0) {
            LOG.info("Group commit: {} shared transactions held {} units ({} per transaction on average)", tx,
                    sharedUnits.get(), String.format(java.util.Locale.ROOT, "%.1f", (double) sharedUnits.get() / tx));
        }
        for (Thread t : writers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        // after the writers: the last commits' outcomes still reach their callers
        callbacks.shutdown();
        try {
            callbacks.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

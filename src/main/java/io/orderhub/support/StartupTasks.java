package io.orderhub.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The slow, independent parts of the hub's start (database migrations, compiling the Smooks mappings, hashing the
 * configured users' passwords) run on two threads of their own while the main thread builds everything else; the
 * main thread joins each one where it first needs the result. A task that fails fails the start with its own
 * exception, as if it had run on the main thread.
 */
public final class StartupTasks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTasks.class);

    private final ExecutorService pool;

    public StartupTasks(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "orderhub-start-" + n.incrementAndGet());
            t.setDaemon(true); // a failed start must not be kept alive by a task still running
            return t;
        });
    }

    /** Starts {@code task} now; {@code what} names it in the log. */
    public <T> CompletableFuture<T> submit(String what, Callable<T> task) {
        return CompletableFuture.supplyAsync(() -> timed(what, task), pool);
    }

    /** Starts {@code task} once {@code after} has completed (not at all if {@code after} failed). */
    public <T> CompletableFuture<T> after(CompletableFuture<?> after, String what, Callable<T> task) {
        return after.thenApplyAsync(ignored -> timed(what, task), pool);
    }

    private static <T> T timed(String what, Callable<T> task) {
        long t0 = System.nanoTime();
        try {
            T result = task.call();
            LOG.info("Start: {} took {} ms", what, (System.nanoTime() - t0) / 1_000_000);
            return result;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /** The task's result; its own exception if it failed. */
    public static <T> T join(CompletableFuture<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** {@link #join}, for callers that cannot throw checked exceptions (a checked one is wrapped). */
    public static <T> T joinUnchecked(CompletableFuture<T> future) {
        try {
            return join(future);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}

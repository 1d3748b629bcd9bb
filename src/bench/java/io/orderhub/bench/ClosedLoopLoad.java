package io.orderhub.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Closed-loop load for the maximum sustained throughput: {@code concurrency} requests are kept in flight, each
 * answer is followed at once by the next request. After the warm-up, answers arriving within the measurement
 * window are counted and their latency (send to answer) recorded. Runs on the Vert.x event loop it is started on;
 * it stops sending at the end of the window and completes when the last answer is in, or a grace period later.
 */
final class ClosedLoopLoad {

    private static final long GRACE_MILLIS = 30_000;
    private static final long BACKOFF_MILLIS = 10;

    private final Vertx vertx;
    private final HttpTarget target;
    private final String path;
    private final OrderPayloads payloads;
    private final String poPrefix;
    private final int concurrency;
    private final long warmupNanos;
    private final long durationNanos;
    private final PhaseStats stats = new PhaseStats();
    private final Promise<PhaseStats> done = Promise.promise();

    private long measureFrom;
    private long measureTo;
    private long sequence;
    private int inFlight;

    ClosedLoopLoad(Vertx vertx, HttpTarget target, String path, OrderPayloads payloads, String poPrefix,
                   int concurrency, long warmupSeconds, long durationSeconds) {
        this.vertx = vertx;
        this.target = target;
        this.path = path;
        this.payloads = payloads;
        this.poPrefix = poPrefix;
        this.concurrency = concurrency;
        this.warmupNanos = warmupSeconds * 1_000_000_000L;
        this.durationNanos = durationSeconds * 1_000_000_000L;
    }

    /** Nanotime at which the measurement window opens (valid after {@link #start()}). */
    long measureFrom() {
        return measureFrom;
    }

    long measureTo() {
        return measureTo;
    }

    /** Starts the load; must be called on the event loop. */
    Future<PhaseStats> start() {
        long now = System.nanoTime();
        measureFrom = now + warmupNanos;
        measureTo = measureFrom + durationNanos;
        vertx.setTimer((measureTo - now) / 1_000_000 + GRACE_MILLIS, id -> done.tryComplete(stats));
        for (int i = 0; i < concurrency; i++) {
            sendNext();
        }
        return done.future();
    }

    private void sendNext() {
        long sentAt = System.nanoTime();
        if (sentAt >= measureTo) {
            if (inFlight == 0) {
                done.tryComplete(stats);
            }
            return;
        }
        inFlight++;
        byte[] body = payloads.order(poPrefix + (sequence++));
        target.post(path, body).onComplete(ar -> {
            inFlight--;
            long answeredAt = System.nanoTime();
            boolean measured = answeredAt >= measureFrom && answeredAt < measureTo;
            if (ar.succeeded()) {
                if (measured) {
                    stats.answered(ar.result().status(), (answeredAt - sentAt) / 1_000);
                }
                sendNext();
            } else {
                if (measured) {
                    stats.failed(ar.cause(), (answeredAt - sentAt) / 1_000);
                }
                vertx.setTimer(BACKOFF_MILLIS, id -> sendNext());
            }
        });
    }
}

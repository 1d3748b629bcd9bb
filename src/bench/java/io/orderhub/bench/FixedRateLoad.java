package io.orderhub.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Open-loop load at a fixed arrival rate: request i is due at start + i / rate, whatever happened to earlier ones.
 * Latency is measured from that due time, so time a request spent waiting for a free connection counts (no
 * coordinated omission). Requests due in the warm-up get PO numbers {@code <prefix>W-<n>}, measured ones
 * {@code <prefix>M-<n>}. At most {@code maxOutstanding} requests are pending; a due request beyond that is
 * counted as skipped rather than queued without bound. Completes when the last answer is in, or a grace period
 * after the last request was due.
 */
final class FixedRateLoad {

    private static final long GRACE_MILLIS = 30_000;

    private final Vertx vertx;
    private final HttpTarget target;
    private final String path;
    private final OrderPayloads payloads;
    private final String poPrefix;
    private final double ratePerSecond;
    private final long warmupCount;
    private final long totalCount;
    private final int maxOutstanding;
    private final PhaseStats stats = new PhaseStats();
    private final Promise<PhaseStats> done = Promise.promise();

    private long start;
    private long sent;
    private int outstanding;
    private int outstandingMeasured;
    private boolean finished;
    private long tickTimer = -1;

    FixedRateLoad(Vertx vertx, HttpTarget target, String path, OrderPayloads payloads, String poPrefix,
                  int ratePerSecond, long warmupSeconds, long durationSeconds, int maxOutstanding) {
        this.vertx = vertx;
        this.target = target;
        this.path = path;
        this.payloads = payloads;
        this.poPrefix = poPrefix;
        this.ratePerSecond = ratePerSecond;
        this.warmupCount = warmupSeconds * ratePerSecond;
        this.totalCount = (warmupSeconds + durationSeconds) * ratePerSecond;
        this.maxOutstanding = maxOutstanding;
    }

    /** Nanotime of the first measured request's due time (valid after {@link #start()}). */
    long measureFrom() {
        return dueTime(warmupCount);
    }

    /** Nanotime at which the last request is due. */
    long measureTo() {
        return dueTime(totalCount);
    }

    /** Starts the schedule; must be called on the event loop. */
    Future<PhaseStats> start() {
        start = System.nanoTime();
        tickTimer = vertx.setPeriodic(1, id -> tick());
        vertx.setTimer((measureTo() - start) / 1_000_000 + GRACE_MILLIS, id -> finish());
        return done.future();
    }

    private long dueTime(long index) {
        return start + (long) (index * 1_000_000_000.0 / ratePerSecond);
    }

    private void tick() {
        long now = System.nanoTime();
        while (sent < totalCount && dueTime(sent) <= now) {
            long index = sent++;
            boolean measured = index >= warmupCount;
            if (outstanding >= maxOutstanding) {
                if (measured) {
                    stats.skipped();
                }
                continue;
            }
            send(index, measured);
        }
        if (sent >= totalCount) {
            vertx.cancelTimer(tickTimer);
            if (outstanding == 0) {
                finish();
            }
        }
    }

    private void send(long index, boolean measured) {
        long due = dueTime(index);
        outstanding++;
        if (measured) {
            outstandingMeasured++;
        }
        byte[] body = payloads.order(poPrefix + (measured ? "M-" : "W-") + index);
        target.post(path, body).onComplete(ar -> {
            outstanding--;
            long latencyMicros = (System.nanoTime() - due) / 1_000;
            if (measured && !finished) {
                outstandingMeasured--;
                if (ar.succeeded()) {
                    stats.answered(ar.result().status(), latencyMicros);
                } else {
                    stats.failed(ar.cause(), latencyMicros);
                }
            }
            if (sent >= totalCount && outstanding == 0) {
                finish();
            }
        });
    }

    /** Ends the phase; measured requests still without an answer count as failed with a time-out. */
    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        vertx.cancelTimer(tickTimer);
        stats.unanswered(outstandingMeasured);
        done.tryComplete(stats);
    }
}

package io.orderhub.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches the hub's delivery backlog through its API: once a second the {@code total} of
 * {@code GET /api/orders?status=QUEUED&limit=1}. After the load, {@link #drain} waits until no order is QUEUED or
 * DELIVERING any more. Uses its own single connection, so it never waits behind the load's requests.
 */
final class BacklogSampler {

    /** One reading: when (nanotime) and how many orders were QUEUED. */
    record Sample(long at, long queued) {
    }

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final long DRAIN_POLL_MILLIS = 250;

    private final Vertx vertx;
    private final HttpTarget api;
    private final String ordersPath;
    private final List<Sample> samples = new ArrayList<>();
    private long timer = -1;
    private boolean pending;
    private long failures;

    BacklogSampler(Vertx vertx, HttpTarget api, String ordersPath) {
        this.vertx = vertx;
        this.api = api;
        this.ordersPath = ordersPath;
    }

    /** Starts sampling once a second; must be called on the event loop. */
    void start() {
        sample();
        timer = vertx.setPeriodic(1_000, id -> sample());
    }

    void stop() {
        vertx.cancelTimer(timer);
    }

    private void sample() {
        if (pending) {
            return;
        }
        pending = true;
        long at = System.nanoTime();
        count("QUEUED").onComplete(ar -> {
            pending = false;
            if (ar.succeeded()) {
                samples.add(new Sample(at, ar.result()));
            } else {
                failures++;
            }
        });
    }

    private Future<Long> count(String status) {
        return api.get(ordersPath + "?status=" + status + "&limit=1").map(a -> {
            Matcher m = TOTAL.matcher(a.body().toString());
            if (a.status() != 200 || !m.find()) {
                throw new IllegalStateException("GET " + ordersPath + " answered " + a.status());
            }
            return Long.parseLong(m.group(1));
        });
    }

    /** Completes with the seconds it took until nothing was QUEUED or DELIVERING, or -1 after the time-out. */
    Future<Double> drain(long timeoutMillis) {
        Promise<Double> done = Promise.promise();
        long from = System.nanoTime();
        long deadline = from + timeoutMillis * 1_000_000;
        pollDrain(done, from, deadline);
        return done.future();
    }

    private void pollDrain(Promise<Double> done, long from, long deadline) {
        count("QUEUED").compose(q -> count("DELIVERING").map(d -> q + d)).onComplete(ar -> {
            long now = System.nanoTime();
            if (ar.succeeded() && ar.result() == 0) {
                done.complete((now - from) / 1e9);
            } else if (now >= deadline) {
                done.complete(-1.0);
            } else {
                vertx.setTimer(DRAIN_POLL_MILLIS, id -> pollDrain(done, from, deadline));
            }
        });
    }

    /** Adds the backlog numbers of the window [from, to) (nanotime) to a result. */
    void writeTo(Results r, long from, long to) {
        long max = 0;
        long last = 0;
        int n = 0;
        StringBuilder series = new StringBuilder();
        for (Sample s : samples) {
            if (s.at() >= from && s.at() < to) {
                max = Math.max(max, s.queued());
                last = s.queued();
                n++;
                series.append(series.length() == 0 ? "" : ",").append(s.queued());
            }
        }
        r.put("backlog.samples", n);
        r.put("backlog.failures", failures);
        r.put("backlog.max", max);
        r.put("backlog.last", last);
        r.put("backlog.series", series);
    }
}

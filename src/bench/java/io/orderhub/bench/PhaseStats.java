package io.orderhub.bench;

import java.util.Map;
import java.util.TreeMap;

/** What the requests of one measurement window got: answers per HTTP status, failures, and their latencies. */
final class PhaseStats {

    final LatencyRecorder latencies = new LatencyRecorder();
    /** The slowest answer of each second of the window (by answer time, from the first answer), in microseconds. */
    private final java.util.List<Long> slowestBySecond = new java.util.ArrayList<>();
    private long firstAnswerNanos = -1;
    private final Map<Integer, Long> byStatus = new TreeMap<>();
    private long accepted;
    private long failures;
    private long skipped;
    private String firstFailure;

    /** An answer with an HTTP status; only 202 counts as accepted (committed). */
    void answered(int status, long latencyMicros) {
        byStatus.merge(status, 1L, Long::sum);
        if (status == 202) {
            accepted++;
        }
        record(latencyMicros);
    }

    private void record(long latencyMicros) {
        latencies.record(latencyMicros);
        long now = System.nanoTime();
        if (firstAnswerNanos < 0) {
            firstAnswerNanos = now;
        }
        int second = (int) ((now - firstAnswerNanos) / 1_000_000_000L);
        while (slowestBySecond.size() <= second) {
            slowestBySecond.add(0L);
        }
        slowestBySecond.set(second, Math.max(slowestBySecond.get(second), latencyMicros));
    }

    /** No answer: connection error or time-out. */
    void failed(Throwable cause, long latencyMicros) {
        failures++;
        if (firstFailure == null) {
            firstFailure = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        record(latencyMicros);
    }

    /** Requests still without an answer when the phase ended: failures, without a latency. */
    void unanswered(long n) {
        if (n > 0) {
            failures += n;
            if (firstFailure == null) {
                firstFailure = n + " request(s) without an answer at the end of the phase";
            }
        }
    }

    /** A scheduled request that was not sent because too many were already waiting for an answer. */
    void skipped() {
        skipped++;
    }

    long accepted() {
        return accepted;
    }

    long requests() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum() + failures + skipped;
    }

    /** Adds this window's numbers to a result; throughput is accepted answers per second of the window. */
    void writeTo(Results r, double seconds) {
        r.put("requests", requests());
        r.put("accepted", accepted);
        r.put("not.accepted", requests() - accepted - failures - skipped);
        r.put("failures", failures);
        r.put("skipped", skipped);
        byStatus.forEach((s, n) -> r.put("status." + s, n));
        r.put("accepted.per.s", String.format(java.util.Locale.ROOT, "%.1f", accepted / seconds));
        r.putMillis("latency.p50.ms", latencies.percentile(0.50));
        r.putMillis("latency.p90.ms", latencies.percentile(0.90));
        r.putMillis("latency.p99.ms", latencies.percentile(0.99));
        r.putMillis("latency.p999.ms", latencies.percentile(0.999));
        r.putMillis("latency.max.ms", latencies.max());
        r.put("latency.max.series.ms", slowestBySecond.stream().map(us -> Long.toString(us / 1_000))
                .collect(java.util.stream.Collectors.joining(",")));
        if (firstFailure != null) {
            r.put("first.failure", firstFailure);
        }
    }
}

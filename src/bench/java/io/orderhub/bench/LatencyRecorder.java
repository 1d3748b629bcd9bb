package io.orderhub.bench;

import java.util.Arrays;

/**
 * The latencies of one measurement window, in microseconds, kept exactly (a growable array, sorted once when
 * percentiles are asked for). Capped at {@link #MAX_SAMPLES}; samples beyond the cap are counted, not kept.
 * Not thread-safe: the generator records from its single event-loop thread.
 */
final class LatencyRecorder {

    static final int MAX_SAMPLES = 20_000_000;

    private long[] values = new long[1 << 16];
    private int count;
    private long overflow;
    private boolean sorted = true;

    void record(long micros) {
        if (count == values.length) {
            if (count >= MAX_SAMPLES) {
                overflow++;
                return;
            }
            values = Arrays.copyOf(values, Math.min(MAX_SAMPLES, count * 2));
        }
        values[count++] = Math.max(0, micros);
        sorted = false;
    }

    int count() {
        return count;
    }

    long overflow() {
        return overflow;
    }

    /** The value at or below which the given fraction (0..1) of samples lie, in microseconds; -1 if empty. */
    long percentile(double fraction) {
        if (count == 0) {
            return -1;
        }
        if (!sorted) {
            Arrays.sort(values, 0, count);
            sorted = true;
        }
        int rank = (int) Math.ceil(fraction * count) - 1;
        return values[Math.min(count - 1, Math.max(0, rank))];
    }

    long max() {
        return percentile(1.0);
    }
}

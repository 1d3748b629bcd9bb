package io.orderhub.erp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;

/**
 * Intake first during a surge: while the intake pipeline holds at least {@code surgeAt} documents at once (its
 * callers are queueing for the shared writer and the CPU), ERP delivery claims no more than {@code floorPerSecond}
 * orders a second, in its usual order (priority, due time, age), and gives the rest of the machine to the orders
 * still coming in. The surge ends when the pipeline has held fewer than half of {@code surgeAt} for a second (a
 * single low reading is common under load: right after a shared commit its callers have left and the next have not
 * arrived); delivery then claims as much as it has room for and works the backlog off.
 *
 * <p>Why: every order accepted during a surge is durable and visible at once, and an upstream system waiting for
 * its 202 is served before the ERP, which gets the orders a little later. Measured in the closed-loop benchmark
 * (README "Performance"): delivery at full speed beside saturated intake took almost half of the hub's intake
 * throughput. The floor keeps the most urgent orders moving to the ERP however long the surge lasts.
 *
 * <p>The allowance is a token bucket holding at most one second of the floor rate; the claim asks it once per poll
 * ({@code orderhub.erp.poll-interval-ms}).
 */
public final class SurgePacing implements IntUnaryOperator {

    private static final Logger LOG = LoggerFactory.getLogger(SurgePacing.class);
    /** How long the pipeline must stay below half the threshold before the surge is over. */
    static final java.time.Duration CALM = java.time.Duration.ofSeconds(1);

    private final IntSupplier intakeInFlight;
    private final int surgeAt;
    private final int floorPerSecond;
    private final LongSupplier nanoTime;
    private boolean surge;
    private double tokens;
    private long filledAt;
    private long pacedSinceSurge;
    /** When the pipeline was first seen below the end threshold since the last crowded reading; -1: not calm. */
    private long calmSince = -1;

    /**
     * @param intakeInFlight documents in the intake pipeline now
     * @param surgeAt        that many or more is a surge; 0 turns pacing off
     * @param floorPerSecond orders a second delivery claims during a surge
     */
    public SurgePacing(IntSupplier intakeInFlight, int surgeAt, int floorPerSecond) {
        this(intakeInFlight, surgeAt, floorPerSecond, System::nanoTime);
    }

    SurgePacing(IntSupplier intakeInFlight, int surgeAt, int floorPerSecond, LongSupplier nanoTime) {
        if (surgeAt < 0 || floorPerSecond < 1) {
            throw new IllegalArgumentException("surge threshold must be >= 0 and the floor rate >= 1 order/s, were "
                    + surgeAt + " and " + floorPerSecond);
        }
        this.intakeInFlight = intakeInFlight;
        this.surgeAt = surgeAt;
        this.floorPerSecond = floorPerSecond;
        this.nanoTime = nanoTime;
        this.tokens = floorPerSecond;
        this.filledAt = nanoTime.getAsLong();
    }

    /** How many of {@code room} free delivery slots the claim may fill now. */
    @Override
    public synchronized int applyAsInt(int room) {
        long now = nanoTime.getAsLong();
        tokens = Math.min(floorPerSecond, tokens + (now - filledAt) * floorPerSecond / (double) TimeUnit.SECONDS.toNanos(1));
        filledAt = now;
        if (surgeAt > 0) {
            track(intakeInFlight.getAsInt(), now);
        }
        if (!surge || room <= 0) {
            return room;
        }
        int take = (int) Math.min(room, Math.floor(tokens));
        tokens -= take;
        pacedSinceSurge += take;
        return take;
    }

    private void track(int inFlight, long now) {
        if (!surge) {
            if (inFlight >= surgeAt) {
                surge = true;
                calmSince = -1;
                pacedSinceSurge = 0;
                LOG.info("Intake surge: {} documents in the intake pipeline (surge at {}); ERP delivery paced to {}"
                        + " orders/s until it passes", inFlight, surgeAt, floorPerSecond);
            }
            return;
        }
        if (inFlight >= Math.max(1, surgeAt / 2)) {
            calmSince = -1;
            return;
        }
        if (calmSince < 0) {
            calmSince = now;
        }
        if (now - calmSince >= CALM.toNanos()) {
            surge = false;
            LOG.info("Intake surge over: {} documents in the intake pipeline; ERP delivery at full speed again ({} orders"
                    + " claimed while paced)", inFlight, pacedSinceSurge);
        }
    }

    /** Whether delivery is paced now (a gauge for operations). */
    public synchronized boolean surge() {
        return surge;
    }
}

package io.orderhub.erp;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurgePacingTest {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private SurgePacing pacing(int surgeAt, int floor) {
        return new SurgePacing(inFlight::get, surgeAt, floor, nanos::get);
    }

    private void advanceMillis(long ms) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    @Test
    void belowTheThresholdEveryFreeSlotMayBeClaimed() {
        SurgePacing p = pacing(48, 100);
        inFlight.set(47);
        assertEquals(200, p.applyAsInt(200));
        assertEquals(200, p.applyAsInt(200));
        assertFalse(p.surge());
    }

    @Test
    void duringASurgeClaimsFollowTheFloorRate() {
        SurgePacing p = pacing(48, 100);
        inFlight.set(64);
        // the bucket holds one second of the floor rate, then refills at 100 orders/s: 10 per 100 ms poll
        assertEquals(100, p.applyAsInt(200));
        assertTrue(p.surge());
        int claimed = 0;
        for (int poll = 0; poll < 50; poll++) {
            advanceMillis(100);
            claimed += p.applyAsInt(200);
        }
        assertEquals(500, claimed, "5 s at 100 orders/s");
    }

    @Test
    void thePacedAllowanceNeverExceedsTheRoom() {
        SurgePacing p = pacing(48, 100);
        inFlight.set(64);
        assertEquals(30, p.applyAsInt(30));
        assertEquals(0, p.applyAsInt(0));
        advanceMillis(100);
        // 70 tokens left from the first second and 10 more: the room of 200 is cut to 80
        assertEquals(80, p.applyAsInt(200));
    }

    @Test
    void theSurgeEndsOnlyAfterASecondBelowHalfTheThreshold() {
        SurgePacing p = pacing(48, 100);
        inFlight.set(64);
        p.applyAsInt(200);
        // a single low reading right after a shared commit does not end it
        inFlight.set(10);
        advanceMillis(100);
        assertEquals(10, p.applyAsInt(200));
        inFlight.set(30);
        advanceMillis(100);
        p.applyAsInt(200);
        assertTrue(p.surge(), "30 is at least half of 48: still crowded, the calm period starts again");
        inFlight.set(10);
        for (int poll = 0; poll < 9; poll++) {
            advanceMillis(100);
            p.applyAsInt(200);
        }
        assertTrue(p.surge(), "calm for 0.8 s only");
        advanceMillis(300);
        assertEquals(200, p.applyAsInt(200));
        assertFalse(p.surge());
    }

    @Test
    void zeroTurnsPacingOff() {
        SurgePacing p = pacing(0, 100);
        inFlight.set(1_000);
        assertEquals(200, p.applyAsInt(200));
        assertFalse(p.surge());
    }

    @Test
    void aFloorBelowOneOrderASecondIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> pacing(48, 0));
    }
}

package io.orderhub.support;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562): new rows land at the end of primary-key indexes instead of at random
 * places, and ids sort by creation time. The JDK has no generator for them, hence these few lines.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID newId() {
        return newId(System.currentTimeMillis(), RANDOM);
    }

    /** An id for a given creation time (test data generators pass past times and a seeded random). */
    public static UUID newId(long millis, java.util.Random random) {
        long randA = random.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}

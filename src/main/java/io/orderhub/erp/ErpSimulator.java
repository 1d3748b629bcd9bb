package io.orderhub.erp;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in ERP for the embedded default, demos and tests. It books each order once per idempotency key and
 * answers with an ERP order number (the same number again for a repeated key), counts how often each key was
 * sent, and can be told to fail (503), reject (422) or answer slowly.
 *
 * <p>It remembers the newest {@code maxBookings} keys (about 200 bytes each on the heap): a hub left running as a
 * demo would otherwise fill its heap with the simulator's bookings. A key sent again after it was forgotten is
 * booked again under a new number; {@link #forgotten()} says how many were dropped.
 */
public final class ErpSimulator {

    public enum Mode { ACCEPT, FAIL, REJECT }

    public record Answer(int status, String erpOrderNumber, String message) {
    }

    public record Booking(String erpOrderNumber, AtomicInteger requests) {
    }

    /** How many keys the simulator of the embedded default remembers (orderhub.erp.simulator.max-bookings). */
    public static final int DEFAULT_MAX_BOOKINGS = 100_000;

    private final Map<String, Booking> bookings = new ConcurrentHashMap<>();
    /** The booked keys, oldest first, to forget the oldest beyond maxBookings. */
    private final Queue<String> bookingOrder = new ConcurrentLinkedQueue<>();
    private final AtomicLong forgotten = new AtomicLong();
    private final int maxBookings;
    private final AtomicLong numbers = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile Mode mode = Mode.ACCEPT;
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile long delayMillis;
    private final String prefix;

    public ErpSimulator(String prefix) {
        this(prefix, DEFAULT_MAX_BOOKINGS);
    }

    public ErpSimulator(String prefix, int maxBookings) {
        if (maxBookings < 1) {
            throw new IllegalArgumentException("the simulator must remember at least one booking, was " + maxBookings);
        }
        this.prefix = prefix;
        this.maxBookings = maxBookings;
    }

    public Answer receive(String idempotencyKey, byte[] body) {
        requests.incrementAndGet();
        if (delayMillis > 0) {
            sleep(delayMillis);
        }
        if (failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 || mode == Mode.FAIL) {
            return new Answer(503, null, "ERP simulator: unavailable (mode " + mode + ")");
        }
        if (mode == Mode.REJECT) {
            return new Answer(422, null, "ERP simulator: order rejected (customer blocked for orders)");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return new Answer(400, null, "ERP simulator: Idempotency-Key header is required");
        }
        if (body == null || body.length == 0) {
            return new Answer(400, null, "ERP simulator: empty order");
        }
        boolean[] created = new boolean[1];
        Booking booking = bookings.computeIfAbsent(idempotencyKey, k -> {
            created[0] = true;
            return new Booking(number(prefix, numbers.incrementAndGet()), new AtomicInteger());
        });
        booking.requests().incrementAndGet();
        if (created[0]) {
            bookingOrder.add(idempotencyKey);
            forgetOldest();
        }
        return new Answer(201, booking.erpOrderNumber(), "booked");
    }

    private void forgetOldest() {
        while (bookings.size() > maxBookings) {
            String oldest = bookingOrder.poll();
            if (oldest == null) {
                return;
            }
            if (bookings.remove(oldest) != null) {
                forgotten.incrementAndGet();
            }
        }
    }

    /** Bookings dropped to stay within maxBookings. */
    public long forgotten() {
        return forgotten.get();
    }

    public void mode(Mode newMode) {
        this.mode = newMode;
    }

    public Mode mode() {
        return mode;
    }

    /** The next n requests fail with 503, whatever the mode. */
    public void failNext(int n) {
        failNext.set(n);
    }

    public void delayMillis(long millis) {
        this.delayMillis = millis;
    }

    public long requests() {
        return requests.get();
    }

    public int bookings() {
        return bookings.size();
    }

    /** How many requests arrived for an idempotency key (0 if none). */
    public int requestsFor(String idempotencyKey) {
        Booking b = bookings.get(idempotencyKey);
        return b == null ? 0 : b.requests().get();
    }

    public Map<String, Booking> bookingsByKey() {
        return Map.copyOf(bookings);
    }

    public void reset() {
        bookings.clear();
        bookingOrder.clear();
        forgotten.set(0);
        requests.set(0);
        failNext.set(0);
        delayMillis = 0;
        mode = Mode.ACCEPT;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The prefix and the number with at least eight digits (SO-00000042); String.format costs more than the booking. */
    static String number(String prefix, long n) {
        String digits = Long.toString(n);
        return digits.length() >= 8 ? prefix + digits : prefix + "0".repeat(8 - digits.length()) + digits;
    }
}

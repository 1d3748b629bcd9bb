package io.orderhub.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Posts orders with unique PO numbers ({prefix}-{thread}-{n}) from several client threads, one request at a time
 * per thread, and keeps what became of each request. A thread stops at its first request without an answer (the
 * hub is gone), when the order budget is spent, or when told to.
 */
final class OrderLoad {

    private final HubClient client;
    private final String poPrefix;
    private final int maxOrders;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final Map<String, HubClient.Posted> results = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    OrderLoad(HubClient client, String poPrefix, int threadCount, int maxOrders) {
        this.client = client;
        this.poPrefix = poPrefix;
        this.maxOrders = maxOrders;
        for (int i = 0; i < threadCount; i++) {
            int thread = i;
            Thread t = new Thread(() -> run(thread), "crash-client-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    OrderLoad start() {
        threads.forEach(Thread::start);
        return this;
    }

    private void run(int thread) {
        for (int n = 1; !stopped && issued.incrementAndGet() <= maxOrders; n++) {
            String po = poPrefix + "-" + thread + "-" + n;
            HubClient.Posted posted = client.post(po);
            results.put(po, posted);
            if (!posted.answered()) {
                return;
            }
        }
    }

    /** Tells the threads to stop after their current request and waits for them. */
    void stop(Duration timeout) throws InterruptedException {
        stopped = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (t.isAlive()) {
                throw new AssertionError(t.getName() + " still posting " + timeout + " after the stop");
            }
        }
    }

    boolean finished() {
        return threads.stream().noneMatch(Thread::isAlive);
    }

    long acceptedCount() {
        return results.values().stream().filter(HubClient.Posted::accepted).count();
    }

    /** The 202s: PO number to what the hub answered. */
    Map<String, HubClient.Posted> accepted() {
        return results.entrySet().stream().filter(e -> e.getValue().accepted())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Map<UUID, HubClient.Posted> acceptedById() {
        return results.values().stream().filter(HubClient.Posted::accepted)
                .collect(Collectors.toMap(HubClient.Posted::orderId, p -> p));
    }

    /** Requests that got no HTTP answer (in flight when the hub died, or sent after): outcome unknown. */
    Map<String, HubClient.Posted> unanswered() {
        return results.entrySet().stream().filter(e -> !e.getValue().answered())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Requests answered with anything but a 202 carrying an order. */
    Map<String, HubClient.Posted> refused() {
        return results.entrySet().stream().filter(e -> e.getValue().answered() && !e.getValue().accepted())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}

package io.orderhub.crash;

import io.orderhub.testing.ChildHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The crash test: kill -9 the hub while orders are being accepted and delivered, start it again on the
 * same data; every order that got a 202 is in the queue and reaches the ERP exactly once by idempotency key, and
 * nothing that got a 202 is lost.
 *
 * <p>The hub runs as a child JVM ({@link ChildHub}) and is killed with SIGKILL; the ERP ({@link ErpStandIn}) runs
 * in the test JVM, so it survives the kill and sees every request of both runs. Two kill points: while intake is
 * busy (deliveries running beside it), and while deliveries are in flight at a slow ERP. Each runs on H2 and on
 * PostgreSQL (skipped when the server is not reachable, failed instead with -Dorderhub.test.require-postgres=true).
 *
 * <p>Requests that were in flight when the hub died get no answer; their orders may or may not have been committed.
 * They do not count as accepted, but if they were committed they are in the queue and must be delivered like the
 * others: the ERP's bookings must equal the hub's orders exactly, and the accepted orders must be among them.
 * The random kill moment is printed with its seed; -Dorderhub.test.crash.seed=n repeats it.
 */
class CrashRecoveryTest {

    // a child JVM with C1 only and 256 MB starts in 10-25 s on a busy 2-core machine; the limit only catches a hang
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int CLIENTS = 4;
    /** One API page holds every order of a scenario. */
    private static final int PAGE = 500;

    /** Kept when the test fails: the H2 files (and child logs) a kill left behind are the evidence. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tempDir;

    private final Deque<AutoCloseable> cleanup = new ArrayDeque<>();
    private final long seed = Long.getLong("orderhub.test.crash.seed", System.nanoTime());

    @AfterEach
    void closeEverything() throws Exception {
        Exception first = null;
        while (!cleanup.isEmpty()) {
            try {
                cleanup.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(QueueStore.Kind.class)
    void killedWhileIntakeIsBusy(QueueStore.Kind kind) throws Exception {
        Scenario s = new Scenario("intake-" + kind.name().toLowerCase(), kind);
        s.erp.simulator().delayMillis(20);
        int killAfter = 30 + new Random(seed).nextInt(40);
        s.log("seed %d: kill after %d accepted orders, with deliveries running", seed, killAfter);

        ChildHub first = s.startHub(1);
        OrderLoad load = new OrderLoad(HubClient.of(first), s.poPrefix, CLIENTS, PAGE - 50).start();
        await("intake busy and deliveries running").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> load.finished() || load.acceptedCount() >= killAfter && s.erp.requests() > 0);
        assertThat(load.finished()).as("the clients stopped before the kill; refused: %s, unanswered: %s",
                load.refused(), load.unanswered()).isFalse();
        long killedAt = s.kill(first);
        load.stop(Duration.ofSeconds(20));

        QueueSnapshot atKill = QueueSnapshot.read(s.store, s.poPrefix);
        s.assertNothingAcceptedWasLost(load, atKill, killedAt);

        ChildHub second = s.startHub(2);
        s.awaitAllDelivered(second, load.acceptedById().keySet());
        s.stop(second);
        QueueSnapshot end = QueueSnapshot.read(s.store, s.poPrefix);
        s.assertExactlyOnce(load, end);
        s.report(load, atKill, end, Set.of());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(QueueStore.Kind.class)
    void killedWhileDeliveriesAreInFlight(QueueStore.Kind kind) throws Exception {
        Scenario s = new Scenario("delivery-" + kind.name().toLowerCase(), kind);
        int orders = 48;
        // 8 deliveries at a time (orderhub.erp.concurrency), 1.5 s each: the queue takes about 9 s to drain,
        // time enough for the intake to finish first
        s.erp.simulator().delayMillis(1500);

        ChildHub first = s.startHub(1);
        long t0 = System.nanoTime();
        OrderLoad load = new OrderLoad(HubClient.of(first), s.poPrefix, CLIENTS, orders).start();
        await("intake of " + orders + " orders").atMost(Duration.ofSeconds(30)).until(load::finished);
        assertThat(load.acceptedCount()).as("accepted before the kill; refused: %s, unanswered: %s",
                load.refused(), load.unanswered()).isEqualTo(orders);
        s.log("%d orders accepted in %d ms; the ERP has had %d requests", orders, millisSince(t0), s.erp.requests());
        // the first 8 answered (and so, as far as the hub got, DELIVERED), the next ones at the ERP for 1.5 s
        await("deliveries in flight at the slow ERP").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> s.erp.requests() >= 12 && s.erp.answering().size() >= 4);
        long killedAt = s.kill(first);
        Map<String, Integer> requestsAtKill = s.erp.requestsByKey();
        Set<String> answeringAtKill = s.erp.answering();
        s.erp.simulator().delayMillis(0);

        QueueSnapshot atKill = QueueSnapshot.read(s.store, s.poPrefix);
        s.assertNothingAcceptedWasLost(load, atKill, killedAt);
        // sent to the ERP, but the hub had not recorded the answer when it died: these must go again, same key
        Set<UUID> interrupted = atKill.rows().stream()
                .filter(r -> requestsAtKill.containsKey(r.id().toString()) && !"DELIVERED".equals(r.status()))
                .map(QueueSnapshot.Row::id).collect(Collectors.toSet());
        assertThat(answeringAtKill).as("requests the ERP was still answering at the kill").isNotEmpty();
        assertThat(interrupted.stream().map(UUID::toString)).as("orders the ERP had received but the hub had not"
                + " marked DELIVERED at the kill: at least those the ERP was still answering").containsAll(answeringAtKill);

        ChildHub second = s.startHub(2);
        s.awaitAllDelivered(second, load.acceptedById().keySet());
        s.stop(second);
        QueueSnapshot end = QueueSnapshot.read(s.store, s.poPrefix);
        s.assertExactlyOnce(load, end);

        Map<String, Integer> requests = s.erp.requestsByKey();
        Map<UUID, QueueSnapshot.Row> rows = end.byId();
        Set<UUID> deliveringAtKill = atKill.idsWithStatus("DELIVERING");
        for (UUID id : interrupted) {
            String key = id.toString();
            assertThat(requests.get(key)).as("requests for %s, in flight at the kill: sent again after the restart", id)
                    .isGreaterThan(requestsAtKill.get(key));
            assertThat(rows.get(id).erpOrderNumber()).as("ERP order number of %s", id)
                    .isEqualTo(s.erp.simulator().bookingsByKey().get(key).erpOrderNumber());
            if (deliveringAtKill.contains(id)) {
                assertThat(end.events(id, "claim-expired")).as("claim-expired events of %s, DELIVERING at the kill", id)
                        .isGreaterThanOrEqualTo(1);
            }
        }
        s.report(load, atKill, end, interrupted);
    }

    /** One crash scenario: its queue store, its ERP stand-in, its PO numbers and its log files. */
    private final class Scenario {

        final String name;
        final QueueStore store;
        final ErpStandIn erp;
        final String poPrefix;
        private final Path summary;

        Scenario(String name, QueueStore.Kind kind) throws IOException {
            this.name = name;
            this.summary = logDir().resolve(name + ".summary.txt");
            Files.deleteIfExists(summary);
            this.store = register(QueueStore.create(kind, tempDir));
            this.erp = register(ErpStandIn.start());
            this.poPrefix = "CRASH-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
            log("store %s (the directory is kept if the test fails), ERP stand-in %s, PO numbers %s-*", store, erp.url(),
                    poPrefix);
        }

        ChildHub startHub(int run) throws IOException {
            Map<String, String> props = new LinkedHashMap<>(store.hubProperties());
            props.put("orderhub.erp.url", erp.url());
            props.put("orderhub.erp.simulator.enabled", "false");
            props.put("orderhub.drop.folder-base", tempDir.toAbsolutePath().toString());
            props.put("orderhub.erp.poll-interval-ms", "50");
            long t0 = System.nanoTime();
            ChildHub hub = register(ChildHub.start(props, logDir().resolve(name + "-run" + run + ".log")));
            hub.awaitApi(START_TIMEOUT);
            log("run %d started in %d ms: %s", run, millisSince(t0), hub);
            return hub;
        }

        /** SIGKILL; returns System.nanoTime() of the moment just before the kill. */
        long kill(ChildHub hub) {
            long killedAt = System.nanoTime();
            int exit = hub.kill();
            assertThat(hub.isAlive()).as("hub alive after SIGKILL").isFalse();
            log("killed pid %d with SIGKILL: exit code %d, ERP had %d requests (%d being answered)", hub.pid(), exit,
                    erp.requests(), erp.answering().size());
            return killedAt;
        }

        void stop(ChildHub hub) {
            log("run stopped (graceful) with exit code %d", hub.stop(STOP_TIMEOUT));
        }

        /** Directly after the kill: the store holds every order that got a 202, as a queued order. */
        void assertNothingAcceptedWasLost(OrderLoad load, QueueSnapshot atKill, long killedAt) {
            assertThat(load.refused()).as("requests answered with something other than a 202 while the hub ran")
                    .isEmpty();
            assertThat(load.accepted().values()).as("status of accepted orders")
                    .allSatisfy(p -> assertThat(p.orderStatus()).isEqualTo("QUEUED"));
            Map<UUID, HubClient.Posted> accepted = load.acceptedById();
            Set<UUID> lost = new HashSet<>(accepted.keySet());
            lost.removeAll(atKill.ids());
            if (!lost.isEmpty()) {
                String detail = lost.stream().map(accepted::get)
                        .sorted((a, b) -> Long.compare(a.answeredAtNanos(), b.answeredAtNanos()))
                        .map(p -> p.poNumber() + " " + p.orderId() + ": 202 read " + beforeKill(killedAt, p))
                        .collect(Collectors.joining("\n  "));
                long newestKept = accepted.values().stream().filter(p -> !lost.contains(p.orderId()))
                        .mapToLong(HubClient.Posted::answeredAtNanos).max().orElse(0);
                Set<String> sentToErp = erp.requestsByKey().keySet();
                long lostButSent = lost.stream().map(UUID::toString).filter(sentToErp::contains).count();
                fail("%d of %d orders that got a 202 are not in the store after kill -9 (%s); %d of them had already"
                                + " been sent to the ERP. The newest kept 202 was read %d ms before the kill. Lost:%n  %s",
                        lost.size(), accepted.size(), store.url(), lostButSent, (killedAt - newestKept) / 1_000_000,
                        detail);
            }
            Set<String> unanswered = load.unanswered().keySet();
            assertThat(atKill.rows()).as("orders after the kill: each accepted or in flight at the kill")
                    .allSatisfy(r -> assertThat(accepted.containsKey(r.id()) || unanswered.contains(r.poNumber()))
                            .as("order %s PO %s", r.id(), r.poNumber()).isTrue());
        }

        /** Polls the restarted hub's API until every order (and so every accepted one) is DELIVERED. */
        void awaitAllDelivered(ChildHub hub, Set<UUID> accepted) {
            HubClient client = HubClient.of(hub);
            Duration timeout = DELIVERY_TIMEOUT.plus(store.recoveryAfterRestart());
            long t0 = System.nanoTime();
            await("every order DELIVERED after the restart").atMost(timeout).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> {
                        assertThat(hub.isAlive()).as("restarted hub alive").isTrue();
                        Map<UUID, String> statuses = client.statuses(PAGE);
                        assertThat(statuses.keySet()).as("orders in the restarted hub").containsAll(accepted);
                        assertThat(countByStatus(statuses)).as("orders by status").containsOnlyKeys("DELIVERED");
                    });
            log("all orders DELIVERED %d ms after the restart", millisSince(t0));
        }

        /**
         * After the restart: no order lost or created twice, every accepted order DELIVERED, and the ERP booked
         * exactly the hub's orders, once each, under the ERP order number the hub recorded.
         */
        void assertExactlyOnce(OrderLoad load, QueueSnapshot end) {
            Map<UUID, HubClient.Posted> accepted = load.acceptedById();
            Set<String> unanswered = load.unanswered().keySet();
            Map<UUID, QueueSnapshot.Row> rows = end.byId();

            assertThat(end.repeatedPoNumbers()).as("PO numbers with more than one order").isEmpty();
            assertThat(rows.keySet()).as("accepted orders in the store").containsAll(accepted.keySet());
            assertThat(end.rows()).as("orders in the store: accepted, or in flight at the kill")
                    .allSatisfy(r -> assertThat(accepted.containsKey(r.id()) || unanswered.contains(r.poNumber()))
                            .as("order %s PO %s", r.id(), r.poNumber()).isTrue());
            assertThat(end.rows()).as("orders after the restart").allSatisfy(r -> {
                assertThat(r.status()).as("status of %s", r.id()).isEqualTo("DELIVERED");
                assertThat(r.erpOrderNumber()).as("ERP order number of %s", r.id()).isNotBlank();
            });

            assertThat(erp.requestsWithoutKey()).as("ERP requests without Idempotency-Key").isZero();
            Map<String, String> booked = erp.simulator().bookingsByKey().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().erpOrderNumber()));
            Set<String> orderKeys = rows.keySet().stream().map(UUID::toString).collect(Collectors.toSet());
            assertThat(booked.keySet()).as("ERP bookings by Idempotency-Key == the hub's order ids")
                    .containsExactlyInAnyOrderElementsOf(orderKeys);
            assertThat(erp.requestsByKey().keySet()).as("Idempotency-Keys the ERP saw").isEqualTo(orderKeys);
            assertThat(end.rows()).as("ERP order number recorded by the hub").allSatisfy(r ->
                    assertThat(r.erpOrderNumber()).as("order %s", r.id()).isEqualTo(booked.get(r.id().toString())));
            assertThat(Set.copyOf(booked.values())).as("distinct ERP order numbers").hasSize(booked.size());
        }

        void report(OrderLoad load, QueueSnapshot atKill, QueueSnapshot end, Set<UUID> interrupted) {
            Map<String, Integer> requests = erp.requestsByKey();
            Map<String, Integer> repeated = new TreeMap<>();
            requests.forEach((k, n) -> {
                if (n > 1) {
                    repeated.put(k, n);
                }
            });
            Set<String> acceptedKeys = load.acceptedById().keySet().stream().map(UUID::toString)
                    .collect(Collectors.toSet());
            long committedUnanswered = end.rows().stream().filter(r -> !acceptedKeys.contains(r.id().toString())).count();
            log("accepted (202): %d; no answer (in flight at the kill or after): %d, of which committed anyway: %d",
                    load.accepted().size(), load.unanswered().size(), committedUnanswered);
            log("at the kill: %s", countByStatus(atKill.rows().stream()
                    .collect(Collectors.toMap(QueueSnapshot.Row::id, QueueSnapshot.Row::status))));
            if (!interrupted.isEmpty()) {
                log("interrupted deliveries (at the ERP, not yet DELIVERED at the kill): %d, each sent again with its"
                        + " key and booked once", interrupted.size());
            }
            log("ERP: %d requests, %d bookings, %d keys requested more than once (redeliveries after the crash): %s",
                    erp.requests(), erp.simulator().bookings(), repeated.size(), repeated.values().stream()
                            .collect(Collectors.groupingBy(n -> n + " requests", TreeMap::new, Collectors.counting())));
            log("orders in the store after the restart: %d, all DELIVERED, each booked once", end.rows().size());
        }

        /** To stdout and to target/crash-test/{name}.summary.txt. */
        void log(String format, Object... args) {
            String line = "[crash " + name + "] " + String.format(format, args);
            System.out.println(line);
            try {
                Files.writeString(summary, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Child hub logs and scenario summaries: target/crash-test/. */
    static Path logDir() throws IOException {
        return Files.createDirectories(ChildHub.baseDir().resolve("target").resolve("crash-test"));
    }

    private <T extends AutoCloseable> T register(T resource) {
        cleanup.push(resource);
        return resource;
    }

    private static Map<String, Long> countByStatus(Map<UUID, String> statuses) {
        return statuses.values().stream().collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
    }

    /** When a 202 was read, relative to the kill (a response can be read just after the SIGKILL was sent). */
    private static String beforeKill(long killedAt, HubClient.Posted posted) {
        long ms = (killedAt - posted.answeredAtNanos()) / 1_000_000;
        return ms >= 0 ? ms + " ms before the kill" : -ms + " ms after the SIGKILL was sent";
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}

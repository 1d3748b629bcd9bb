package io.orderhub.crash;

import io.orderhub.testing.ChildHub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kill -9 soak ({@code ./run.sh bench soak}, bench/soak-bench.sh): one queue database, many hub lives. Each
 * cycle starts the hub as a child JVM on that database, loads it with orders over HTTP and kills it with SIGKILL at a
 * random moment of one phase:
 * <ul>
 *   <li>{@code startup}: at a random time between the spawn and the usual moment the API answers (JVM, Camel,
 *   opening the database, Flyway's validation, taking back DELIVERING claims, starting routes);</li>
 *   <li>{@code intake}: after a random number of 202s, with deliveries running beside the intake;</li>
 *   <li>{@code delivery}: while requests are at a slow ERP (400 ms each), a random delay after the first arrived;</li>
 *   <li>{@code shutdown}: at a random time after SIGTERM, while Camel stops and H2 closes its file (H2 writes its
 *   last chunk and compacts the file on close: the nearest thing to a checkpoint; with WRITE_DELAY=0 there is no
 *   background writer that would do it while running);</li>
 *   <li>{@code migration}: on a fresh database of its own, at a random time between the hub opening the database and
 *   Flyway having applied every migration; the next start must finish the migrations.</li>
 * </ul>
 * The ERP ({@link ErpStandIn}) runs in this JVM and survives every kill. After each kill the database is opened
 * with plain JDBC ({@link QueueSnapshot}) and checked: every order that got a 202 is there exactly once, nothing is
 * there that was not sent, and every key the ERP received is an order of the hub (nothing else arrived). The next
 * cycle's start is the restart: it must reach the API with no H2 error in its log. At the end a last hub delivers
 * everything and stops; then every order is DELIVERED, the ERP booked exactly the hub's orders once each, under the
 * numbers the hub recorded.
 *
 * <p>A failed check keeps its evidence (the database files, every hub log of the epoch) under
 * {@code <out>/failure-<cycle>/} and starts a new epoch (fresh database, fresh ERP) so the run goes on counting.
 */
public final class CrashSoak {

    enum Phase { STARTUP, INTAKE, DELIVERY, SHUTDOWN, MIGRATION }

    /** Lines of a hub log that mean the database was hurt or refused (H2, MVStore, Flyway). */
    static final Pattern DB_ERROR = Pattern.compile(
            "File corrupted|MVStoreException|JdbcSQL\\w*Exception|org\\.h2\\.\\w+|FlywayException|"
                    + "Validate failed|failed migration|Database may be already in use|General error");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(300);
    private static final int CLIENTS = 4;

    private final Path out;
    private final QueueStore.Kind kind;
    private final Random random;
    private final String runId;
    private final Map<Phase, Integer> kills = new EnumMap<>(Phase.class);
    private final Map<Phase, Integer> notKilled = new EnumMap<>(Phase.class);
    private final List<String> failures = new ArrayList<>();
    private final Path summaryFile;
    private final List<Phase> phases;
    /** The schema a complete migration leaves (read after the calibration). */
    private SchemaState migrated;

    private Epoch epoch;
    private int epochs;
    private long startMillis = 15_000;
    private long migrationMillis = 2_000;
    private long stopMillis = 3_000;
    private long totalAccepted;
    private long totalUnanswered;
    private long totalCommittedUnanswered;
    /** Extra hub properties of every start (--hub-prop), e.g. to soak with a setting that is off by default. */
    private final Map<String, String> hubProps;

    private CrashSoak(Path out, QueueStore.Kind kind, long seed, List<Phase> phases, Map<String, String> hubProps) {
        this.out = out;
        this.hubProps = hubProps;
        this.phases = phases;
        this.kind = kind;
        this.random = new Random(seed);
        this.runId = out.getFileName().toString();
        this.summaryFile = out.resolve("soak.txt");
    }

    public static void main(String[] args) throws Exception {
        int cycles = 20;
        long minutes = 0;
        QueueStore.Kind kind = QueueStore.Kind.H2;
        long seed = System.nanoTime();
        Path out = null;
        List<Phase> phases = List.of(Phase.values());
        Map<String, String> hubProps = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cycles" -> cycles = Integer.parseInt(args[++i]);
                case "--minutes" -> minutes = Long.parseLong(args[++i]);
                case "--db" -> kind = switch (args[++i]) {
                    case "h2" -> QueueStore.Kind.H2;
                    case "pg" -> QueueStore.Kind.POSTGRES;
                    default -> throw new IllegalArgumentException("--db h2|pg, not " + args[i]);
                };
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--phases" -> phases = Stream.of(args[++i].split(",")).map(String::trim)
                        .map(n -> Phase.valueOf(n.toUpperCase())).toList();
                case "--out" -> out = Path.of(args[++i]);
                case "--hub-prop" -> {
                    String kv = args[++i];
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--hub-prop NAME=VALUE, not " + kv);
                    }
                    hubProps.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        Files.createDirectories(out);
        CrashSoak soak = new CrashSoak(out, kind, seed, phases, hubProps);
        soak.log("soak %s on %s, seed %d, phases %s, %d cycles%s%s", soak.runId, kind, seed, phases, cycles,
                minutes > 0 ? " or " + minutes + " minutes, whichever ends first" : "",
                hubProps.isEmpty() ? "" : ", hub properties " + hubProps);
        int exit = soak.run(cycles, minutes > 0 ? Duration.ofMinutes(minutes) : null);
        System.exit(exit);
    }

    private int run(int cycles, Duration limit) throws Exception {
        long t0 = System.nanoTime();
        newEpoch();
        calibrate();
        List<Phase> order = new ArrayList<>();
        int done = 0;
        for (int c = 1; c <= cycles; c++) {
            if (limit != null && System.nanoTime() - t0 > limit.toNanos()) {
                log("time limit of %s reached after %d cycles", limit, done);
                break;
            }
            if (order.isEmpty()) {
                // each block of cycles kills once in every phase, in a random order
                order.addAll(phases);
                Collections.shuffle(order, random);
            }
            Phase phase = order.remove(0);
            try {
                cycle(c, phase);
            } catch (SoakFailure f) {
                fail(c, phase, f.getMessage());
            } catch (Exception | AssertionError e) {
                fail(c, phase, "unexpected " + e);
            }
            done++;
        }
        try {
            finish(done + 1);
        } catch (SoakFailure f) {
            fail(done + 1, null, f.getMessage());
        } catch (Exception | AssertionError e) {
            fail(done + 1, null, "unexpected " + e);
        }
        epoch.close();
        summary(done, Duration.ofNanos(System.nanoTime() - t0));
        return failures.isEmpty() ? 0 : 1;
    }

    /** The first start on the fresh database: how long a start, the migrations and a graceful stop take here. */
    private void calibrate() throws Exception {
        long t0 = System.nanoTime();
        ChildHub hub = epoch.start("cycle-000-calibrate");
        long[] window = watchMigration(hub, START_TIMEOUT);
        hub.awaitApi(START_TIMEOUT);
        startMillis = millisSince(t0);
        migrationMillis = Math.max(50, (window[1] - window[0]) / 1_000_000);
        checkLog(hub, "calibration start");
        long s0 = System.nanoTime();
        hub.stop(Duration.ofSeconds(60));
        stopMillis = Math.max(200, millisSince(s0));
        migrated = SchemaState.read(epoch.store);
        log("calibration: start %d ms (migrations %d ms of it), graceful stop %d ms; migrated schema: %s", startMillis,
                migrationMillis, stopMillis, migrated);
    }

    private void cycle(int c, Phase phase) throws Exception {
        String name = "cycle-%03d-%s".formatted(c, phase.name().toLowerCase());
        if (phase == Phase.MIGRATION) {
            migrationCycle(c, name);
            return;
        }
        epoch.erp.simulator().delayMillis(phase == Phase.DELIVERY ? 400 : 10);
        long t0 = System.nanoTime();
        ChildHub hub = epoch.start(name);
        String detail;
        OrderLoad load = null;
        boolean notKilledNow = false;
        if (phase == Phase.STARTUP) {
            long at = (long) (random.nextDouble() * startMillis);
            sleepWhileAlive(hub, at);
            boolean apiUp = logContains(hub, "started in");
            detail = "kill %d ms after the spawn (start takes about %d ms)%s".formatted(at, startMillis,
                    apiUp ? ", Camel had started" : "");
            if (!hub.isAlive()) {
                throw new SoakFailure("the hub exited by itself during start-up: " + lastErrors(hub));
            }
            hub.kill();
        } else {
            awaitStart(hub);
            long started = millisSince(t0);
            startMillis = (startMillis * 3 + started) / 4;
            String prefix = epoch.poPrefix + "-C" + c;
            HubClient client = HubClient.of(hub);
            if (phase == Phase.INTAKE) {
                int after = 10 + random.nextInt(300);
                load = new OrderLoad(client, prefix, CLIENTS, 1_000_000).start();
                OrderLoad l = load;
                boolean reached = waitFor(Duration.ofSeconds(60), () -> l.acceptedCount() >= after || l.finished());
                detail = "start %d ms; kill after %d accepted (target %d)%s".formatted(started, load.acceptedCount(),
                        after, reached ? "" : ", target not reached in 60 s");
                hub.kill();
            } else if (phase == Phase.DELIVERY) {
                int orders = 20 + random.nextInt(60);
                int before = epoch.erp.requests();
                load = new OrderLoad(client, prefix, CLIENTS, orders).start();
                OrderLoad l = load;
                waitFor(Duration.ofSeconds(60), l::finished);
                boolean inFlight = waitFor(Duration.ofSeconds(30),
                        () -> epoch.erp.requests() > before && !epoch.erp.answering().isEmpty());
                long delay = random.nextInt(800);
                sleepWhileAlive(hub, delay);
                detail = ("start %d ms; %d orders posted, kill %d ms after the ERP had a request in flight (%d being"
                        + " answered at the kill)%s").formatted(started, orders, delay, epoch.erp.answering().size(),
                        inFlight ? "" : "; no request reached the ERP in 30 s");
                hub.kill();
            } else {
                int orders = 10 + random.nextInt(200);
                load = new OrderLoad(client, prefix, CLIENTS, orders).start();
                OrderLoad l = load;
                waitFor(Duration.ofSeconds(60), l::finished);
                long at = (long) (random.nextDouble() * stopMillis * 1.2);
                hub.terminate();
                boolean alive = sleepWhileAlive(hub, at);
                if (alive) {
                    hub.kill();
                    detail = "start %d ms; %d orders posted, SIGTERM, SIGKILL %d ms later (a stop takes about %d ms)"
                            .formatted(started, orders, at, stopMillis);
                } else {
                    notKilled.merge(phase, 1, Integer::sum);
                    notKilledNow = true;
                    detail = "start %d ms; %d orders posted, SIGTERM; stopped by itself before the SIGKILL planned at %d ms"
                            .formatted(started, orders, at);
                    checkLog(hub, "graceful stop");
                }
            }
            load.stop(Duration.ofSeconds(30));
            epoch.add(load);
        }
        if (!notKilledNow) {
            kills.merge(phase, 1, Integer::sum);
        }
        String state = checkAfterKill(hub, name);
        log("cycle %d %s: %s; %s", c, phase.name().toLowerCase(), detail, state);
    }

    /** A fresh database of its own, killed while the migrations run; the restart must complete them. */
    private void migrationCycle(int c, String name) throws Exception {
        Path dir = Files.createDirectories(out.resolve("work").resolve(name));
        try (QueueStore store = QueueStore.create(kind, dir)) {
            Map<String, String> props = epoch.properties(store);
            ChildHub hub = ChildHub.start(props, logs().resolve(name + ".log"));
            boolean opened = waitFor(START_TIMEOUT, () -> !hub.isAlive() || logContains(hub, "Queue database"));
            if (!opened || !hub.isAlive()) {
                hub.close();
                throw new SoakFailure("the hub did not open its database: " + lastErrors(hub));
            }
            long openedAt = System.nanoTime();
            // the calibration's window includes polling and a busier moment: most kills in its first 70 %
            long at = (long) (random.nextDouble() * migrationMillis * 0.7);
            long since = millisSince(openedAt);
            if (since < at) {
                sleepWhileAlive(hub, at - since);
            }
            boolean finishedBeforeKill = logContains(hub, "Schema at version");
            hub.kill();
            kills.merge(Phase.MIGRATION, 1, Integer::sum);
            SchemaState atKill;
            try {
                atKill = SchemaState.read(store);
            } catch (Exception e) {
                keepEvidence(c, dir, List.of(hub.log()));
                throw new SoakFailure("cannot read the database after a kill in the migrations: " + e);
            }
            ChildHub again = ChildHub.start(props, logs().resolve(name + "-restart.log"));
            try {
                awaitStart(again);
                again.stop(Duration.ofSeconds(60));
                checkLog(again, "restart after a kill in the migrations");
                SchemaState after = SchemaState.read(store);
                if (!after.equals(migrated)) {
                    throw new SoakFailure("after a kill in the migrations (%s) the restart left %s, a complete migration %s"
                            .formatted(atKill, after, migrated));
                }
            } catch (SoakFailure e) {
                again.close();
                keepEvidence(c, dir, List.of(hub.log(), again.log()));
                throw e;
            }
            log("cycle %d migration: kill %d ms after the database was opened (migrations take about %d ms)%s; at the"
                            + " kill: %s; the restart migrated to the full schema and started",
                    c, at, migrationMillis, finishedBeforeKill ? ", they had already finished" : "", atKill);
        }
        deleteTree(dir);
    }

    /** Delivers everything with a last hub, stops it and checks exactly-once delivery of every order. */
    private void finish(int c) throws Exception {
        epoch.erp.simulator().delayMillis(0);
        ChildHub hub = epoch.start("cycle-%03d-final".formatted(c));
        awaitStart(hub);
        HubClient client = HubClient.of(hub);
        long t0 = System.nanoTime();
        boolean drained = waitFor(DRAIN_TIMEOUT, () -> {
            try {
                return client.count(null) == client.count("DELIVERED");
            } catch (IOException e) {
                return false;
            }
        });
        long all = client.count(null);
        long delivered = client.count("DELIVERED");
        hub.stop(Duration.ofSeconds(60));
        checkLog(hub, "final run");
        if (!drained) {
            throw new SoakFailure("final run: %d of %d orders DELIVERED after %s".formatted(delivered, all,
                    DRAIN_TIMEOUT));
        }
        QueueSnapshot end = snapshot("after the final run");
        epoch.checkStore(end);
        epoch.checkExactlyOnce(end);
        log("final: %d orders, all DELIVERED %d ms after the last start; the ERP booked each once (%d requests, %d"
                        + " keys sent more than once)", end.rows().size(), millisSince(t0), epoch.erp.requests(),
                epoch.erp.requestsByKey().values().stream().filter(n -> n > 1).count());
    }

    /** Reads the store after a kill and checks it; returns a short description. */
    private String checkAfterKill(ChildHub hub, String name) throws SoakFailure {
        QueueSnapshot snap = snapshot("after the kill of " + name);
        epoch.checkStore(snap);
        epoch.checkErpKeys(snap);
        Map<String, Long> byStatus = snap.rows().stream()
                .collect(Collectors.groupingBy(QueueSnapshot.Row::status, TreeMap::new, Collectors.counting()));
        return "%d orders %s, file %s".formatted(snap.rows().size(), byStatus, epoch.fileSize());
    }

    private QueueSnapshot snapshot(String when) throws SoakFailure {
        try {
            return QueueSnapshot.read(epoch.store, epoch.poPrefix);
        } catch (Exception e) {
            throw new SoakFailure("cannot read the database " + when + ": " + e);
        }
    }

    /** Polls the log until the hub opened the database and until Flyway finished; returns both times (nanoTime). */
    private long[] watchMigration(ChildHub hub, Duration timeout) throws SoakFailure {
        long[] at = new long[2];
        boolean opened = waitFor(timeout, () -> !hub.isAlive() || logContains(hub, "Queue database"));
        at[0] = System.nanoTime();
        if (!opened || !hub.isAlive()) {
            throw new SoakFailure("the hub did not open its database: " + lastErrors(hub));
        }
        waitFor(timeout, () -> !hub.isAlive() || logContains(hub, "Schema at version"));
        at[1] = System.nanoTime();
        return at;
    }

    private void awaitStart(ChildHub hub) throws SoakFailure {
        try {
            hub.awaitApi(START_TIMEOUT);
        } catch (AssertionError e) {
            throw new SoakFailure("the hub did not start: " + lastErrors(hub));
        }
        checkLog(hub, "start");
    }

    private void checkLog(ChildHub hub, String when) throws SoakFailure {
        String errors = lastErrors(hub);
        if (!errors.isEmpty()) {
            throw new SoakFailure("database errors in the log of " + hub.log().getFileName() + " (" + when + "): "
                    + errors);
        }
    }

    /** The log lines that match {@link #DB_ERROR} (at most 5), or "" if none. */
    static String lastErrors(ChildHub hub) {
        try (Stream<String> lines = Files.lines(hub.log(), StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> DB_ERROR.matcher(l).find()).limit(5).collect(Collectors.joining(" | "));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + hub.log() + ")";
        }
    }

    private static boolean logContains(ChildHub hub, String text) {
        try {
            return Files.readString(hub.log(), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private void fail(int c, Phase phase, String message) throws IOException {
        String what = "cycle %d%s: FAILED: %s".formatted(c, phase == null ? " (final)" : " " + phase.name().toLowerCase(),
                message);
        failures.add(what);
        log("%s", what);
        if (phase == Phase.MIGRATION) {
            // its own database: the cycle kept it (failure-<cycle>/); the epoch's database was not touched
            log("evidence kept in %s; the epoch goes on", out.resolve("failure-" + c));
            return;
        }
        if (epoch.store.kind() == QueueStore.Kind.H2) {
            keepEvidence(c, epoch.dir, epoch.logs);
        } else {
            keepEvidence(c, null, epoch.logs);
        }
        log("evidence kept in %s; a new epoch (fresh database, fresh ERP) goes on", out.resolve("failure-" + c));
        epoch.close();
        newEpoch();
    }

    private void keepEvidence(int c, Path dbDir, List<Path> hubLogs) throws IOException {
        Path target = Files.createDirectories(out.resolve("failure-" + c));
        if (dbDir != null && Files.isDirectory(dbDir)) {
            try (Stream<Path> files = Files.list(dbDir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        for (Path l : hubLogs) {
            if (Files.exists(l)) {
                Files.copy(l, target.resolve(l.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void newEpoch() throws IOException {
        epochs++;
        if (epoch != null) {
            deleteTree(epoch.dir);
        }
        Path dir = Files.createDirectories(out.resolve("work").resolve("epoch-" + epochs));
        epoch = new Epoch(dir, QueueStore.create(kind, dir), ErpStandIn.start(),
                "SOAK-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase());
        log("epoch %d: %s, ERP stand-in %s, PO numbers %s-*", epochs, epoch.store, epoch.erp.url(), epoch.poPrefix);
    }

    private void summary(int cycles, Duration took) {
        long totalKills = kills.values().stream().mapToInt(Integer::intValue).sum();
        log("");
        log("SUMMARY soak %s on %s: %d cycles in %d min %d s, %d epoch(s)", runId, kind, cycles, took.toMinutes(),
                took.toSecondsPart(), epochs);
        log("  kills (SIGKILL) by phase: %s, %d in all; SIGTERM finished before the planned kill: %s", kills,
                totalKills, notKilled);
        log("  orders: %d accepted (202), %d posts without an answer (in flight at a kill), %d of those committed anyway",
                totalAccepted + epoch.accepted.size(), totalUnanswered + epoch.unanswered.size(),
                totalCommittedUnanswered + epoch.committedUnanswered());
        log("  failures: %d%s", failures.size(), failures.isEmpty() ? "" : "\n    " + String.join("\n    ", failures));
        log("  result: %s", failures.isEmpty() ? "PASS" : "FAIL");
    }

    private Path logs() throws IOException {
        return Files.createDirectories(out.resolve("logs"));
    }

    void log(String format, Object... args) {
        String line = String.format(format, args);
        String stamped = (line.isEmpty() ? "" : "[soak " + Instant.now().toString().substring(11, 19) + "] ") + line;
        System.out.println(stamped);
        try {
            Files.writeString(summaryFile, stamped + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One database and one ERP, and what was sent to them across the hub lives that used them. */
    private final class Epoch implements AutoCloseable {

        final Path dir;
        final QueueStore store;
        final ErpStandIn erp;
        final String poPrefix;
        final Map<UUID, HubClient.Posted> accepted = new HashMap<>();
        final Set<String> unanswered = new HashSet<>();
        final List<Path> logs = new ArrayList<>();
        private Set<UUID> lastIds = Set.of();

        Epoch(Path dir, QueueStore store, ErpStandIn erp, String poPrefix) {
            this.dir = dir;
            this.store = store;
            this.erp = erp;
            this.poPrefix = poPrefix;
        }

        Map<String, String> properties(QueueStore target) {
            Map<String, String> props = new LinkedHashMap<>(target.hubProperties());
            props.put("orderhub.erp.url", erp.url());
            props.put("orderhub.erp.simulator.enabled", "false");
            props.put("orderhub.drop.folder-base", dir.resolve("drops").toAbsolutePath().toString());
            props.put("orderhub.erp.poll-interval-ms", "50");
            props.putAll(hubProps);
            return props;
        }

        ChildHub start(String name) throws IOException {
            Path log = logs().resolve(name + ".log");
            logs.add(log);
            return ChildHub.start(properties(store), log);
        }

        void add(OrderLoad load) {
            load.acceptedById().forEach(accepted::put);
            unanswered.addAll(load.unanswered().keySet());
        }

        /** Every 202 is in the store once; every order in the store was sent; no PO number twice; none vanished. */
        void checkStore(QueueSnapshot snap) throws SoakFailure {
            Set<UUID> ids = snap.ids();
            Set<UUID> lost = new HashSet<>(accepted.keySet());
            lost.removeAll(ids);
            if (!lost.isEmpty()) {
                throw new SoakFailure("%d of %d orders that got a 202 are not in the store, e.g. %s".formatted(
                        lost.size(), accepted.size(), lost.stream().limit(5).map(id -> accepted.get(id).poNumber())
                                .toList()));
            }
            Set<UUID> vanished = new HashSet<>(lastIds);
            vanished.removeAll(ids);
            if (!vanished.isEmpty()) {
                throw new SoakFailure("%d orders seen in the store after an earlier kill are gone, e.g. %s".formatted(
                        vanished.size(), vanished.stream().limit(5).toList()));
            }
            if (!snap.repeatedPoNumbers().isEmpty()) {
                throw new SoakFailure("PO numbers with more than one order: " + snap.repeatedPoNumbers());
            }
            List<String> strangers = snap.rows().stream()
                    .filter(r -> !accepted.containsKey(r.id()) && !unanswered.contains(r.poNumber()))
                    .map(r -> r.poNumber() + " " + r.id()).limit(5).toList();
            if (!strangers.isEmpty()) {
                throw new SoakFailure("orders in the store that were neither accepted nor in flight: " + strangers);
            }
            lastIds = ids;
        }

        /** Every key the ERP saw is an order of the hub; a DELIVERED order carries the number the ERP booked. */
        void checkErpKeys(QueueSnapshot snap) throws SoakFailure {
            if (erp.requestsWithoutKey() > 0) {
                throw new SoakFailure(erp.requestsWithoutKey() + " ERP requests without an Idempotency-Key");
            }
            Set<String> orderKeys = snap.ids().stream().map(UUID::toString).collect(Collectors.toSet());
            List<String> unknown = erp.requestsByKey().keySet().stream().filter(k -> !orderKeys.contains(k)).limit(5)
                    .toList();
            if (!unknown.isEmpty()) {
                throw new SoakFailure("the ERP received keys that are no order of the hub: " + unknown);
            }
            var booked = erp.simulator().bookingsByKey();
            for (QueueSnapshot.Row r : snap.rows()) {
                if ("DELIVERED".equals(r.status())) {
                    var b = booked.get(r.id().toString());
                    if (b == null || !b.erpOrderNumber().equals(r.erpOrderNumber())) {
                        throw new SoakFailure("order %s is DELIVERED with ERP number %s, the ERP booked %s".formatted(
                                r.id(), r.erpOrderNumber(), b == null ? "nothing" : b.erpOrderNumber()));
                    }
                }
            }
        }

        /** After the final run: every order DELIVERED, and the ERP booked exactly these orders, once each. */
        void checkExactlyOnce(QueueSnapshot end) throws SoakFailure {
            List<String> notDelivered = end.rows().stream().filter(r -> !"DELIVERED".equals(r.status()))
                    .map(r -> r.id() + " " + r.status()).limit(5).toList();
            if (!notDelivered.isEmpty()) {
                throw new SoakFailure("orders not DELIVERED at the end: " + notDelivered);
            }
            checkErpKeys(end);
            Set<String> orderKeys = end.ids().stream().map(UUID::toString).collect(Collectors.toSet());
            var booked = erp.simulator().bookingsByKey();
            if (!booked.keySet().equals(orderKeys)) {
                Set<String> missing = new HashSet<>(orderKeys);
                missing.removeAll(booked.keySet());
                throw new SoakFailure("ERP bookings != the hub's orders; not booked: " + missing.stream().limit(5).toList());
            }
            long distinct = booked.values().stream().map(b -> b.erpOrderNumber()).distinct().count();
            if (distinct != booked.size()) {
                throw new SoakFailure("%d bookings under %d distinct ERP numbers".formatted(booked.size(), distinct));
            }
        }

        long committedUnanswered() {
            return lastIds.stream().filter(id -> !accepted.containsKey(id)).count();
        }

        String fileSize() {
            Path f = dir.resolve("orderhub.mv.db");
            try {
                return Files.exists(f) ? "%.1f MB".formatted(Files.size(f) / 1e6) : "-";
            } catch (IOException e) {
                return "?";
            }
        }

        @Override
        public void close() {
            totalAccepted += accepted.size();
            totalUnanswered += unanswered.size();
            totalCommittedUnanswered += committedUnanswered();
            accepted.clear();
            unanswered.clear();
            lastIds = Set.of();
            erp.close();
            store.close();
        }
    }

    /** Flyway's history (rows, failed rows, newest version) and the tables of the store's schema. */
    record SchemaState(int historyRows, int failedRows, String version, int tables) {

        static SchemaState read(QueueStore store) throws java.sql.SQLException {
            try (java.sql.Connection c = store.connect(); java.sql.Statement st = c.createStatement()) {
                int tables;
                try (java.sql.ResultSet rs = st.executeQuery("select count(*) from information_schema.tables"
                        + " where table_schema = current_schema and table_type = 'BASE TABLE'")) {
                    rs.next();
                    tables = rs.getInt(1);
                }
                try (java.sql.ResultSet rs = st.executeQuery("select count(*), sum(case when success then 0 else 1 end),"
                        + " max(installed_rank) from flyway_schema_history")) {
                    rs.next();
                    int rows = rs.getInt(1);
                    int failed = rs.getInt(2);
                    int newest = rs.getInt(3);
                    String version = null;
                    try (java.sql.ResultSet v = st.executeQuery("select version from flyway_schema_history"
                            + " where installed_rank = " + newest)) {
                        if (v.next()) {
                            version = v.getString(1);
                        }
                    }
                    return new SchemaState(rows, failed, version, tables);
                } catch (java.sql.SQLException e) {
                    // no history table yet: Flyway had not begun
                    return new SchemaState(0, 0, null, tables);
                }
            }
        }

        @Override
        public String toString() {
            return "history %d rows (%d failed) at version %s, %d tables".formatted(historyRows, failedRows, version,
                    tables);
        }
    }

    /** A check that failed: its message says what was wrong. */
    static final class SoakFailure extends Exception {
        SoakFailure(String message) {
            super(message);
        }
    }

    private static boolean waitFor(Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(10);
        }
        return true;
    }

    /** Sleeps, returning early if the hub exits; true if it is still alive. */
    private static boolean sleepWhileAlive(ChildHub hub, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline && hub.isAlive()) {
            sleep(Math.min(5, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
        return hub.isAlive();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

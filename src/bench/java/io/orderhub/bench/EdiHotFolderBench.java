package io.orderhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.edi.EdiSamples;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * EDI end to end through a hot folder into committed queue rows, with the hub as its own process (-Xmx512m, H2 file,
 * ERP delivery idle so only intake is measured):
 * <ol>
 *   <li>time from starting the hub's JVM to the first EDI order committed (a file already waiting in the folder), for
 *       a first start without and with a class-data archive and for a restart on an existing database;</li>
 *   <li>3-line EDIFACT orders/s: files of {@code messagesPerFile} messages dropped at once, until all are committed
 *       (the normal pipeline: map, validate, group commit);</li>
 *   <li>the same for one large file (over the 1 MB streaming threshold: message by message, one transaction).</li>
 * </ol>
 * Arguments: work directory, number of files, messages per file, messages of the large file.
 */
public final class EdiHotFolderBench {

    static final String PARTNER = "EDI-BENCH";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private EdiHotFolderBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        int files = Integer.parseInt(args[1]);
        int perFile = Integer.parseInt(args[2]);
        int large = Integer.parseInt(args[3]);
        // warm-up rounds of the measured shape before the measured one: the JIT compilers take most of a core for
        // the first ~30 s of EDI load, which is start-up, not throughput
        int warmRounds = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        Path inbox = work.resolve("inbox");
        Files.createDirectories(inbox);
        Path partners = work.resolve("partners-bench.yaml");
        Files.writeString(partners, """
                partners:
                  - id: %s
                    name: EDI benchmark partner
                    customers:
                      - id: "4012345000009"
                        name: ACME Retail GmbH
                    drop:
                      type: folder
                      folder: "%s"
                      include: "*.edi"
                      pollMs: 100
                      complete: rename
                      concurrency: %d
                """.formatted(PARTNER, inbox, Integer.getInteger("edi.bench.drop.concurrency", 2)));
        // three starts, each with one EDI file already waiting: (1) empty database and no class-data archive (the
        // JVM writes one when this hub stops, as ./run.sh has it); (2) the same database again, with the archive;
        // (3) an empty database with the archive, which then takes the load
        Path archive = work.resolve("hub.jsa");
        System.out.printf("EDI end to end (hub -Xmx512m, H2, hot folder, ERP idle)%n");
        Hub first = startMeasured(work, partners, inbox, "db1", 1, "first start, empty database, no class-data archive",
                "-XX:ArchiveClassesAtExit=" + archive);
        first.stop();
        startMeasured(work, partners, inbox, "db1", 2, "restart on that database, with the class-data archive",
                "-XX:SharedArchiveFile=" + archive).stop();
        Hub hub = startMeasured(work, partners, inbox, "db2", 1, "first start, empty database, with the class-data archive",
                "-XX:SharedArchiveFile=" + archive);
        int port = hub.port();
        try {
            long expected = 1;
            // warm-up: the same shape as the measured round
            for (int w = 0; w < warmRounds; w++) {
                expected = round(inbox, port, hub.process(), "warm" + w, files, perFile, expected, false);
            }
            expected = round(inbox, port, hub.process(), "run", files, perFile, expected, true);
            round(inbox, port, hub.process(), "large", 1, large, expected, true);
            // every generated order is valid and from its own interchange: none may wait for review
            System.out.printf("orders in NEEDS_REVIEW (expected 0): %d%n", total(port, "&status=NEEDS_REVIEW"));
        } finally {
            hub.stop();
        }
    }

    /** A hub process and its API port. */
    private record Hub(Process process, int port) {
        void stop() throws InterruptedException {
            process.destroy(); // SIGTERM: a normal stop, after which the JVM writes a class-data archive if asked
            if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * Starts a hub on database {@code db} with one EDI file waiting in the folder and prints the time from starting
     * its JVM until the API counts {@code expected} orders of the partner.
     */
    private static Hub startMeasured(Path work, Path partners, Path inbox, String db, long expected, String what,
                                     String... jvmOptions) throws Exception {
        drop(inbox, "first-" + db + "-" + expected, 1, 3);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Dorderhub.http.host=127.0.0.1",
                "-Dorderhub.http.port=" + port, "-Dorderhub.management.port=" + freePort(),
                "-Dorderhub.partners.file=" + partners,
                "-Dorderhub.db.url=jdbc:h2:file:" + work.resolve(db).resolve("orderhub")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "-Dorderhub.erp.poll-interval-ms=3600000"));
        command.addAll(1, List.of(jvmOptions));
        // further options for the hub's JVM (HUB_JVM_ARGS of bench/edi-bench.sh), separated by spaces
        String jvmArgs = System.getProperty("edi.bench.hub.jvm-args", "").strip();
        if (!jvmArgs.isEmpty()) {
            command.addAll(1, List.of(jvmArgs.split("\\s+")));
        }
        // the hub's fat jar, or (-Dedi.bench.hub.classpath=...) a class path, e.g. target/classes and its dependencies
        String classpath = System.getProperty("edi.bench.hub.classpath");
        command.addAll(classpath == null ? List.of("-jar", "target/orderhub.jar")
                : List.of("-cp", classpath, "io.orderhub.OrderHubApplication"));
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true).redirectOutput(work.resolve("hub-" + db + "-" + expected + ".log").toFile())
                .start();
        try {
            awaitTotal(port, expected, Duration.ofMinutes(3), process);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
        System.out.printf("start of the hub JVM -> first EDI order committed: %6.0f ms  (%s)%n",
                (System.nanoTime() - t0) / 1e6, what);
        return new Hub(process, port);
    }

    private static long round(Path inbox, int port, Process hub, String name, int files, int perFile, long before,
                              boolean print) throws Exception {
        List<Path> staged = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            staged.add(stage(inbox, name + "-" + f, perFile, 3));
        }
        long t0 = System.nanoTime();
        for (Path p : staged) {
            Files.move(p, p.resolveSibling(p.getFileName().toString().replace(".tmp", ".edi")), StandardCopyOption.ATOMIC_MOVE);
        }
        long expected = before + (long) files * perFile;
        awaitTotal(port, expected, Duration.ofMinutes(10), hub);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (print) {
            System.out.printf("%-6s %3d file(s) x %6d 3-line EDIFACT orders: %7.0f orders/s committed (%.1f s)%n",
                    name, files, perFile, (double) files * perFile / seconds, seconds);
        }
        return expected;
    }

    private static void drop(Path inbox, String name, int messages, int lines) throws IOException {
        Path p = stage(inbox, name, messages, lines);
        Files.move(p, p.resolveSibling(name + ".edi"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Interchange control numbers, one per file: a repeated one would make every order a duplicate interchange. */
    private static int nextInterchange = 1001;

    /** A file under a name the drop does not read yet; PO numbers and the interchange control number unique per file. */
    private static Path stage(Path inbox, String name, int messages, int lines) throws IOException {
        String control = String.valueOf(nextInterchange++);
        String edi = EdiSamples.edifact("4012345000009", messages, lines).replace("BGM+220+PO-", "BGM+220+" + name + "-")
                .replace(":1200+1001'", ":1200+" + control + "'").replaceFirst("(?m)^(UNZ\\+\\d+\\+)1001'", "$1" + control + "'");
        Path p = inbox.resolve(name + ".tmp");
        Files.writeString(p, edi, StandardCharsets.ISO_8859_1);
        return p;
    }

    private static void awaitTotal(int port, long expected, Duration max, Process hub) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (!hub.isAlive()) {
                throw new IllegalStateException("the hub exited; see hub.log");
            }
            if (total(port) >= expected) {
                return;
            }
            // each poll counts the orders with a query: not too often under load, it takes CPU from the hub
            Thread.sleep(expected <= 1 ? 20 : 100);
        }
        throw new IllegalStateException("fewer than " + expected + " orders committed within " + max);
    }

    private static long total(int port) {
        return total(port, "");
    }

    private static long total(int port, String filter) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/orders?sender=" + PARTNER + "&limit=1" + filter)).header("X-API-Key", "demo")
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()).path("total").asLong() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

package io.orderhub.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub as a separate JVM, so that a test can kill it with SIGKILL at a chosen moment: the main class on the
 * test class path, working directory the project root (routes/ and mappings/ resolve), configured only by -D
 * options, stdout and stderr in one log file. The crash tests (crash, drop, mail), the large-file test and the soak
 * benchmark share it: start, wait for the API or for a marker file, kill, stop.
 *
 * <p>{@link #start} does not wait: a caller that kills during start-up needs the process at once; the others call
 * {@link #awaitApi} or {@link #awaitMarker}.
 */
public final class ChildHub implements AutoCloseable {

    public static final String MAIN_CLASS = "io.orderhub.OrderHubApplication";
    public static final String API_KEY = "demo";
    /** Quicker start on a small machine: C1 only, one GC thread. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC");

    /** Children not yet closed; killed by a shutdown hook if the test JVM ends without closing them. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final Pattern H2_FILE_URL = Pattern.compile("^(jdbc:h2:file:)([^;]*)(.*)$");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "child-hub-reaper"));
    }

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    private ChildHub(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A child hub with the default JVM options. */
    public static ChildHub start(Map<String, String> properties, Path log) {
        return start(properties, log, DEFAULT_JVM_OPTIONS);
    }

    /**
     * Starts a child hub and returns at once. Loopback HTTP and management ports are chosen here unless the
     * properties name them; ORDERHUB_* and CAMEL_* variables of this environment are not passed on (the -D values
     * must win). The command line is written next to the log ({log}.command.txt).
     */
    public static ChildHub start(Map<String, String> properties, Path log, List<String> jvmOptions) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("orderhub.http.host", "127.0.0.1");
        props.putAll(properties);
        props.computeIfAbsent("orderhub.http.port", k -> String.valueOf(freePort()));
        props.computeIfAbsent("orderhub.management.port", k -> String.valueOf(freePort()));

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        props.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN_CLASS);

        ProcessBuilder builder = new ProcessBuilder(command).directory(baseDir().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("ORDERHUB_") || k.startsWith("CAMEL_"));
        try {
            Files.writeString(Path.of(log + ".command.txt"), String.join("\n", command) + "\n", StandardCharsets.UTF_8);
            Process process = builder.start();
            LIVE.add(process);
            String name = log.getFileName().toString().replaceFirst("\\.log$", "");
            return new ChildHub(name, process, Integer.parseInt(props.get("orderhub.http.port")), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a child hub: " + e.getMessage(), e);
        }
    }

    /** The project base directory: where routes/ and mappings/ are. */
    public static Path baseDir() {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("routes")) || !Files.isDirectory(dir.resolve("mappings"))) {
            throw new IllegalStateException("No routes/ and mappings/ under " + dir + "; run from the project");
        }
        return dir;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The embedded default's H2 URL (orderhub.db.url of application.properties, with its settings) with the file
     * moved to {@code dir/orderhub}, the file {@link TestHub} uses for the same directory.
     */
    public static String h2Url(Path dir) {
        Properties defaults = new Properties();
        try (InputStream in = ChildHub.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is not on the class path");
            }
            defaults.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String configured = defaults.getProperty("orderhub.db.url", "").trim();
        Matcher m = H2_FILE_URL.matcher(configured);
        if (!m.matches()) {
            throw new IllegalStateException("orderhub.db.url is not an H2 file URL: " + configured);
        }
        return m.group(1) + dir.resolve("orderhub").toAbsolutePath() + m.group(3);
    }

    /** Waits until the REST routes answer (GET /api/orders with the demo key is 200); fails if the child dies. */
    public ChildHub awaitApi(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!answers()) {
            if (!process.isAlive()) {
                throw new AssertionError("hub " + name + " exited with " + process.exitValue()
                        + " before it answered; see " + log + "\n" + tail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("hub " + name + " not answering on port " + port + " after " + timeout
                        + "; see " + log + "\n" + tail(40));
            }
            sleep(200);
        }
        return this;
    }

    /** Waits until the child has written the marker file (a test pause point); fails if it dies first. */
    public ChildHub awaitMarker(Path marker, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(marker)) {
            if (!process.isAlive()) {
                throw new AssertionError("hub " + name + " exited before " + marker.getFileName() + "; see " + log
                        + "\n" + tail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + marker + " from hub " + name + " after " + timeout + "; see " + log);
            }
            sleep(20);
        }
        return this;
    }

    private boolean answers() {
        try {
            HttpRequest r = HttpRequest.newBuilder(uri().resolve("/api/orders?limit=1")).timeout(Duration.ofSeconds(5))
                    .header("X-API-Key", API_KEY).GET().build();
            return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** kill -9 (Process.destroyForcibly is SIGKILL on Linux): no shutdown hook, nothing flushed. Returns the exit code. */
    public int kill() {
        process.destroyForcibly();
        return awaitExit(Duration.ofSeconds(30), "SIGKILL");
    }

    /** A graceful stop (SIGTERM, Camel's shutdown); SIGKILL if that takes longer than the timeout. */
    public int stop(Duration timeout) {
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    /** Sends SIGTERM and returns at once (a caller that kills during the shutdown). */
    public void terminate() {
        process.destroy();
    }

    private int awaitExit(Duration timeout, String what) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("hub " + name + " (pid " + pid() + ") alive " + timeout + " after " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        LIVE.remove(process);
        return process.exitValue();
    }

    /** The last lines of the log, for failure messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        LIVE.remove(process);
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ", log " + log + ")";
    }
}

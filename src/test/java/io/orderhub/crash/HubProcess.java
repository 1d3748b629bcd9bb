package io.orderhub.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The hub as a child JVM ({@code io.orderhub.OrderHubApplication} on the test class path, working directory = the
 * project base directory so routes/ and mappings/ resolve), configured only by -D system properties. Its stdout and
 * stderr go to files under target/crash-test/.
 */
final class HubProcess implements AutoCloseable {

    static final String MAIN_CLASS = "io.orderhub.OrderHubApplication";

    /** Children not yet closed; killed by a shutdown hook if the test JVM ends without closing them. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "crash-test-child-reaper"));
    }

    private final String name;
    private final Process process;
    private final int port;
    private final Path stdout;
    private final Path stderr;

    private HubProcess(String name, Process process, int port, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The project base directory: where routes/ and mappings/ are. */
    static Path baseDir() {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("routes")) || !Files.isDirectory(dir.resolve("mappings"))) {
            throw new IllegalStateException("No routes/ and mappings/ under " + dir + "; run the test from the project");
        }
        return dir;
    }

    static Path logDir() throws IOException {
        return Files.createDirectories(baseDir().resolve("target").resolve("crash-test"));
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts a hub with the given properties (on top of fresh loopback ports) and waits until its API answers.
     *
     * @param name names the log files: target/crash-test/{name}.stdout.log and .stderr.log
     */
    static HubProcess start(String name, Map<String, String> properties, Duration startTimeout) throws IOException {
        int port = freePort();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("orderhub.http.host", "127.0.0.1");
        props.put("orderhub.http.port", String.valueOf(port));
        props.put("orderhub.management.port", String.valueOf(freePort()));
        props.putAll(properties);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        // quicker start on small machines: C1 only, one GC thread
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        props.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN_CLASS);

        Path logs = logDir();
        Path out = logs.resolve(name + ".stdout.log");
        Path err = logs.resolve(name + ".stderr.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(baseDir().toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // the hub reads ORDERHUB_* (and Camel reads CAMEL_*) environment variables; the test's -D values must win
        builder.environment().keySet().removeIf(k -> k.startsWith("ORDERHUB_") || k.startsWith("CAMEL_"));
        Files.writeString(logs.resolve(name + ".command.txt"), String.join("\n", command) + "\n", StandardCharsets.UTF_8);

        Process process = builder.start();
        LIVE.add(process);
        HubProcess hub = new HubProcess(name, process, port, out, err);
        try {
            hub.awaitApi(startTimeout);
        } catch (RuntimeException | Error e) {
            hub.close();
            throw e;
        }
        return hub;
    }

    private void awaitApi(Duration timeout) {
        HubClient client = client();
        await("hub " + name + " answering on port " + port).atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("hub " + name + " exited with " + process.exitValue()
                                + " before it answered; see " + stdout + "\n" + tail(40));
                    }
                    return client.isUp();
                });
    }

    HubClient client() {
        return new HubClient(URI.create("http://127.0.0.1:" + port));
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: Process.destroyForcibly is SIGKILL on Linux. Returns the exit code. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            throw new AssertionError("hub " + name + " (pid " + pid() + ") still alive 15 s after SIGKILL");
        }
        return process.exitValue();
    }

    /** A graceful stop (SIGTERM, Camel's shutdown); forcibly if that takes longer than the timeout. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return kill();
        }
        return process.exitValue();
    }

    /** The last lines of the hub's stdout, for failure messages. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(stdout, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + stdout + ": " + e.getMessage() + ")";
        }
    }

    Path stdout() {
        return stdout;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!process.isAlive()) {
            LIVE.remove(process);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ", log " + stdout + ", " + stderr.getFileName() + ")";
    }
}

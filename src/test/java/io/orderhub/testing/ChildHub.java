package io.orderhub.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The hub as a separate JVM (same classpath as the tests, working directory the project root, properties as
 * -D options), so that a test can kill it with SIGKILL at a chosen moment.
 */
public final class ChildHub implements AutoCloseable {

    private final Process process;

    private ChildHub(Process process) {
        this.process = process;
    }

    public static ChildHub start(Map<String, String> properties, Path log) {
        // quicker start on a small machine: C1 only, one GC thread
        return start(properties, log, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    }

    /** A child hub with these JVM options instead of the default ones (e.g. full JIT for a long run). */
    public static ChildHub start(Map<String, String> properties, Path log, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("io.orderhub.OrderHubApplication");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        try {
            return new ChildHub(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no route stop, nothing flushed that was not already written. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the child hub did not die");
            }
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
    }
}

package io.orderhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How the machine's cores were shared during a window: CPU time of the server process, of this generator, and of
 * the whole machine, read from Linux's /proc. Percentages are of one core (200 % = both cores of a 2-core machine).
 * Where /proc cannot be read the numbers are left out.
 */
final class CpuUsage {

    /**
     * Tick counters at one moment: server process, the server's JIT compiler threads, this process, machine busy and
     * machine total.
     */
    record Snapshot(long server, long serverJit, long self, long busy, long total) {
    }

    private final long serverPid;
    private final int cores = Runtime.getRuntime().availableProcessors();

    CpuUsage(long serverPid) {
        this.serverPid = serverPid;
    }

    Snapshot now() {
        try {
            long[] machine = machineTicks();
            return new Snapshot(serverPid > 0 ? processTicks(serverPid) : -1, serverPid > 0 ? jitTicks(serverPid) : -1,
                    processTicks(ProcessHandle.current().pid()), machine[0], machine[1]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Adds cpu.server.pct, cpu.server.jit.pct (the server's C1/C2 compiler threads: a window in which the JIT still
     * compiles measures a server that is not warm yet), cpu.generator.pct and cpu.machine.pct for the window between
     * two snapshots.
     */
    void writeTo(Results r, Snapshot from, Snapshot to) {
        if (from == null || to == null || to.total() <= from.total()) {
            return;
        }
        double perCore = (double) (to.total() - from.total()) / cores;
        if (from.server() >= 0 && to.server() >= 0) {
            r.put("cpu.server.pct", pct((to.server() - from.server()) / perCore));
        }
        if (from.serverJit() >= 0 && to.serverJit() >= 0) {
            r.put("cpu.server.jit.pct", pct((to.serverJit() - from.serverJit()) / perCore));
        }
        r.put("cpu.generator.pct", pct((to.self() - from.self()) / perCore));
        r.put("cpu.machine.pct", pct((to.busy() - from.busy()) / perCore));
        r.put("cpu.cores", cores);
    }

    private static String pct(double fractionOfCore) {
        return String.format(Locale.ROOT, "%.0f", fractionOfCore * 100);
    }

    /** utime + stime of a process. */
    private static long processTicks(long pid) throws IOException {
        return ticks(Files.readString(Path.of("/proc/" + pid + "/stat")));
    }

    /** utime + stime from a stat line of a process or thread (fields 14 and 15, counted after the command name). */
    private static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** utime + stime of the process's JIT compiler threads (named "C1 CompilerThre…" and "C2 CompilerThre…"). */
    private static long jitTicks(long pid) throws IOException {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.contains("CompilerThre")) {
                        sum += ticks(stat);
                    }
                } catch (IOException e) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return sum;
    }

    /** Busy and total ticks of all cores from the first line of /proc/stat. */
    private static long[] machineTicks() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {total - idle, total};
    }
}

package io.orderhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Prints the summary table of a bench run from the result files in one directory: {@code config},
 * {@code bare-max}, and per database d (h2, pg) {@code d-max}, {@code d-max-db}, {@code d-rate}, {@code d-rate-db},
 * {@code d-max-heap}, {@code d-rate-heap} (each {@code .properties}). Each number that has a target is followed
 * by PASS or MISS. Usage: {@code BenchSummary <results dir>}.
 */
public final class BenchSummary {

    private static final int LABEL = 40;
    private static final int CELL = 56;

    private final Path dir;
    private final Properties config;
    private final List<String> dbs = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private int misses;

    private BenchSummary(Path dir) throws IOException {
        this.dir = dir;
        this.config = Results.read(dir.resolve("config.properties"));
        for (String db : config.getProperty("dbs", "h2").split(",")) {
            if (!db.isBlank()) {
                dbs.add(db.trim());
            }
        }
    }

    public static void main(String[] args) throws IOException {
        System.out.print(new BenchSummary(Path.of(args[0])).render());
    }

    private Properties result(String name) throws IOException {
        return Results.read(dir.resolve(name + ".properties"));
    }

    String render() throws IOException {
        int rate = Integer.parseInt(config.getProperty("rate", "1000"));
        out.append(String.format(Locale.ROOT, "Results (%s s measured after %s s warm-up, %s connections, hub -Xmx512m)%n",
                config.getProperty("duration"), config.getProperty("warmup"), config.getProperty("connections")));
        out.append(String.format(Locale.ROOT, "(c) follows %s s of closed-loop warm-up, an emptied queue and %s s at the"
                + " fixed rate%n", config.getProperty("warmup"), config.getProperty("rate.warmup", "?")));
        List<String> header = new ArrayList<>();
        for (String db : dbs) {
            header.add(dbName(db) + (available(db) ? "" : " (" + config.getProperty(db + ".status", "not run") + ")"));
        }
        row("", header);
        Properties bare = result("bare-max");
        double bareRate = number(bare, "accepted.per.s");

        section("(a) max throughput, closed loop");
        row("accepted orders/s", cells(db -> {
            double v = number(result(db + "-max"), "accepted.per.s");
            return v < 0 ? "n/a" : fmt(v, 0) + "  " + judge(db.equals("h2")
                    ? Verdict.atLeast(v, 5_000, ">= 5,000") : Verdict.atLeast(v, 2_000, ">= 2,000"));
        }));
        row("accept latency p50 / p99 ms", cells(db -> latency(result(db + "-max"))));
        row("not accepted / failed requests", cells(db -> failures(result(db + "-max"))));
        row("orders of the phase in the queue", cells(db -> statuses(result(db + "-max-db"))));
        row("CPU % hub / generator / others", cells(db -> cpu(result(db + "-max"))));
        row("  of the hub: JIT compiler threads", cells(db -> jit(result(db + "-max"))));

        section("(b) bare platform-http route (discard, 202)");
        row("accepted orders/s", List.of(bareRate < 0 ? "n/a" : fmt(bareRate, 0)));
        row("CPU % server / generator / others", List.of(cpu(bare)));
        row("hub throughput / bare", cells(db -> {
            double v = number(result(db + "-max"), "accepted.per.s");
            if (v < 0 || bareRate <= 0) {
                return "n/a";
            }
            double pct = 100 * v / bareRate;
            return fmt(pct, 1) + " %" + (db.equals("h2") ? "  " + judge(Verdict.atLeast(pct, 10, ">= 10 %")) : "");
        }));

        section("(c) fixed rate " + fmt(rate, 0) + " orders/s");
        row("accepted orders/s", cells(db -> {
            Properties p = result(db + "-rate");
            double v = number(p, "accepted.per.s");
            return v < 0 ? "n/a" : fmt(v, 1) + "  (" + fmt(number(p, "accepted"), 0) + " accepted)";
        }));
        row("not accepted / failed / skipped", cells(db -> {
            Properties p = result(db + "-rate");
            return p.isEmpty() ? "n/a" : failures(p) + " / " + p.getProperty("skipped", "0");
        }));
        row("accept latency p50 / p99 ms", cells(db -> {
            Properties p = result(db + "-rate");
            double p99 = number(p, "latency.p99.ms");
            if (p.isEmpty()) {
                return "n/a";
            }
            boolean allAnswered = number(p, "failures") == 0 && number(p, "skipped") == 0;
            return p99 < 0 ? "no answer  " + judge(new Verdict(false, "< 50")) : latency(p) + "  " + judge(new Verdict(p99 >= 0 && p99 < 50 && allAnswered,
                    allAnswered ? "< 50" : "< 50, all answered"));
        }));
        row("accepted->DELIVERED p50 / p99 ms", cells(db -> {
            Properties p = result(db + "-rate-db");
            double p99 = number(p, "delivered.p99.ms");
            boolean allDelivered = number(p, "delivered.count") == number(p, "orders.total");
            return p99 < 0 ? "n/a" : fmt(number(p, "delivered.p50.ms"), 0) + " / " + fmt(p99, 0) + "  "
                    + judge(new Verdict(p99 < 1_000 && allDelivered,
                    allDelivered ? "< 1,000" : "< 1,000, all delivered"));
        }));
        row("accepted->DELIVERED max ms", cells(db -> {
            double v = number(result(db + "-rate-db"), "delivered.max.ms");
            return v < 0 ? "n/a" : fmt(v, 0);
        }));
        row("orders of the phase in the queue", cells(db -> statuses(result(db + "-rate-db"))));
        row("QUEUED backlog max / at end", cells(db -> {
            Properties p = result(db + "-rate");
            double max = number(p, "backlog.max");
            return max < 0 ? "n/a" : fmt(max, 0) + " / " + fmt(number(p, "backlog.last"), 0) + "  "
                    + judge(new Verdict(max <= 2.0 * rate, "bounded: <= 2 s of arrivals"));
        }));
        row("drained after the load, s", cells(db -> {
            String v = result(db + "-rate").getProperty("drain.s");
            return v == null ? "n/a" : v.equals("-1.0") ? "not within time-out" : v;
        }));
        row("CPU % hub / generator / others", cells(db -> cpu(result(db + "-rate"))));
        row("  of the hub: JIT compiler threads", cells(db -> jit(result(db + "-rate"))));

        section("hub heap (peak used; jstat every second)");
        row("peak heap MB, max / rate phase", cells(db -> {
            Properties a = result(db + "-max-heap");
            Properties b = result(db + "-rate-heap");
            double peak = Math.max(number(a, "heap.peak.mb"), number(b, "heap.peak.mb"));
            if (peak < 0) {
                return "n/a";
            }
            boolean oom = "true".equals(a.getProperty("oom")) || "true".equals(b.getProperty("oom"));
            return mb(number(a, "heap.peak.mb")) + " / " + mb(number(b, "heap.peak.mb"))
                    + (oom ? " OutOfMemoryError" : "") + "  " + judge(new Verdict(!oom && peak < 512, "< 512"));
        }));
        row("peak old gen MB, max / rate phase", cells(db -> {
            double a = number(result(db + "-max-heap"), "heap.old.peak.mb");
            double b = number(result(db + "-rate-heap"), "heap.old.peak.mb");
            return a < 0 && b < 0 ? "n/a" : mb(a) + " / " + mb(b);
        }));
        out.append(System.lineSeparator())
                .append("CPU % is of one core (200 % = two cores); 'others' is what processes outside the bench used in")
                .append(System.lineSeparator())
                .append("the same window: a busy machine lowers every number above.").append(System.lineSeparator());
        out.append(System.lineSeparator()).append(misses == 0 ? "All targets met." : misses + " target(s) missed.")
                .append(System.lineSeparator());
        return out.toString();
    }

    /** One cell per database; a database that was not run gets "n/a". */
    private interface CellFn {
        String cell(String db) throws IOException;
    }

    private List<String> cells(CellFn fn) throws IOException {
        List<String> cells = new ArrayList<>();
        for (String db : dbs) {
            cells.add(available(db) ? fn.cell(db) : "n/a");
        }
        return cells;
    }

    private boolean available(String db) {
        return Files.isRegularFile(dir.resolve(db + "-max.properties"))
                || Files.isRegularFile(dir.resolve(db + "-rate.properties"));
    }

    private String judge(Verdict v) {
        if (!v.pass()) {
            misses++;
        }
        return v.toString();
    }

    private void section(String title) {
        out.append(System.lineSeparator()).append(title).append(System.lineSeparator());
    }

    private void row(String label, List<String> cells) {
        StringBuilder line = new StringBuilder(pad("  " + label, LABEL));
        for (String c : cells) {
            line.append(pad(c, CELL));
        }
        out.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + "  " : s + " ".repeat(width - s.length());
    }

    private static String latency(Properties p) {
        double p50 = number(p, "latency.p50.ms");
        return p50 < 0 ? "n/a" : millis(p50) + " / " + millis(number(p, "latency.p99.ms"));
    }

    private static String failures(Properties p) {
        return p.isEmpty() ? "n/a" : p.getProperty("not.accepted", "0") + " / " + p.getProperty("failures", "0");
    }

    /** Server, generator, other processes (machine less both), in % of one core. */
    private static String cpu(Properties p) {
        double server = number(p, "cpu.server.pct");
        double generator = number(p, "cpu.generator.pct");
        double machine = number(p, "cpu.machine.pct");
        if (server < 0 || generator < 0 || machine < 0) {
            return "n/a";
        }
        return fmt(server, 0) + " / " + fmt(generator, 0) + " / " + fmt(Math.max(0, machine - server - generator), 0);
    }

    /**
     * The hub's JIT compiler threads in the measured window, in % of one core; above 15 % the hub was still being
     * compiled (on a slower machine the JIT needs more load to settle: lengthen --warmup).
     */
    private static String jit(Properties p) {
        double jit = number(p, "cpu.server.jit.pct");
        if (jit < 0) {
            return "n/a";
        }
        return fmt(jit, 0) + (jit > 15 ? " (still compiling: lengthen --warmup)" : "");
    }

    /** Milliseconds: one decimal below 100 ms, none above. */
    private static String millis(double v) {
        return fmt(v, v < 100 ? 1 : 0);
    }

    private static String mb(double v) {
        return v < 0 ? "n/a" : fmt(v, 0);
    }

    private static String statuses(Properties p) {
        StringBuilder sb = new StringBuilder();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("orders.") && !k.equals("orders.total")).sorted()
                .forEach(k -> sb.append(sb.length() == 0 ? "" : ", ").append(k.substring(7)).append(' ')
                        .append(p.getProperty(k)));
        return sb.length() == 0 ? "n/a" : sb.toString();
    }

    private static String dbName(String db) {
        return switch (db) {
            case "h2" -> "H2 (file)";
            case "pg" -> "PostgreSQL";
            default -> db;
        };
    }

    private static double number(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return -1;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}

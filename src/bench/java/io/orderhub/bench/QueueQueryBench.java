package io.orderhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.dashboard.Kpis;
import io.orderhub.queue.QueueSearch;
import io.orderhub.support.Database;
import io.orderhub.testing.QueueDataset;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The queue view's queries on a large queue (README "Web console"): fills a fresh H2 file and a fresh PostgreSQL
 * schema with {@code --orders} orders (QueueDataset), then times each query the console sends — first page, filtered
 * pages, a page 50,000 rows deep, the counts — and prints p50/p95/max per query and database, and the query plans
 * to target/bench/console-plans-{db}.txt. Started by {@code ./run.sh bench console}.
 */
public final class QueueQueryBench {

    record Case(String name, Supplier<Object> run, QueueSearch.Query plan) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int orders = Integer.parseInt(opts.getOrDefault("orders", "100000"));
        int runs = Integer.parseInt(opts.getOrDefault("runs", "200"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "50"));
        List<String> dbs = Arrays.asList(opts.getOrDefault("db", "h2,pg").split(","));
        String only = opts.getOrDefault("only", "");
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        List<String> summary = new ArrayList<>();
        summary.add(String.format("%-44s %-5s %9s %9s %9s", "query (" + orders + " orders)", "db", "p50 ms", "p95 ms", "max ms"));
        for (String db : dbs) {
            switch (db.trim()) {
                case "h2" -> {
                    Path dir = Files.createTempDirectory("orderhub-console-bench");
                    String url = "jdbc:h2:file:" + dir.resolve("queue").toAbsolutePath()
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                            // H2 would answer a repeated query from its last result while the table is unchanged;
                            // a running hub's queue changes all the time, so every run here executes the query
                            + ";OPTIMIZE_REUSE_RESULTS=0";
                    try (Database database = new Database(url, "sa", "", 4)) {
                        summary.addAll(run("h2", database, orders, runs, warmup, only, out));
                    } finally {
                        deleteTree(dir);
                    }
                }
                case "pg" -> {
                    String base = "jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432")
                            + "/" + env("PGDATABASE", "test");
                    String user = env("PGUSER", "postgres");
                    String schema = "oh_console_bench_" + Long.toHexString(System.nanoTime());
                    try {
                        sql(base, user, "create schema " + schema);
                    } catch (SQLException e) {
                        summary.add("pg: skipped, PostgreSQL at " + base + " is not reachable: " + e.getMessage());
                        continue;
                    }
                    try (Database database = new Database(base + "?currentSchema=" + schema, user, "", 4)) {
                        summary.addAll(run("pg", database, orders, runs, warmup, only, out));
                    } finally {
                        sql(base, user, "drop schema " + schema + " cascade");
                    }
                }
                default -> throw new IllegalArgumentException("--db takes h2 and/or pg, not " + db);
            }
        }
        String text = String.join("\n", summary) + "\n";
        System.out.print("\n" + text);
        Files.writeString(out.resolve("console-summary.txt"), text);
    }

    /** Runs the cases whose name contains {@code only} (all of them when it is empty). */
    static List<String> run(String db, Database database, int orders, int runs, int warmup, String only, Path out)
            throws IOException {
        database.migrate();
        Instant now = Instant.now();
        long t0 = System.nanoTime();
        QueueDataset.fill(database, orders, 7, now);
        QueueDataset.fillEvents(database, 11, now);
        // statistics and (PostgreSQL) the visibility map, as autovacuum keeps them after a load
        database.read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(db.equals("pg") ? "vacuum analyze" : "analyze");
            }
            return null;
        });
        System.err.printf("[%s] %d orders generated in %.1f s%n", db, orders, (System.nanoTime() - t0) / 1e9);
        QueueSearch search = new QueueSearch(database);
        String customer = QueueDataset.customer(17);
        List<Case> cases = new ArrayList<>();
        cases.add(page("first page, newest first", search, q(QueueSearch.Sort.RECEIVED)));
        cases.add(page("first page, by priority + due", search, q(QueueSearch.Sort.PRIORITY)));
        cases.add(page("first page, by due time", search, q(QueueSearch.Sort.DUE)));
        cases.add(page("status NEEDS_REVIEW, by priority", search, with(q(QueueSearch.Sort.PRIORITY), "NEEDS_REVIEW", null, null, null, null)));
        cases.add(page("status ERP_FAILED, newest first", search, with(q(QueueSearch.Sort.RECEIVED), "ERP_FAILED", null, null, null, null)));
        cases.add(page("channel mail, newest first", search, with(q(QueueSearch.Sort.RECEIVED), null, "mail", null, null, null)));
        cases.add(page("customer, by due time", search, with(q(QueueSearch.Sort.DUE), null, null, customer, null, null)));
        cases.add(page("item ITEM-123, newest first", search, with(q(QueueSearch.Sort.RECEIVED), null, null, null, null, "ITEM-123")));
        cases.add(page("PO number", search, with(q(QueueSearch.Sort.RECEIVED), null, null, null, "PO-54321", null)));
        QueueSearch.Query day = new QueueSearch.Query(null, null, null, null, null, null,
                now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(7)), QueueSearch.Sort.RECEIVED, null, 50);
        cases.add(page("one day, newest first", search, day));
        cases.add(page("page 1001 (50,000 deep), newest first", search, deep(search, q(QueueSearch.Sort.RECEIVED), 1000)));
        cases.add(page("page 1001 (50,000 deep), by priority", search, deep(search, q(QueueSearch.Sort.PRIORITY), 1000)));
        cases.add(new Case("counts (status, channel, top 20 customers)", () -> search.counts(20), null));
        // the dashboards' widgets (GET /api/kpis/{widget}) over 7 and 30 days, all channels and one customer
        Kpis kpis = new Kpis(database, new ObjectMapper());
        for (String widget : Kpis.WIDGETS.keySet()) {
            for (int days : new int[]{7, 30}) {
                for (String who : new String[]{null, customer}) {
                    Kpis.KpiFilter f = new Kpis.KpiFilter(now.minus(Duration.ofDays(days)), now, null, who,
                            widget.equals("received") ? "channel" : null, 10);
                    cases.add(new Case("kpi " + widget + ", " + days + " d" + (who == null ? "" : ", customer"),
                            () -> kpis.table(widget, f), null));
                }
            }
        }

        List<String> lines = new ArrayList<>();
        try (PrintWriter plans = new PrintWriter(Files.newBufferedWriter(out.resolve("console-plans-" + db + ".txt")))) {
            for (Case c : cases) {
                if (!c.name().contains(only)) {
                    continue;
                }
                for (int i = 0; i < warmup; i++) {
                    c.run().get();
                }
                long[] nanos = new long[runs];
                for (int i = 0; i < runs; i++) {
                    long s = System.nanoTime();
                    c.run().get();
                    nanos[i] = System.nanoTime() - s;
                }
                Arrays.sort(nanos);
                lines.add(String.format("%-44s %-5s %9.2f %9.2f %9.2f", c.name(), db, nanos[runs / 2] / 1e6,
                        nanos[(int) Math.ceil(runs * 0.95) - 1] / 1e6, nanos[runs - 1] / 1e6));
                if (c.plan() != null) {
                    plans.println("== " + c.name());
                    plans.println(explain(database, search.statement(c.plan()), db));
                }
            }
        }
        return lines;
    }

    static Case page(String name, QueueSearch search, QueueSearch.Query q) {
        return new Case(name, () -> search.page(q), q);
    }

    static QueueSearch.Query q(QueueSearch.Sort sort) {
        return new QueueSearch.Query(null, null, null, null, null, null, null, null, sort, null, 50);
    }

    static QueueSearch.Query with(QueueSearch.Query q, String status, String channel, String customer, String po, String item) {
        return new QueueSearch.Query(status, channel, customer, null, po, item, null, null, q.sort(), null, q.limit());
    }

    /** The query of the page after {@code pages} pages, reached by following the cursors. */
    static QueueSearch.Query deep(QueueSearch search, QueueSearch.Query q, int pages) {
        QueueSearch.Query next = q;
        for (int i = 0; i < pages; i++) {
            next = next.withCursor(search.page(next).next());
        }
        return next;
    }

    static String explain(Database database, QueueSearch.Statement st, String db) {
        return database.read(c -> {
            StringBuilder plan = new StringBuilder();
            String prefix = db.equals("pg") ? "explain (analyze, buffers) " : "explain analyze ";
            try (PreparedStatement ps = c.prepareStatement(prefix + st.sql())) {
                for (int i = 0; i < st.args().size(); i++) {
                    ps.setObject(i + 1, st.args().get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
            }
            return plan.toString();
        });
    }

    static void sql(String url, String user, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("options are --orders N --runs N --warmup N --db h2,pg --only TEXT; not " + args[i]);
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        return m;
    }

    static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

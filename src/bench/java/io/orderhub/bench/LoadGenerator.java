package io.orderhub.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The load generator process: loads one loopback HTTP endpoint with canonical orders and writes what it measured
 * to a result file.
 *
 * <pre>
 * --mode max|rate     closed loop (maximum throughput) or open loop at --rate orders/s
 * --port, --host      the server (loopback only; host 127.0.0.1 unless given)
 * --path              POST path (/api/orders); --api-key sent as X-API-Key (demo)
 * --connections       concurrent connections (32); --warmup, --duration seconds (10, 60)
 * --rate              orders/s of mode rate (1000); --max-outstanding pending requests cap (20000)
 * --po-prefix         PO number prefix, unique per run; --server-pid to report the server's CPU use
 * --backlog-path      rate mode: the hub's orders path, to sample the QUEUED backlog and wait for the drain
 * --drain-timeout     seconds to wait for the backlog to drain after the load (120)
 * --out               result file
 * </pre>
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs(argv);
        String mode = args.required("mode");
        long warmup = args.number("warmup", 10);
        long duration = args.number("duration", 60);
        long drainTimeout = args.number("drain-timeout", 120);
        Path out = Path.of(args.required("out"));
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2)
                .setBlockedThreadCheckInterval(10_000));
        try {
            Results results = run(vertx, args, mode, warmup, duration, drainTimeout)
                    .get(warmup + duration + drainTimeout + 180, TimeUnit.SECONDS);
            results.writeTo(out);
            System.out.println(oneLine(args.string("label", mode), results));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static CompletableFuture<Results> run(Vertx vertx, BenchArgs args, String mode, long warmup,
                                                  long duration, long drainTimeout) {
        String host = args.string("host", "127.0.0.1");
        int port = args.integer("port", 8080);
        int connections = args.integer("connections", 32);
        String apiKey = args.string("api-key", "demo");
        String path = args.string("path", "/api/orders");
        String poPrefix = args.required("po-prefix");
        int rate = args.integer("rate", 1000);
        String backlogPath = args.string("backlog-path", "");
        CpuUsage cpu = new CpuUsage(args.number("server-pid", -1));
        OrderPayloads payloads = new OrderPayloads();
        HttpTarget target = new HttpTarget(vertx, host, port, connections, apiKey, 30_000);

        Results r = new Results();
        r.put("mode", mode);
        r.put("label", args.string("label", mode));
        r.put("connections", connections);
        r.put("warmup.s", warmup);
        r.put("duration.s", duration);
        CompletableFuture<Results> result = new CompletableFuture<>();
        Context context = vertx.getOrCreateContext();
        context.runOnContext(v -> {
            Future<PhaseStats> load;
            long from;
            long to;
            BacklogSampler backlog = null;
            if (mode.equals("max")) {
                ClosedLoopLoad closed = new ClosedLoopLoad(vertx, target, path, payloads, poPrefix, connections,
                        warmup, duration);
                load = closed.start();
                from = closed.measureFrom();
                to = closed.measureTo();
            } else if (mode.equals("rate")) {
                FixedRateLoad fixed = new FixedRateLoad(vertx, target, path, payloads, poPrefix, rate, warmup,
                        duration, args.integer("max-outstanding", 20_000));
                load = fixed.start();
                from = fixed.measureFrom();
                to = fixed.measureTo();
                r.put("rate.target", rate);
                if (!backlogPath.isEmpty()) {
                    backlog = new BacklogSampler(vertx, new HttpTarget(vertx, host, port, 1, apiKey, 30_000),
                            backlogPath);
                    backlog.start();
                }
            } else {
                result.completeExceptionally(new IllegalArgumentException("--mode must be max or rate"));
                return;
            }
            CpuUsage.Snapshot[] window = new CpuUsage.Snapshot[2];
            long now = System.nanoTime();
            vertx.setTimer(Math.max(1, (from - now) / 1_000_000), id -> window[0] = cpu.now());
            vertx.setTimer(Math.max(1, (to - now) / 1_000_000), id -> window[1] = cpu.now());
            BacklogSampler sampler = backlog;
            load.compose(stats -> {
                if (window[1] == null) {
                    window[1] = cpu.now();
                }
                stats.writeTo(r, duration);
                cpu.writeTo(r, window[0], window[1]);
                if (sampler == null) {
                    return Future.succeededFuture(r);
                }
                sampler.stop();
                sampler.writeTo(r, from, to + 1_000_000_000L);
                return sampler.drain(drainTimeout * 1_000).map(seconds -> {
                    r.put("drain.s", String.format(Locale.ROOT, "%.1f", seconds));
                    return r;
                });
            }).onComplete(ar -> {
                if (ar.succeeded()) {
                    result.complete(ar.result());
                } else {
                    result.completeExceptionally(ar.cause());
                }
            });
        });
        return result;
    }

    private static String oneLine(String label, Results r) {
        StringBuilder sb = new StringBuilder(label).append(':');
        for (String key : new String[] {"accepted.per.s", "accepted", "not.accepted", "failures", "skipped",
                "latency.p50.ms", "latency.p99.ms", "cpu.server.pct", "cpu.server.jit.pct", "cpu.generator.pct", "backlog.max", "drain.s"}) {
            String v = r.get(key);
            if (v != null) {
                sb.append(' ').append(key).append('=').append(v);
            }
        }
        return sb.toString();
    }
}

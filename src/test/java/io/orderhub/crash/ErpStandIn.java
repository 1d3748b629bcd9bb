package io.orderhub.crash;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.orderhub.erp.ErpSimulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ERP as the crash test sees it: an HTTP server in the test JVM (so it outlives the killed hub) that hands every
 * request to an {@link ErpSimulator} and remembers each request's Idempotency-Key, including the requests that are
 * still being answered.
 */
final class ErpStandIn implements AutoCloseable {

    static final String PATH = "/erp";

    private final ErpSimulator simulator = new ErpSimulator("CRASH-");
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, AtomicInteger> requestsByKey = new ConcurrentHashMap<>();
    private final Map<String, Integer> answering = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger requestsWithoutKey = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "erp-stand-in");
        t.setDaemon(true);
        return t;
    });
    private final HttpServer server;

    private ErpStandIn(HttpServer server) {
        this.server = server;
    }

    /** Starts the stand-in on a free loopback port. */
    static ErpStandIn start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        ErpStandIn erp = new ErpStandIn(server);
        server.createContext(PATH, erp::handle);
        server.setExecutor(erp.threads);
        server.start();
        return erp;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    ErpSimulator simulator() {
        return simulator;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        requests.incrementAndGet();
        if (key == null) {
            requestsWithoutKey.incrementAndGet();
        } else {
            requestsByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            answering.merge(key, 1, Integer::sum);
        }
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            ErpSimulator.Answer answer = simulator.receive(key, body);
            Map<String, Object> reply = new LinkedHashMap<>();
            if (answer.erpOrderNumber() != null) {
                reply.put("erpOrderNumber", answer.erpOrderNumber());
            }
            reply.put("message", answer.message());
            byte[] bytes = json.writeValueAsBytes(reply);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            if (key != null) {
                answering.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null);
            }
        }
    }

    /** All requests so far, with or without a key. */
    int requests() {
        return requests.get();
    }

    int requestsWithoutKey() {
        return requestsWithoutKey.get();
    }

    /** How many requests arrived per Idempotency-Key (a copy). */
    Map<String, Integer> requestsByKey() {
        Map<String, Integer> copy = new LinkedHashMap<>();
        requestsByKey.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Keys whose request has arrived and is not answered yet (a copy). */
    Set<String> answering() {
        return Set.copyOf(answering.keySet());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

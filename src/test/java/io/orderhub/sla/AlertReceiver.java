package io.orderhub.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The receiver of SLA alert webhooks in tests: a real HTTP server on loopback that keeps what it accepted. */
final class AlertReceiver implements AutoCloseable {

    record Received(String idempotencyKey, JsonNode body) {
        String orderId() {
            return body.path("orderId").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failNext = new AtomicInteger();

    private AlertReceiver(HttpServer server) {
        this.server = server;
    }

    static AlertReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        AlertReceiver receiver = new AlertReceiver(server);
        server.createContext("/alerts", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                receiver.requests.incrementAndGet();
                int status = 204;
                if (!"POST".equals(exchange.getRequestMethod())) {
                    status = 405;
                } else if (receiver.failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    status = 503;
                } else {
                    receiver.accepted.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                            JSON.readTree(body)));
                }
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return receiver;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    /** The next n requests are answered 503. */
    void failNext(int n) {
        failNext.set(n);
    }

    List<Received> accepted() {
        return List.copyOf(accepted);
    }

    List<Received> acceptedFor(String orderId) {
        return accepted.stream().filter(r -> r.orderId().equals(orderId)).toList();
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

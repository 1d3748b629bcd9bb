package io.orderhub.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.testing.ChildHub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The hub's order API over loopback, as a client with the demo API key uses it. */
final class HubClient {

    static final String API_KEY = ChildHub.API_KEY;
    static final String SENDER = "ACME-SHOP";

    /** What became of one POST: answered (with the status and, on 202, the order), or no answer at all. */
    record Posted(String poNumber, int status, UUID orderId, String orderStatus, String body, long answeredAtNanos) {

        static Posted noAnswer(String poNumber, IOException e) {
            return new Posted(poNumber, -1, null, null, e.toString(), System.nanoTime());
        }

        boolean accepted() {
            return status == 202 && orderId != null;
        }

        boolean answered() {
            return status > 0;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    HubClient(URI base) {
        this.base = base;
    }

    static HubClient of(ChildHub hub) {
        return new HubClient(hub.uri());
    }

    /** A canonical order of ACME-SHOP for its known buyer and a catalogue item at the catalogue price. */
    static String order(String poNumber) {
        return """
                {"sender":"%s","poNumber":"%s","orderDate":"2026-11-27","currency":"EUR",\
                "buyer":{"id":"4012345000009"},\
                "lines":[{"buyerItem":"A-100","quantity":5,"unit":"EA","unitPrice":12.50}]}"""
                .formatted(SENDER, poNumber);
    }

    /** True once the REST routes answer (the HTTP server alone is not enough). */
    boolean isUp() {
        try {
            return send(request("/api/orders?limit=1").GET()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    Posted post(String poNumber) {
        HttpRequest.Builder b = request("/api/orders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(order(poNumber)));
        HttpResponse<String> r;
        try {
            r = send(b);
        } catch (IOException e) {
            return Posted.noAnswer(poNumber, e);
        }
        long at = System.nanoTime();
        UUID id = null;
        String orderStatus = null;
        if (r.statusCode() == 202) {
            JsonNode first = readTree(r.body()).path("orders").path(0);
            if (first.hasNonNull("id")) {
                id = UUID.fromString(first.get("id").asText());
                orderStatus = first.path("status").asText(null);
            }
        }
        return new Posted(poNumber, r.statusCode(), id, orderStatus, r.body(), at);
    }

    /** Status of every order of the sender, newest first; fails if there are more than one page holds. */
    Map<UUID, String> statuses(int pageSize) throws IOException {
        HttpResponse<String> r = send(request("/api/orders?sender=" + SENDER + "&limit=" + pageSize).GET());
        if (r.statusCode() != 200) {
            throw new IOException("GET /api/orders answered " + r.statusCode() + ": " + r.body());
        }
        JsonNode page = readTree(r.body());
        if (page.path("total").asLong() > pageSize) {
            throw new IllegalStateException("more than " + pageSize + " orders; the test expects one page");
        }
        Map<UUID, String> statuses = new LinkedHashMap<>();
        for (JsonNode item : page.path("items")) {
            statuses.put(UUID.fromString(item.get("id").asText()), item.get("status").asText());
        }
        return statuses;
    }

    /** How many orders of the sender the API lists with this status (all statuses if null). */
    long count(String status) throws IOException {
        String query = "/api/orders?sender=" + SENDER + "&limit=1" + (status == null ? "" : "&status=" + status);
        HttpResponse<String> r = send(request(query).GET());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + query + " answered " + r.statusCode() + ": " + r.body());
        }
        return readTree(r.body()).path("total").asLong();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15)).header("X-API-Key", API_KEY);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}

package io.orderhub.testing;

import io.orderhub.OrderHubConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real hub — camel-main with the YAML routes from routes/ and the real configuration — started inside the
 * test JVM on free ports, with its own H2 file or PostgreSQL schema, and an HTTP client for it over loopback.
 */
public final class TestHub implements AutoCloseable {

    public enum Db { H2, POSTGRES }

    public static final String KEY = "demo";

    private final Main main;
    private final int port;
    private final int managementPort;
    private final String schema;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestHub(Main main, int port, int managementPort, String schema) {
        this.main = main;
        this.port = port;
        this.managementPort = managementPort;
        this.schema = schema;
    }

    /** Properties every test hub gets: fast delivery polling, short retry delays, cheap password hashes. */
    public static Map<String, String> fastDelivery() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("orderhub.erp.poll-interval-ms", "50");
        p.put("orderhub.erp.retry.max-redeliveries", "3");
        p.put("orderhub.erp.retry.initial-delay-ms", "100");
        p.put("orderhub.erp.retry.max-delay-ms", "400");
        // console password hashes: the lowest count PasswordHasher takes, so each hub's demo users are made quickly
        p.put("orderhub.security.pbkdf2-iterations", "10000");
        return p;
    }

    public static TestHub start(Db db, Path dataDir, Map<String, String> overrides) {
        return start(db, dataDir, overrides, Map.of());
    }

    /** Starts the hub with beans bound before it configures itself, e.g. a {@link TestClock} as "clock". */
    public static TestHub start(Db db, Path dataDir, Map<String, String> overrides, Map<String, Object> beans) {
        int port = freePort();
        int managementPort = freePort();
        Main main = new Main();
        beans.forEach(main::bind);
        main.configure().addConfiguration(OrderHubConfiguration.class);
        main.addOverrideProperty("orderhub.http.port", String.valueOf(port));
        main.addOverrideProperty("orderhub.http.host", "127.0.0.1");
        main.addOverrideProperty("orderhub.management.port", String.valueOf(managementPort));
        main.addOverrideProperty("camel.main.name", "orderhub-test-" + port);
        String schema = null;
        if (db == Db.POSTGRES) {
            Postgres.assumeAvailable();
            schema = Postgres.createSchema("oh_test");
            main.addOverrideProperty("orderhub.db.url", Postgres.urlFor(schema));
            main.addOverrideProperty("orderhub.db.user", Postgres.USER);
        } else {
            main.addOverrideProperty("orderhub.db.url", "jdbc:h2:file:" + dataDir.resolve("orderhub").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        // local drop folders (partners.yaml drop: type folder) under the test's directory, not ./data
        main.addOverrideProperty("orderhub.drop.folder-base", dataDir.toAbsolutePath().toString());
        Map<String, String> props = new LinkedHashMap<>(fastDelivery());
        props.putAll(overrides);
        props.forEach(main::addOverrideProperty);
        if (props.containsKey("camel.main.profile")) {
            // camel-main picks the profile file before override properties apply
            main.configure().setProfile(props.get("camel.main.profile"));
        }
        main.addOverrideProperty("camel.routecontroller.enabled", System.getProperty("orderhub.test.supervise", "false"));
        try {
            main.start();
        } catch (Exception e) {
            if (schema != null) {
                Postgres.dropSchema(schema);
            }
            throw new IllegalStateException("The hub did not start", e);
        }
        return new TestHub(main, port, managementPort, schema);
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public <T> T bean(String name, Class<T> type) {
        T bean = context().getRegistry().lookupByNameAndType(name, type);
        if (bean == null) {
            throw new IllegalStateException("No bean " + name + " of type " + type.getSimpleName());
        }
        return bean;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b, headers);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET(), headers);
    }

    public HttpResponse<String> send(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The orders with this PO number, as {@code GET /api/orders?poNumber=} lists them. */
    public java.util.List<com.fasterxml.jackson.databind.JsonNode> ordersByPo(String po) {
        HttpResponse<String> r = get("/api/orders?poNumber=" + po, "X-API-Key", KEY);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET /api/orders answered " + r.statusCode() + ": " + r.body());
        }
        try {
            java.util.List<com.fasterxml.jackson.databind.JsonNode> items = new java.util.ArrayList<>();
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("items").forEach(items::add);
            return items;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits until exactly one order has this PO number and it has this status; returns it. */
    public com.fasterxml.jackson.databind.JsonNode awaitOrderStatus(String po, String status, Duration wait) {
        org.awaitility.Awaitility.await().atMost(wait).pollInterval(Duration.ofMillis(100)).until(() -> {
            java.util.List<com.fasterxml.jackson.databind.JsonNode> orders = ordersByPo(po);
            return orders.size() == 1 && status.equals(orders.get(0).path("status").asText());
        });
        return ordersByPo(po).get(0);
    }

    /** A canonical-JSON order of a known sender and customer, with one catalogue line of 5 x A-100. */
    public static String canonicalOrder(String po) {
        return """
                {"sender": "ACME-SHOP", "poNumber": "%s", "orderDate": "2026-11-27", "currency": "EUR",
                 "buyer": {"id": "4012345000009", "name": "ACME Retail GmbH"},
                 "lines": [{"lineNumber": 1, "buyerItem": "A-100", "gtin": "04012345000023", "quantity": 5, "unit": "EA", "unitPrice": 12.50}]}
                """.formatted(po);
    }

    /** Logs a console user in; returns the Cookie header value of the session. */
    public String login(String user, String password) {
        HttpResponse<String> r = post("/api/session", "application/json",
                "{\"name\":\"" + user + "\",\"password\":\"" + password + "\"}");
        if (r.statusCode() != 200) {
            throw new AssertionError("login of " + user + " answered " + r.statusCode() + ": " + r.body());
        }
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            main.stop();
        } finally {
            if (schema != null) {
                Postgres.dropSchema(schema);
            }
        }
    }
}

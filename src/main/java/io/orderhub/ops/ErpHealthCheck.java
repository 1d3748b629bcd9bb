package io.orderhub.ops;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Health check {@code erp}: is the ERP reachable? Either a TCP connect to the host and port of
 * {@code orderhub.erp.url}, or, when a health URL is given, an HTTP GET that must answer 2xx. Both within the
 * timeout. Details and messages name host and port only: no path, query or credentials of the URL.
 *
 * <p>The ERP being down never fails liveness (restarting the hub cannot bring it back); whether it fails
 * readiness is the caller's choice.
 */
public final class ErpHealthCheck extends AbstractHealthCheck {

    public static final String ID = "erp";

    /** One probe of the ERP; returns what it saw (for the message) or throws why it failed. */
    @FunctionalInterface
    interface Probe {
        String run() throws IOException, InterruptedException;
    }

    private final String mode;
    private final String target;
    private final Duration timeout;
    private final boolean readiness;
    private final Probe probe;

    private ErpHealthCheck(String mode, String target, Duration timeout, boolean readiness, Probe probe) {
        super(HealthChecks.GROUP, ID);
        this.mode = mode;
        this.target = target;
        this.timeout = timeout;
        this.readiness = readiness;
        this.probe = probe;
    }

    /** Connects to the host and port of the ERP's order URL (port 80 or 443 by scheme when the URL has none). */
    public static ErpHealthCheck tcp(String erpUrl, Duration timeout, boolean readiness) {
        URI uri = parse(erpUrl);
        if (uri == null || uri.getHost() == null) {
            return new ErpHealthCheck("tcp", "?", timeout, readiness, () -> {
                throw new IOException("orderhub.erp.url has no host and port that could be checked");
            });
        }
        String host = uri.getHost();
        int port = port(uri);
        return new ErpHealthCheck("tcp", host + ":" + port, timeout, readiness, () -> connect(host, port, timeout));
    }

    /** Sends GET to the ERP's health URL; reachable means a 2xx answer. */
    public static ErpHealthCheck http(String healthUrl, Duration timeout, boolean readiness) {
        URI uri = parse(healthUrl);
        if (uri == null || uri.getHost() == null) {
            return new ErpHealthCheck("http", "?", timeout, readiness, () -> {
                throw new IOException("orderhub.erp.health-url is not an http(s) URL with a host");
            });
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new ErpHealthCheck("http", uri.getHost() + ":" + port(uri), timeout, readiness,
                () -> get(client, uri, timeout));
    }

    @Override
    public boolean isReadiness() {
        return readiness;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("erp.target", target);
        builder.detail("erp.check", mode);
        builder.detail("timeout.ms", timeout.toMillis());
        long start = System.nanoTime();
        try {
            String seen = probe.run();
            long millis = (System.nanoTime() - start) / 1_000_000;
            builder.message("ERP reachable at " + target + ": " + seen + " in " + millis + " ms").up();
        } catch (IOException e) {
            builder.message("ERP not reachable at " + target + ": " + describe(e)).error(e).down();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.message("ERP check interrupted").down();
        }
    }

    private static String connect(String host, int port, Duration timeout) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new UnknownHostException("unknown host " + host);
        }
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) timeout.toMillis());
        }
        return "TCP connect";
    }

    private static String get(HttpClient client, URI uri, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status < 200 || status > 299) {
            throw new IOException("health URL answered HTTP " + status);
        }
        return "HTTP " + status;
    }

    /** The cause in one line: our own findings as they are, the JDK's with their type ("ConnectException: ..."). */
    private static String describe(IOException e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return type;
        }
        return e.getClass() == IOException.class ? message : type + ": " + message;
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") ? 443 : 80;
    }
}

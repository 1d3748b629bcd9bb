package io.orderhub.console;

import io.orderhub.api.ApiExchanges;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the web console's static files from the classpath folder {@code console/} under {@code /console/}, with
 * a Content-Security-Policy that allows only the hub's own scripts, styles and frames (no inline script, no
 * other origin), so a document that slipped HTML into a field could not run anything.
 */
public final class ConsoleAssets {

    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; frame-src 'self'; object-src 'self'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";
    private static final Pattern SAFE_PATH = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\\.[a-z0-9]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

    public void serve(Exchange exchange) {
        Message in = exchange.getMessage();
        String path = in.getHeader(Exchange.HTTP_PATH, String.class);
        String uri = in.getHeader(Exchange.HTTP_URI, String.class);
        String file = relative(path != null && !path.isEmpty() ? path : uri);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        securityHeaders(out);
        if (file.isEmpty()) {
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 302);
            out.setHeader("Location", "/console/index.html");
            out.setBody("");
            return;
        }
        String ext = file.substring(file.lastIndexOf('.') + 1);
        Optional<byte[]> content = SAFE_PATH.matcher(file).matches() && TYPES.containsKey(ext)
                ? cache.computeIfAbsent(file, ConsoleAssets::load) : Optional.empty();
        if (content.isEmpty()) {
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            out.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            out.setBody("no console file " + file);
            return;
        }
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(Exchange.CONTENT_TYPE, TYPES.get(ext));
        out.setHeader("Cache-Control", "no-cache");
        ApiExchanges.setResponseBytes(out, content.get());
    }

    /** The file asked for, relative to /console/; empty for the console's root. */
    static String relative(String path) {
        String p = path == null ? "" : path;
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        if (p.startsWith("/console")) {
            p = p.substring("/console".length());
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    static void securityHeaders(Message out) {
        out.setHeader("Content-Security-Policy", CSP);
        out.setHeader("X-Content-Type-Options", "nosniff");
        out.setHeader("Referrer-Policy", "no-referrer");
        out.setHeader("X-Frame-Options", "DENY");
    }

    private static Optional<byte[]> load(String file) {
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream("console/" + file)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

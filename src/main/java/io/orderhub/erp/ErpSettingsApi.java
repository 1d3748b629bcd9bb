package io.orderhub.erp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.api.ApiExchanges;
import io.orderhub.security.Principal;
import io.orderhub.support.Database;
import org.apache.camel.Exchange;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP adapter of routes/erp-settings.camel.yaml: {@code GET /api/erp} (is delivery paused, where orders go with
 * any secret hidden, the retry policy, how many orders wait, are on their way or failed) and
 * {@code POST /api/erp/pause} / {@code POST /api/erp/resume} (an ERP maintenance window).
 */
public final class ErpSettingsApi {

    /** The order states operations watches around an ERP window. */
    static final List<String> COUNTED = List.of("QUEUED", "DELIVERING", "ERP_FAILED");
    /** Query parameters whose values are secrets. */
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)([?&;](?:[^=&;#]*(?:pass|secret|token|key|sig|auth|credential)[^=&;#]*)=)([^&;#]*)");
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/@:]*):[^/@]*@");

    private final DeliveryPause pause;
    private final Database db;
    private final ObjectMapper json;
    private final Map<String, Object> erp;
    private final Map<String, Object> retry;

    /**
     * @param erp   what the delivery is configured with (url, timeouts, concurrency); the url is shown redacted
     * @param retry the retry policy (orderhub.erp.retry.*)
     */
    public ErpSettingsApi(DeliveryPause pause, Database db, ObjectMapper json, Map<String, Object> erp,
                          Map<String, Object> retry) {
        this.pause = pause;
        this.db = db;
        this.json = json;
        Map<String, Object> shown = new LinkedHashMap<>(erp);
        shown.computeIfPresent("url", (k, v) -> redactUrl(String.valueOf(v)));
        this.erp = shown;
        this.retry = new LinkedHashMap<>(retry);
    }

    /** The URL with a password in its user info and the values of secret-looking query parameters replaced by ***. */
    static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        String out = USER_INFO.matcher(url).replaceFirst("$1:***@");
        Matcher m = SECRET_PARAM.matcher(out);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "***"));
    }

    /** {@code GET /api/erp}. */
    public void get(Exchange exchange) {
        ApiExchanges.respond(json, exchange, 200, view());
    }

    /** {@code POST /api/erp/pause}: the claim stops taking orders; they stay QUEUED until resumed. */
    public void pause(Exchange exchange) {
        change(exchange, true);
    }

    /** {@code POST /api/erp/resume}. */
    public void resume(Exchange exchange) {
        change(exchange, false);
    }

    private void change(Exchange exchange, boolean paused) {
        boolean changed = pause.set(paused, Principal.actor(exchange));
        Map<String, Object> body = view();
        body.put("changed", changed);
        ApiExchanges.respond(json, exchange, 200, body);
    }

    private Map<String, Object> view() {
        DeliveryPause.State state = pause.state();
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("paused", state.paused());
        delivery.put("changedBy", state.changedBy());
        delivery.put("changedAt", state.changedAt() == null ? null : state.changedAt().toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("delivery", delivery);
        body.put("erp", erp);
        body.put("retry", retry);
        body.put("counts", counts());
        body.put("history", pause.history(10).stream().map(c -> Map.of("at", c.at().toString(), "actor", c.actor(),
                "paused", c.paused())).toList());
        return body;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        COUNTED.forEach(s -> counts.put(s, 0L));
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select status, count(*) from orders"
                    + " where status in (?, ?, ?) group by status")) {
                for (int i = 0; i < COUNTED.size(); i++) {
                    ps.setString(i + 1, COUNTED.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return null;
        });
        return counts;
    }
}

package io.orderhub.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.api.ApiException;
import io.orderhub.api.ApiExchanges;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/session} (log in: sets the session cookie), {@code GET /api/session} (who is logged in),
 * {@code DELETE /api/session} (log out). The cookie is HttpOnly and SameSite=Strict, and Secure when
 * {@code orderhub.security.secure-cookie} is set (behind HTTPS).
 */
public final class SessionApi {

    private final ObjectMapper json;
    private final Users users;
    private final boolean secureCookie;

    public SessionApi(ObjectMapper json, Users users, boolean secureCookie) {
        this.json = json;
        this.users = users;
        this.secureCookie = secureCookie;
    }

    public void login(Exchange exchange) {
        JsonNode body = ApiExchanges.jsonObject(json, exchange);
        if (!body.path("name").isTextual() || !body.path("password").isTextual()) {
            throw new ApiException(400, "bad-login", "send JSON {\"name\": \"...\", \"password\": \"...\"}");
        }
        String name = body.path("name").asText();
        Users.User user = users.check(name, body.path("password").asText().toCharArray()).orElseThrow(() ->
                new ApiException(401, "unauthorized", "the user name or the password is wrong"));
        String session = users.openSession(user.name());
        ApiExchanges.respond(json, exchange, 200, describe(Principal.user(user.name(), user.roles())));
        exchange.getMessage().setHeader("Set-Cookie", cookie(session, users.sessionLifetime().toSeconds()));
    }

    public void current(Exchange exchange) {
        ApiExchanges.respond(json, exchange, 200, describe(Principal.of(exchange)));
    }

    public void logout(Exchange exchange) {
        Access.sessionId(exchange).ifPresent(users::closeSession);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader("Set-Cookie", cookie("", 0));
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 204);
        out.setBody(null);
    }

    String cookie(String value, long maxAgeSeconds) {
        return Access.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (secureCookie ? "; Secure" : "");
    }

    static Map<String, Object> describe(Principal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("kind", p.kind());
        m.put("actor", p.actor());
        m.put("roles", p.roles().stream().map(Role::id).sorted().toList());
        return m;
    }
}

package io.orderhub.security;

import io.orderhub.api.ApiException;
import io.orderhub.api.ApiKeys;
import org.apache.camel.Exchange;
import org.apache.camel.Route;

import java.util.Optional;

/**
 * The authentication and authorisation step of every API route: an upstream system's {@code X-API-Key}, or a
 * person's console session cookie; then {@link AccessRules} for the route. Answers 401 without valid credentials
 * and 403 for a route the principal may not use. Leaves the {@link Principal} on the exchange.
 */
public final class Access {

    public static final String COOKIE = "orderhub_session";

    private final ApiKeys apiKeys;
    private final Users users;

    public Access(ApiKeys apiKeys, Users users) {
        this.apiKeys = apiKeys;
        this.users = users;
    }

    public Principal authenticate(Exchange exchange) {
        Principal principal = principalOf(exchange);
        String routeId = routeId(exchange);
        if (!AccessRules.allows(principal, routeId)) {
            throw new ApiException(403, "forbidden", principal.actor() + (principal.isUser()
                    ? " (roles " + Role.toList(principal.roles()) + ")" : "") + " may not use " + routeId);
        }
        principal.attachTo(exchange);
        return principal;
    }

    private Principal principalOf(Exchange exchange) {
        String key = exchange.getMessage().getHeader("X-API-Key", String.class);
        if (key != null) {
            return apiKeys.clientFor(key).map(Principal::client).orElseThrow(() ->
                    new ApiException(401, "unauthorized", "the API key in X-API-Key is not valid"));
        }
        Optional<String> session = sessionId(exchange);
        if (session.isEmpty()) {
            throw new ApiException(401, "unauthorized",
                    "no credentials: send an X-API-Key header, or log in to the console (POST /api/session)");
        }
        return users.session(session.get()).map(u -> Principal.user(u.name(), u.roles())).orElseThrow(() ->
                new ApiException(401, "unauthorized", "the console session has expired or was closed; log in again"));
    }

    /** The route the step runs in (the direct: route behind a REST verb), whose id the rules name. */
    static String routeId(Exchange exchange) {
        Route route = exchange.getUnitOfWork() == null ? null : exchange.getUnitOfWork().getRoute();
        return route != null ? route.getRouteId() : exchange.getFromRouteId();
    }

    /** The session id from the request's Cookie header, if it has one. */
    public static Optional<String> sessionId(Exchange exchange) {
        String header = exchange.getMessage().getHeader("Cookie", String.class);
        if (header == null) {
            return Optional.empty();
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(COOKIE + "=")) {
                return Optional.of(p.substring(COOKIE.length() + 1));
            }
        }
        return Optional.empty();
    }
}

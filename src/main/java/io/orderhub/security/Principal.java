package io.orderhub.security;

import org.apache.camel.Exchange;

import java.util.Set;

/**
 * Who made a request: a person logged in to the console ({@code user:<name>}, with roles) or an upstream system by
 * its API key ({@code client:<id>}). The authentication step puts it on the exchange; code that records who did
 * something reads {@link #actor(Exchange)}.
 *
 * @param kind  {@code user} or {@code client}
 * @param name  the user name or the API client id
 * @param roles a user's roles; empty for API clients
 */
public record Principal(String kind, String name, Set<Role> roles) {

    /** Exchange property holding the {@link Principal}. */
    public static final String PROPERTY = "orderhubPrincipal";
    /** Exchange property holding {@link #actor()}, e.g. {@code user:ops} or {@code client:demo}. */
    public static final String ACTOR = "orderhubActor";

    public static final String USER = "user";
    public static final String CLIENT = "client";

    public Principal {
        roles = Set.copyOf(roles);
    }

    public static Principal user(String name, Set<Role> roles) {
        return new Principal(USER, name, roles);
    }

    public static Principal client(String id) {
        return new Principal(CLIENT, id, Set.of());
    }

    public boolean isUser() {
        return USER.equals(kind);
    }

    /** As recorded in events' actor column: {@code user:<name>} or {@code client:<id>}. */
    public String actor() {
        return kind + ":" + name;
    }

    /** Puts this principal on the exchange for later steps. */
    public void attachTo(Exchange exchange) {
        exchange.setProperty(PROPERTY, this);
        exchange.setProperty(ACTOR, actor());
    }

    /** The authenticated principal of a request, if the authentication step ran. */
    public static Principal of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, Principal.class);
    }

    /** The actor of a request for audit records: {@code user:<name>}, {@code client:<id>}, or {@code anonymous}. */
    public static String actor(Exchange exchange) {
        Principal p = of(exchange);
        return p == null ? "anonymous" : p.actor();
    }
}

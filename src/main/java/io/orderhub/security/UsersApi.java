package io.orderhub.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.api.ApiException;
import io.orderhub.api.ApiExchanges;
import io.orderhub.model.Problem;
import org.apache.camel.Exchange;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /api/users} and {@code POST /api/users}: admins manage the console's users. */
public final class UsersApi {

    private final ObjectMapper json;
    private final Users users;
    public UsersApi(ObjectMapper json, Users users) {
        this.json = json;
        this.users = users;
    }

    public void list(Exchange exchange) {
        List<Map<String, Object>> items = users.list().stream().map(UsersApi::view).toList();
        ApiExchanges.respond(json, exchange, 200, Map.of("items", items));
    }

    /** Body {@code {"name", "password", "roles": ["operations", ...]}}; 201, or 400 naming each bad field, or 409. */
    public void create(Exchange exchange) {
        JsonNode body = ApiExchanges.jsonObject(json, exchange);
        List<Problem> problems = new ArrayList<>();
        String name = body.path("name").asText(null);
        try {
            Users.checkName(name);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("/name", "bad-name", e.getMessage()));
        }
        String password = body.path("password").asText("");
        if (password.length() < Users.MIN_PASSWORD_LENGTH) {
            problems.add(new Problem("/password", "weak-password", "at least " + Users.MIN_PASSWORD_LENGTH
                    + " characters"));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        JsonNode roleList = body.path("roles");
        if (!roleList.isArray() || roleList.isEmpty()) {
            problems.add(new Problem("/roles", "no-roles", "a list of one or more of "
                    + List.of("operations", "customer-service", "admin")));
        } else {
            for (int i = 0; i < roleList.size(); i++) {
                try {
                    roles.add(Role.of(roleList.get(i).asText()));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem("/roles/" + i, "unknown-role", e.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(400, "bad-user", "the user was not created", problems);
        }
        if (!users.create(name, password.toCharArray(), roles, Principal.actor(exchange))) {
            throw new ApiException(409, "user-exists", "a user named '" + name + "' exists already");
        }
        exchange.getMessage().setHeader("Location", "/api/users/" + name);
        ApiExchanges.respond(json, exchange, 201, view(users.find(name).orElseThrow()));
    }

    static Map<String, Object> view(Users.User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", u.name());
        m.put("roles", u.roles().stream().map(Role::id).sorted().toList());
        m.put("enabled", u.enabled());
        m.put("createdAt", u.createdAt());
        m.put("createdBy", u.createdBy());
        return m;
    }
}

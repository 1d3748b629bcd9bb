package io.orderhub.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The roles of people who log in to the console. Upstream systems authenticate with API keys instead. */
public enum Role {
    OPERATIONS("operations"),
    CUSTOMER_SERVICE("customer-service"),
    ADMIN("admin");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** A role by its id ({@code customer-service}); the message names the ids there are. */
    public static Role of(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + id + "' is not a role; roles are "
                        + Arrays.stream(values()).map(Role::id).toList()));
    }

    /** Roles from a comma-separated list of ids; at least one. */
    public static Set<Role> parseList(String ids) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (ids != null) {
            for (String id : ids.split(",")) {
                if (!id.isBlank()) {
                    roles.add(of(id));
                }
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role of " + Arrays.stream(values()).map(Role::id).toList());
        }
        return roles;
    }

    public static String toList(Set<Role> roles) {
        return String.join(",", roles.stream().map(Role::id).toList());
    }
}

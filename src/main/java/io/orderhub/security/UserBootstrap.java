package io.orderhub.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.Set;

/**
 * Users created at start from configuration, if they do not exist yet (an existing user is never changed):
 * {@code orderhub.security.users} ({@code name:password:role+role, ...}; the embedded default's demo users) and
 * {@code orderhub.security.admin-password} (user {@code admin}). A hub whose database has no enabled admin after
 * this does not start: nobody could manage its users.
 */
public final class UserBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(UserBootstrap.class);
    static final String ACTOR = "config";

    private UserBootstrap() {
    }

    public static void apply(Users users, String spec, String adminPassword) {
        if (spec != null && !spec.isBlank()) {
            for (String entry : spec.split(",")) {
                String[] parts = entry.trim().split(":", 3);
                if (parts.length != 3) {
                    throw new IllegalArgumentException("orderhub.security.users: '" + parts[0]
                            + ":***' is not name:password:role+role");
                }
                Set<Role> roles = Role.parseList(parts[2].replace('+', ','));
                create(users, parts[0], parts[1], roles);
            }
        }
        if (adminPassword != null && !adminPassword.isBlank()) {
            if (adminPassword.length() < Users.MIN_PASSWORD_LENGTH) {
                throw new IllegalArgumentException("orderhub.security.admin-password: at least "
                        + Users.MIN_PASSWORD_LENGTH + " characters");
            }
            create(users, "admin", adminPassword, EnumSet.of(Role.ADMIN));
        }
        boolean hasAdmin = users.list().stream().anyMatch(u -> u.enabled() && u.roles().contains(Role.ADMIN));
        if (!hasAdmin) {
            throw new IllegalStateException("No admin user: set orderhub.security.admin-password (environment"
                    + " ORDERHUB_SECURITY_ADMIN_PASSWORD, at least " + Users.MIN_PASSWORD_LENGTH + " characters)"
                    + " to create user 'admin' at start");
        }
    }

    private static void create(Users users, String name, String password, Set<Role> roles) {
        try {
            if (users.create(name, password.toCharArray(), roles, ACTOR)) {
                LOG.info("Console user '{}' created from configuration (roles {})", name, Role.toList(roles));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("orderhub.security: user '" + name + "': " + e.getMessage(), e);
        }
    }
}

package io.orderhub.security;

import io.orderhub.support.Database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The console's users and their sessions, in the tables console_users and console_sessions (V7). A session id is
 * 32 random bytes; only its SHA-256 is stored.
 */
public final class Users {

    /** User names: letters, digits, dot, dash, underscore; 2 to 64 characters. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");
    /** For passwords set through the API and the configured admin password (the demo users' are shorter). */
    public static final int MIN_PASSWORD_LENGTH = 8;

    public record User(String name, Set<Role> roles, boolean enabled, Instant createdAt, String createdBy) {
    }

    private final Database db;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Duration sessionLifetime;
    private final SecureRandom random = new SecureRandom();
    /** Verified when a user name is unknown, so that a login takes as long whether or not the name exists. */
    private volatile String decoyHash;

    public Users(Database db, PasswordHasher hasher, Clock clock, Duration sessionLifetime) {
        this.db = db;
        this.hasher = hasher;
        this.clock = clock;
        this.sessionLifetime = sessionLifetime;
    }

    /** Hashed at the first login of an unknown user, not at start (a PBKDF2 hash takes a few hundred ms of CPU). */
    private String decoyHash() {
        String d = decoyHash;
        if (d == null) {
            synchronized (this) {
                d = decoyHash;
                if (d == null) {
                    d = hasher.hash("decoy-password".toCharArray());
                    decoyHash = d;
                }
            }
        }
        return d;
    }

    public Duration sessionLifetime() {
        return sessionLifetime;
    }

    /**
     * Creates a user; the message of an IllegalArgumentException says what is wrong with the input.
     *
     * @return false if a user of that name exists already (nothing changed)
     */
    public boolean create(String name, char[] password, Set<Role> roles, String createdBy) {
        checkName(name);
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("password: empty");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("roles: at least one of " + List.of(Role.values()));
        }
        if (find(name).isPresent()) {
            return false; // no hash for nothing (every start creates the configured users if they are missing)
        }
        String hash = hasher.hash(password);
        return db.inTransaction(c -> {
            if (find(name).isPresent()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("insert into console_users (name, password_hash, roles,"
                    + " enabled, created_at, created_by) values (?, ?, ?, true, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, hash);
                ps.setString(3, Role.toList(roles));
                ps.setTimestamp(4, Timestamp.from(clock.instant()));
                ps.setString(5, createdBy);
                ps.executeUpdate();
            }
            return true;
        });
    }

    public Optional<User> find(String name) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select name, roles, enabled, created_at, created_by from console_users where name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(user(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<User> list() {
        return db.read(c -> {
            List<User> users = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select name, roles, enabled, created_at, created_by from console_users order by name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(user(rs));
                }
            }
            return users;
        });
    }

    /** The user if the name and password match an enabled user. */
    public Optional<User> check(String name, char[] password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        String stored = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select password_hash from console_users where name = ? and enabled = true")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        boolean ok = hasher.verify(password, stored == null ? decoyHash() : stored);
        return ok && stored != null ? find(name) : Optional.empty();
    }

    /** Opens a session for a user; returns the session id for the cookie. Expired sessions are removed here. */
    public String openSession(String name) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from console_sessions where expires_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into console_sessions (id_hash, user_name,"
                    + " created_at, expires_at) values (?, ?, ?, ?)")) {
                ps.setString(1, sha256(id));
                ps.setString(2, name);
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setTimestamp(4, Timestamp.from(now.plus(sessionLifetime)));
                ps.executeUpdate();
            }
            return null;
        });
        return id;
    }

    /** The user of an unexpired session of an enabled user. */
    public Optional<User> session(String sessionId) {
        if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 100) {
            return Optional.empty();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select u.name, u.roles, u.enabled, u.created_at,"
                    + " u.created_by from console_sessions s join console_users u on u.name = s.user_name"
                    + " where s.id_hash = ? and s.expires_at > ? and u.enabled = true")) {
                ps.setString(1, sha256(sessionId));
                ps.setTimestamp(2, Timestamp.from(clock.instant()));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(user(rs)) : Optional.empty();
                }
            }
        });
    }

    public void closeSession(String sessionId) {
        if (sessionId == null) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from console_sessions where id_hash = ?")) {
                ps.setString(1, sha256(sessionId));
                return ps.executeUpdate();
            }
        });
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: 2 to 64 letters, digits, '.', '-' or '_', not '" + name + "'");
        }
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString("name"), Role.parseList(rs.getString("roles")), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

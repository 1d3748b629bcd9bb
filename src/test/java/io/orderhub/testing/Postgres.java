package io.orderhub.testing;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the tests use: 127.0.0.1:5432, database {@code test}, user {@code postgres}, trust auth
 * (override with -Dorderhub.test.pg.url / -Dorderhub.test.pg.user). Tests that need it are skipped with a message
 * when it is not reachable — unless -Dorderhub.test.require-postgres=true or ORDERHUB_TEST_REQUIRE_POSTGRES=true (as .ci/run
 * sets), then they fail.
 */
public final class Postgres {

    public static final String URL = System.getProperty("orderhub.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("orderhub.test.pg.user", "postgres");

    private Postgres() {
    }

    /** Skips (or, when required, fails) the calling test if the server is not reachable. */
    public static void assumeAvailable() {
        try (Connection c = DriverManager.getConnection(URL, USER, "")) {
            c.isValid(2);
        } catch (SQLException e) {
            String message = "PostgreSQL at " + URL + " (user " + USER + ") is not reachable: " + e.getMessage();
            if (required()) {
                throw new IllegalStateException(message + " — and orderhub.test.require-postgres=true", e);
            }
            Assumptions.abort("SKIPPED, no PostgreSQL: " + message);
        }
    }

    /** True when PostgreSQL tests must run (CI): -Dorderhub.test.require-postgres or ORDERHUB_TEST_REQUIRE_POSTGRES. */
    static boolean required() {
        return Boolean.getBoolean("orderhub.test.require-postgres")
                || "true".equalsIgnoreCase(System.getenv("ORDERHUB_TEST_REQUIRE_POSTGRES"));
    }

    /** Creates an empty schema and returns its name. */
    public static String createSchema(String prefix) {
        String schema = prefix + "_" + Long.toHexString(System.nanoTime());
        execute("create schema " + schema);
        return schema;
    }

    public static void dropSchema(String schema) {
        execute("drop schema if exists " + schema + " cascade");
    }

    public static String urlFor(String schema) {
        return URL + "?currentSchema=" + schema;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}

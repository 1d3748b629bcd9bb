package db.migration;

import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The common step of the Java migrations that apply to H2 alone: run their statements on H2, nothing elsewhere.
 * Not a migration itself (Flyway only runs classes that implement its JavaMigration).
 */
final class H2Only {

    private H2Only() {
    }

    static void execute(Context context, String... statements) throws SQLException {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"H2".equalsIgnoreCase(product)) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}

package io.orderhub.testing;

import io.orderhub.support.Database;
import io.orderhub.support.GroupCommit;

import java.nio.file.Path;

/** A migrated queue database for tests that need no Camel: an H2 file in a temp dir, or a fresh PostgreSQL schema. */
public final class TestDatabase implements AutoCloseable {

    private final Database db;
    private final String schema;
    private final GroupCommit commits;

    private TestDatabase(Database db, String schema) {
        this.db = db;
        this.schema = schema;
        this.commits = new GroupCommit(db, "test-commit", db.dialect() == Database.Dialect.H2 ? 1 : 4, 200, 10_000, 30_000);
    }

    public GroupCommit commits() {
        return commits;
    }

    public static TestDatabase h2(Path dir) {
        Database db = new Database("jdbc:h2:file:" + dir.resolve("queue").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", 8);
        db.migrate();
        return new TestDatabase(db, null);
    }

    public static TestDatabase postgres() {
        Postgres.assumeAvailable();
        String schema = Postgres.createSchema("oh_unit");
        Database db = new Database(Postgres.urlFor(schema), Postgres.USER, "", 8);
        db.migrate();
        return new TestDatabase(db, schema);
    }

    public Database db() {
        return db;
    }

    @Override
    public void close() {
        commits.close();
        db.close();
        if (schema != null) {
            Postgres.dropSchema(schema);
        }
    }
}

package io.orderhub.e2e;

import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The exception-desk suite on PostgreSQL (127.0.0.1:5432, database test); skipped with a message when unreachable. */
class PostgresExceptionDeskTest extends ExceptionDeskEndToEndTest {

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        startHub(TestHub.Db.POSTGRES, dataDir);
    }
}

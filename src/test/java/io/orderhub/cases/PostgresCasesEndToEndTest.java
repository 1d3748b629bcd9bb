package io.orderhub.cases;

import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/** The cases suite on PostgreSQL (127.0.0.1:5432, database test); skipped with a message when unreachable. */
class PostgresCasesEndToEndTest extends CasesEndToEndTest {

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startHub() {
        hub = TestHub.start(TestHub.Db.POSTGRES, dataDir, Map.of());
    }
}

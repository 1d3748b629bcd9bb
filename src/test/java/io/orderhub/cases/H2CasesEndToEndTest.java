package io.orderhub.cases;

import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/** The cases suite on the embedded H2 database. */
class H2CasesEndToEndTest extends CasesEndToEndTest {

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startHub() {
        hub = TestHub.start(TestHub.Db.H2, dataDir, Map.of());
    }
}

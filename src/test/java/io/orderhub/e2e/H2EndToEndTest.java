package io.orderhub.e2e;

import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The end-to-end suite on the embedded default: an H2 file. */
class H2EndToEndTest extends HubEndToEndTest {

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startHub() {
        hub = TestHub.start(TestHub.Db.H2, dataDir, overrides());
    }
}

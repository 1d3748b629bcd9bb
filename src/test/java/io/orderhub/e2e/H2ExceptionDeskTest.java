package io.orderhub.e2e;

import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The exception-desk suite on the embedded default: an H2 file. */
class H2ExceptionDeskTest extends ExceptionDeskEndToEndTest {

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        startHub(TestHub.Db.H2, dataDir);
    }
}

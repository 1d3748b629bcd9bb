package io.orderhub.dashboard;

import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The dashboards suite on H2. */
class H2DashboardsEndToEndTest extends DashboardsEndToEndTest {

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startHub() {
        hub = TestHub.start(TestHub.Db.H2, dataDir, overrides());
    }
}

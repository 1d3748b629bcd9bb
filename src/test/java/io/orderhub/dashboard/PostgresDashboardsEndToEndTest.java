package io.orderhub.dashboard;

import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The dashboards suite on Postgres (127.0.0.1:5432, database test); skipped with a message when unreachable. */
class PostgresDashboardsEndToEndTest extends DashboardsEndToEndTest {

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startHub() {
        hub = TestHub.start(TestHub.Db.POSTGRES, dataDir, overrides());
    }
}

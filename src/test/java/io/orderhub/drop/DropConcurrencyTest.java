package io.orderhub.drop;

import io.orderhub.intake.DropRoutes;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.orderhub.drop.DropFixtures.folderDrop;
import static io.orderhub.drop.DropFixtures.order;
import static io.orderhub.drop.DropFixtures.partner;
import static io.orderhub.drop.DropFixtures.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A drop's files are processed {@code drop.concurrency} at a time. Each file is held right after it was read (the
 * test pause point {@code read}, which adds one line per held file to a marker file), so the marker counts the
 * files in flight at once: two with concurrency 2, one with concurrency 1, however long the test waits.
 */
class DropConcurrencyTest {

    static final String PARTNER = "DROP-CONCURRENCY";

    @TempDir
    Path dir;
    TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close(); // interrupts the held exchanges; their files stay in the folder
        }
    }

    @Test
    void twoFilesAreInFlightAtOnceWithConcurrencyTwo() throws IOException {
        Path marker = startHoldingDrop(2, 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> heldFiles(marker) == 2);
        // the third file waits for a free thread
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> heldFiles(marker) == 2);
    }

    @Test
    void oneFileAtATimeWithConcurrencyOne() throws IOException {
        Path marker = startHoldingDrop(1, 2);

        await().atMost(Duration.ofSeconds(30)).until(() -> heldFiles(marker) == 1);
        // several polls of 200 ms later the second file has still not been taken
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> heldFiles(marker) == 1);
    }

    /** A hub whose drop holds every file after reading it, with {@code files} files waiting in the folder. */
    private Path startHoldingDrop(int concurrency, int files) throws IOException {
        Path folder = dir.resolve("in");
        Files.createDirectories(folder);
        for (int i = 0; i < files; i++) {
            String po = po();
            Files.write(folder.resolve(po + ".json"), order(PARTNER, po));
        }
        Path partners = DropFixtures.writePartners(dir, partner(PARTNER,
                folderDrop(folder, "complete: rename", "concurrency: " + concurrency)));
        Path marker = dir.resolve("held");
        Map<String, String> props = new LinkedHashMap<>(DropFixtures.hubProperties(partners));
        props.put(DropRoutes.PAUSE_AT, "read");
        props.put(DropRoutes.PAUSE_MARKER, marker.toString());
        // the held exchanges never complete: do not wait the default 20 s for them at the end
        props.put("camel.main.shutdownTimeout", "2");
        hub = TestHub.start(TestHub.Db.H2, dir, props);
        return marker;
    }

    private static long heldFiles(Path marker) throws IOException {
        return Files.exists(marker) ? Files.readAllLines(marker).stream().filter(l -> !l.isBlank()).count() : 0;
    }
}

package io.orderhub.drop;

import io.orderhub.testing.ChildHub;
import io.orderhub.drop.DropFixtures.StoredDocument;
import io.orderhub.intake.DropRoutes;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.orderhub.drop.DropFixtures.awaitExists;
import static io.orderhub.drop.DropFixtures.awaitOrderStatus;
import static io.orderhub.drop.DropFixtures.documents;
import static io.orderhub.drop.DropFixtures.order;
import static io.orderhub.drop.DropFixtures.ordersByPo;
import static io.orderhub.drop.DropFixtures.partner;
import static io.orderhub.drop.DropFixtures.po;
import static io.orderhub.drop.DropFixtures.sftpDrop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of a hub reading an SFTP drop, at the two moments that matter: after the file was read but before its
 * document was committed, and after the commit but before the file was moved. The hub runs as a child JVM that
 * holds the file at that point (orderhub.drop.test.pause-at) and says so with a marker file; the test kills it
 * there, restarts the hub on the same database and checks: exactly one order for the file, and the file archived.
 */
class DropCrashTest {

    static final String PARTNER = "SFTP-CRASH";

    /** Kept when the test fails: the H2 files (and child logs) a kill left behind are the evidence. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    SftpTestServer sftp;
    ChildHub child;
    TestHub hub;

    @AfterEach
    void stop() {
        if (child != null) {
            child.close();
        }
        if (hub != null) {
            hub.close();
        }
        if (sftp != null) {
            sftp.close();
        }
    }

    @Test
    void killedAfterReadingBeforeTheCommit() {
        Killed killed = killHubAt("read");

        StoredDocument doc = restartAndAwaitOneOrderArchived(killed);
        assertThat(doc.receivedAt()).as("committed by the restarted hub").isAfter(killed.at());
    }

    @Test
    void killedAfterTheCommitBeforeTheMove() {
        Killed killed = killHubAt("committed");

        StoredDocument doc = restartAndAwaitOneOrderArchived(killed);
        assertThat(doc.receivedAt()).as("committed by the killed hub, replayed by the restarted one")
                .isBefore(killed.at());
    }

    private record Killed(String po, String name, Path partners, Instant at) {
    }

    private Killed killHubAt(String point) {
        sftp = SftpTestServer.create(dir).start();
        sftp.mkdirs("in");
        String po = po();
        String name = po + ".json";
        sftp.upload("in/" + name, order(PARTNER, po));
        Path partners = DropFixtures.writePartners(dir, partner(PARTNER, sftpDrop(sftp, "in", "stableMs: 200")));
        Path marker = dir.resolve("paused");

        Map<String, String> props = new LinkedHashMap<>(DropFixtures.hubProperties(partners));
        props.put("orderhub.db.url", ChildHub.h2Url(dir));
        props.put(DropRoutes.PAUSE_AT, point);
        props.put(DropRoutes.PAUSE_MARKER, marker.toString());
        child = ChildHub.start(props, dir.resolve("child-" + point + ".log")).awaitMarker(marker, Duration.ofSeconds(90));
        Instant at = Instant.now();
        child.kill();

        assertThat(sftp.file("in/" + name)).as("the file stays where it was").exists();
        assertThat(sftp.file("in/archive/" + name)).doesNotExist();
        return new Killed(po, name, partners, at);
    }

    private StoredDocument restartAndAwaitOneOrderArchived(Killed killed) {
        hub = TestHub.start(TestHub.Db.H2, dir, DropFixtures.hubProperties(killed.partners()));

        awaitOrderStatus(hub, killed.po(), "DELIVERED");
        awaitExists(sftp.file("in/archive/" + killed.name()));
        assertThat(sftp.file("in/" + killed.name())).doesNotExist();
        assertThat(ordersByPo(hub, killed.po())).hasSize(1);
        List<StoredDocument> docs = documents(hub, PARTNER, killed.name());
        assertThat(docs).hasSize(1);
        return docs.get(0);
    }
}

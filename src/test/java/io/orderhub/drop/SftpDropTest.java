package io.orderhub.drop;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhub.drop.DropFixtures.StoredDocument;
import io.orderhub.support.Database;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static io.orderhub.drop.DropFixtures.WAIT;
import static io.orderhub.drop.DropFixtures.awaitExists;
import static io.orderhub.drop.DropFixtures.awaitOrderStatus;
import static io.orderhub.drop.DropFixtures.awaitPolls;
import static io.orderhub.drop.DropFixtures.documents;
import static io.orderhub.drop.DropFixtures.order;
import static io.orderhub.drop.DropFixtures.ordersByPo;
import static io.orderhub.drop.DropFixtures.partner;
import static io.orderhub.drop.DropFixtures.po;
import static io.orderhub.drop.DropFixtures.sftpDrop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Partner drops on a real SFTP server (Apache MINA SSHD in this JVM) read by the real hub: one partner per way of
 * telling that an upload is complete, each in its own remote folder.
 */
class SftpDropTest {

    static final String STABLE = "SFTP-STABLE";
    static final String DONE = "SFTP-DONE";
    static final String RENAME = "SFTP-RENAME";

    @TempDir
    static Path dir;
    static SftpTestServer sftp;
    static TestHub hub;

    @BeforeAll
    static void start() {
        sftp = SftpTestServer.create(dir).start();
        sftp.mkdirs("in/stable");
        sftp.mkdirs("in/done");
        sftp.mkdirs("in/rename");
        Path partners = DropFixtures.writePartners(dir,
                partner(STABLE, sftpDrop(sftp, "in/stable", "complete: stable-size", "stableMs: 500")),
                partner(DONE, sftpDrop(sftp, "in/done", "complete: done-file", "include: \"*.json\"")),
                partner(RENAME, sftpDrop(sftp, "in/rename", "complete: rename")));
        hub = TestHub.start(TestHub.Db.H2, dir, DropFixtures.hubProperties(partners));
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        if (sftp != null) {
            sftp.close();
        }
    }

    @Test
    void orderFileBecomesADeliveredOrderAndIsArchived() {
        String po = po();
        byte[] content = order(STABLE, po);
        sftp.upload("in/stable/" + po + ".json", content);

        JsonNode order = awaitOrderStatus(hub, po, "DELIVERED");
        awaitExists(sftp.file("in/stable/archive/" + po + ".json"));

        assertThat(sftp.file("in/stable/" + po + ".json")).doesNotExist();
        assertThat(order.path("channel").asText()).isEqualTo("sftp");
        assertThat(order.path("sender").asText()).isEqualTo(STABLE);
        List<StoredDocument> docs = documents(hub, STABLE, po + ".json");
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).status()).isEqualTo("ACCEPTED");
        assertThat(docs.get(0).content()).isEqualTo(content);
        assertThat(docs.get(0).source())
                .isEqualTo("sftp://partner@127.0.0.1:" + sftp.port() + "/in/stable/" + po + ".json");
        assertThat(sftp.readOpens("in/stable/" + po + ".json")).hasSize(1);
    }

    @Test
    void growingUploadIsNotReadUntilItsSizeStaysTheSame() {
        String po = po();
        byte[] content = order(STABLE, po);
        String path = "in/stable/" + po + ".json";
        SftpTestServer.Upload upload = sftp.beginUpload(path);
        // one piece after each look the hub takes at the folder: it never sees the same size twice in a row
        int pieces = 6;
        int size = (content.length + pieces - 1) / pieces;
        for (int i = 0; i < pieces; i++) {
            int seen = sftp.listings("in/stable");
            await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> sftp.listings("in/stable") > seen);
            upload.write(Arrays.copyOfRange(content, i * size, Math.min(content.length, (i + 1) * size)));
            assertThat(sftp.readOpens(path)).as("read while being uploaded").isEmpty();
        }
        upload.close();

        awaitOrderStatus(hub, po, "DELIVERED");
        List<Instant> reads = sftp.readOpens(path);
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0)).isAfterOrEqualTo(upload.closedAt());
        assertThat(documents(hub, STABLE, po + ".json")).singleElement()
                .satisfies(d -> assertThat(d.content()).isEqualTo(content));
    }

    @Test
    void fileWithoutItsDoneFileIsNotReadUntilTheDoneFileArrives() {
        String po = po();
        String path = "in/done/" + po + ".json";
        sftp.upload(path, order(DONE, po));

        awaitPolls(hub, "sftp-drop-" + DONE, 3);
        assertThat(sftp.readOpens(path)).isEmpty();
        assertThat(documents(hub, DONE, po + ".json")).isEmpty();

        sftp.upload(path + ".done", new byte[0]);
        awaitOrderStatus(hub, po, "DELIVERED");
        awaitExists(sftp.file("in/done/archive/" + po + ".json"));
        await().atMost(WAIT).until(() -> !Files.exists(sftp.file(path + ".done")));
        assertThat(sftp.file(path)).doesNotExist();
    }

    @Test
    void fileUploadedUnderATemporaryNameIsReadOnlyAfterTheRename() {
        String po = po();
        String path = "in/rename/" + po + ".json";
        sftp.upload(path + ".part", order(RENAME, po));

        awaitPolls(hub, "sftp-drop-" + RENAME, 3);
        assertThat(sftp.readOpens(path + ".part")).isEmpty();
        assertThat(documents(hub, RENAME, po + ".json.part")).isEmpty();

        sftp.rename(path + ".part", path);
        awaitOrderStatus(hub, po, "DELIVERED");
        awaitExists(sftp.file("in/rename/archive/" + po + ".json"));
    }

    @Test
    void brokenFileIsStoredAsARejectedDocumentAndMovedToTheErrorFolder() {
        String name = "broken-" + po() + ".json";
        byte[] content = "{\"poNumber\": \"X\",\n \"lines\": [".getBytes(StandardCharsets.UTF_8);
        sftp.upload("in/stable/" + name, content);

        awaitExists(sftp.file("in/stable/error/" + name));

        assertThat(sftp.file("in/stable/" + name)).doesNotExist();
        assertThat(sftp.file("in/stable/archive/" + name)).doesNotExist();
        StoredDocument doc = documents(hub, STABLE, name).get(0);
        assertThat(doc.status()).isEqualTo("REJECTED");
        assertThat(doc.problems()).contains("bad-json");
        assertThat(doc.content()).isEqualTo(content);
    }

    @Test
    void fileOfNoKnownFormatIsRejectedVisiblyAndMovedToTheErrorFolder() {
        String name = "note-" + po() + ".txt";
        sftp.upload("in/stable/" + name, "please send 5 widgets".getBytes(StandardCharsets.UTF_8));

        awaitExists(sftp.file("in/stable/error/" + name));

        StoredDocument doc = documents(hub, STABLE, name).get(0);
        assertThat(doc.status()).isEqualTo("REJECTED");
        assertThat(doc.format()).isEqualTo("unknown");
        assertThat(doc.problems()).contains("unsupported-format");
    }

    @Test
    void sameFileUploadedAgainMakesNoSecondOrder() {
        String po = po();
        String name = po + ".json";
        byte[] content = order(STABLE, po);
        sftp.upload("in/stable/" + name, content);
        awaitOrderStatus(hub, po, "DELIVERED");
        awaitExists(sftp.file("in/stable/archive/" + name));

        sftp.upload("in/stable/" + name, content);
        await().atMost(WAIT).until(() -> sftp.readOpens("in/stable/" + name).size() == 2
                && !Files.exists(sftp.file("in/stable/" + name)));

        assertThat(ordersByPo(hub, po)).hasSize(1);
        assertThat(documents(hub, STABLE, name)).hasSize(1);
        assertThat(DropFixtures.read(sftp.file("in/stable/archive/" + name))).isEqualTo(content);
    }

    @Test
    void fileStaysInPlaceWhenTheCommitFailsAndIsReadAgainByTheNextPoll() throws Exception {
        String po = po();
        String name = "blocked-" + po + ".json";
        Database db = hub.bean("database", Database.class);
        // the commit of this one file fails, as it would with the database down
        String constraint = "drop_test_" + Math.abs(po.hashCode());
        db.read(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("alter table documents add constraint " + constraint
                        + " check (source not like '%/blocked-%')");
            }
        });
        try {
            sftp.upload("in/stable/" + name, order(STABLE, po));
            await().atMost(WAIT).until(() -> sftp.readOpens("in/stable/" + name).size() >= 2);

            assertThat(sftp.file("in/stable/" + name)).exists();
            assertThat(sftp.file("in/stable/archive/" + name)).doesNotExist();
            assertThat(sftp.file("in/stable/error/" + name)).doesNotExist();
            assertThat(documents(hub, STABLE, name)).isEmpty();
        } finally {
            db.read(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("alter table documents drop constraint " + constraint);
                }
            });
        }

        awaitOrderStatus(hub, po, "DELIVERED");
        awaitExists(sftp.file("in/stable/archive/" + name));
        assertThat(documents(hub, STABLE, name)).hasSize(1);
    }
}

package io.orderhub.drop;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhub.drop.DropFixtures.StoredDocument;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.orderhub.drop.DropFixtures.WAIT;
import static io.orderhub.drop.DropFixtures.awaitExists;
import static io.orderhub.drop.DropFixtures.awaitOrderStatus;
import static io.orderhub.drop.DropFixtures.awaitPolls;
import static io.orderhub.drop.DropFixtures.documents;
import static io.orderhub.drop.DropFixtures.folderDrop;
import static io.orderhub.drop.DropFixtures.order;
import static io.orderhub.drop.DropFixtures.ordersByPo;
import static io.orderhub.drop.DropFixtures.partner;
import static io.orderhub.drop.DropFixtures.po;
import static io.orderhub.drop.DropFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Local hot folders (the embedded default's drop): the same guarantees as the SFTP drops. */
class FolderDropTest {

    static final String STABLE = "FOLDER-STABLE";
    static final String DONE = "FOLDER-DONE";
    static final String DELETE = "FOLDER-DELETE";

    @TempDir
    static Path dir;
    static Path stable;
    static Path done;
    static Path delete;
    static TestHub hub;

    @BeforeAll
    static void start() {
        stable = dir.resolve("inbox/stable");
        done = dir.resolve("inbox/done");
        delete = dir.resolve("inbox/delete");
        Path partners = DropFixtures.writePartners(dir,
                partner(STABLE, folderDrop(stable, "complete: stable-size", "stableMs: 500")),
                partner(DONE, folderDrop(done, "complete: done-file", "doneFile: \"${file:name.noext}.ready\"")),
                partner(DELETE, folderDrop(delete, "complete: rename", "delete: true")));
        hub = TestHub.start(TestHub.Db.H2, dir, DropFixtures.hubProperties(partners));
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void foldersAreCreatedAtStart() {
        assertThat(stable).isDirectory();
        assertThat(done).isDirectory();
        assertThat(delete).isDirectory();
    }

    @Test
    void orderFileBecomesADeliveredOrderAndIsArchived() {
        String po = po();
        byte[] content = order(STABLE, po);
        write(stable.resolve(po + ".json"), content);

        JsonNode order = awaitOrderStatus(hub, po, "DELIVERED");
        awaitExists(stable.resolve("archive/" + po + ".json"));

        assertThat(stable.resolve(po + ".json")).doesNotExist();
        assertThat(order.path("channel").asText()).isEqualTo("folder");
        StoredDocument doc = documents(hub, STABLE, po + ".json").get(0);
        assertThat(doc.content()).isEqualTo(content);
        assertThat(doc.source()).isEqualTo(stable.toAbsolutePath().normalize().resolve(po + ".json").toString());
    }

    @Test
    void fileBeingWrittenIsReadOnlyWhenComplete() throws Exception {
        String po = po();
        byte[] content = order(STABLE, po);
        Path file = stable.resolve(po + ".json");
        int pieces = 20;
        int size = (content.length + pieces - 1) / pieces;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch complete = new CountDownLatch(1);
        // a slow writer: a piece every 100 ms for 2 s, while the size must stay the same for 500 ms to be read
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try (OutputStream out = Files.newOutputStream(file)) {
            writer.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i >= pieces) {
                    return;
                }
                try {
                    out.write(Arrays.copyOfRange(content, i * size, Math.min(content.length, (i + 1) * size)));
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (i == pieces - 1) {
                    complete.countDown();
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            assertThat(complete.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(documents(hub, STABLE, po + ".json")).as("read while being written").isEmpty();
        } finally {
            writer.shutdownNow();
        }

        awaitOrderStatus(hub, po, "DELIVERED");
        assertThat(documents(hub, STABLE, po + ".json")).singleElement()
                .satisfies(d -> assertThat(d.content()).isEqualTo(content));
    }

    @Test
    void fileIsNotReadBeforeItsDoneFileAppears() {
        String po = po();
        write(done.resolve(po + ".json"), order(DONE, po));

        awaitPolls(hub, "folder-drop-" + DONE, 3);
        assertThat(documents(hub, DONE, po + ".json")).isEmpty();
        assertThat(done.resolve(po + ".json")).exists();

        write(done.resolve(po + ".ready"), new byte[0]);
        awaitOrderStatus(hub, po, "DELIVERED");
        awaitExists(done.resolve("archive/" + po + ".json"));
        await().atMost(WAIT).until(() -> !Files.exists(done.resolve(po + ".ready")));
    }

    @Test
    void brokenFileIsStoredAsARejectedDocumentAndMovedToTheErrorFolder() {
        String name = "broken-" + po() + ".json";
        write(stable.resolve(name), "[1, 2".getBytes(StandardCharsets.UTF_8));

        awaitExists(stable.resolve("error/" + name));

        assertThat(stable.resolve(name)).doesNotExist();
        StoredDocument doc = documents(hub, STABLE, name).get(0);
        assertThat(doc.status()).isEqualTo("REJECTED");
        assertThat(doc.problems()).contains("bad-json");
    }

    @Test
    void sameFileDroppedAgainMakesNoSecondOrder() {
        String po = po();
        String name = po + ".json";
        byte[] content = order(STABLE, po);
        write(stable.resolve(name), content);
        awaitOrderStatus(hub, po, "DELIVERED");
        awaitExists(stable.resolve("archive/" + name));

        write(stable.resolve(name), content);
        awaitPolls(hub, "folder-drop-" + STABLE, 1);
        await().atMost(WAIT).until(() -> !Files.exists(stable.resolve(name)));

        assertThat(ordersByPo(hub, po)).hasSize(1);
        assertThat(documents(hub, STABLE, name)).hasSize(1);
        assertThat(stable.resolve("archive/" + name)).exists();
    }

    @Test
    void withDeleteTheFileIsDeletedAfterTheCommitAndTemporaryNamesAreNotRead() throws IOException {
        String po = po();
        Path temp = delete.resolve(po + ".json.tmp");
        write(temp, order(DELETE, po));
        awaitPolls(hub, "folder-drop-" + DELETE, 3);
        assertThat(temp).exists();
        assertThat(documents(hub, DELETE, po + ".json.tmp")).isEmpty();

        Files.move(temp, delete.resolve(po + ".json"));

        awaitOrderStatus(hub, po, "DELIVERED");
        await().atMost(WAIT).until(() -> !Files.exists(delete.resolve(po + ".json")));
        assertThat(delete.resolve("archive")).doesNotExist();
        assertThat(documents(hub, DELETE, po + ".json")).hasSize(1);
    }
}

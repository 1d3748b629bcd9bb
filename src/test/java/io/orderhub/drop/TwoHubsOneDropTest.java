package io.orderhub.drop;

import io.orderhub.drop.DropFixtures.StoredDocument;
import io.orderhub.intake.DropRoutes;
import io.orderhub.testing.Postgres;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
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
import static org.awaitility.Awaitility.await;

/**
 * Two hub instances on one PostgreSQL database polling the same SFTP folder, both reading the same file: the
 * first commits it and is held before moving it (orderhub.drop.test.pause-at=committed), the second reads it
 * again, gets the first outcome back and archives it. One document, one order.
 */
class TwoHubsOneDropTest {

    static final String PARTNER = "SFTP-SHARED";

    @TempDir
    Path dir;
    String schema;
    SftpTestServer sftp;
    TestHub first;
    TestHub second;

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (sftp != null) {
            sftp.close();
        }
        if (schema != null) {
            Postgres.dropSchema(schema);
        }
    }

    @Test
    void fileReadByTwoInstancesMakesOneOrder() throws Exception {
        Postgres.assumeAvailable();
        schema = Postgres.createSchema("oh_drop");
        sftp = SftpTestServer.create(dir).start();
        sftp.mkdirs("in");
        String po = po();
        String name = po + ".json";
        sftp.upload("in/" + name, order(PARTNER, po));
        Path partners = DropFixtures.writePartners(dir, partner(PARTNER, sftpDrop(sftp, "in", "stableMs: 200")));
        Path marker = dir.resolve("first-committed");

        Map<String, String> firstProps = shared(partners);
        firstProps.put(DropRoutes.PAUSE_AT, "committed");
        firstProps.put(DropRoutes.PAUSE_MARKER, marker.toString());
        // its held exchange never completes: do not wait the default 20 s for it at shutdown
        firstProps.put("camel.main.shutdown-timeout", "1");
        first = TestHub.start(TestHub.Db.H2, Files.createDirectories(dir.resolve("first")), firstProps);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(marker));
        Instant firstCommitted = Instant.now();
        assertThat(sftp.file("in/" + name)).exists();

        second = TestHub.start(TestHub.Db.H2, Files.createDirectories(dir.resolve("second")), shared(partners));

        awaitExists(sftp.file("in/archive/" + name));
        assertThat(sftp.readOpens("in/" + name)).hasSize(2);
        List<StoredDocument> docs = documents(second, PARTNER, name);
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).receivedAt()).isBefore(firstCommitted);
        assertThat(ordersByPo(second, po)).hasSize(1);
        awaitOrderStatus(second, po, "DELIVERED");
    }

    /** Both hubs: the same database schema, the same partner file. */
    private Map<String, String> shared(Path partners) {
        Map<String, String> p = new LinkedHashMap<>(DropFixtures.hubProperties(partners));
        p.put("orderhub.db.url", Postgres.urlFor(schema));
        p.put("orderhub.db.user", Postgres.USER);
        return p;
    }
}

package io.orderhub.mail;

import io.orderhub.testing.ChildHub;
import io.orderhub.mail.MailFixtures.Attachment;
import io.orderhub.mail.MailFixtures.StoredDocument;
import io.orderhub.mail.MailServer.Held;
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

import static io.orderhub.mail.MailFixtures.WAIT;
import static io.orderhub.mail.MailFixtures.awaitOrderStatus;
import static io.orderhub.mail.MailFixtures.documents;
import static io.orderhub.mail.MailFixtures.imapMailbox;
import static io.orderhub.mail.MailFixtures.mail;
import static io.orderhub.mail.MailFixtures.messageId;
import static io.orderhub.mail.MailFixtures.order;
import static io.orderhub.mail.MailFixtures.ordersByPo;
import static io.orderhub.mail.MailFixtures.partner;
import static io.orderhub.mail.MailFixtures.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of a hub reading a mailbox after a mail's document was committed but before the mail was marked on the
 * server (and, for comparison, after reading before the commit). The hub runs as a child JVM that holds the mail at
 * that point (orderhub.mail.test.pause-at) and says so with a marker file; the test checks the mail is still unread
 * on the server, kills the hub, restarts it on the same database and checks: exactly one order, one document, and
 * the mail now marked read.
 */
class MailCrashTest {

    static final String PARTNER = "MAIL-CRASH";
    static final String LOGIN = "crash";

    /** Kept when the test fails: the H2 files (and child logs) a kill left behind are the evidence. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    MailServer server;
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
        if (server != null) {
            server.close();
        }
    }

    @Test
    void killedAfterTheCommitBeforeTheMailIsMarked() {
        Killed killed = killHubAt("committed");
        assertThat(killed.committedBeforeKill()).as("the document was committed before the kill").hasSize(1);

        StoredDocument doc = restartAndAwaitOneOrder(killed);
        assertThat(doc.receivedAt()).as("committed by the killed hub, replayed by the restarted one")
                .isBefore(killed.at());
    }

    @Test
    void killedAfterReadingBeforeTheCommit() {
        Killed killed = killHubAt("read");

        StoredDocument doc = restartAndAwaitOneOrder(killed);
        assertThat(doc.receivedAt()).as("committed by the restarted hub").isAfter(killed.at());
    }

    private record Killed(String po, String messageId, Path partners, Path mailboxes, Instant at,
                          List<StoredDocument> committedBeforeKill) {
    }

    private Killed killHubAt(String point) {
        server = MailServer.start();
        server.user(LOGIN);
        String po = po();
        String id = messageId();
        server.deliver(LOGIN, mail("buyer@crash.example", "crash@hub.example", "Order " + po, id, "",
                new Attachment("po.json", "application/json", order(po))));
        Path partners = MailFixtures.writePartners(dir, partner(PARTNER, "senders: [\"@crash.example\"]"));
        Path mailboxes = MailFixtures.writeMailboxes(dir, "", imapMailbox(server, "crashbox", LOGIN));
        Path marker = dir.resolve("paused");

        Map<String, String> props = new LinkedHashMap<>(MailFixtures.hubProperties(partners, mailboxes));
        props.put("orderhub.db.url", ChildHub.h2Url(dir));
        props.put(MailChannel.PAUSE_AT, point);
        props.put(MailChannel.PAUSE_MARKER, marker.toString());
        child = ChildHub.start(props, dir.resolve("child-" + point + ".log")).awaitMarker(marker, Duration.ofSeconds(90));
        assertThat(server.folder(LOGIN, "INBOX")).as("not yet marked on the server")
                .containsExactly(new Held("INBOX", id, false));
        Instant at = Instant.now();
        child.kill();

        assertThat(server.folder(LOGIN, "INBOX")).as("the mail stays unread after the kill")
                .containsExactly(new Held("INBOX", id, false));
        List<StoredDocument> committed = committedDocuments(id);
        return new Killed(po, id, partners, mailboxes, at, committed);
    }

    /** The mail documents in the killed hub's database, read with a hub that has no mailbox (nothing polls). */
    private List<StoredDocument> committedDocuments(String id) {
        Path none = MailFixtures.write(dir.resolve("no-mailboxes.yaml"), "mailboxes: []\n");
        Map<String, String> props = new LinkedHashMap<>(MailFixtures.hubProperties(
                dir.resolve("partners-mail-test.yaml"), none));
        try (TestHub reader = TestHub.start(TestHub.Db.H2, dir, props)) {
            return documents(reader, id);
        }
    }

    private StoredDocument restartAndAwaitOneOrder(Killed killed) {
        hub = TestHub.start(TestHub.Db.H2, dir, MailFixtures.hubProperties(killed.partners(), killed.mailboxes()));

        awaitOrderStatus(hub, killed.po(), "DELIVERED");
        await().atMost(WAIT).until(() -> server.folder(LOGIN, "INBOX")
                .equals(List.of(new Held("INBOX", killed.messageId(), true))));
        assertThat(ordersByPo(hub, killed.po())).hasSize(1);
        List<StoredDocument> docs = documents(hub, killed.messageId());
        assertThat(docs).hasSize(1);
        return docs.get(0);
    }
}

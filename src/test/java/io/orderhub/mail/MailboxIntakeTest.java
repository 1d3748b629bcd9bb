package io.orderhub.mail;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhub.mail.MailFixtures.Attachment;
import io.orderhub.mail.MailFixtures.StoredDocument;
import io.orderhub.mail.MailServer.Held;
import io.orderhub.testing.TestHub;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.orderhub.mail.MailFixtures.WAIT;
import static io.orderhub.mail.MailFixtures.awaitDocument;
import static io.orderhub.mail.MailFixtures.awaitOrderStatus;
import static io.orderhub.mail.MailFixtures.crlf;
import static io.orderhub.mail.MailFixtures.documents;
import static io.orderhub.mail.MailFixtures.imapMailbox;
import static io.orderhub.mail.MailFixtures.mail;
import static io.orderhub.mail.MailFixtures.messageId;
import static io.orderhub.mail.MailFixtures.order;
import static io.orderhub.mail.MailFixtures.orderDetail;
import static io.orderhub.mail.MailFixtures.ordersByPo;
import static io.orderhub.mail.MailFixtures.ordersOfDocument;
import static io.orderhub.mail.MailFixtures.partner;
import static io.orderhub.mail.MailFixtures.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mail channel end to end: a real GreenMail IMAP/SMTP server in the test JVM, the real hub reading two shared
 * mailboxes (different default partners; one marks mails seen, one moves them), the ERP simulator booking orders.
 */
class MailboxIntakeTest {

    static final String ACME = "MAIL-ACME";
    static final String BETA = "MAIL-BETA";
    static final String FALLBACK_1 = "MAIL-FALLBACK-1";
    static final String FALLBACK_2 = "MAIL-FALLBACK-2";
    static final String ORDERS = "orders";
    static final String FAX = "fax";
    static final String POP = "pop";
    static final String SMALL = "small";

    @TempDir
    static Path dir;
    static MailServer server;
    static TestHub hub;

    @BeforeAll
    static void start() {
        server = MailServer.start();
        server.user(ORDERS);
        server.user(FAX);
        server.user(POP);
        server.user(SMALL);
        Path partners = MailFixtures.writePartners(dir,
                partner(ACME, "senders: [\"@acme.example\"]\nconfirmReceipt: true\nconfirmErpNumber: true"),
                partner(BETA, "senders: [\"buyer@beta.example\"]"),
                partner(FALLBACK_1, null),
                partner(FALLBACK_2, null));
        Path mailboxes = MailFixtures.writeMailboxes(dir, """
                        limits:
                          maxAttachmentBytes: 200000
                          maxZipBytes: 400000
                        confirmations:
                          host: 127.0.0.1
                          port: %d
                          user: orders
                          passwordProperty: %s
                          from: orders@hub.example
                        """.formatted(server.smtpPort(), MailFixtures.PASSWORD_PROPERTY),
                imapMailbox(server, ORDERS, ORDERS, "defaultPartner: " + FALLBACK_1),
                imapMailbox(server, FAX, FAX, "defaultPartner: " + FALLBACK_2, "afterCommit: move",
                        "moveTo: Done"),
                imapMailbox(server, SMALL, SMALL, "afterCommit: delete", "maxMessageBytes: 3000"),
                """
                          - name: pop
                            protocol: pop3
                            host: 127.0.0.1
                            port: %d
                            user: pop
                            passwordProperty: %s
                            pollMs: 200
                        """.formatted(server.pop3Port(), MailFixtures.PASSWORD_PROPERTY));
        hub = TestHub.start(TestHub.Db.H2, dir, MailFixtures.hubProperties(partners, mailboxes));
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void twoJsonAttachmentsBecomeTwoOrdersAndTheMailIsStoredUnchangedThenMarkedSeen() {
        String po1 = po();
        String po2 = po();
        String id = messageId();
        byte[] raw = mail("Buyer <buyer@acme.example>", "orders@hub.example", "Orders " + po1, id, "see attached",
                new Attachment("first.json", "application/json", order(po1)),
                new Attachment("second.json", "application/octet-stream", order(po2)));
        server.deliver(ORDERS, raw);

        JsonNode first = awaitOrderStatus(hub, po1, "DELIVERED");
        awaitOrderStatus(hub, po2, "DELIVERED");
        await().atMost(WAIT).until(() -> server.folder(ORDERS, "INBOX").contains(new Held("INBOX", id, true)));

        assertThat(first.path("sender").asText()).isEqualTo(ACME);
        assertThat(first.path("channel").asText()).isEqualTo("mail");
        StoredDocument doc = documents(hub, id).get(0);
        assertThat(doc.status()).isEqualTo("ACCEPTED");
        assertThat(doc.client()).isEqualTo("mail:" + ACME);
        assertThat(new String(doc.content(), StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(raw, StandardCharsets.ISO_8859_1));
        assertThat(ordersOfDocument(hub, doc.id())).hasSize(2);

        JsonNode detail = orderDetail(hub, first.path("id").asText());
        assertThat(detail.path("provenance").path("/poNumber").path("locator").asText())
                .isEqualTo("attachment 1 'first.json': /poNumber");

        HttpResponse<byte[]> original = hub.getBytes("/api/documents/" + doc.id(), "X-API-Key", TestHub.KEY);
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.headers().firstValue("Content-Type")).hasValue("message/rfc822");
        assertThat(original.body()).isEqualTo(doc.content());
    }

    @Test
    void theSenderGetsAReceiptQuotingThePoNumbers() {
        String po = po();
        server.deliver(ORDERS, mail("buyer@acme.example", "orders@hub.example", "Order", messageId(), "",
                new Attachment("po.json", "application/json", order(po))));

        awaitOrderStatus(hub, po, "DELIVERED");
        await().atMost(WAIT).until(() -> Arrays.stream(server.received()).anyMatch(m -> subject(m).contains(po)));
        MimeMessage receipt = Arrays.stream(server.received()).filter(m -> subject(m).contains(po)).findFirst()
                .orElseThrow();
        assertThat(recipients(receipt)).contains("buyer@acme.example");

        await().atMost(WAIT).until(() -> Arrays.stream(server.received())
                .anyMatch(m -> subject(m).equals("Order " + po + " booked as " + erpNumber(po))));
    }

    @Test
    void aReceiptThatACrashLeftOutOfTheOutboxIsEnqueuedAndSentByTheSweep() {
        String po = po();
        server.deliver(ORDERS, mail("buyer@acme.example", "orders@hub.example", "Order", messageId(), "",
                new Attachment("po.json", "application/json", order(po))));
        awaitOrderStatus(hub, po, "DELIVERED");
        await().atMost(WAIT).until(() -> receiptsFor(po) == 1);
        String orderId = hub.ordersByPo(po).get(0).path("id").asText();
        String documentId;
        try {
            documentId = MailFixtures.JSON.readTree(hub.get("/api/orders/" + orderId, "X-API-Key", TestHub.KEY).body())
                    .path("documentId").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(documentId).isNotBlank();
        // as if the hub had died between committing the mail and enqueueing its receipt
        hub.bean("database", io.orderhub.support.Database.class).inTransaction(c -> {
            try (var ps = c.prepareStatement("delete from mail_outbox where dedupe_key = ?")) {
                ps.setString(1, "receipt:" + documentId);
                return ps.executeUpdate();
            }
        });
        MailConfirmations confirmations = hub.bean("mailConfirmations", MailConfirmations.class);

        assertThat(confirmations.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(hub.bean("mailOutbox", MailOutbox.class).known("receipt:" + documentId)).isTrue();
        await().atMost(WAIT).until(() -> receiptsFor(po) == 2);
        assertThat(confirmations.sweep()).as("nothing left out now").isZero();
    }

    private static long receiptsFor(String po) {
        return Arrays.stream(server.received()).filter(m -> subject(m).startsWith("Order receipt:")
                && subject(m).contains(po)).count();
    }

    @Test
    void aPop3MailboxDeletesTheMailAfterTheCommit() {
        String po = po();
        String id = messageId();
        server.deliver(POP, mail("buyer@beta.example", "pop@hub.example", "Order", id, "",
                new Attachment("po.json", "application/json", order(po))));

        assertThat(awaitOrderStatus(hub, po, "DELIVERED").path("sender").asText()).isEqualTo(BETA);
        await().atMost(WAIT).until(() -> server.folder(POP, "INBOX").isEmpty());
        assertThat(documents(hub, id)).hasSize(1);
    }

    @Test
    void aMailOverTheSizeLimitIsKeptAsHeadersOnlyAndNeverDeleted() {
        String small = po();
        String smallId = messageId();
        String bigId = messageId();
        server.deliver(SMALL, mail("buyer@acme.example", "small@hub.example", "big", bigId, "x".repeat(5000)));
        server.deliver(SMALL, mail("buyer@acme.example", "small@hub.example", "small", smallId, "",
                new Attachment("po.json", "application/json", order(small))));

        StoredDocument big = awaitDocument(hub, bigId);
        assertThat(big.status()).isEqualTo("REJECTED");
        assertThat(big.contentType()).isEqualTo(MailIntake.HEADERS_ONLY);
        assertThat(big.problems()).contains("message-too-large");
        assertThat(new String(big.content(), StandardCharsets.UTF_8)).contains(bigId).doesNotContain("xxxxx");
        awaitOrderStatus(hub, small, "DELIVERED");
        await().atMost(WAIT).until(() -> server.folder(SMALL, "INBOX").equals(List.of(new Held("INBOX", bigId, true))));
    }

    @Test
    void anHtmlOnlyMailWithoutMessageIdIsStoredAsMessageRfc822AndReadOnce() {
        String marker = "html-" + po();
        byte[] raw = crlf("""
                From: buyer@acme.example
                Subject: %s
                MIME-Version: 1.0
                Content-Type: text/html; charset=utf-8

                <html><body><script>alert(1)</script><p>5 x A-100</p></body></html>
                """.formatted(marker));
        server.deliver(ORDERS, raw);
        server.deliver(ORDERS, raw);

        await().atMost(WAIT).until(() -> server.folder(ORDERS, "INBOX").stream()
                .filter(h -> h.messageId() == null).filter(Held::seen).count() >= 2);
        List<StoredDocument> docs = documents(hub, "(none)").stream()
                .filter(d -> new String(d.content(), StandardCharsets.UTF_8).contains(marker)).toList();
        assertThat(docs).as("same raw bytes: same SHA-256 key, one document").hasSize(1);
        HttpResponse<byte[]> original = hub.getBytes("/api/documents/" + docs.get(0).id(), "X-API-Key", TestHub.KEY);
        assertThat(original.headers().firstValue("Content-Type")).hasValue("message/rfc822");
        assertThat(original.body()).isEqualTo(raw);
    }

    @Test
    void aMailFromAnUnknownSenderGoesToReviewUnderTheMailboxDefaultPartner() {
        String po = po();
        String id = messageId();
        server.deliver(ORDERS, mail("stranger@unknown.example", "orders@hub.example", "Order", id, "",
                new Attachment("po.json", "application/json", order(po))));

        JsonNode order = awaitOrderStatus(hub, po, "NEEDS_REVIEW");

        assertThat(order.path("sender").asText()).isEqualTo(FALLBACK_1);
        JsonNode detail = orderDetail(hub, order.path("id").asText());
        assertThat(detail.path("problems").toString()).contains("unknown-sender").contains("stranger@unknown.example");
        StoredDocument doc = documents(hub, id).get(0);
        assertThat(doc.client()).isEqualTo("mailbox:" + ORDERS);
        assertThat(doc.problems()).contains("unknown-sender");
    }

    @Test
    void twoMailboxesAttributeUnknownSendersToTheirOwnDefaultPartnersAndTheFaxMailboxMovesAfterCommit() {
        String po1 = po();
        String po2 = po();
        String id2 = messageId();
        server.deliver(ORDERS, mail("someone@nowhere.example", "orders@hub.example", "Order", messageId(), "",
                new Attachment("po.json", "application/json", order(po1))));
        server.deliver(FAX, mail("someone@nowhere.example", "fax@hub.example", "Order", id2, "",
                new Attachment("po.json", "application/json", order(po2))));

        assertThat(awaitOrderStatus(hub, po1, "NEEDS_REVIEW").path("sender").asText()).isEqualTo(FALLBACK_1);
        assertThat(awaitOrderStatus(hub, po2, "NEEDS_REVIEW").path("sender").asText()).isEqualTo(FALLBACK_2);
        await().atMost(WAIT).until(() -> server.folder(FAX, "Done").stream().anyMatch(h -> id2.equals(h.messageId())));
        assertThat(server.folder(FAX, "INBOX")).noneMatch(h -> id2.equals(h.messageId()));
    }

    @Test
    void theSameMessageReadTwiceMakesOneOrder() {
        String po = po();
        String id = messageId();
        byte[] raw = mail("buyer@beta.example", "orders@hub.example", "Order", id, "",
                new Attachment("po.json", "application/json", order(po)));
        server.deliver(ORDERS, raw);
        awaitOrderStatus(hub, po, "DELIVERED");
        await().atMost(WAIT).until(() -> server.folder(ORDERS, "INBOX").stream()
                .filter(h -> id.equals(h.messageId())).allMatch(Held::seen));

        server.deliver(ORDERS, raw);
        await().atMost(WAIT).until(() -> server.folder(ORDERS, "INBOX").stream()
                .filter(h -> id.equals(h.messageId())).count() == 2
                && server.folder(ORDERS, "INBOX").stream().filter(h -> id.equals(h.messageId())).allMatch(Held::seen));

        assertThat(ordersByPo(hub, po)).hasSize(1);
        assertThat(documents(hub, id)).hasSize(1);
    }

    @Test
    void malformedMailsAreStoredForReviewAndDoNotStopTheConsumer() {
        String noSubject = messageId();
        String brokenMime = messageId();
        String oddCharset = messageId();
        String bodyOnly = messageId();
        String names = messageId();
        String pdf = messageId();
        String namesPo1 = po();
        String namesPo2 = po();
        server.deliver(ORDERS, crlf("""
                From: buyer@acme.example
                Message-ID: %s
                MIME-Version: 1.0
                Content-Type: multipart/mixed

                --nowhere
                Content-Type: application/json

                {"poNumber": "X"}
                --nowhere--
                """.formatted(brokenMime)));
        server.deliver(ORDERS, crlf("""
                From: buyer@acme.example
                Message-ID: %s
                Content-Type: text/plain

                no subject, no attachment
                """.formatted(noSubject)));
        server.deliver(ORDERS, crlf("""
                From: buyer@acme.example
                Subject: =?x-klingon?Q?Bestellung?=
                Message-ID: %s
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=x-klingon

                Bitte liefern: 5 St\u00fcck A-100
                --b1
                Content-Type: application/octet-stream; name="=?x-klingon?B?cG8uanNvbg==?="
                Content-Disposition: attachment; filename*=x-klingon''%%70%%6F.bin

                not an order
                --b1--
                """.formatted(oddCharset)));
        server.deliver(ORDERS, mail("buyer@acme.example", "orders@hub.example", "Bestellung", bodyOnly,
                "Bitte liefern Sie 5 x A-100 an Lager Nord. PO 4711"));
        server.deliver(ORDERS, mail("buyer@acme.example", "orders@hub.example", "two orders, odd names", names, "",
                new Attachment(null, "application/json", order(namesPo1)),
                new Attachment("order.json", "application/json", order(namesPo2)),
                new Attachment("order.json", "application/json", "{broken".getBytes(StandardCharsets.UTF_8))));
        server.deliver(ORDERS, mail("buyer@acme.example", "orders@hub.example", "scan", pdf, "",
                new Attachment("scan.pdf", "application/pdf", "%PDF-1.4\n%fake\n".getBytes(StandardCharsets.UTF_8))));

        // no boundary parameter: read leniently (the first "--" line is the boundary); the part has no name
        StoredDocument broken = awaitDocument(hub, brokenMime);
        assertThat(broken.status()).isEqualTo("REJECTED");
        assertThat(broken.problems()).contains("attachment 1 (no name): /lines");

        StoredDocument plain = awaitDocument(hub, noSubject);
        assertThat(plain.status()).isEqualTo("REJECTED");
        assertThat(plain.problems()).contains("no attachment");

        StoredDocument odd = awaitDocument(hub, oddCharset);
        assertThat(odd.status()).isEqualTo("REJECTED");
        assertThat(odd.problems()).contains("unreadable attachment");

        StoredDocument text = awaitDocument(hub, bodyOnly);
        assertThat(text.status()).isEqualTo("REJECTED");
        assertThat(text.sender()).isEqualTo(ACME);
        assertThat(new String(text.content(), StandardCharsets.UTF_8)).contains("PO 4711");

        awaitOrderStatus(hub, namesPo1, "DELIVERED");
        awaitOrderStatus(hub, namesPo2, "DELIVERED");
        StoredDocument twoNames = awaitDocument(hub, names);
        assertThat(twoNames.status()).isEqualTo("ACCEPTED");
        assertThat(twoNames.problems()).contains("attachment 3 'order.json'").contains("bad-json");

        StoredDocument scan = awaitDocument(hub, pdf);
        assertThat(scan.status()).isEqualTo("REJECTED");
        assertThat(scan.problems()).contains("attachment 1 'scan.pdf'").contains("no-pdf-template").contains("has no pdf: block");

        await().atMost(WAIT).until(() -> server.folder(ORDERS, "INBOX").stream()
                .filter(h -> h.messageId() != null)
                .filter(h -> List.of(noSubject, brokenMime, oddCharset, bodyOnly, names, pdf).contains(h.messageId()))
                .filter(Held::seen).count() == 6);
    }

    @Test
    void zipAttachmentsAreUnpackedWithinBoundsAndAZipBombIsNotInflated() throws IOException {
        String po = po();
        String id = messageId();
        String bomb = messageId();
        server.deliver(ORDERS, mail("buyer@acme.example", "orders@hub.example", "zipped", id, "",
                new Attachment("orders.zip", "application/zip", zip("po.json", order(po)))));
        server.deliver(ORDERS, mail("buyer@acme.example", "orders@hub.example", "bomb", bomb, "",
                new Attachment("big.zip", "application/zip", zip("zeros.json", new byte[5_000_000]))));

        JsonNode order = awaitOrderStatus(hub, po, "DELIVERED");
        assertThat(orderDetail(hub, order.path("id").asText()).path("provenance").path("/poNumber")
                .path("locator").asText()).isEqualTo("attachment 1 'orders.zip' entry 'po.json': /poNumber");
        StoredDocument bombDoc = awaitDocument(hub, bomb);
        assertThat(bombDoc.status()).isEqualTo("REJECTED");
        assertThat(bombDoc.problems()).contains("attachment-too-large");
    }

    @Test
    void aMailsOwnHeaderFieldsCannotMakeTheConsumerDeleteOrMoveIt() {
        String id = messageId();
        server.deliver(ORDERS, crlf("""
                From: buyer@acme.example
                Subject: delete me
                Message-ID: %s
                delete: true
                moveTo: Trash
                Content-Type: text/plain

                hello
                """.formatted(id)));

        awaitDocument(hub, id);
        await().atMost(WAIT).until(() -> server.folder(ORDERS, "INBOX").contains(new Held("INBOX", id, true)));
        assertThat(server.folder(ORDERS, "Trash")).isEmpty();
    }

    private static String erpNumber(String po) {
        return orderDetail(hub, ordersByPo(hub, po).get(0).path("id").asText()).path("erpOrderNumber").asText();
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static List<String> recipients(MimeMessage m) {
        try {
            return Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

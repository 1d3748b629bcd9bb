package io.orderhub.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.support.Database;
import io.orderhub.testing.TestHub;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Orders, mails, partner and mailbox files, and what the mail tests read back from a running hub. */
final class MailFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD_PROPERTY = "orderhub.test.mail.password";
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger SEQ = new AtomicInteger();

    private MailFixtures() {
    }

    static String po() {
        return "PO-MAIL-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQ.incrementAndGet();
    }

    static String messageId() {
        return "<" + UUID.randomUUID() + "@sender.example>";
    }

    /** The README's example order without a sender (the mail's sender decides it), with this PO number. */
    static byte[] order(String po) {
        return """
                {"poNumber": "%s", "orderDate": "2026-11-27", "currency": "EUR",
                 "buyer": {"id": "4012345000009", "name": "ACME Retail GmbH"},
                 "shipTo": {"id": "4012345000016", "name": "ACME Lager Nord", "street": "Hafenstr. 1", "city": "Hamburg", "postalCode": "20457", "country": "DE"},
                 "lines": [{"lineNumber": 1, "buyerItem": "A-100", "gtin": "04012345000023", "description": "Widget", "quantity": 5, "unit": "EA", "unitPrice": 12.50}]}
                """.formatted(po).getBytes(StandardCharsets.UTF_8);
    }

    /** One attachment of a test mail; a null name sends it without a file name. */
    record Attachment(String name, String contentType, byte[] content) {
    }

    /** A well-formed multipart mail, as raw bytes (CRLF line ends). */
    static byte[] mail(String from, String to, String subject, String messageId, String text, Attachment... attachments) {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            m.setFrom(new InternetAddress(from));
            m.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(to));
            if (subject != null) {
                m.setSubject(subject, "UTF-8");
            }
            MimeMultipart multipart = new MimeMultipart();
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text == null ? "" : text, "UTF-8");
            multipart.addBodyPart(body);
            for (Attachment a : attachments) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new jakarta.activation.DataHandler(
                        new jakarta.mail.util.ByteArrayDataSource(a.content(), a.contentType())));
                part.setHeader("Content-Type", a.contentType());
                part.setHeader("Content-Transfer-Encoding", "base64");
                part.setDisposition(jakarta.mail.Part.ATTACHMENT);
                if (a.name() != null) {
                    part.setFileName(a.name());
                }
                multipart.addBodyPart(part);
            }
            m.setContent(multipart);
            m.saveChanges();
            m.setHeader("Message-ID", messageId);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A partner entry of partners.yaml that knows the README's customers, with an optional mail block. */
    static String partner(String id, String mailBlock) {
        String mail = mailBlock == null ? "" : "    mail:\n" + mailBlock.indent(6).stripTrailing() + "\n";
        return """
                  - id: %s
                    name: Test partner %s
                    customers:
                      - id: "4012345000009"
                        name: ACME Retail GmbH
                      - id: "4012345000016"
                        name: ACME Lager Nord
                %s""".formatted(id, id, mail);
    }

    static Path writePartners(Path dir, String... partners) {
        return write(dir.resolve("partners-mail-test.yaml"), "partners:\n" + String.join("", partners));
    }

    /** An IMAP mailbox entry for the test server; extra lines (YAML) are appended. */
    static String imapMailbox(MailServer server, String name, String login, String... extra) {
        StringBuilder b = new StringBuilder("""
                  - name: %s
                    protocol: imap
                    host: 127.0.0.1
                    port: %d
                    user: %s
                    passwordProperty: %s
                    pollMs: 200
                """.formatted(name, server.imapPort(), login, PASSWORD_PROPERTY));
        for (String line : extra) {
            b.append("    ").append(line).append('\n');
        }
        return b.toString();
    }

    static Path writeMailboxes(Path dir, String tail, String... mailboxes) {
        return write(dir.resolve("mailboxes-test.yaml"), "mailboxes:\n" + String.join("", mailboxes) + tail);
    }

    static Path write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Hub properties: the test partner and mailbox files, and the mailbox password. */
    static Map<String, String> hubProperties(Path partners, Path mailboxes) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("orderhub.partners.file", partners.toAbsolutePath().toString());
        p.put(MailChannel.MAILBOXES_FILE, mailboxes.toAbsolutePath().toString());
        p.put(PASSWORD_PROPERTY, MailServer.PASSWORD);
        return p;
    }

    static List<JsonNode> ordersByPo(TestHub hub, String po) {
        return hub.ordersByPo(po);
    }

    static JsonNode awaitOrderStatus(TestHub hub, String po, String status) {
        return hub.awaitOrderStatus(po, status, WAIT);
    }

    static JsonNode orderDetail(TestHub hub, String id) {
        HttpResponse<String> r = hub.get("/api/orders/" + id, "X-API-Key", TestHub.KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored mail document, read from the documents table. */
    record StoredDocument(UUID id, String status, String client, String sender, String contentType, String problems,
                          byte[] content, Instant receivedAt) {
    }

    /** The documents committed from mails with this Message-ID, oldest first. */
    static List<StoredDocument> documents(TestHub hub, String messageId) {
        return hub.bean("database", Database.class).read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select id, status, client, sender, content_type,"
                    + " problems, content, received_at from documents where channel = 'mail' and source like ?"
                    + " order by received_at")) {
                ps.setString(1, "%Message-ID " + messageId + "%");
                List<StoredDocument> docs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        docs.add(new StoredDocument(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getBytes(7),
                                rs.getTimestamp(8).toInstant()));
                    }
                }
                return docs;
            }
        });
    }

    static StoredDocument awaitDocument(TestHub hub, String messageId) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> !documents(hub, messageId).isEmpty());
        return documents(hub, messageId).get(0);
    }

    /** The orders of a document, by document id. */
    static List<JsonNode> ordersOfDocument(TestHub hub, UUID documentId) {
        HttpResponse<String> r = hub.get("/api/documents/" + documentId + "/meta", "X-API-Key", TestHub.KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        try {
            List<JsonNode> orders = new ArrayList<>();
            JSON.readTree(r.body()).path("orders").forEach(orders::add);
            return orders;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

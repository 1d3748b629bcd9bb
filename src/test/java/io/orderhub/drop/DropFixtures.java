package io.orderhub.drop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.intake.DropIntake;
import io.orderhub.support.Database;
import io.orderhub.testing.TestHub;
import org.apache.camel.support.ScheduledPollConsumer;

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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Order files, partner files with drop blocks, and what the tests read back from a running hub. */
final class DropFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD_PROPERTY = "orderhub.test.sftp.password";
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger SEQ = new AtomicInteger();

    private DropFixtures() {
    }

    static String po() {
        return "PO-DROP-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQ.incrementAndGet();
    }

    /** The README's example order, from the given partner, with the given PO number. */
    static byte[] order(String sender, String po) {
        return """
                {"sender": "%s", "poNumber": "%s", "orderDate": "2026-11-27", "currency": "EUR",
                 "buyer": {"id": "4012345000009", "name": "ACME Retail GmbH"},
                 "shipTo": {"id": "4012345000016", "name": "ACME Lager Nord", "street": "Hafenstr. 1", "city": "Hamburg", "postalCode": "20457", "country": "DE"},
                 "lines": [{"lineNumber": 1, "buyerItem": "A-100", "gtin": "04012345000023", "description": "Widget", "quantity": 5, "unit": "EA", "unitPrice": 12.50}]}
                """.formatted(sender, po).getBytes(StandardCharsets.UTF_8);
    }

    /** A partner entry of partners.yaml that knows the README's customers (a partner may send through its own drop). */
    static String partner(String id, String dropBlock) {
        return """
                  - id: %s
                    name: Test partner %s
                    customers:
                      - id: "4012345000009"
                        name: ACME Retail GmbH
                      - id: "4012345000016"
                        name: ACME Lager Nord
                    drop:
                %s""".formatted(id, id, dropBlock.indent(6).stripTrailing() + "\n");
    }

    /** A drop block for the test SFTP server; extra lines (YAML, one per string) are appended. */
    static String sftpDrop(SftpTestServer server, String folder, String... extra) {
        StringBuilder b = new StringBuilder("""
                type: sftp
                host: 127.0.0.1
                port: %d
                user: %s
                passwordProperty: %s
                folder: %s
                pollMs: 200
                """.formatted(server.port(), SftpTestServer.USER, PASSWORD_PROPERTY, folder));
        for (String line : extra) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    /** A drop block for a local folder. */
    static String folderDrop(Path folder, String... extra) {
        StringBuilder b = new StringBuilder("""
                type: folder
                folder: "%s"
                pollMs: 200
                """.formatted(folder.toAbsolutePath()));
        for (String line : extra) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    static Path writePartners(Path dir, String... partners) {
        Path file = dir.resolve("partners-test.yaml");
        try {
            Files.writeString(file, "partners:\n" + String.join("", partners));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Hub properties that point it at a test partner file and give it the SFTP password. */
    static Map<String, String> hubProperties(Path partnersFile) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("orderhub.partners.file", partnersFile.toAbsolutePath().toString());
        p.put(PASSWORD_PROPERTY, SftpTestServer.PASSWORD);
        return p;
    }

    /** The orders with this PO number, as the API lists them. */
    static List<JsonNode> ordersByPo(TestHub hub, String po) {
        return hub.ordersByPo(po);
    }

    static JsonNode awaitOrderStatus(TestHub hub, String po, String status) {
        return hub.awaitOrderStatus(po, status, WAIT);
    }

    /** A stored document, read from the documents table. */
    record StoredDocument(UUID id, String status, String format, String source, String problems, byte[] content,
                          Instant receivedAt) {
    }

    /** The documents committed from a partner's drop for files of this name, oldest first. */
    static List<StoredDocument> documents(TestHub hub, String partner, String fileName) {
        return hub.bean("database", Database.class).read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select id, status, format, source, problems, content,"
                    + " received_at from documents where client = ? and source like ? order by received_at")) {
                ps.setString(1, DropIntake.client(partner));
                ps.setString(2, "%/" + fileName);
                List<StoredDocument> docs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        docs.add(new StoredDocument(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getBytes(6), rs.getTimestamp(7).toInstant()));
                    }
                }
                return docs;
            }
        });
    }

    /** How many polls the drop route's consumer has made. */
    static long polls(TestHub hub, String routeId) {
        return ((ScheduledPollConsumer) hub.context().getRoute(routeId).getConsumer()).getCounter();
    }

    /** Waits until the drop route's consumer has polled this many more times. */
    static void awaitPolls(TestHub hub, String routeId, int more) {
        long target = polls(hub, routeId) + more;
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> polls(hub, routeId) >= target);
    }

    static void awaitExists(Path file) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> Files.exists(file));
    }

    static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.orderhub.drop;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhub.edi.EdiSamples;
import io.orderhub.testing.ChildHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.orderhub.drop.DropFixtures.folderDrop;
import static io.orderhub.drop.DropFixtures.partner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 50 MB EDIFACT interchange (about 21,000 ORDERS messages of 20 lines) dropped into a hot folder of a hub whose heap
 * is capped at 256 MB (a child JVM, -Xmx256m): every message must become one committed order and the file must be
 * archived. Takes 10-20 minutes on a busy 2-core machine, so it is tagged "bench" and run by {@code ./run.sh bench edi}
 * (or {@code mvn -B test -Dtest=LargeEdiDropTest -Dsurefire.excludedGroups=none}).
 */
@Tag("bench")
class LargeEdiDropTest {

    static final String PARTNER = "BIG-EDI";
    static final int LINES = 20;
    static final long TARGET_BYTES = 50L * 1024 * 1024;

    @TempDir
    Path dir;
    ChildHub child;

    @AfterEach
    void stop() throws IOException {
        if (child != null) {
            child.close();
        }
        // kept for a look after the run (the temporary directory is deleted)
        Path kept = Path.of("target", "large-edi-drop");
        Files.createDirectories(kept);
        for (String f : new String[] {"child-large-edi.log", "gc.log"}) {
            if (Files.exists(dir.resolve(f))) {
                Files.copy(dir.resolve(f), kept.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void fiftyMegabyteInterchangeBecomesOneOrderPerMessageIn256MbHeap() throws Exception {
        int perMessage = EdiSamples.edifact("4012345000009", 2, LINES).length() - EdiSamples.edifact("4012345000009", 1, LINES).length();
        int messages = (int) (TARGET_BYTES / perMessage) + 1;
        Path staged = dir.resolve("orders-50mb.edi");
        try (Writer w = Files.newBufferedWriter(staged, StandardCharsets.ISO_8859_1)) {
            EdiSamples.edifact(w, "4012345000009", messages, LINES);
        }
        long size = Files.size(staged);
        assertThat(size).isGreaterThanOrEqualTo(TARGET_BYTES);

        Path inbox = dir.resolve("inbox");
        Files.createDirectories(inbox);
        Path partners = DropFixtures.writePartners(dir, partner(PARTNER,
                folderDrop(inbox, "include: \"*.edi\"", "complete: stable-size", "stableMs: 500")));
        int port = SftpTestServer.freePort();
        Map<String, String> props = new LinkedHashMap<>(DropFixtures.hubProperties(partners));
        props.put("orderhub.http.host", "127.0.0.1");
        props.put("orderhub.http.port", String.valueOf(port));
        props.put("orderhub.management.port", String.valueOf(SftpTestServer.freePort()));
        props.put("orderhub.db.url", "jdbc:h2:file:" + dir.resolve("orderhub").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        // intake only: the ERP side stays idle, so the heap and the clock measure the file's way into the queue
        props.put("orderhub.erp.poll-interval-ms", "3600000");
        Path log = dir.resolve("child-large-edi.log");
        // the heap cap is the point; full JIT (not the default C1-only child) because the run is long
        child = ChildHub.start(props, log, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:+HeapDumpOnOutOfMemoryError",
                "-XX:HeapDumpPath=" + dir.resolve("oom.hprof"), "-Xlog:gc:file=" + dir.resolve("gc.log")));
        Files.move(staged, inbox.resolve(staged.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        long t0 = System.nanoTime();

        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(40)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .until(() -> !child.isAlive() || total(http, port, "&limit=1") >= messages);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String logText = Files.readString(log, StandardCharsets.ISO_8859_1);
        assertThat(logText).doesNotContain("OutOfMemoryError");
        assertThat(child.isAlive()).as("child hub alive, see " + log).isTrue();

        Set<String> poNumbers = new HashSet<>();
        for (int offset = 0; offset < messages; offset += 500) {
            JsonNode page = get(http, port, "/api/orders?sender=" + PARTNER + "&limit=500&offset=" + offset);
            page.path("items").forEach(o -> poNumbers.add(o.path("poNumber").asText()));
        }
        assertThat(total(http, port, "&limit=1")).isEqualTo(messages);
        assertThat(poNumbers).hasSize(messages);
        for (int m = 1; m <= messages; m++) {
            assertThat(poNumbers).contains("PO-" + m);
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(archivedSomewhere(inbox, staged.getFileName().toString())));
        System.out.printf("%nLarge EDI drop: %,d bytes, %,d ORDERS messages of %d lines -> %,d committed orders in %.1f s"
                + " (%.0f orders/s) with -Xmx256m%n", size, messages, LINES, poNumbers.size(), seconds, messages / seconds);
    }

    private static Path archivedSomewhere(Path inbox, String name) throws IOException {
        try (var files = Files.walk(inbox)) {
            return files.filter(p -> p.getFileName().toString().equals(name) && !p.getParent().equals(inbox))
                    .findFirst().orElse(inbox.resolve("not-yet-archived"));
        }
    }

    private static long total(HttpClient http, int port, String query) throws Exception {
        return get(http, port, "/api/orders?sender=" + PARTNER + query).path("total").asLong();
    }

    private static JsonNode get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-API-Key", "demo").timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return DropFixtures.JSON.createObjectNode();
        }
        return DropFixtures.JSON.readTree(r.body());
    }
}

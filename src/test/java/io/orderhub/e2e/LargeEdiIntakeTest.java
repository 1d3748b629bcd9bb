package io.orderhub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.edi.EdiSamples;
import io.orderhub.support.Json;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An EDI file over the streaming threshold (orderhub.edi.stream-threshold-bytes, 1 MiB) goes the large-file way:
 * mapped and written message by message in one transaction, its bytes stored in 1 MiB parts. Checked over HTTP on
 * H2 and PostgreSQL: one order per message, the original returned byte for byte, a repeated Idempotency-Key replays.
 */
class LargeEdiIntakeTest {

    private static final ObjectMapper JSON = Json.newMapper();
    private static final String KEY = "X-API-Key";
    private static final int MESSAGES = 2_600;

    @TempDir
    Path dir;

    @Test
    void onH2() throws Exception {
        try (TestHub hub = TestHub.start(TestHub.Db.H2, dir, Map.of())) {
            check(hub);
        }
    }

    @Test
    void onPostgres() throws Exception {
        try (TestHub hub = TestHub.start(TestHub.Db.POSTGRES, dir, Map.of())) {
            check(hub);
        }
    }

    private static void check(TestHub hub) throws Exception {
        String edi = EdiSamples.edifact("4012345000009", MESSAGES, 3).replace("BGM+220+PO-", "BGM+220+BIG-");
        assertThat(edi.length()).isGreaterThan(1 << 20).isLessThan(5 << 20);

        HttpResponse<String> r = post(hub, edi);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(r.body());
        Set<String> poNumbers = new HashSet<>();
        body.path("orders").forEach(o -> poNumbers.add(o.path("poNumber").asText()));
        assertThat(body.path("orders")).hasSize(MESSAGES);
        assertThat(poNumbers).hasSize(MESSAGES).contains("BIG-1", "BIG-" + MESSAGES);
        String documentId = body.path("documentId").asText();

        HttpResponse<byte[]> original = hub.getBytes("/api/documents/" + documentId, KEY, TestHub.KEY);
        assertThat(original.body()).isEqualTo(edi.getBytes(StandardCharsets.ISO_8859_1));
        JsonNode meta = JSON.readTree(hub.get("/api/documents/" + documentId + "/meta", KEY, TestHub.KEY).body());
        assertThat(meta.path("sizeBytes").asInt()).isEqualTo(edi.length());
        assertThat(meta.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(meta.path("orders")).hasSize(MESSAGES);

        HttpResponse<String> again = post(hub, edi);
        assertThat(JSON.readTree(again.body()).path("documentId").asText()).isEqualTo(documentId);
        JsonNode list = JSON.readTree(hub.get("/api/orders?poNumber=BIG-7&limit=10", KEY, TestHub.KEY).body());
        assertThat(list.path("total").asInt()).isEqualTo(1);
    }

    /** Mapping 2,600 messages takes longer than TestHub's 20 s request timeout on a busy machine. */
    private static HttpResponse<String> post(TestHub hub, String edi) {
        return hub.send(HttpRequest.newBuilder(hub.uri("/api/orders")).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/EDIFACT").POST(HttpRequest.BodyPublishers.ofString(edi)),
                KEY, TestHub.KEY, "Idempotency-Key", "large-edi-1");
    }
}

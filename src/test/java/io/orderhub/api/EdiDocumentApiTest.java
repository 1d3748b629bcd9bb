package io.orderhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.support.Json;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/documents/{id}/edi} over HTTP on the real hub (H2), with corpus files as the stored documents. */
class EdiDocumentApiTest {

    private static final String KEY = "X-API-Key";
    private static final ObjectMapper JSON = Json.newMapper();

    @TempDir
    static Path data;
    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = TestHub.start(TestHub.Db.H2, data, Map.of());
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void storedEdifactIsReturnedAsALabelledTree() throws IOException {
        String documentId = post("application/EDIFACT", corpus("edifact_orders/nerdocs__pydifact__wikipedia_de.edi"));

        HttpResponse<String> r = hub.get("/api/documents/" + documentId + "/edi", KEY, TestHub.KEY);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode tree = JSON.readTree(r.body());
        assertThat(tree.path("documentId").asText()).isEqualTo(documentId);
        assertThat(tree.path("format").asText()).isEqualTo("edifact");
        JsonNode message = tree.path("interchanges").get(0).path("messages").get(0);
        JsonNode bgm = message.path("segments").get(1);
        assertThat(bgm.path("tag").asText()).isEqualTo("BGM");
        assertThat(bgm.path("name").asText()).isEqualTo("Beginning of message");
        JsonNode code = bgm.path("elements").get(0).path("components").get(0);
        assertThat(code.path("value").asText()).isEqualTo("220");
        assertThat(code.path("meaning").asText()).isEqualTo("Order");
    }

    @Test
    void storedX12IsReturnedAsALabelledTree() throws IOException {
        String documentId = post("application/EDI-X12", corpus("x12_850/olmelabs__EdiEngine__850.OK.edi"));

        JsonNode tree = JSON.readTree(hub.get("/api/documents/" + documentId + "/edi", KEY, TestHub.KEY).body());

        assertThat(tree.path("format").asText()).isEqualTo("x12");
        JsonNode group = tree.path("interchanges").get(0).path("groups").get(0);
        JsonNode beg = group.path("messages").get(0).path("segments").get(1);
        assertThat(beg.path("tag").asText()).isEqualTo("BEG");
        assertThat(beg.path("elements").get(0).path("id").asText()).isEqualTo("BEG01");
        assertThat(beg.path("elements").get(0).path("name").asText()).isEqualTo("Transaction set purpose code");
        assertThat(beg.path("elements").get(0).path("meaning").asText()).isEqualTo("Original");
    }

    @Test
    void aNonEdiDocumentIs404WithAClearMessage() throws IOException {
        String json = "{\"sender\":\"ACME-SHOP\",\"poNumber\":\"EDI-VIEW-1\",\"orderDate\":\"2026-11-27\",\"currency\":\"EUR\","
                + "\"buyer\":{\"id\":\"4012345000009\"},\"lines\":[{\"lineNumber\":1,\"buyerItem\":\"A-100\",\"quantity\":1}]}";
        String documentId = post("application/json", json);

        HttpResponse<String> r = hub.get("/api/documents/" + documentId + "/edi", KEY, TestHub.KEY);

        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("error").asText()).isEqualTo("not-edi");
        assertThat(body.path("message").asText()).contains(documentId).contains("not an EDI document").contains("json");
    }

    @Test
    void unknownDocumentsAndMissingKeysAreRefused() {
        assertThat(hub.get("/api/documents/00000000-0000-0000-0000-000000000000/edi", KEY, TestHub.KEY).statusCode()).isEqualTo(404);
        assertThat(hub.get("/api/documents/00000000-0000-0000-0000-000000000000/edi").statusCode()).isEqualTo(401);
    }

    private static String post(String contentType, String body) throws IOException {
        HttpResponse<String> r = hub.post("/api/orders", contentType, body, KEY, TestHub.KEY);
        assertThat(r.statusCode()).as(r.body()).isIn(202, 400);
        return JSON.readTree(r.body()).path("documentId").asText();
    }

    private static String corpus(String file) throws IOException {
        return new String(Files.readAllBytes(Path.of("src/test/resources/corpus", file)), StandardCharsets.ISO_8859_1);
    }
}

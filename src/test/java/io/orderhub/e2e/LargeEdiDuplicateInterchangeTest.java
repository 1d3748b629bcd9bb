package io.orderhub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.edi.EdiSamples;
import io.orderhub.edi.ack.InterchangeRegistry;
import io.orderhub.intake.LargeEdiIntake;
import io.orderhub.support.Json;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repeated-interchange check on the large-file way (io.orderhub.intake.LargeEdiIntake, one streaming transaction):
 * a hub whose streaming threshold is lowered to 1,000 bytes sends these small files that way (checked with the bean's
 * own {@code applies}). The same sender's control number in a second document, or twice in one file, sends the
 * repeat's orders to NEEDS_REVIEW with the problem duplicate-interchange, the first's do not get it; the
 * acknowledgement of the repeat says duplicate (CONTRL UCI 4 with code 26). On H2 and PostgreSQL.
 */
class LargeEdiDuplicateInterchangeTest {

    private static final ObjectMapper JSON = Json.newMapper();
    private static final String KEY = "X-API-Key";

    @TempDir
    Path dir;

    @Test
    void onH2() throws Exception {
        try (TestHub hub = TestHub.start(TestHub.Db.H2, dir, overrides())) {
            check(hub, "H");
        }
    }

    @Test
    void onPostgres() throws Exception {
        try (TestHub hub = TestHub.start(TestHub.Db.POSTGRES, dir, overrides())) {
            check(hub, "P");
        }
    }

    private static Map<String, String> overrides() {
        return Map.of("orderhub.edi.stream-threshold-bytes", "1000");
    }

    /** One interchange with control number {@code icn} and three messages whose PO numbers start with {@code po}. */
    private static String interchange(String icn, String po) {
        return EdiSamples.edifact("4012345000009", 3, 2).replace("+1001'", "+" + icn + "'").replace("BGM+220+PO-", "BGM+220+" + po + "-");
    }

    private static void check(TestHub hub, String run) throws Exception {
        String icn = "LD" + run + System.nanoTime() % 1_000_000;
        String first = interchange(icn, "LDA" + run);
        String second = interchange(icn, "LDB" + run);
        String twice = interchange(icn + "X", "LDC" + run) + interchange(icn + "X", "LDD" + run);
        LargeEdiIntake large = hub.bean("largeEdiIntake", LargeEdiIntake.class);
        for (String text : List.of(first, second, twice)) {
            assertThat(large.applies(EdiSamples.document("edifact", text))).as("takes the large-file way").isTrue();
        }

        JsonNode a = post(hub, first, "ld-1" + run);
        JsonNode b = post(hub, second, "ld-2" + run);
        JsonNode c = post(hub, twice, "ld-3" + run);

        assertThat(flagged(a)).as(a.toString()).containsExactly(false, false, false);
        assertThat(flagged(b)).as(b.toString()).containsExactly(true, true, true);
        assertThat(flagged(c)).as(c.toString()).containsExactly(false, false, false, true, true, true);
        assertThat(statuses(b)).containsOnly("NEEDS_REVIEW");
        assertThat(statuses(c).subList(3, 6)).containsOnly("NEEDS_REVIEW");

        JsonNode held = hub.ordersByPo("LDB" + run + "-2").get(0);
        JsonNode detail = JSON.readTree(hub.get("/api/orders/" + held.path("id").asText(), KEY, TestHub.KEY).body());
        String problems = detail.toString();
        assertThat(problems).contains(InterchangeRegistry.CODE, "control number " + icn, "sender 4012345000009",
                "document " + a.path("documentId").asText());
        JsonNode repeatInFile = hub.ordersByPo("LDD" + run + "-1").get(0);
        assertThat(JSON.readTree(hub.get("/api/orders/" + repeatInFile.path("id").asText(), KEY, TestHub.KEY).body()).toString())
                .contains(InterchangeRegistry.CODE, "earlier in the same file");

        JsonNode acks = JSON.readTree(hub.get("/api/documents/" + b.path("documentId").asText() + "/acknowledgements",
                KEY, TestHub.KEY).body()).path("items");
        assertThat(acks).hasSize(1);
        String contrl = hub.get(acks.get(0).path("url").asText(), KEY, TestHub.KEY).body();
        assertThat(contrl).contains("UCI+" + icn).contains("+4+26");
    }

    private static JsonNode post(TestHub hub, String edi, String idempotencyKey) throws Exception {
        HttpResponse<String> r = hub.post("/api/orders", "application/EDIFACT", edi, KEY, TestHub.KEY,
                "Idempotency-Key", idempotencyKey);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return JSON.readTree(r.body());
    }

    /** Per order of an intake answer: whether it carries the duplicate-interchange problem. */
    private static List<Boolean> flagged(JsonNode outcome) {
        List<Boolean> f = new ArrayList<>();
        outcome.path("orders").forEach(o -> {
            boolean dup = false;
            for (JsonNode p : o.path("problems")) {
                dup |= InterchangeRegistry.CODE.equals(p.path("code").asText());
            }
            f.add(dup);
        });
        return f;
    }

    private static List<String> statuses(JsonNode outcome) {
        List<String> s = new ArrayList<>();
        outcome.path("orders").forEach(o -> s.add(o.path("status").asText()));
        return s;
    }
}

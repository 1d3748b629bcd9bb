package io.orderhub.intake;

import io.orderhub.model.Channel;
import io.orderhub.model.MappingResult;
import io.orderhub.support.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Canonical JSON against mappings/canonical-order.schema.json. */
class CanonicalJsonMapperTest {

    static final CanonicalJsonMapper MAPPER = new CanonicalJsonMapper(Json.newMapper(),
            Path.of("mappings/canonical-order.schema.json"));

    static MappingResult map(String json, String senderHint) {
        return MAPPER.map(new InboundDocument(UUID.randomUUID(), Instant.now(), Channel.HTTP, "t", "demo", senderHint,
                "application/json", CanonicalJsonMapper.FORMAT, null, json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void mapsEveryFieldWithItsJsonPointerAsProvenance() {
        MappingResult r = map("""
                {"poNumber": "P1", "requestedDeliveryDate": "2026-12-01", "billTo": {"gln": "4012345000009"},
                 "lines": [{"supplierItem": "S-1", "quantity": 2.5, "unitPrice": 3, "amount": 7.5}], "notes": ["ring twice"]}""",
                "ACME-SHOP");

        assertThat(r.problems()).isEmpty();
        var o = r.orders().get(0).order();
        assertThat(o.sender()).isEqualTo("ACME-SHOP");
        assertThat(o.requestedDeliveryDate()).hasToString("2026-12-01");
        assertThat(o.billTo().bestId()).isEqualTo("4012345000009");
        assertThat(o.lines().get(0).quantity()).isEqualByComparingTo("2.5");
        assertThat(o.notes()).containsExactly("ring twice");
        assertThat(r.orders().get(0).provenance()).containsKeys("/poNumber", "/billTo/gln", "/lines/0/amount", "/notes/0");
        assertThat(r.orders().get(0).provenance().get("/lines/0/amount").locator()).isEqualTo("/lines/0/amount");
    }

    @Test
    void senderInTheBodyWinsOverTheClientsPartner() {
        assertThat(map("{\"sender\": \"OTHER\", \"lines\": []}", "ACME-SHOP").orders().get(0).order().sender())
                .isEqualTo("OTHER");
    }

    @Test
    void missingLinesAndUnknownPropertiesAreSchemaProblemsAtTheirPaths() {
        MappingResult r = map("{\"poNumber\": 7, \"buyer\": {\"gln\": \"12\", \"vat\": \"x\"}}", null);
        assertThat(r.rejected()).isTrue();
        assertThat(r.problems()).extracting(p -> p.path()).containsExactlyInAnyOrder(
                "/buyer/gln", "/buyer/vat", "/lines", "/poNumber");
        assertThat(r.problems()).allSatisfy(p -> assertThat(p.code()).isEqualTo("schema"));
    }

    @Test
    void emptyBodyAndNonObjectsAreRejected() {
        assertThat(map("", null).problems().get(0).message()).contains("empty");
        assertThat(map("[1,2]", null).problems().get(0).code()).isEqualTo("schema");
    }
}

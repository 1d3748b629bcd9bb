package io.orderhub.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.model.SourceRef;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ProvenanceCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, SourceRef> mixed() {
        Map<String, SourceRef> m = new TreeMap<>();
        m.put("/poNumber", SourceRef.jsonPointer("/poNumber"));
        m.put("/lines/0/quantity", SourceRef.jsonPointer("/lines/0/quantity"));
        m.put("/lines/0/unitPrice", SourceRef.jsonPointer("/lines/0/unitPrice"));
        // a web-shop mapping: another pointer in the original
        m.put("/buyer/name", SourceRef.jsonPointer("/billing/company"));
        // OCR: the same kind of place, read with less than full confidence
        m.put("/currency", new SourceRef("pdf", "page 1 (72,80)-(140,96)", 0.83));
        m.put("/orderDate", new SourceRef(SourceRef.JSON_POINTER, "/orderDate", 0.5));
        m.put("/sender", new SourceRef("edi", "UNH 1 / NAD+BY seg 7 el 2.1", 1.0));
        return m;
    }

    @Test
    void expandingTheStoredFormGivesTheApiFormInPointerOrder() throws Exception {
        Map<String, SourceRef> m = mixed();
        String stored = ProvenanceCodec.encode(m);
        assertThat(JSON.readTree(ProvenanceCodec.expand(stored))).isEqualTo(JSON.readTree(JSON.writeValueAsString(m)));
        assertThat(ProvenanceCodec.expand(stored)).isEqualTo(JSON.writeValueAsString(m));
    }

    @Test
    void samePointerEntriesAreStoredAsAListAndTheRestAsTheyAre() throws Exception {
        var stored = JSON.readTree(ProvenanceCodec.encode(mixed()));
        assertThat(stored.path("=")).hasSize(3);
        assertThat(stored.path("=").toString()).contains("/poNumber", "/lines/0/quantity", "/lines/0/unitPrice");
        assertThat(stored.path("/buyer/name").path("locator").asText()).isEqualTo("/billing/company");
        assertThat(stored.path("/orderDate").path("confidence").asDouble()).isEqualTo(0.5);
        assertThat(stored.has("/poNumber")).isFalse();
    }

    @Test
    void canonicalJsonProvenanceIsStoredInAFractionOfItsApiSize() throws Exception {
        Map<String, SourceRef> identity = new TreeMap<>();
        for (int i = 0; i < 20; i++) {
            for (String f : new String[] {"lineNumber", "buyerItem", "gtin", "quantity", "unit", "unitPrice"}) {
                String p = "/lines/" + i + "/" + f;
                identity.put(p, SourceRef.jsonPointer(p));
            }
        }
        String stored = ProvenanceCodec.encode(identity);
        String api = JSON.writeValueAsString(identity);
        assertThat(stored.length()).isLessThan(api.length() / 2);
        assertThat(ProvenanceCodec.expand(stored)).isEqualTo(api);
    }

    @Test
    void textInTheApiFormIsReadAsItIs() throws Exception {
        String legacy = JSON.writeValueAsString(mixed());
        assertThat(ProvenanceCodec.expand(legacy)).isSameAs(legacy);
        assertThat(ProvenanceCodec.expand(null)).isNull();
        assertThat(ProvenanceCodec.expand(ProvenanceCodec.encode(Map.of()))).isEqualTo("{}");
    }
}

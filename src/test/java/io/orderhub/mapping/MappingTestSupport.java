package io.orderhub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.orderhub.intake.InboundDocument;
import io.orderhub.model.Channel;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.SourceRef;
import io.orderhub.support.Json;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents, corpus files and the provenance check shared by the mapping tests. */
final class MappingTestSupport {

    static final ObjectMapper JSON = Json.newMapper();
    /** Reads and writes documents without touching numbers ("0.00" stays "0.00"). */
    static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    static final String CORPUS = "/corpus/json_webshop/";

    private MappingTestSupport() {
    }

    static InboundDocument document(String format, String sender, byte[] content) {
        return new InboundDocument(UUID.randomUUID(), Instant.parse("2026-11-27T10:00:00Z"), Channel.WEBHOOK,
                "test", "test-client", sender, "application/json", format, null, content);
    }

    static InboundDocument document(String format, String sender, String content) {
        return document(format, sender, content.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] corpus(String file) {
        try (InputStream in = MappingTestSupport.class.getResourceAsStream(CORPUS + file)) {
            assertThat(in).as("corpus file " + file).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode tree(byte[] content) {
        try {
            return EXACT.readTree(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every value of the canonical order (but the sender, which the channel gives) has a provenance entry, and every
     * entry's pointer resolves in the original to the value: equal text, equal number, the date at the start of a
     * date-time, the first part of a joined name or street, the line item itself for a position line number.
     */
    static void assertProvenanceResolves(JsonNode original, MappedOrder mapped) {
        JsonNode canonical = JSON.valueToTree(mapped.order());
        Set<String> leaves = new TreeSet<>();
        leaves(canonical, "", leaves);
        leaves.remove("/sender");
        assertThat(mapped.provenance().keySet()).as("provenance keys").containsExactlyInAnyOrderElementsOf(leaves);

        for (Map.Entry<String, SourceRef> e : mapped.provenance().entrySet()) {
            String target = e.getKey();
            SourceRef ref = e.getValue();
            assertThat(ref.kind()).as(target).isEqualTo(SourceRef.JSON_POINTER);
            JsonNode source = original.at(ref.locator());
            JsonNode value = canonical.at(target);
            assertThat(source.isMissingNode()).as(target + " <- " + ref.locator() + " resolves").isFalse();
            if (target.endsWith("/lineNumber") && source.isObject()) {
                int index = Integer.parseInt(target.split("/")[2]);
                assertThat(ref.locator()).as(target).endsWith("/" + index);
                assertThat(value.intValue()).as(target).isEqualTo(index + 1);
            } else if (value.isNumber()) {
                assertThat(new BigDecimal(source.asText())).as(target + " <- " + ref.locator())
                        .isEqualByComparingTo(value.decimalValue());
            } else if (target.endsWith("Date")) {
                assertThat(source.asText()).as(target + " <- " + ref.locator()).startsWith(value.asText());
            } else if (target.endsWith("/name") || target.endsWith("/street")) {
                assertThat(value.asText()).as(target + " <- " + ref.locator()).startsWith(source.asText().trim());
            } else {
                assertThat(value.asText()).as(target + " <- " + ref.locator()).isEqualTo(source.asText().trim());
            }
        }
    }

    private static void leaves(JsonNode node, String at, Set<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                leaves(e.getValue(), at + "/" + e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), at + "/" + i, out);
            }
        } else if (!node.isNull()) {
            out.add(at);
        }
    }
}

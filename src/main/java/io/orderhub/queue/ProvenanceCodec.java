package io.orderhub.queue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhub.model.SourceRef;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an order's provenance is stored. The API shows one {@code {kind, locator, confidence}} object per canonical
 * field; stored like that, an order posted as canonical JSON — where every field came from the same JSON pointer in
 * the original — carried 4 KB of provenance, written on every intake. Stored, the entries that say "the same
 * pointer, read exactly" are kept as a list of pointers under the key {@value #SAME}; every other entry is kept as
 * it is. {@link #expand} gives the API's form back; text without the list (older rows, corrected orders) is already
 * in that form.
 */
public final class ProvenanceCodec {

    /** The key of the list of pointers whose source is the same JSON pointer with confidence 1. */
    static final String SAME = "=";
    private static final String PREFIX = "{\"" + SAME + "\"";

    /** Plain JSON, no settings needed: the codec reads and writes only strings, numbers, objects and arrays. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private ProvenanceCodec() {
    }

    /** The stored form of a provenance map. */
    public static String encode(Map<String, SourceRef> provenance) {
        StringWriter out = new StringWriter(64 + provenance.size() * 24);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            boolean listed = false;
            for (Map.Entry<String, SourceRef> e : provenance.entrySet()) {
                if (same(e.getKey(), e.getValue())) {
                    if (!listed) {
                        g.writeArrayFieldStart(SAME);
                        listed = true;
                    }
                    g.writeString(e.getKey());
                }
            }
            if (listed) {
                g.writeEndArray();
            }
            for (Map.Entry<String, SourceRef> e : provenance.entrySet()) {
                if (!same(e.getKey(), e.getValue())) {
                    SourceRef ref = e.getValue();
                    g.writeObjectFieldStart(e.getKey());
                    g.writeStringField("kind", ref.kind());
                    g.writeStringField("locator", ref.locator());
                    g.writeNumberField("confidence", ref.confidence());
                    g.writeEndObject();
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write provenance", e);
        }
        return out.toString();
    }

    /** The API's form of stored provenance: one object per field, fields in pointer order. */
    public static String expand(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            JsonNode tree = JSON.readTree(stored);
            Map<String, JsonNode> all = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (SAME.equals(e.getKey())) {
                    for (JsonNode pointer : e.getValue()) {
                        ObjectNode ref = JSON.createObjectNode();
                        ref.put("kind", SourceRef.JSON_POINTER);
                        ref.put("locator", pointer.asText());
                        ref.put("confidence", 1.0);
                        all.put(pointer.asText(), ref);
                    }
                } else {
                    all.put(e.getKey(), e.getValue());
                }
            }
            return JSON.writeValueAsString(all);
        } catch (IOException e) {
            throw new UncheckedIOException("stored provenance is not readable", e);
        }
    }

    private static boolean same(String pointer, SourceRef ref) {
        return SourceRef.JSON_POINTER.equals(ref.kind()) && pointer.equals(ref.locator()) && ref.confidence() == 1.0;
    }
}

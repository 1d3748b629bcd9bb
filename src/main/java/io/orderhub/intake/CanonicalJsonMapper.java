package io.orderhub.intake;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;
import io.orderhub.model.SourceRef;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps a canonical-JSON order (the body of {@code POST /api/orders}): JSON syntax, then the JSON Schema in
 * {@code mappings/canonical-order.schema.json}, then binding. Provenance is the identity: every field came from
 * the same JSON pointer in the original.
 */
public final class CanonicalJsonMapper implements DocumentMapper {

    public static final String FORMAT = "canonical-json";

    private final ObjectMapper json;
    private final JsonSchema schema;

    public CanonicalJsonMapper(ObjectMapper json, Path schemaFile) {
        this.json = json;
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(com.networknt.schema.PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        try (InputStream in = Files.newInputStream(schemaFile)) {
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the canonical order schema " + schemaFile, e);
        }
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public MappingResult map(InboundDocument document) {
        JsonNode tree;
        try {
            tree = json.readTree(document.content());
        } catch (JsonProcessingException e) {
            return MappingResult.rejected(FORMAT, List.of(syntaxProblem(e)));
        } catch (IOException e) {
            return MappingResult.rejected(FORMAT, List.of(new Problem("", "bad-json", e.getMessage())));
        }
        if (tree == null || tree.isMissingNode()) {
            return MappingResult.rejected(FORMAT, List.of(new Problem("", "bad-json", "the body is empty")));
        }
        List<Problem> problems = schemaProblems(tree);
        if (!problems.isEmpty()) {
            return MappingResult.rejected(FORMAT, problems);
        }
        CanonicalOrder order;
        try {
            order = json.treeToValue(tree, CanonicalOrder.class);
        } catch (JsonProcessingException e) {
            return MappingResult.rejected(FORMAT, List.of(new Problem("", "bad-json", e.getOriginalMessage())));
        }
        if (order.sender() == null && document.senderHint() != null) {
            order = order.withSender(document.senderHint());
        }
        Map<String, SourceRef> provenance = new TreeMap<>();
        leaves(tree, "", provenance);
        return new MappingResult(FORMAT, List.of(new MappedOrder(0, order, provenance)), List.of());
    }

    /** What the canonical order schema finds wrong with a tree, by JSON pointer; empty if it conforms. */
    public List<Problem> schemaProblems(JsonNode tree) {
        Set<ValidationMessage> messages = schema.validate(tree);
        return messages.stream()
                .map(m -> new Problem(pointer(m), "schema", m.getMessage()))
                .sorted(Comparator.comparing(Problem::path).thenComparing(Problem::message))
                .toList();
    }

    private static String pointer(ValidationMessage m) {
        String at = m.getInstanceLocation() == null ? "" : m.getInstanceLocation().toString();
        // "required" and "additionalProperties" name the property in the message; point at it
        if (m.getProperty() != null && ("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))) {
            at = at + "/" + m.getProperty();
        }
        return at;
    }

    private static Problem syntaxProblem(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        return new Problem(where, "bad-json", "not valid JSON: " + e.getOriginalMessage());
    }

    private static void leaves(JsonNode node, String at, Map<String, SourceRef> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                leaves(e.getValue(), at + "/" + escape(e.getKey()), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), at + "/" + i, out);
            }
        } else if (!node.isNull()) {
            out.put(at, SourceRef.jsonPointer(at));
        }
    }

    /** Escapes a property name for a JSON pointer (RFC 6901). */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

}

package io.orderhub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhub.model.Problem;
import io.orderhub.model.SourceRef;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies a {@link FieldRule} to a node of the original document and says where the value came from.
 * Pointers of a rule are relative to {@code base}; {@code basePointer} is where {@code base} is in the original,
 * so provenance and problems point into the document as it was received.
 */
final class FieldReader {

    /** Kind of {@link SourceRef} for values that come from the mapping spec, not from the document. */
    static final String MAPPING_SOURCE = "mapping";

    /** A value and where it came from. */
    record Found(Object value, SourceRef source) {
    }

    private final String origin;

    /** @param origin the spec file, named in the provenance of constants */
    FieldReader(String origin) {
        this.origin = origin;
    }

    /** The field's value, or {@code null} if the document has none or it could not be read (then with a problem). */
    Found read(String field, FieldRule rule, ValueType type, JsonNode base, String basePointer, List<Problem> problems) {
        if (rule.constant() != null) {
            return new Found(ValueReader.constant(rule.constant(), type),
                    new SourceRef(MAPPING_SOURCE, origin + " " + field + " (constant)", 1.0));
        }
        if (!rule.join().isEmpty()) {
            return join(field, rule, base, basePointer, problems);
        }
        for (String pointer : rule.from()) {
            JsonNode node = base.at(pointer);
            if (absent(node, rule)) {
                continue;
            }
            String at = basePointer + pointer;
            Object value = ValueReader.read(node, type, field, at, problems);
            // a value that cannot be read is reported, not replaced by the next pointer's
            return value == null ? null : new Found(value, SourceRef.jsonPointer(at));
        }
        return null;
    }

    private Found join(String field, FieldRule rule, JsonNode base, String basePointer, List<Problem> problems) {
        List<String> parts = new ArrayList<>();
        String first = null;
        for (String pointer : rule.join()) {
            JsonNode node = base.at(pointer);
            if (absent(node, rule)) {
                continue;
            }
            String at = basePointer + pointer;
            Object part = ValueReader.read(node, ValueType.TEXT, field, at, problems);
            if (part == null) {
                return null;
            }
            parts.add((String) part);
            if (first == null) {
                first = at;
            }
        }
        // provenance names the first part that was used: a canonical value has one source locator
        return parts.isEmpty() ? null : new Found(String.join(rule.separatorOrDefault(), parts), SourceRef.jsonPointer(first));
    }

    private static boolean absent(JsonNode node, FieldRule rule) {
        if (ValueReader.absent(node)) {
            return true;
        }
        String text = ValueReader.text(node);
        return text != null && rule.emptyValues().contains(text);
    }
}

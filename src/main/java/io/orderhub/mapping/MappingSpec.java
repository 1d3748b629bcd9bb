package io.orderhub.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The mapping of one shop format to the canonical order, as written in a {@code *.mapping.yaml} file.
 *
 * @param format      the format id: the {format} of {@code POST /api/webhooks/{format}} and of partners' webhooks
 * @param description what the format is, for people
 * @param roots       candidate JSON pointers of the order object, tried in turn; the first that holds an object wins
 *                    ({@code "/order"} then {@code ""} reads both a wrapped and a bare order)
 * @param fields      canonical order field (see {@link CanonicalFields}) to rule
 * @param lines       the line items
 */
public record MappingSpec(String format, String description, List<String> roots, Map<String, FieldRule> fields,
                          LineRules lines) {

    private static final Pattern FORMAT_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,49}");

    public MappingSpec {
        roots = roots == null ? List.of() : List.copyOf(roots);
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * Checks the spec as a whole, so a broken file stops the hub at start and not at the first order.
     *
     * @throws IllegalArgumentException naming {@code origin} and every error found
     */
    public MappingSpec validated(String origin) {
        List<String> errors = new ArrayList<>();
        if (format == null || !FORMAT_ID.matcher(format).matches()) {
            errors.add("format: '" + format + "' is not a format id (lower-case letters, digits, . _ -)");
        }
        if (roots.isEmpty()) {
            errors.add("roots: give at least one JSON pointer (\"\" is the whole document)");
        }
        for (String root : roots) {
            if (!Pointers.valid(root)) {
                errors.add("roots: '" + root + "' is not a JSON pointer");
            }
        }
        for (Map.Entry<String, FieldRule> e : fields.entrySet()) {
            ValueType type = CanonicalFields.HEADER.get(e.getKey());
            if (type == null) {
                errors.add("fields." + e.getKey() + ": not a canonical field; known: " + CanonicalFields.HEADER.keySet());
            } else if (e.getValue() == null) {
                errors.add("fields." + e.getKey() + ": no rule");
            } else {
                e.getValue().errors(e.getKey(), type).forEach(m -> errors.add("fields." + m));
            }
        }
        if (lines == null) {
            errors.add("lines: missing; say where the line items are");
        } else {
            errors.addAll(lines.errors());
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Mapping " + origin + " is not valid:\n  " + String.join("\n  ", errors));
        }
        return this;
    }
}

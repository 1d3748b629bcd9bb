package io.orderhub.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the line items are and how each becomes a canonical line.
 *
 * @param from     JSON pointer of the line-item array, relative to the order object
 * @param required when true, an order whose array is empty is rejected ({@code no-lines}); when false it is mapped
 *                 with no lines and business validation decides
 * @param fields   canonical line field to rule, pointers relative to one line item; {@code lineNumber}, if not
 *                 mapped or absent, is the item's position + 1
 */
public record LineRules(String from, boolean required, Map<String, FieldRule> fields) {

    public LineRules {
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    List<String> errors() {
        List<String> errors = new ArrayList<>();
        if (from == null || from.isEmpty() || !Pointers.valid(from)) {
            errors.add("lines.from: '" + from + "' is not a JSON pointer to the line-item array");
        }
        for (Map.Entry<String, FieldRule> e : fields.entrySet()) {
            ValueType type = CanonicalFields.LINE.get(e.getKey());
            if (type == null) {
                errors.add("lines.fields." + e.getKey() + ": not a canonical line field; known: "
                        + CanonicalFields.LINE.keySet());
            } else if (e.getValue() == null) {
                errors.add("lines.fields." + e.getKey() + ": no rule");
            } else {
                e.getValue().errors(e.getKey(), type).forEach(m -> errors.add("lines.fields." + m));
            }
        }
        return errors;
    }
}

package io.orderhub.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values one order's bindings found while the document streamed: per field the best-ranked value (first
 * occurrence of the first listed binding), all values of multi-valued fields ({@code notes}), and the lines.
 */
final class OrderDraft {

    /** The values of one line, and where the line element is. */
    static final class LineDraft {
        final String locator;
        final Map<String, XmlValue> fields = new LinkedHashMap<>();

        LineDraft(String locator) {
            this.locator = locator;
        }
    }

    final Map<String, XmlValue> fields = new LinkedHashMap<>();
    final List<XmlValue> notes = new ArrayList<>();
    final List<LineDraft> lines = new ArrayList<>();

    static void offer(Map<String, XmlValue> fields, String field, XmlValue value) {
        XmlValue current = fields.get(field);
        if (current == null || value.rank() < current.rank()) {
            fields.put(field, value);
        }
    }
}

package io.orderhub.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One order found in a document, with the provenance of each canonical field: keys are JSON pointers into the
 * canonical order ({@code /poNumber}, {@code /lines/0/quantity}), values where the value was read in the original.
 * {@code problems} are what the mapper found wrong with this order's part of the document (a message that breaks
 * its standard but could still be read): they send the order to NEEDS_REVIEW, like failed business rules.
 */
public record MappedOrder(int index, CanonicalOrder order, Map<String, SourceRef> provenance, List<Problem> problems) {

    public MappedOrder {
        provenance = provenance == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(provenance));
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public MappedOrder(int index, CanonicalOrder order, Map<String, SourceRef> provenance) {
        this(index, order, provenance, List.of());
    }
}

package io.orderhub.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One order found in a document, with the provenance of each canonical field: keys are JSON pointers into the
 * canonical order ({@code /poNumber}, {@code /lines/0/quantity}), values where the value was read in the original.
 */
public record MappedOrder(int index, CanonicalOrder order, Map<String, SourceRef> provenance) {
    public MappedOrder {
        provenance = provenance == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(provenance));
    }
}

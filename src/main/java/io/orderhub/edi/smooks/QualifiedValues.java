package io.orderhub.edi.smooks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reader parameter {@code qualifiedValues}: values whose meaning is given by a qualifier elsewhere in the same
 * segment, exposed as extra attributes named after the qualifier. Syntax: {@code TAG q>v q>v ...; TAG ...}, where
 * {@code q} and {@code v} are element positions, optionally with a component ({@code 2.2>2.1}). For example
 * {@code PIA 2.2>2.1 3.2>3.1} exposes {@code PIA+5+6001001:IN} as {@code <PIA id.IN="6001001">}, and
 * {@code PO1 6>7 8>9} exposes {@code PO1*1*5*EA***BP*123*VN*A9} as {@code <PO1 id.BP="123" id.VN="A9">}.
 */
final class QualifiedValues {

    /** One qualifier/value pair: positions of the qualifier and of the value it qualifies. */
    record Pair(int qualifierElement, int qualifierComponent, int valueElement, int valueComponent) {
    }

    private final Map<String, List<Pair>> byTag;

    private QualifiedValues(Map<String, List<Pair>> byTag) {
        this.byTag = byTag;
    }

    static QualifiedValues parse(String spec) {
        Map<String, List<Pair>> byTag = new HashMap<>();
        if (spec == null || spec.isBlank()) {
            return new QualifiedValues(byTag);
        }
        for (String rule : spec.split(";")) {
            String[] parts = rule.trim().split("\\s+");
            if (parts.length < 2) {
                continue;
            }
            List<Pair> pairs = byTag.computeIfAbsent(parts[0], t -> new ArrayList<>());
            for (int i = 1; i < parts.length; i++) {
                String[] qv = parts[i].split(">");
                if (qv.length != 2) {
                    throw new IllegalArgumentException("qualifiedValues: '" + parts[i] + "' is not q>v in rule '" + rule.trim() + "'");
                }
                int[] q = position(qv[0]);
                int[] v = position(qv[1]);
                pairs.add(new Pair(q[0], q[1], v[0], v[1]));
            }
        }
        return new QualifiedValues(byTag);
    }

    private static int[] position(String p) {
        String[] ec = p.trim().split("\\.");
        return new int[] {Integer.parseInt(ec[0]), ec.length > 1 ? Integer.parseInt(ec[1]) : 0};
    }

    List<Pair> pairs(String tag) {
        return byTag.getOrDefault(tag, List.of());
    }
}

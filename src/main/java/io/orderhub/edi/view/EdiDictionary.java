package io.orderhub.edi.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.orderhub.edi.EdiStandard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Names of segments and elements and meanings of code values for one EDI standard, read from
 * {@code mappings/edi/dictionary/edifact.yaml} or {@code x12.yaml} (format described in those files). Lookups of
 * anything not described answer null: the readable view then shows the raw value only.
 */
public final class EdiDictionary {

    /** A data element (simple, or a component of a composite): its number and name. */
    public record Element(String ref, String name, List<Element> components) {
        public boolean composite() {
            return !components.isEmpty();
        }

        /** The n-th component (1-based), or null. */
        public Element component(int n) {
            return n >= 1 && n <= components.size() ? components.get(n - 1) : null;
        }
    }

    /** A segment: its name and its elements by position (1-based; null where not described). */
    public record Segment(String tag, String name, List<Element> elements) {
        public Element element(int position) {
            return position >= 1 && position <= elements.size() ? elements.get(position - 1) : null;
        }
    }

    private final EdiStandard standard;
    private final Map<String, Segment> segments;
    private final Map<String, Map<String, String>> codes;

    private EdiDictionary(EdiStandard standard, Map<String, Segment> segments, Map<String, Map<String, String>> codes) {
        this.standard = standard;
        this.segments = segments;
        this.codes = codes;
    }

    /** Reads {@code edifact.yaml} and {@code x12.yaml} from the dictionary directory. */
    public static Map<EdiStandard, EdiDictionary> loadAll(Path dir) {
        Map<EdiStandard, EdiDictionary> all = new HashMap<>();
        for (EdiStandard s : EdiStandard.values()) {
            all.put(s, load(dir.resolve(s.format() + ".yaml"), s));
        }
        return all;
    }

    static EdiDictionary load(Path file, EdiStandard standard) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the EDI dictionary " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.path("segments").isObject()) {
            throw new IllegalStateException("The EDI dictionary " + file + " has no 'segments' map");
        }
        Map<String, Segment> segments = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("segments").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = file.getFileName() + ": segment " + e.getKey();
            List<Element> elements = new ArrayList<>();
            for (JsonNode el : e.getValue().path("elements")) {
                elements.add(element(el, where));
            }
            segments.put(e.getKey(), new Segment(e.getKey(), e.getValue().path("name").asText(null), List.copyOf(elements)));
        }
        Map<String, Map<String, String>> codes = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("codes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<String, String> values = new HashMap<>();
            e.getValue().fields().forEachRemaining(c -> values.put(c.getKey(), c.getValue().asText()));
            codes.put(e.getKey(), Map.copyOf(values));
        }
        return new EdiDictionary(standard, Map.copyOf(segments), Map.copyOf(codes));
    }

    /** {@code "REF Name"}, {@code {"REF Name": ["REF Name", ...]}} or null. */
    private static Element element(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return simple(node.asText(), where);
        }
        if (node.isObject() && node.size() == 1) {
            Map.Entry<String, JsonNode> e = node.fields().next();
            Element head = simple(e.getKey(), where);
            List<Element> components = new ArrayList<>();
            for (JsonNode c : e.getValue()) {
                components.add(c.isNull() ? null : simple(c.asText(), where));
            }
            return new Element(head.ref(), head.name(), java.util.Collections.unmodifiableList(components));
        }
        throw new IllegalStateException(where + ": an element is \"REF Name\" or {\"REF Name\": [components]}, not " + node);
    }

    private static Element simple(String text, String where) {
        int space = text.indexOf(' ');
        if (space <= 0) {
            throw new IllegalStateException(where + ": '" + text + "' is not \"REF Name\"");
        }
        return new Element(text.substring(0, space), text.substring(space + 1).trim(), List.of());
    }

    public EdiStandard standard() {
        return standard;
    }

    /** The segment's description, or null. */
    public Segment segment(String tag) {
        return segments.get(tag);
    }

    /** The meaning of a code value of data element {@code ref}, or null when the code (or its list) is not known. */
    public String meaning(String ref, String code) {
        if (ref == null || code == null) {
            return null;
        }
        Map<String, String> list = codes.get(ref);
        return list == null ? null : list.get(code);
    }
}

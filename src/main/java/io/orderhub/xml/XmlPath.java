package io.orderhub.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path of a mapping binding, relative to its scope: element steps with an optional attribute test
 * ({@code cac:PartyIdentification/cbc:ID[@schemeID='GLN']}) and an optional final attribute ({@code .../@unitCode}).
 * Prefixes are those declared in the mapping; an unprefixed step means the mapping's default namespace.
 */
public record XmlPath(String text, List<Step> steps, String attribute) {

    private static final Pattern STEP = Pattern.compile("(?:([\\w.-]+):)?([\\w.-]+)(?:\\[@([\\w.:-]+)='([^']*)'])?");

    /** One element step: namespace URI, local name and an optional attribute that must have a given value. */
    public record Step(String namespace, String localName, String testAttribute, String testValue) {

        boolean matches(XmlFrame frame) {
            if (!localName.equals(frame.localName()) || !namespace.equals(frame.namespace())) {
                return false;
            }
            return testAttribute == null || testValue.equals(frame.attributes().get(testAttribute));
        }
    }

    /** Parses a path; a leading "/" is allowed and ignored (paths are always relative to their scope). */
    public static XmlPath parse(String text, Map<String, String> namespaces) {
        String rest = text.trim();
        if (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        String attribute = null;
        int at = rest.lastIndexOf("/@");
        if (at >= 0) {
            attribute = rest.substring(at + 2);
            rest = rest.substring(0, at);
        } else if (rest.startsWith("@")) {
            attribute = rest.substring(1);
            rest = "";
        }
        List<Step> steps = new ArrayList<>();
        if (!rest.isEmpty()) {
            for (String part : rest.split("/")) {
                Matcher m = STEP.matcher(part.trim());
                if (!m.matches()) {
                    throw new IllegalArgumentException("Bad step '" + part + "' in path '" + text + "'");
                }
                String prefix = m.group(1) == null ? "" : m.group(1);
                String ns = namespaces.get(prefix);
                if (ns == null) {
                    throw new IllegalArgumentException("Undeclared prefix '" + prefix + "' in path '" + text + "'");
                }
                steps.add(new Step(ns, m.group(2), m.group(3), m.group(4)));
            }
        }
        return new XmlPath(text.trim(), List.copyOf(steps), attribute);
    }

    /** Whether the frames below the scope ({@code frames[from..]}) are exactly this path's steps. */
    boolean matches(List<XmlFrame> frames, int from) {
        if (frames.size() - from != steps.size()) {
            return false;
        }
        for (int i = 0; i < steps.size(); i++) {
            if (!steps.get(i).matches(frames.get(from + i))) {
                return false;
            }
        }
        return true;
    }
}

package io.orderhub.edi.smooks;

import org.smooks.api.delivery.ContentDeliveryConfig;
import org.smooks.api.resource.config.ResourceConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The elements, and per element the attributes, that a Smooks configuration's selectors refer to. The EDI reader
 * leaves out segments and attributes no selector can match: Smooks evaluates every selector against every attribute of
 * the element it targets, so each attribute left out saves work on every node. A selector with a wildcard or a
 * descendant step turns this off.
 */
final class SelectorNames {

    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern ATTRIBUTE = Pattern.compile("@([A-Za-z_][A-Za-z0-9_.\\-]*)");

    private final Map<String, Set<String>> attributesByElement;
    private final boolean all;

    private SelectorNames(Map<String, Set<String>> attributesByElement, boolean all) {
        this.attributesByElement = attributesByElement;
        this.all = all;
    }

    static SelectorNames of(ContentDeliveryConfig config) {
        Map<String, Set<String>> byElement = new HashMap<>();
        boolean all = false;
        for (List<ResourceConfig> configs : config.getResourceConfigs().values()) {
            for (ResourceConfig rc : configs) {
                if (rc.getSelectorPath() == null || rc.getSelectorPath().getSelector() == null || rc.isSystem()) {
                    continue;
                }
                String selector = QUOTED.matcher(rc.getSelectorPath().getSelector()).replaceAll("''");
                if (selector.contains("*") || selector.contains("//")) {
                    all = true;
                    continue;
                }
                String element = null;
                for (String step : steps(selector)) {
                    if (step.startsWith("@")) {
                        if (element != null) {
                            byElement.get(element).add(step.substring(1));
                        }
                        continue;
                    }
                    int bracket = step.indexOf('[');
                    element = (bracket < 0 ? step : step.substring(0, bracket)).trim();
                    Set<String> attributes = byElement.computeIfAbsent(element, e -> new HashSet<>());
                    if (bracket >= 0) {
                        Matcher m = ATTRIBUTE.matcher(step.substring(bracket));
                        while (m.find()) {
                            attributes.add(m.group(1));
                        }
                    }
                }
            }
        }
        return new SelectorNames(byElement, all);
    }

    /** Splits a selector at the slashes that are not inside a predicate. */
    private static List<String> steps(String selector) {
        List<String> steps = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '/' && depth == 0) {
                if (i > start) {
                    steps.add(selector.substring(start, i).trim());
                }
                start = i + 1;
            }
        }
        if (start < selector.length()) {
            steps.add(selector.substring(start).trim());
        }
        return steps;
    }

    boolean element(String name) {
        return all || attributesByElement.containsKey(name);
    }

    boolean attribute(String element, String name) {
        if (all) {
            return true;
        }
        Set<String> attributes = attributesByElement.get(element);
        return attributes != null && attributes.contains(name);
    }
}

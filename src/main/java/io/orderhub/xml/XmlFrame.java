package io.orderhub.xml;

import java.util.HashMap;
import java.util.Map;

/**
 * One open element while a document streams through Smooks: its name, attributes, its absolute locator (with its
 * position among siblings of the same name), the text read so far and the counters for its own children.
 */
final class XmlFrame {

    private final String namespace;
    private final String localName;
    private final Map<String, String> attributes;
    private final String locator;
    private final Map<String, Integer> childCounts = new HashMap<>();
    private final StringBuilder text = new StringBuilder();

    XmlFrame(String namespace, String localName, Map<String, String> attributes, String locator) {
        this.namespace = namespace;
        this.localName = localName;
        this.attributes = attributes;
        this.locator = locator;
    }

    String namespace() {
        return namespace;
    }

    String localName() {
        return localName;
    }

    Map<String, String> attributes() {
        return attributes;
    }

    /** The absolute location of this element, e.g. {@code /Order/cac:OrderLine[2]/cac:LineItem}. */
    String locator() {
        return locator;
    }

    /** Counts one more child of this name and returns its position. */
    int nextChild(String namespace, String localName) {
        return childCounts.merge(namespace + "}" + localName, 1, Integer::sum);
    }

    void appendText(String chars) {
        text.append(chars);
    }

    String text() {
        return text.toString().trim();
    }
}

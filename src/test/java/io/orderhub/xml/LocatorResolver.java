package io.orderhub.xml;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the "xpath" provenance locators of the XML mappings against a document, independently of the mapping
 * code: steps {@code prefix:name[n]} (n defaults to 1) with the mapping's prefixes, and a final {@code @attribute}.
 */
final class LocatorResolver {

    static final Map<String, String> UBL_PREFIXES = Map.of(
            "", XmlSniffer.UBL_ORDER_NS,
            "cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
            "cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2");
    static final Map<String, String> NO_NAMESPACE = Map.of("", "");

    private static final Pattern STEP = Pattern.compile("(?:(\\w+):)?(\\w+)(?:\\[(\\d+)])?");

    private final Document document;
    private final Map<String, String> prefixes;

    LocatorResolver(byte[] xml, Map<String, String> prefixes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        this.document = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        this.prefixes = prefixes;
    }

    /** The node the locator names, or null. */
    Node resolve(String locator) {
        String[] steps = locator.substring(1).split("/");
        Node current = document;
        for (String step : steps) {
            if (step.startsWith("@")) {
                return ((Element) current).getAttributeNode(step.substring(1));
            }
            Matcher m = STEP.matcher(step);
            if (!m.matches()) {
                throw new IllegalArgumentException("bad step " + step + " in " + locator);
            }
            String ns = prefixes.get(m.group(1) == null ? "" : m.group(1));
            int wanted = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
            current = child(current, ns, m.group(2), wanted);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** The trimmed text of the node the locator names, or null. */
    String text(String locator) {
        Node n = resolve(locator);
        return n == null ? null : n.getTextContent().trim();
    }

    private static Node child(Node parent, String ns, String local, int wanted) {
        int seen = 0;
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE && local.equals(c.getLocalName())
                    && ns.equals(c.getNamespaceURI() == null ? "" : c.getNamespaceURI()) && ++seen == wanted) {
                return c;
            }
        }
        return null;
    }
}

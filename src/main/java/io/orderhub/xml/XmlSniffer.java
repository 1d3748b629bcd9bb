package io.orderhub.xml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.Optional;

/**
 * Decides the format of an XML document from its content: a UBL Order by its root element and namespace, a cXML
 * OrderRequest by the root {@code cXML} with {@code Request/OrderRequest}. Reads no further than it needs, with the
 * parser of {@link XmlSafety} (nothing declared in a DTD is read or loaded).
 */
public final class XmlSniffer {

    public static final String UBL_ORDER = "ubl-order";
    public static final String CXML_ORDER = "cxml-order";
    static final String UBL_ORDER_NS = "urn:oasis:names:specification:ubl:schema:xsd:Order-2";

    private XmlSniffer() {
    }

    /** The mapping format of this document, or empty if it is not XML or not an order this hub reads. */
    public static Optional<String> detect(byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.empty();
        }
        XMLStreamReader r = null;
        try {
            r = XmlSafety.secureFactory().createXMLStreamReader(new ByteArrayInputStream(content));
            int depth = 0;
            boolean cxml = false;
            boolean inRequest = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                    String name = r.getLocalName();
                    if (depth == 1) {
                        if ("Order".equals(name) && UBL_ORDER_NS.equals(ns)) {
                            return Optional.of(UBL_ORDER);
                        }
                        if (!"cXML".equals(name) || !ns.isEmpty()) {
                            return Optional.empty();
                        }
                        cxml = true;
                    } else if (cxml && depth == 2) {
                        inRequest = "Request".equals(name);
                    } else if (inRequest && depth == 3) {
                        return "OrderRequest".equals(name) ? Optional.of(CXML_ORDER) : Optional.empty();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            return Optional.empty();
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.empty();
        } finally {
            XmlSafety.close(r);
        }
    }

    /** The payloadID of a cXML document's envelope, if it is cXML and has one. */
    public static Optional<String> cxmlPayloadId(byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.empty();
        }
        XMLStreamReader r = null;
        try {
            r = XmlSafety.secureFactory().createXMLStreamReader(new ByteArrayInputStream(content));
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) {
                    String id = "cXML".equals(r.getLocalName()) ? r.getAttributeValue(null, "payloadID") : null;
                    return id == null || id.isBlank() ? Optional.empty() : Optional.of(id.trim());
                }
            }
            return Optional.empty();
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.empty();
        } finally {
            XmlSafety.close(r);
        }
    }
}

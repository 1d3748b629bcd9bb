package io.orderhub.xml;

import io.orderhub.model.Problem;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The check every XML document passes before a mapping reads it: well-formed, and no document type declaration —
 * so no entity can be declared, expanded (billion laughs) or fetched (XXE). The one exception is the reference to the
 * public cXML DTD that every cXML document carries by its standard: it is allowed when the mapping asks for it, has
 * no internal subset, and is never loaded. The StAX factory is the JDK's own with every DTD and entity feature
 * switched off explicitly, whatever other XML libraries on the class path register as default.
 */
public final class XmlSafety {

    public static final String DOCTYPE_CODE = "xml-doctype";
    public static final String ENTITY_CODE = "xml-entity";
    public static final String BAD_XML_CODE = "bad-xml";
    public static final String DOCTYPE_MESSAGE = "document type declarations are not accepted";

    private static final Pattern CXML_DOCTYPE = Pattern.compile(
            "<!DOCTYPE\\s+cXML\\s+SYSTEM\\s+([\"'])https?://xml\\.cxml\\.org/schemas/cXML/[0-9.]+/cXML\\.dtd\\1\\s*>",
            Pattern.CASE_INSENSITIVE);

    private XmlSafety() {
    }

    /** A StAX factory that reads no DTD, resolves no entity and opens no external resource. */
    public static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_VALIDATING, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are not loaded: " + systemId);
        });
        return f;
    }

    /**
     * The problem that keeps this document from being mapped, if any.
     *
     * @param allowCxmlDoctype whether the standard cXML DTD reference (without internal subset) is tolerated
     */
    public static Optional<Problem> check(byte[] content, boolean allowCxmlDoctype) {
        XMLStreamReader r = null;
        try {
            r = secureFactory().createXMLStreamReader(new ByteArrayInputStream(content));
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    String dtd = r.getText() == null ? "" : r.getText().trim();
                    if (!(allowCxmlDoctype && CXML_DOCTYPE.matcher(dtd).matches())) {
                        return Optional.of(new Problem(where(r.getLocation()), DOCTYPE_CODE, DOCTYPE_MESSAGE
                                + (allowCxmlDoctype ? " (a cXML document may only reference the public cXML DTD)"
                                : "") + "; nothing in it was read or loaded"));
                    }
                } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    return Optional.of(new Problem(where(r.getLocation()), ENTITY_CODE,
                            "entity references are not accepted: &" + r.getLocalName() + ";"));
                }
            }
            return Optional.empty();
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[.*?]\\s*Message:\\s*", "");
            if (message.toLowerCase(java.util.Locale.ROOT).contains("entity")) {
                return Optional.of(new Problem(where(e.getLocation()), ENTITY_CODE,
                        "entity references are not accepted: " + message));
            }
            return Optional.of(new Problem(where(e.getLocation()), BAD_XML_CODE, "not well-formed XML: " + message));
        } finally {
            close(r);
        }
    }

    static String where(Location location) {
        return location == null ? "" : "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing was opened that needs closing beyond the byte array
            }
        }
    }
}

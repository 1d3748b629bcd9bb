package io.orderhub.xml;

import org.xml.sax.ContentHandler;
import org.xml.sax.DTDHandler;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.StringReader;

/**
 * The SAX reader of the XML order mappings ({@code <reader class="io.orderhub.xml.SecureSaxReader">}): the JDK's own
 * parser, whatever other libraries register as the default SAX driver (Woodstox does, through the service loader),
 * with secure processing on, no external DTD loaded and no external entity resolved. A mapping may additionally
 * forbid any DOCTYPE through its reader features. The entity resolver that refuses every external entity cannot be
 * replaced by a caller.
 */
public final class SecureSaxReader implements XMLReader {

    private static final EntityResolver NOTHING = (publicId, systemId) -> new InputSource(new StringReader(""));

    private final XMLReader parser = newParser();
    private EntityResolver requestedResolver;

    @Override
    public boolean getFeature(String name) throws SAXNotRecognizedException, SAXNotSupportedException {
        return parser.getFeature(name);
    }

    @Override
    public void setFeature(String name, boolean value) throws SAXNotRecognizedException, SAXNotSupportedException {
        parser.setFeature(name, value);
    }

    @Override
    public Object getProperty(String name) throws SAXNotRecognizedException, SAXNotSupportedException {
        return parser.getProperty(name);
    }

    @Override
    public void setProperty(String name, Object value) throws SAXNotRecognizedException, SAXNotSupportedException {
        parser.setProperty(name, value);
    }

    /** Kept for {@link #getEntityResolver()} only: the parser keeps resolving every external entity to nothing. */
    @Override
    public void setEntityResolver(EntityResolver resolver) {
        this.requestedResolver = resolver;
    }

    @Override
    public EntityResolver getEntityResolver() {
        return requestedResolver;
    }

    @Override
    public void setDTDHandler(DTDHandler handler) {
        parser.setDTDHandler(handler);
    }

    @Override
    public DTDHandler getDTDHandler() {
        return parser.getDTDHandler();
    }

    @Override
    public void setContentHandler(ContentHandler handler) {
        parser.setContentHandler(handler);
    }

    @Override
    public ContentHandler getContentHandler() {
        return parser.getContentHandler();
    }

    @Override
    public void setErrorHandler(ErrorHandler handler) {
        parser.setErrorHandler(handler);
    }

    @Override
    public ErrorHandler getErrorHandler() {
        return parser.getErrorHandler();
    }

    @Override
    public void parse(InputSource input) throws IOException, SAXException {
        parser.parse(input);
    }

    @Override
    public void parse(String systemId) throws IOException, SAXException {
        throw new SAXException("documents are only read from memory, not from " + systemId);
    }

    private static XMLReader newParser() {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // should anything still ask for an external entity, it gets nothing instead of a connection
            reader.setEntityResolver(NOTHING);
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The JDK's SAX parser cannot be configured securely", e);
        }
    }
}

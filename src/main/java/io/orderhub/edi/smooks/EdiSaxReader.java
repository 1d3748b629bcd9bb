package io.orderhub.edi.smooks;

import io.orderhub.edi.EdiInterchange;
import io.orderhub.edi.EdiLoop;
import io.orderhub.edi.EdiMessage;
import io.orderhub.edi.EdiNode;
import io.orderhub.edi.EdiSegment;
import io.orderhub.edi.mapping.EdiMapContext;
import org.smooks.api.ExecutionContext;
import org.smooks.api.resource.reader.SmooksXMLReader;
import org.xml.sax.ContentHandler;
import org.xml.sax.DTDHandler;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

import javax.inject.Inject;
import javax.inject.Named;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The Smooks reader for EDI: emits one interchange as SAX events for the mappings in {@code mappings/edi}.
 * <pre>
 * &lt;interchange standard="EDIFACT" sender="..." senderQualifier="14" receiver="..." ref="..."&gt;
 *   &lt;message ref="1" type="ORDERS" version="D96A" association="EAN008" group=""&gt;
 *     &lt;UNH pos="1" q="1" e1="1" e2.1="ORDERS" .../&gt;
 *     &lt;BGM pos="2" q="220" e1.1="220" e2.1="PO-1" e3="9"/&gt;
 *     &lt;DTM pos="3" q="137" e1.1="137" e1.2="20240115" e1.3="102"/&gt;
 *     &lt;NAD-group q="BY"&gt;&lt;NAD pos="4" q="BY" e1="BY" e2.1="4012345000009" e2.3="9"/&gt;&lt;/NAD-group&gt;
 *     &lt;LIN-group q="1"&gt;&lt;LIN pos="8" q="1" e1="1" e3.1="4012345000023" e3.2="EN" id.EN="4012345000023"/&gt;...&lt;/LIN-group&gt;
 *   &lt;/message&gt;
 * &lt;/interchange&gt;
 * </pre>
 * Each segment is one element named by its tag, with attributes {@code pos} (position in the message),
 * {@code q} (its first value, the qualifier of most segments) and one attribute per non-empty value:
 * {@code e<element>} for a simple element, {@code e<element>.<component>} within a composite, {@code _<n>} appended
 * for the n-th repetition. Segment groups (loops) are elements named by their schema code, carrying the {@code q} of
 * their first segment. The {@code qualifiedValues} parameter adds {@code id.<qualifier>} attributes (see
 * {@link QualifiedValues}). Only messages whose type is listed in the {@code messageTypes} parameter are emitted.
 * Segments and attributes that no selector of the mapping names are left out (see {@link SelectorNames}): they could
 * not be bound, and Smooks' cost grows with every node and attribute it visits.
 */
public final class EdiSaxReader implements SmooksXMLReader {

    private static final String CDATA = "CDATA";
    private static final String[][] NAMES = new String[100][10];

    @Inject
    @Named("messageTypes")
    private String messageTypes;

    @Inject
    @Named("qualifiedValues")
    private Optional<String> qualifiedValuesSpec = Optional.empty();

    private Set<String> types;
    private QualifiedValues qualifiedValues;
    private SelectorNames names;
    private ExecutionContext executionContext;
    private ContentHandler handler;
    private final AttributesImpl attributes = new AttributesImpl();

    @Override
    public void setExecutionContext(ExecutionContext executionContext) {
        this.executionContext = executionContext;
    }

    @Override
    public void parse(InputSource source) throws SAXException {
        EdiSaxInput input = executionContext.get(EdiSaxInput.KEY);
        if (input == null) {
            throw new SAXException("No EDI input in the execution context: the EDI reader is used by OrderHub's EDI mappers only");
        }
        configure();
        EdiMapContext context = input.context();
        context.enter();
        try {
            handler.startDocument();
            EdiInterchange ic = input.interchange();
            attributes.clear();
            add("standard", ic.standard().name());
            add("sender", ic.senderId());
            add("senderQualifier", ic.senderQualifier());
            add("receiver", ic.receiverId());
            add("receiverQualifier", ic.receiverQualifier());
            add("ref", ic.controlNumber());
            add("date", ic.date());
            add("time", ic.time());
            handler.startElement("", "interchange", "interchange", attributes);
            EdiMessage m;
            while ((m = input.stream().nextMessage()) != null) {
                if (m.type() != null && types.contains(m.type())) {
                    message(m, context);
                }
                m.releaseBody();
            }
            handler.endElement("", "interchange", "interchange");
            handler.endDocument();
        } finally {
            context.exit();
        }
    }

    private void configure() {
        if (types == null) {
            types = new HashSet<>(Arrays.asList(messageTypes.trim().split("\\s*,\\s*")));
            qualifiedValues = QualifiedValues.parse(qualifiedValuesSpec.orElse(""));
            names = SelectorNames.of(executionContext.getContentDeliveryRuntime().getContentDeliveryConfig());
        }
    }

    private void message(EdiMessage m, EdiMapContext context) throws SAXException {
        context.message(m);
        attributes.clear();
        add("ref", m.controlNumber());
        add("type", m.type());
        add("version", m.version());
        add("release", m.release());
        add("agency", m.agency());
        add("association", m.association());
        add("group", m.group() == null ? null : m.group().controlNumber());
        add("status", m.status().name());
        handler.startElement("", "message", "message", attributes);
        nodes(m.body(), context);
        handler.endElement("", "message", "message");
        context.messageEnd();
    }

    private void nodes(Iterable<EdiNode> nodes, EdiMapContext context) throws SAXException {
        for (EdiNode n : nodes) {
            if (n instanceof EdiSegment s) {
                segment(s, context);
            } else if (n instanceof EdiLoop l) {
                EdiSegment trigger = l.trigger();
                context.segment(trigger);
                attributes.clear();
                addIfSelected(l.code(), "q", trigger == null ? null : trigger.first());
                handler.startElement("", l.code(), l.code(), attributes);
                nodes(l.children(), context);
                handler.endElement("", l.code(), l.code());
            }
        }
    }

    private void segment(EdiSegment s, EdiMapContext context) throws SAXException {
        if (!names.element(s.tag())) {
            return;
        }
        context.segment(s);
        attributes.clear();
        String tag = s.tag();
        addIfSelected(tag, "q", s.first());
        for (int i = 0; i < s.size(); i++) {
            addIfSelected(tag, name(s.elementAt(i), s.componentAt(i), s.repetitionAt(i)), s.valueAt(i));
        }
        for (QualifiedValues.Pair p : qualifiedValues.pairs(s.tag())) {
            String q = s.value(p.qualifierElement(), p.qualifierComponent());
            String v = s.value(p.valueElement(), p.valueComponent());
            if (q != null && v != null && isNamePart(q)) {
                String name = "id." + q;
                if (names.attribute(tag, name) && attributes.getIndex(name) < 0) {
                    add(name, v);
                }
            }
        }
        if (names.attribute(tag, "pos")) {
            add("pos", Integer.toString(s.position()));
        }
        handler.startElement("", s.tag(), s.tag(), attributes);
        handler.endElement("", s.tag(), s.tag());
    }

    private void addIfSelected(String element, String name, String value) {
        if (names.attribute(element, name)) {
            add(name, value);
        }
    }

    private void add(String name, String value) {
        if (value != null) {
            attributes.addAttribute("", name, name, CDATA, value);
        }
    }

    static String name(int element, int component, int repetition) {
        String base;
        if (element < NAMES.length && component < NAMES[0].length) {
            base = NAMES[element][component];
            if (base == null) {
                base = component > 0 ? "e" + element + "." + component : "e" + element;
                NAMES[element][component] = base;
            }
        } else {
            base = component > 0 ? "e" + element + "." + component : "e" + element;
        }
        return repetition > 1 ? base + "_" + repetition : base;
    }

    private static boolean isNamePart(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '-' && c != '_') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    @Override
    public void parse(String systemId) throws SAXException {
        parse(new InputSource(systemId));
    }

    @Override
    public boolean getFeature(String name) {
        return false;
    }

    @Override
    public void setFeature(String name, boolean value) {
        // the reader has no switchable features; Smooks sets the namespace ones on every reader
    }

    @Override
    public Object getProperty(String name) {
        return null;
    }

    @Override
    public void setProperty(String name, Object value) {
        // lexical-handler and similar properties do not apply to EDI
    }

    @Override
    public void setEntityResolver(EntityResolver resolver) {
        // no entities in EDI
    }

    @Override
    public EntityResolver getEntityResolver() {
        return null;
    }

    @Override
    public void setDTDHandler(DTDHandler handler) {
        // no DTD in EDI
    }

    @Override
    public DTDHandler getDTDHandler() {
        return null;
    }

    @Override
    public void setContentHandler(ContentHandler handler) {
        this.handler = handler;
    }

    @Override
    public ContentHandler getContentHandler() {
        return handler;
    }

    @Override
    public void setErrorHandler(ErrorHandler handler) {
        // errors are reported through EdiDocument, not SAX
    }

    @Override
    public ErrorHandler getErrorHandler() {
        return null;
    }
}

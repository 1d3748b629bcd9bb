package io.orderhub.xml;

import org.smooks.api.ExecutionContext;
import org.smooks.api.TypedKey;
import org.smooks.api.resource.config.Parameter;
import org.smooks.api.resource.config.ResourceConfig;
import org.smooks.api.resource.visitor.sax.ng.AfterVisitor;
import org.smooks.api.resource.visitor.sax.ng.BeforeVisitor;
import org.smooks.api.resource.visitor.sax.ng.ChildrenVisitor;
import org.w3c.dom.Attr;
import org.w3c.dom.CharacterData;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

import javax.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Smooks visitor of the XML order mappings ({@code mappings/xml/*.smooks.xml}, selector {@code *}): while the
 * document streams it keeps the open elements with their positions, opens an order and its lines where the mapping's
 * scopes say, and records each bound value with the path it was read at. Stateless: all per-document state is in the
 * execution context, so one Smooks instance serves many threads.
 */
public final class OrderBindingVisitor implements BeforeVisitor, AfterVisitor, ChildrenVisitor {

    static final TypedKey<XmlParse> PARSE = TypedKey.of("orderhub.xml.parse");

    @Inject
    private ResourceConfig resourceConfig;

    private volatile XmlBindings bindings;

    /** The bindings of this visitor's resource config, read once. */
    XmlBindings bindings() {
        XmlBindings b = bindings;
        if (b == null) {
            b = XmlBindings.of(values("namespace"), single("order"), single("line"), values("bind"));
            bindings = b;
        }
        return b;
    }

    private List<String> values(String name) {
        List<Parameter<?>> params = resourceConfig.getParameters(name);
        return params == null ? List.of() : params.stream().map(p -> String.valueOf(p.getValue())).toList();
    }

    private String single(String name) {
        List<String> v = values(name);
        return v.isEmpty() ? null : v.get(0);
    }

    @Override
    public void visitBefore(Element element, ExecutionContext context) {
        XmlParse parse = state(context);
        XmlBindings b = bindings();
        String ns = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
        String local = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
        List<XmlFrame> frames = parse.frames;
        XmlFrame parent = frames.isEmpty() ? null : frames.get(frames.size() - 1);
        int position = parent == null ? 1 : parent.nextChild(ns, local);
        boolean lineCandidate = parse.order != null && parse.line == null;
        String name = displayName(b, ns, element);
        String parentLocator = parent == null ? "" : parent.locator();
        XmlFrame provisional = new XmlFrame(ns, local, attributes(element), parentLocator + "/" + name);
        frames.add(provisional);
        if (lineCandidate && b.line().matches(frames, parse.orderDepth + 1)) {
            // a line element always carries its position, so every line's locators name it
            XmlFrame indexed = new XmlFrame(ns, local, provisional.attributes(),
                    parentLocator + "/" + name + "[" + position + "]");
            frames.set(frames.size() - 1, indexed);
            parse.line = new OrderDraft.LineDraft(indexed.locator());
            parse.lineDepth = frames.size() - 1;
            parse.order.lines.add(parse.line);
        } else if (position > 1) {
            frames.set(frames.size() - 1, new XmlFrame(ns, local, provisional.attributes(),
                    parentLocator + "/" + name + "[" + position + "]"));
        }
        if (parse.order == null && b.order().matches(frames, 0)) {
            parse.order = new OrderDraft();
            parse.orderDepth = frames.size() - 1;
            parse.orders.add(parse.order);
        }
    }

    @Override
    public void visitChildText(CharacterData characterData, ExecutionContext context) {
        List<XmlFrame> frames = state(context).frames;
        if (!frames.isEmpty()) {
            frames.get(frames.size() - 1).appendText(characterData.getData());
        }
    }

    @Override
    public void visitChildElement(Element childElement, ExecutionContext context) {
        // children are visited on their own (selector "*")
    }

    @Override
    public void visitAfter(Element element, ExecutionContext context) {
        XmlParse parse = state(context);
        XmlBindings b = bindings();
        List<XmlFrame> frames = parse.frames;
        int depth = frames.size() - 1;
        if (parse.order != null) {
            collect(b.header(), frames, parse.orderDepth + 1, parse.order.fields, parse.order);
            if (parse.line != null) {
                collect(b.lines(), frames, parse.lineDepth + 1, parse.line.fields, null);
            }
        }
        if (depth == parse.lineDepth) {
            parse.line = null;
            parse.lineDepth = -1;
        }
        if (depth == parse.orderDepth) {
            parse.order = null;
            parse.orderDepth = -1;
        }
        frames.remove(depth);
    }

    private static void collect(List<XmlBindings.Binding> bindings, List<XmlFrame> frames, int from,
                                Map<String, XmlValue> fields, OrderDraft notesOwner) {
        XmlFrame frame = frames.get(frames.size() - 1);
        for (XmlBindings.Binding binding : bindings) {
            if (!binding.path().matches(frames, from)) {
                continue;
            }
            String attribute = binding.path().attribute();
            String value = attribute == null ? frame.text() : frame.attributes().get(attribute);
            if (value == null || value.isBlank()) {
                continue;
            }
            String locator = attribute == null ? frame.locator() : frame.locator() + "/@" + attribute;
            XmlValue v = new XmlValue(value.trim(), locator, binding.rank());
            if ("notes".equals(binding.field()) && notesOwner != null) {
                notesOwner.notes.add(v);
            } else {
                OrderDraft.offer(fields, binding.field(), v);
            }
        }
    }

    private static XmlParse state(ExecutionContext context) {
        XmlParse parse = context.get(PARSE);
        if (parse == null) {
            parse = new XmlParse();
            context.put(PARSE, parse);
        }
        return parse;
    }

    /** The element's name as the mapping writes it: its declared prefix, else the name as in the document. */
    private static String displayName(XmlBindings b, String ns, Element element) {
        String local = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
        String prefix = b.prefixFor(ns);
        if (prefix == null) {
            return element.getTagName();
        }
        return prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static Map<String, String> attributes(Element element) {
        NamedNodeMap attrs = element.getAttributes();
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
            if (a.getNamespaceURI() != null && !a.getNamespaceURI().isEmpty()
                    && !"http://www.w3.org/XML/1998/namespace".equals(a.getNamespaceURI())) {
                continue;
            }
            map.put(name, a.getValue());
        }
        return map;
    }
}

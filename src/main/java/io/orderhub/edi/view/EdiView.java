package io.orderhub.edi.view;

import io.orderhub.edi.EdiDocument;
import io.orderhub.edi.EdiError;
import io.orderhub.edi.EdiGroup;
import io.orderhub.edi.EdiInterchange;
import io.orderhub.edi.EdiLoop;
import io.orderhub.edi.EdiMessage;
import io.orderhub.edi.EdiNode;
import io.orderhub.edi.EdiReader;
import io.orderhub.edi.EdiSegment;
import io.orderhub.edi.EdiStandard;
import io.orderhub.edi.EdiStream;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The readable form of an EDI file: interchange, group, message, segments (inside their segment groups / loops),
 * elements and components, each with its position, its name from the {@link EdiDictionary} and its raw value, and
 * for coded values whose code list the dictionary knows, their meaning. Validation errors are shown where they were
 * found (on the segment, element or component), errors without a position on the message, group, interchange or
 * file. The file is read message by message; only the messages in the requested window are turned into nodes.
 * Thread-safe.
 */
public final class EdiView {

    private final EdiReader reader;
    private final Map<EdiStandard, EdiDictionary> dictionaries;

    public EdiView(EdiReader reader, Map<EdiStandard, EdiDictionary> dictionaries) {
        this.reader = reader;
        this.dictionaries = dictionaries;
    }

    /**
     * The tree of a file as nested maps and lists (ready for JSON), with the messages {@code offset} to
     * {@code offset + limit - 1} (0-based, counted over the whole file) in full and the others counted only.
     */
    public Map<String, Object> tree(byte[] content, int offset, int limit) {
        EdiStream stream = reader.open(content);
        Map<EdiInterchange, Map<String, Object>> interchangeNodes = new IdentityHashMap<>();
        Map<EdiGroup, Map<String, Object>> groupNodes = new IdentityHashMap<>();
        List<EdiInterchange> order = new ArrayList<>();
        int seen = 0;
        EdiInterchange interchange;
        while ((interchange = stream.nextInterchange()) != null) {
            order.add(interchange);
            EdiDictionary dictionary = dictionaries.get(interchange.standard());
            Map<String, Object> icNode = new LinkedHashMap<>();
            interchangeNodes.put(interchange, icNode);
            EdiMessage m;
            while ((m = stream.nextMessage()) != null) {
                if (seen >= offset && seen < offset + (long) limit) {
                    Map<String, Object> node = message(m, dictionary);
                    if (m.group() != null) {
                        Map<String, Object> g = groupNodes.computeIfAbsent(m.group(), x -> new LinkedHashMap<>());
                        messages(g).add(node);
                    } else {
                        messages(icNode).add(node);
                    }
                }
                seen++;
                m.releaseBody();
            }
        }
        EdiDocument document = stream.document();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("messageCount", seen);
        root.put("messageOffset", offset);
        root.put("messageLimit", limit);
        putErrors(root, document.errors());
        List<Object> interchanges = new ArrayList<>();
        for (EdiInterchange ic : document.interchanges()) {
            Map<String, Object> node = interchangeNodes.get(ic);
            interchanges.add(interchange(ic, node == null ? new LinkedHashMap<>() : node, groupNodes));
        }
        root.put("interchanges", interchanges);
        return root;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> messages(Map<String, Object> node) {
        return (List<Object>) node.computeIfAbsent("messages", k -> new ArrayList<>());
    }

    private Map<String, Object> interchange(EdiInterchange ic, Map<String, Object> messagesHolder,
                                            Map<EdiGroup, Map<String, Object>> groupNodes) {
        EdiDictionary dictionary = dictionaries.get(ic.standard());
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("standard", ic.standard().name());
        node.put("position", ic.index() + 1);
        put(node, "controlNumber", ic.controlNumber());
        put(node, "sender", ic.senderId());
        put(node, "senderQualifier", ic.senderQualifier());
        put(node, "receiver", ic.receiverId());
        put(node, "receiverQualifier", ic.receiverQualifier());
        put(node, "date", ic.date());
        put(node, "time", ic.time());
        if (ic.test()) {
            node.put("test", true);
        }
        Map<String, String> delimiters = new LinkedHashMap<>();
        ic.delimiters().forEach((k, v) -> delimiters.put(k.substring(k.lastIndexOf('.') + 1), String.valueOf(v)));
        if (!delimiters.isEmpty()) {
            node.put("delimiters", delimiters);
        }
        List<EdiError> errors = new ArrayList<>(ic.errors());
        node.put("segments", envelope(ic.envelope(), dictionary, errors));
        putErrors(node, errors);
        if (!ic.groups().isEmpty()) {
            List<Object> groups = new ArrayList<>();
            for (EdiGroup g : ic.groups()) {
                groups.add(group(g, dictionary, groupNodes.get(g)));
            }
            node.put("groups", groups);
        }
        Object messages = messagesHolder.get("messages");
        if (messages != null) {
            node.put("messages", messages);
        }
        return node;
    }

    private Map<String, Object> group(EdiGroup g, EdiDictionary dictionary, Map<String, Object> withMessages) {
        Map<String, Object> node = new LinkedHashMap<>();
        put(node, "controlNumber", g.controlNumber());
        put(node, "functionalId", g.functionalId());
        put(node, "applicationSender", g.applicationSender());
        put(node, "applicationReceiver", g.applicationReceiver());
        put(node, "version", g.version());
        List<EdiError> errors = new ArrayList<>(g.errors());
        node.put("segments", envelope(g.envelope(), dictionary, errors));
        putErrors(node, errors);
        if (withMessages != null && withMessages.get("messages") != null) {
            node.put("messages", withMessages.get("messages"));
        }
        return node;
    }

    /** Envelope segments with the errors found at them; errors placed are removed from {@code errors}. */
    private List<Object> envelope(List<EdiSegment> segments, EdiDictionary dictionary, List<EdiError> errors) {
        List<Object> nodes = new ArrayList<>();
        for (EdiSegment s : segments) {
            List<EdiError> here = new ArrayList<>();
            errors.removeIf(e -> {
                boolean at = e.segmentPosition() == s.position() && s.tag().equals(e.segmentTag());
                if (at) {
                    here.add(e);
                }
                return at;
            });
            nodes.add(segment(s, dictionary, here));
        }
        return nodes;
    }

    private Map<String, Object> message(EdiMessage m, EdiDictionary dictionary) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("position", m.index() + 1);
        put(node, "controlNumber", m.controlNumber());
        put(node, "type", m.type());
        put(node, "version", m.version());
        put(node, "association", m.association());
        node.put("status", m.status().name());
        put(node, "schema", m.schemaFile());
        List<EdiError> errors = new ArrayList<>(m.errors());
        node.put("segments", nodes(m.body(), dictionary, errors));
        putErrors(node, errors);
        return node;
    }

    private List<Object> nodes(List<EdiNode> body, EdiDictionary dictionary, List<EdiError> errors) {
        List<Object> out = new ArrayList<>(body.size());
        for (EdiNode n : body) {
            if (n instanceof EdiSegment s) {
                List<EdiError> here = new ArrayList<>();
                errors.removeIf(e -> {
                    boolean at = e.segmentPosition() == s.position();
                    if (at) {
                        here.add(e);
                    }
                    return at;
                });
                out.add(segment(s, dictionary, here));
            } else if (n instanceof EdiLoop l) {
                Map<String, Object> loop = new LinkedHashMap<>();
                loop.put("loop", l.code());
                String name = loopName(l.code(), dictionary);
                put(loop, "name", name);
                loop.put("segments", nodes(l.children(), dictionary, errors));
                out.add(loop);
            }
        }
        return out;
    }

    /** A loop is named after its trigger segment: {@code LIN-PRI-group} is the "Price details group". */
    private static String loopName(String code, EdiDictionary dictionary) {
        int dash = code.lastIndexOf('-');
        if (dash <= 0) {
            return null;
        }
        String head = code.substring(0, dash);
        String trigger = head.substring(head.lastIndexOf('-') + 1);
        EdiDictionary.Segment s = dictionary.segment(trigger);
        return s == null || s.name() == null ? null : s.name() + " " + code.substring(dash + 1);
    }

    private Map<String, Object> segment(EdiSegment s, EdiDictionary dictionary, List<EdiError> errors) {
        EdiDictionary.Segment described = dictionary.segment(s.tag());
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("tag", s.tag());
        put(node, "name", described == null ? null : described.name());
        node.put("position", s.position());
        List<Map<String, Object>> elements = new ArrayList<>();
        Map<Long, Map<String, Object>> byElement = new LinkedHashMap<>();
        for (int i = 0; i < s.size(); i++) {
            int e = s.elementAt(i);
            int c = s.componentAt(i);
            int r = s.repetitionAt(i);
            EdiDictionary.Element def = described == null ? null : described.element(e);
            long key = ((long) e << 16) | r;
            Map<String, Object> el = byElement.get(key);
            if (el == null) {
                el = elementNode(s.tag(), e, r, def, dictionary.standard());
                byElement.put(key, el);
                elements.add(el);
            }
            boolean composite = def != null && def.composite();
            if (c == 0 && !composite) {
                el.put("value", s.valueAt(i));
                put(el, "meaning", def == null ? null : dictionary.meaning(def.ref(), s.valueAt(i)));
            } else {
                int position = Math.max(c, 1);
                EdiDictionary.Element cdef = def == null ? null : def.component(position);
                Map<String, Object> comp = new LinkedHashMap<>();
                comp.put("position", position);
                if (dictionary.standard() == EdiStandard.X12) {
                    comp.put("id", el.get("id") + "-" + (position < 10 ? "0" : "") + position);
                }
                put(comp, "ref", cdef == null ? null : cdef.ref());
                put(comp, "name", cdef == null ? null : cdef.name());
                comp.put("value", s.valueAt(i));
                put(comp, "meaning", cdef == null ? null : dictionary.meaning(cdef.ref(), s.valueAt(i)));
                components(el).add(comp);
            }
        }
        node.put("elements", elements);
        List<EdiError> unplaced = new ArrayList<>();
        for (EdiError err : errors) {
            Map<String, Object> target = err.elementPosition() > 0 ? byElement.get(((long) err.elementPosition() << 16) | 1) : null;
            if (target != null && err.componentPosition() > 0) {
                for (Map<String, Object> comp : components(target)) {
                    if (Integer.valueOf(err.componentPosition()).equals(comp.get("position"))) {
                        target = comp;
                        break;
                    }
                }
            }
            if (target != null) {
                errorList(target).add(error(err));
            } else {
                unplaced.add(err);
            }
        }
        putErrors(node, unplaced);
        return node;
    }

    private static Map<String, Object> elementNode(String tag, int position, int repetition, EdiDictionary.Element def,
                                                   EdiStandard standard) {
        Map<String, Object> el = new LinkedHashMap<>();
        el.put("position", position);
        if (standard == EdiStandard.X12) {
            el.put("id", tag + (position < 10 ? "0" : "") + position);
        }
        if (repetition > 1) {
            el.put("repetition", repetition);
        }
        put(el, "ref", def == null ? null : def.ref());
        put(el, "name", def == null ? null : def.name());
        return el;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> components(Map<String, Object> element) {
        return (List<Map<String, Object>>) element.computeIfAbsent("components", k -> new ArrayList<>());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> errorList(Map<String, Object> node) {
        return (List<Object>) node.computeIfAbsent("errors", k -> new ArrayList<>());
    }

    private static void putErrors(Map<String, Object> node, List<EdiError> errors) {
        for (EdiError e : errors) {
            errorList(node).add(error(e));
        }
    }

    private static Map<String, Object> error(EdiError e) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("severity", e.severity().name());
        node.put("code", e.code());
        node.put("path", e.path());
        node.put("message", e.message());
        if (e.segmentPosition() > 0) {
            node.put("segment", e.segmentPosition());
        }
        put(node, "tag", e.segmentTag());
        if (e.elementPosition() > 0) {
            node.put("element", e.elementPosition());
        }
        if (e.componentPosition() > 0) {
            node.put("component", e.componentPosition());
        }
        put(node, "value", e.value());
        return node;
    }

    private static void put(Map<String, Object> node, String key, Object value) {
        if (value != null) {
            node.put(key, value);
        }
    }
}

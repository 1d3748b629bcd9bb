package io.orderhub.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declarative part of an XML order mapping, read from the parameters of the binding visitor in a Smooks config:
 * namespaces, the order and line scopes, and one path per canonical field (several paths for one field are
 * alternatives, the first listed that occurs wins).
 *
 * @param namespaces prefix to namespace URI; the prefix "" is the namespace of unprefixed steps
 * @param order      where an order starts, from the document root
 * @param line       where a line starts, relative to the order
 * @param header     bindings of order fields, relative to the order
 * @param lines      bindings of line fields, relative to the line
 */
public record XmlBindings(Map<String, String> namespaces, XmlPath order, XmlPath line, List<Binding> header,
                          List<Binding> lines) {

    /** Canonical order fields a binding may name (party fields as {@code buyer.gln}). */
    public static final Set<String> HEADER_FIELDS;
    /** Canonical line fields a binding may name, as {@code lines.quantity}. */
    public static final Set<String> LINE_FIELDS = Set.of("lineNumber", "buyerItem", "supplierItem", "gtin",
            "description", "quantity", "unit", "unitPrice", "amount");
    static final Set<String> PARTIES = Set.of("buyer", "seller", "shipTo", "billTo");
    static final List<String> PARTY_FIELDS = List.of("id", "gln", "duns", "name", "street", "city", "postalCode",
            "country");

    static {
        List<String> fields = new ArrayList<>(List.of("customerId", "poNumber", "orderDate", "requestedDeliveryDate",
                "currency", "notes"));
        for (String party : PARTIES) {
            PARTY_FIELDS.forEach(f -> fields.add(party + "." + f));
        }
        HEADER_FIELDS = Set.copyOf(fields);
    }

    /** One field and where it is read; {@code rank} orders alternatives for the same field. */
    public record Binding(String field, XmlPath path, int rank) {
    }

    /**
     * Reads the bindings from parameter values: {@code namespace} ("prefix=uri"), {@code order}, {@code line} and any
     * number of {@code bind} ("field = path"; line fields as {@code lines.quantity}).
     */
    public static XmlBindings of(List<String> namespaceParams, String order, String line, List<String> bindParams) {
        Map<String, String> ns = new LinkedHashMap<>();
        ns.put("", "");
        for (String decl : namespaceParams) {
            int eq = decl.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("namespace must be 'prefix=uri', not '" + decl + "'");
            }
            ns.put(decl.substring(0, eq).trim(), decl.substring(eq + 1).trim());
        }
        if (order == null || line == null) {
            throw new IllegalArgumentException("an XML order mapping needs the parameters 'order' and 'line'");
        }
        List<Binding> header = new ArrayList<>();
        List<Binding> lines = new ArrayList<>();
        int rank = 0;
        for (String bind : bindParams) {
            int eq = bind.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("bind must be 'field = path', not '" + bind + "'");
            }
            String field = bind.substring(0, eq).trim();
            XmlPath path = XmlPath.parse(bind.substring(eq + 1), ns);
            if (field.startsWith("lines.") && LINE_FIELDS.contains(field.substring(6))) {
                lines.add(new Binding(field.substring(6), path, rank++));
            } else if (HEADER_FIELDS.contains(field)) {
                header.add(new Binding(field, path, rank++));
            } else {
                throw new IllegalArgumentException("'" + field + "' is not a canonical order field");
            }
        }
        return new XmlBindings(Map.copyOf(ns), XmlPath.parse(order, ns), XmlPath.parse(line, ns),
                List.copyOf(header), List.copyOf(lines));
    }

    /** The prefix this mapping uses for a namespace, for locators; null if it declares none. */
    String prefixFor(String namespace) {
        for (Map.Entry<String, String> e : namespaces.entrySet()) {
            if (e.getValue().equals(namespace)) {
                return e.getKey();
            }
        }
        return null;
    }
}

package io.orderhub.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical fields a mapping spec may fill, by the key it uses for them, with their types. Party fields are
 * keyed {@code party.attribute} ({@code shipTo.city}); {@code sender} is not mappable: it is the partner the
 * channel names.
 */
public final class CanonicalFields {

    public static final List<String> PARTIES = List.of("buyer", "seller", "shipTo", "billTo");
    public static final List<String> PARTY_ATTRIBUTES = List.of("id", "gln", "duns", "name", "street", "city", "postalCode",
            "country");
    public static final String NOTES = "notes";

    /** Order-level fields. */
    public static final Map<String, ValueType> HEADER;
    /** Line fields; their pointers in a spec are relative to one line item. */
    public static final Map<String, ValueType> LINE;

    static {
        Map<String, ValueType> header = new LinkedHashMap<>();
        header.put("poNumber", ValueType.TEXT);
        header.put("customerId", ValueType.TEXT);
        header.put("orderDate", ValueType.DATE);
        header.put("requestedDeliveryDate", ValueType.DATE);
        header.put("currency", ValueType.TEXT);
        for (String party : PARTIES) {
            for (String attribute : PARTY_ATTRIBUTES) {
                header.put(party + "." + attribute, ValueType.TEXT);
            }
        }
        header.put(NOTES, ValueType.TEXT);
        HEADER = Collections.unmodifiableMap(header);

        Map<String, ValueType> line = new LinkedHashMap<>();
        line.put("lineNumber", ValueType.WHOLE_NUMBER);
        line.put("buyerItem", ValueType.TEXT);
        line.put("supplierItem", ValueType.TEXT);
        line.put("gtin", ValueType.TEXT);
        line.put("description", ValueType.TEXT);
        line.put("quantity", ValueType.DECIMAL);
        line.put("unit", ValueType.TEXT);
        line.put("unitPrice", ValueType.DECIMAL);
        line.put("amount", ValueType.DECIMAL);
        LINE = Collections.unmodifiableMap(line);
    }

    private CanonicalFields() {
    }

    /** The JSON pointer of an order-level field in the canonical order: {@code shipTo.city -> /shipTo/city}. */
    public static String pointer(String key) {
        return NOTES.equals(key) ? "/notes/0" : "/" + key.replace('.', '/');
    }

    /** The JSON pointer of a line field in the canonical order: {@code /lines/0/quantity}. */
    public static String linePointer(int index, String key) {
        return "/lines/" + index + "/" + key;
    }
}

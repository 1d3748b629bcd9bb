package io.orderhub.mapping;

import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.OrderLine;
import io.orderhub.model.Party;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Builds canonical records from the values a mapping found, keyed as in {@link CanonicalFields} (also used by the PDF templates). */
public final class OrderAssembler {

    private OrderAssembler() {
    }

    public static CanonicalOrder order(String sender, Map<String, Object> values, List<OrderLine> lines) {
        String note = (String) values.get(CanonicalFields.NOTES);
        return new CanonicalOrder(
                sender,
                (String) values.get("customerId"),
                (String) values.get("poNumber"),
                (LocalDate) values.get("orderDate"),
                (LocalDate) values.get("requestedDeliveryDate"),
                (String) values.get("currency"),
                party("buyer", values),
                party("seller", values),
                party("shipTo", values),
                party("billTo", values),
                lines,
                note == null ? List.of() : List.of(note));
    }

    public static OrderLine line(Map<String, Object> values) {
        return new OrderLine(
                (Integer) values.get("lineNumber"),
                (String) values.get("buyerItem"),
                (String) values.get("supplierItem"),
                (String) values.get("gtin"),
                (String) values.get("description"),
                (BigDecimal) values.get("quantity"),
                (String) values.get("unit"),
                (BigDecimal) values.get("unitPrice"),
                (BigDecimal) values.get("amount"));
    }

    /** The party, or {@code null} when the document gave none of its attributes. */
    private static Party party(String name, Map<String, Object> values) {
        String prefix = name + ".";
        if (values.keySet().stream().noneMatch(k -> k.startsWith(prefix))) {
            return null;
        }
        return new Party(
                (String) values.get(prefix + "id"),
                (String) values.get(prefix + "gln"),
                (String) values.get(prefix + "duns"),
                (String) values.get(prefix + "name"),
                (String) values.get(prefix + "street"),
                (String) values.get(prefix + "city"),
                (String) values.get(prefix + "postalCode"),
                (String) values.get(prefix + "country"));
    }
}

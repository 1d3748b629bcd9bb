package io.orderhub.xml;

import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.OrderLine;
import io.orderhub.model.Party;
import io.orderhub.model.Problem;
import io.orderhub.model.SourceRef;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns the values an XML mapping collected into a canonical order with provenance. A value that is not what its
 * field needs (a date, a number) is left out and named as a problem of the order, which sends it to review.
 */
final class XmlOrderAssembler {

    static final String KIND = "xpath";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

    private final Map<String, SourceRef> provenance = new TreeMap<>();
    private final List<Problem> problems = new ArrayList<>();

    static MappedOrder assemble(int index, OrderDraft draft, String sender) {
        return new XmlOrderAssembler().build(index, draft, sender);
    }

    private MappedOrder build(int index, OrderDraft d, String sender) {
        Map<String, XmlValue> f = d.fields;
        List<String> notes = new ArrayList<>();
        for (XmlValue note : d.notes) {
            provenance.put("/notes/" + notes.size(), ref(note));
            notes.add(note.value());
        }
        List<OrderLine> lines = new ArrayList<>();
        for (OrderDraft.LineDraft line : d.lines) {
            lines.add(line(lines.size(), line));
        }
        CanonicalOrder order = new CanonicalOrder(sender, text(f, "customerId", "/customerId"),
                text(f, "poNumber", "/poNumber"), date(f, "orderDate", "/orderDate"),
                date(f, "requestedDeliveryDate", "/requestedDeliveryDate"), text(f, "currency", "/currency"),
                party(f, "buyer"), party(f, "seller"), party(f, "shipTo"), party(f, "billTo"), lines, notes);
        return new MappedOrder(index, order, provenance, problems);
    }

    private OrderLine line(int i, OrderDraft.LineDraft line) {
        Map<String, XmlValue> f = line.fields;
        String at = "/lines/" + i + "/";
        Integer lineNumber = integer(f.get("lineNumber"));
        if (lineNumber != null) {
            provenance.put(at + "lineNumber", ref(f.get("lineNumber")));
        } else {
            // a line id that is not a number (UBL allows any text): the line's position in the document
            lineNumber = i + 1;
            provenance.put(at + "lineNumber", new SourceRef(KIND, line.locator, 1.0));
        }
        return new OrderLine(lineNumber, text(f, "buyerItem", at + "buyerItem"),
                text(f, "supplierItem", at + "supplierItem"), text(f, "gtin", at + "gtin"),
                text(f, "description", at + "description"), decimal(f, "quantity", at + "quantity"),
                text(f, "unit", at + "unit"), decimal(f, "unitPrice", at + "unitPrice"),
                decimal(f, "amount", at + "amount"));
    }

    private Party party(Map<String, XmlValue> f, String party) {
        String[] v = new String[XmlBindings.PARTY_FIELDS.size()];
        boolean any = false;
        for (int i = 0; i < v.length; i++) {
            String field = XmlBindings.PARTY_FIELDS.get(i);
            v[i] = text(f, party + "." + field, "/" + party + "/" + field);
            any |= v[i] != null;
        }
        return any ? new Party(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]) : null;
    }

    private String text(Map<String, XmlValue> f, String field, String pointer) {
        XmlValue v = f.get(field);
        if (v == null) {
            return null;
        }
        provenance.put(pointer, ref(v));
        return v.value();
    }

    private LocalDate date(Map<String, XmlValue> f, String field, String pointer) {
        XmlValue v = f.get(field);
        if (v == null) {
            return null;
        }
        try {
            if (!DATE.matcher(v.value()).matches()) {
                throw new DateTimeParseException("not a date", v.value(), 0);
            }
            LocalDate date = LocalDate.parse(v.value().substring(0, 10));
            provenance.put(pointer, ref(v));
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new Problem(pointer, "bad-value", "'" + v.value() + "' at " + v.locator()
                    + " is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private BigDecimal decimal(Map<String, XmlValue> f, String field, String pointer) {
        XmlValue v = f.get(field);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(v.value());
            provenance.put(pointer, ref(v));
            return n;
        } catch (NumberFormatException e) {
            problems.add(new Problem(pointer, "bad-value", "'" + v.value() + "' at " + v.locator()
                    + " is not a number"));
            return null;
        }
    }

    private static Integer integer(XmlValue v) {
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.value());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static SourceRef ref(XmlValue v) {
        return new SourceRef(KIND, v.locator(), 1.0);
    }
}

package io.orderhub.csv;

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

/**
 * Builds one canonical order from the cells of its rows: header fields (first row that has them; a later row with a
 * different value is a problem of the order) and one line per row. Numbers and dates are read as the layout says;
 * a cell that cannot be read is left out and named as a problem, which sends the order to review.
 */
final class CsvOrderBuilder {

    private static final List<String> PARTY_FIELDS = List.of("id", "gln", "duns", "name", "street", "city",
            "postalCode", "country");

    private final CsvLayout layout;
    private final Map<String, CsvCell> header = new java.util.LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Map<String, CsvCell>> lines = new ArrayList<>();
    private final Map<String, SourceRef> provenance = new TreeMap<>();
    private final List<Problem> problems = new ArrayList<>();

    CsvOrderBuilder(CsvLayout layout) {
        this.layout = layout;
        layout.constants().forEach((field, value) -> header.put(field,
                new CsvCell(value, "layout " + layout.name() + ", constant " + field)));
    }

    /** Adds one row: its header cells (checked against earlier rows) and, if it has any line cell, a line. */
    void row(Map<String, CsvCell> cells) {
        Map<String, CsvCell> line = new java.util.LinkedHashMap<>();
        cells.forEach((field, cell) -> {
            if (field.startsWith("lines.")) {
                line.put(field.substring(6), cell);
            } else if ("notes".equals(field)) {
                provenance.put("/notes/" + notes.size(), cell.ref());
                notes.add(cell.value());
            } else {
                CsvCell first = header.putIfAbsent(field, cell);
                if (first != null && !first.value().equals(cell.value())) {
                    problems.add(new Problem("/" + field.replace('.', '/'), "inconsistent-rows", cell.locator()
                            + ": '" + cell.value() + "' differs from '" + first.value() + "' at " + first.locator()));
                }
            }
        });
        if (!line.isEmpty()) {
            lines.add(line);
        }
    }

    MappedOrder build(int index, String sender) {
        List<OrderLine> orderLines = new ArrayList<>();
        for (Map<String, CsvCell> line : lines) {
            String at = "/lines/" + orderLines.size() + "/";
            Integer lineNumber = integer(line.get("lineNumber"), at + "lineNumber");
            orderLines.add(new OrderLine(lineNumber == null ? orderLines.size() + 1 : lineNumber,
                    text(line.get("buyerItem"), at + "buyerItem"), text(line.get("supplierItem"), at + "supplierItem"),
                    text(line.get("gtin"), at + "gtin"), text(line.get("description"), at + "description"),
                    decimal(line.get("quantity"), at + "quantity"), text(line.get("unit"), at + "unit"),
                    decimal(line.get("unitPrice"), at + "unitPrice"), decimal(line.get("amount"), at + "amount")));
        }
        CanonicalOrder order = new CanonicalOrder(sender, text(header.get("customerId"), "/customerId"),
                text(header.get("poNumber"), "/poNumber"), date(header.get("orderDate"), "/orderDate"),
                date(header.get("requestedDeliveryDate"), "/requestedDeliveryDate"),
                text(header.get("currency"), "/currency"), party("buyer"), party("seller"), party("shipTo"),
                party("billTo"), orderLines, notes);
        return new MappedOrder(index, order, provenance, problems);
    }

    private Party party(String party) {
        String[] v = new String[PARTY_FIELDS.size()];
        boolean any = false;
        for (int i = 0; i < v.length; i++) {
            v[i] = text(header.get(party + "." + PARTY_FIELDS.get(i)), "/" + party + "/" + PARTY_FIELDS.get(i));
            any |= v[i] != null;
        }
        return any ? new Party(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]) : null;
    }

    private String text(CsvCell cell, String pointer) {
        if (cell == null) {
            return null;
        }
        provenance.put(pointer, cell.ref());
        return cell.value();
    }

    private LocalDate date(CsvCell cell, String pointer) {
        if (cell == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(cell.value(), layout.dateFormat());
            provenance.put(pointer, cell.ref());
            return d;
        } catch (DateTimeParseException e) {
            problems.add(new Problem(pointer, "bad-value", cell.locator() + ": '" + cell.value()
                    + "' is not a date in the layout's format"));
            return null;
        }
    }

    private BigDecimal decimal(CsvCell cell, String pointer) {
        if (cell == null) {
            return null;
        }
        String v = cell.value().replace(" ", "").replace("\u00a0", "");
        if (layout.decimalSeparator() == ',') {
            v = v.replace(".", "").replace(',', '.');
        }
        try {
            BigDecimal n = new BigDecimal(v);
            provenance.put(pointer, cell.ref());
            return n;
        } catch (NumberFormatException e) {
            problems.add(new Problem(pointer, "bad-value", cell.locator() + ": '" + cell.value()
                    + "' is not a number"));
            return null;
        }
    }

    private Integer integer(CsvCell cell, String pointer) {
        BigDecimal n = decimal(cell, pointer);
        if (n == null) {
            return null;
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            provenance.remove(pointer);
            problems.add(new Problem(pointer, "bad-value", cell.locator() + ": '" + cell.value()
                    + "' is not a whole number"));
            return null;
        }
    }
}

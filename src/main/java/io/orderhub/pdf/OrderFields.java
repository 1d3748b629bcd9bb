package io.orderhub.pdf;

import io.orderhub.mapping.CanonicalFields;
import io.orderhub.mapping.OrderAssembler;
import io.orderhub.mapping.ValueType;
import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.OrderLine;
import io.orderhub.model.Problem;
import io.orderhub.model.SourceRef;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds one canonical order from the texts a template extracted: each is read into its field's type (dates in the
 * template's format, decimals with its separator, quantities with their unit), gets its locator and confidence as
 * provenance, and a text that cannot be read, or was read by OCR less surely than the partner's threshold, is a
 * problem that sends the order to review.
 */
final class OrderFields {

    private static final Pattern QUANTITY_WITH_UNIT = Pattern.compile("^([-+]?[\\d.,\\s]*\\d)\\s*([\\p{L}][\\p{L}\\d]*)$");
    private static final Pattern CURRENCY_MARK = Pattern.compile("^(?:[A-Z]{3}|[€$£])\\s*|\\s*(?:[A-Z]{3}|[€$£])$");

    private final String kind;
    private final Double threshold;
    private final Map<String, SourceRef> provenance = new TreeMap<>();
    private final List<Problem> problems = new ArrayList<>();

    /**
     * @param kind      the provenance kind: {@code pdf}, {@code ocr} or {@code body}
     * @param threshold the lowest acceptable confidence, or null where the text was not read by OCR
     */
    OrderFields(String kind, Double threshold) {
        this.kind = kind;
        this.threshold = threshold;
    }

    MappedOrder build(int index, String sender, Map<String, Extracted> header, List<Map<String, Extracted>> lines,
                      List<Problem> extractionProblems) {
        problems.addAll(extractionProblems);
        Map<String, Object> values = new HashMap<>();
        header.forEach((field, e) -> put(values, field, CanonicalFields.pointer(field),
                CanonicalFields.HEADER.get(field), e));
        List<OrderLine> orderLines = new ArrayList<>();
        for (Map<String, Extracted> line : lines) {
            int i = orderLines.size();
            Map<String, Object> lv = new HashMap<>();
            line.forEach((field, e) -> put(lv, field, CanonicalFields.linePointer(i, field),
                    CanonicalFields.LINE.get(field), e));
            lv.putIfAbsent("lineNumber", i + 1);
            orderLines.add(OrderAssembler.line(lv));
        }
        CanonicalOrder order = OrderAssembler.order(sender, values, orderLines);
        return new MappedOrder(index, order, provenance, problems);
    }

    private void put(Map<String, Object> values, String field, String pointer, ValueType type, Extracted e) {
        if (threshold != null && e.confidence() < threshold) {
            problems.add(new Problem(pointer, "low-confidence", String.format(Locale.ROOT,
                    "%s '%s' at %s was read by OCR with confidence %.2f (mean of its words %.2f), under the partner's"
                            + " threshold %s", field, e.text(), e.locator(), e.confidence(), e.meanConfidence(),
                    BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString())));
        }
        try {
            Object value = read(e, type, field, pointer, values);
            values.put(field, value);
            provenance.put(pointer, new SourceRef(kind, e.locator(), e.confidence()));
        } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException ex) {
            problems.add(new Problem(pointer, "bad-value", field + " at " + e.locator() + ": '" + e.text() + "' is not "
                    + expected(type, e.format())));
        }
    }

    private Object read(Extracted e, ValueType type, String field, String pointer, Map<String, Object> values) {
        String text = e.text().strip();
        return switch (type) {
            case TEXT -> text.replaceAll("\\s+", " ");
            case DATE -> LocalDate.parse(text.replaceAll("\\s+", ""), DateTimeFormatter.ofPattern(e.format().datePattern()));
            case WHOLE_NUMBER -> {
                int n = decimal(text, e.format().decimalSeparator()).intValueExact();
                if (n < 1) {
                    throw new ArithmeticException("below 1");
                }
                yield n;
            }
            case DECIMAL -> {
                if (e.format().withUnit() && "quantity".equals(field)) {
                    Matcher m = QUANTITY_WITH_UNIT.matcher(text);
                    if (m.matches()) {
                        if (!values.containsKey("unit")) {
                            values.put("unit", m.group(2));
                            provenance.put(pointer.substring(0, pointer.lastIndexOf('/') + 1) + "unit",
                                    new SourceRef(kind, e.locator(), e.confidence()));
                        }
                        yield decimal(m.group(1), e.format().decimalSeparator());
                    }
                }
                yield decimal(CURRENCY_MARK.matcher(text).replaceAll(""), e.format().decimalSeparator());
            }
        };
    }

    static BigDecimal decimal(String text, char separator) {
        String v = text.replace(" ", "").replace("\u00a0", "");
        v = separator == ',' ? v.replace(".", "").replace(',', '.') : v.replace(",", "");
        return new BigDecimal(v);
    }

    private static String expected(ValueType type, FieldFormat format) {
        return switch (type) {
            case TEXT -> "text";
            case DATE -> "a date in the format " + format.datePattern();
            case WHOLE_NUMBER -> "a whole number of at least 1";
            case DECIMAL -> "a number with decimal separator '" + format.decimalSeparator() + "'"
                    + (format.withUnit() ? " (optionally followed by a unit)" : "");
        };
    }
}

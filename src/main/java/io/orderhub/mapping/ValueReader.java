package io.orderhub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhub.model.Problem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads one source value into the type of its canonical field. These are the conversions shops need:
 * numbers sent as strings ({@code "199.00"}), ids sent as numbers, and date-times where a date is wanted.
 * A value that cannot be read yields a problem at its pointer in the original document, never an exception.
 */
final class ValueReader {

    private ValueReader() {
    }

    /**
     * The text of a scalar as a shop sent it, trimmed; {@code null} for JSON null, a missing node or an empty string.
     * Objects, arrays and booleans have no text: they are reported as {@code wrong-type} by {@link #read}.
     */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        String text;
        if (node.isTextual()) {
            text = node.textValue().trim();
        } else if (node.isIntegralNumber()) {
            text = node.asText();
        } else if (node.isNumber()) {
            text = node.decimalValue().toPlainString();
        } else {
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    /** True for a node that holds nothing: missing, JSON null, or a blank string. */
    static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || (node.isTextual() && node.textValue().isBlank());
    }

    /**
     * The value of a present (see {@link #absent}) node as {@code type}, or {@code null} with a problem at {@code at}.
     *
     * @param field the canonical field, for the message
     */
    static Object read(JsonNode node, ValueType type, String field, String at, List<Problem> problems) {
        boolean readable = node.isTextual() || (node.isNumber() && type != ValueType.DATE);
        if (!readable) {
            problems.add(new Problem(at, ProblemCodes.WRONG_TYPE, field + " must be " + expected(type)
                    + ", is " + kind(node)));
            return null;
        }
        String text = text(node);
        try {
            return switch (type) {
                case TEXT -> text;
                case DECIMAL -> node.isNumber() ? node.decimalValue() : new BigDecimal(text);
                case WHOLE_NUMBER -> wholeNumber(node.isNumber() ? node.decimalValue() : new BigDecimal(text));
                case DATE -> date(text);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            String code = type == ValueType.WHOLE_NUMBER ? ProblemCodes.NOT_A_WHOLE_NUMBER : ProblemCodes.NOT_A_NUMBER;
            problems.add(new Problem(at, code, field + " must be " + expected(type) + ", is " + quoted(node)));
        } catch (DateTimeParseException e) {
            problems.add(new Problem(at, ProblemCodes.NOT_A_DATE, field + " must be " + expected(type)
                    + ", is " + quoted(node)));
        }
        return null;
    }

    /**
     * A constant from a mapping spec as {@code type}.
     *
     * @throws IllegalArgumentException if the constant cannot be read as the type
     */
    static Object constant(String value, ValueType type) {
        try {
            return switch (type) {
                case TEXT -> value;
                case DECIMAL -> new BigDecimal(value.trim());
                case WHOLE_NUMBER -> wholeNumber(new BigDecimal(value.trim()));
                case DATE -> date(value.trim());
            };
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException("constant '" + value + "' is not " + expected(type));
        }
    }

    /**
     * A date from an ISO date ({@code 2018-04-03}), an ISO date-time with offset ({@code 2008-01-10T11:00:00-05:00},
     * {@code ...Z}) or without ({@code 2018-04-03T23:05:12}); a space instead of the {@code T} is accepted. The date
     * is taken as written: a date-time with offset is not moved to another time zone.
     */
    static LocalDate date(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text);
        }
        String iso = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return OffsetDateTime.parse(iso).toLocalDate();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(iso).toLocalDate();
        }
    }

    private static Integer wholeNumber(BigDecimal value) {
        int n = value.intValueExact();
        if (n < 1) {
            throw new ArithmeticException("below 1");
        }
        return n;
    }

    private static String expected(ValueType type) {
        return switch (type) {
            case TEXT -> "a text or a number";
            case DECIMAL -> "a number";
            case WHOLE_NUMBER -> "a whole number of at least 1";
            case DATE -> "an ISO date or date-time";
        };
    }

    static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isBoolean()) {
            return "a boolean (" + node.asText() + ")";
        }
        if (node.isNumber()) {
            return "a number (" + node.asText() + ")";
        }
        if (node.isTextual()) {
            return "a string";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String quoted(JsonNode node) {
        String s = node.asText();
        if (s.length() > 60) {
            s = s.substring(0, 60) + "...";
        }
        return node.isTextual() ? "\"" + s + "\"" : s;
    }
}

package io.orderhub.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * How one canonical field gets its value; exactly one of {@code from}, {@code join}, {@code constant} is given.
 *
 * @param from        JSON pointers, relative to the order object (or to the line item, for line fields); the first
 *                    that holds a value wins. A value is absent when missing, null, blank or in {@code emptyValues}
 * @param join        JSON pointers whose present values are joined with {@code separator} (text fields only)
 * @param separator   the separator of {@code join}; a single space if not given
 * @param constant    a fixed value, for data the shop does not send
 * @param emptyValues source values that count as absent, e.g. {@code "0"}, WooCommerce's customer id of a guest
 */
public record FieldRule(List<String> from, List<String> join, String separator, String constant,
                        List<String> emptyValues) {

    public FieldRule {
        from = from == null ? List.of() : List.copyOf(from);
        join = join == null ? List.of() : List.copyOf(join);
        emptyValues = emptyValues == null ? List.of() : List.copyOf(emptyValues);
    }

    /** A {@code from} rule: the first of these pointers that holds a value. */
    public static FieldRule firstOf(String... pointers) {
        return new FieldRule(List.of(pointers), null, null, null, null);
    }

    /** A {@code join} rule. */
    public static FieldRule joined(String separator, String... pointers) {
        return new FieldRule(null, List.of(pointers), separator, null, null);
    }

    /** A {@code constant} rule. */
    public static FieldRule fixed(String value) {
        return new FieldRule(null, null, null, value, null);
    }

    /** This rule, with these source values counting as absent. */
    public FieldRule withEmptyValues(String... values) {
        return new FieldRule(from, join, separator, constant, List.of(values));
    }

    String separatorOrDefault() {
        return separator == null ? " " : separator;
    }

    /** What is wrong with this rule for a field of {@code type}; empty if nothing. */
    List<String> errors(String field, ValueType type) {
        List<String> errors = new ArrayList<>();
        int kinds = (from.isEmpty() ? 0 : 1) + (join.isEmpty() ? 0 : 1) + (constant == null ? 0 : 1);
        if (kinds != 1) {
            errors.add(field + ": give exactly one of from, join, constant");
        }
        for (String p : from) {
            checkPointer(field, p, errors);
        }
        for (String p : join) {
            checkPointer(field, p, errors);
        }
        if (!join.isEmpty() && type != ValueType.TEXT) {
            errors.add(field + ": join makes a text, but " + field + " is " + type.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (separator != null && join.isEmpty()) {
            errors.add(field + ": separator is only used with join");
        }
        if (constant != null) {
            if (!emptyValues.isEmpty()) {
                errors.add(field + ": emptyValues is not used with constant");
            }
            try {
                ValueReader.constant(constant, type);
            } catch (IllegalArgumentException e) {
                errors.add(field + ": " + e.getMessage());
            }
        }
        return errors;
    }

    private static void checkPointer(String field, String pointer, List<String> errors) {
        if (!Pointers.valid(pointer) || pointer.isEmpty()) {
            errors.add(field + ": '" + pointer + "' is not a JSON pointer to a value (it must start with /)");
        }
    }
}

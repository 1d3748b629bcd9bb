package io.orderhub.pdf;

import java.time.format.DateTimeFormatter;

/**
 * How a field's text is read into its canonical type.
 *
 * @param datePattern      java.time pattern of dates, e.g. {@code dd.MM.yyyy}
 * @param decimalSeparator {@code .} or {@code ,}; the other one and spaces are digit grouping
 * @param withUnit         a quantity followed by its unit ({@code 12 PCE}): the unit fills the line's unit
 */
public record FieldFormat(String datePattern, char decimalSeparator, boolean withUnit) {

    public static final FieldFormat DEFAULT = new FieldFormat("yyyy-MM-dd", '.', false);

    public FieldFormat {
        DateTimeFormatter.ofPattern(datePattern);
        if (decimalSeparator != '.' && decimalSeparator != ',') {
            throw new IllegalArgumentException("decimalSeparator must be '.' or ',', not '" + decimalSeparator + "'");
        }
    }

    /** This format with a field's own settings where it has them. */
    public FieldFormat with(String ownDatePattern, String ownDecimalSeparator, Boolean ownWithUnit) {
        if (ownDecimalSeparator != null && ownDecimalSeparator.length() != 1) {
            throw new IllegalArgumentException("decimalSeparator must be '.' or ','");
        }
        return new FieldFormat(ownDatePattern == null ? datePattern : ownDatePattern,
                ownDecimalSeparator == null ? decimalSeparator : ownDecimalSeparator.charAt(0),
                ownWithUnit == null ? withUnit : ownWithUnit);
    }
}

package io.orderhub.edi.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Conversions of EDI data values: dates by their format qualifier, and numbers with either decimal mark. */
final class EdiValues {

    private EdiValues() {
    }

    /**
     * A date from an EDIFACT DTM value and its format qualifier (2379: 102 CCYYMMDD, 203 CCYYMMDDHHMM, 204
     * CCYYMMDDHHMMSS, 101 YYMMDD, 718 CCYYMMDD-CCYYMMDD: its first day), or an X12 date (CCYYMMDD or YYMMDD). Without a
     * format the value's length decides. YYMMDD years are taken as 20YY.
     *
     * @throws IllegalArgumentException with a sentence naming the expected format
     */
    static LocalDate date(String raw, String format) {
        String v = raw.strip();
        String f = format == null ? "" : format.strip();
        String digits;
        switch (f) {
            case "102", "203", "204", "718" -> digits = take(v, 8, f);
            case "101" -> digits = "20" + take(v, 6, f);
            case "" -> {
                if (v.length() >= 8 && v.chars().limit(8).allMatch(Character::isDigit)) {
                    digits = v.substring(0, 8);
                } else if (v.length() == 6) {
                    digits = "20" + v;
                } else {
                    throw new IllegalArgumentException("'" + raw + "' is not a date (CCYYMMDD or YYMMDD expected)");
                }
            }
            default -> throw new IllegalArgumentException("date format qualifier '" + format + "' is not supported (102, 203, 204, 101 or 718 expected)");
        }
        try {
            return LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a valid date" + (f.isEmpty() ? "" : " in format " + f));
        }
    }

    private static String take(String v, int length, String format) {
        if (v.length() < length) {
            throw new IllegalArgumentException("'" + v + "' is too short for date format " + format);
        }
        return v.substring(0, length);
    }

    /** A decimal number; a comma is read as the decimal mark (EDIFACT allows both). */
    static BigDecimal decimal(String raw) {
        String v = raw.strip().replace(',', '.');
        if (v.startsWith("+")) {
            v = v.substring(1);
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a number");
        }
    }

    static Integer integer(String raw) {
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a whole number");
        }
    }
}

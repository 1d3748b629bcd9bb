package io.orderhub.mapping;

/** The type of a canonical field, which decides how a source value is read into it (see {@link ValueReader}). */
public enum ValueType {
    /** A string; JSON strings and numbers are accepted. */
    TEXT,
    /** A decimal; JSON numbers and numeric strings ("199.00") are accepted. */
    DECIMAL,
    /** A whole number of at least 1 (line numbers); JSON numbers and numeric strings are accepted. */
    WHOLE_NUMBER,
    /** A calendar date; ISO dates and ISO date-times (with or without offset) are accepted. */
    DATE
}

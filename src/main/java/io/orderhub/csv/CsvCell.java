package io.orderhub.csv;

import io.orderhub.model.SourceRef;

/** A value read from a CSV sheet and its cell, e.g. {@code row 4, column C (quantity)}. */
record CsvCell(String value, String locator) {

    static final String KIND = "csv";

    SourceRef ref() {
        return new SourceRef(KIND, locator, 1.0);
    }
}

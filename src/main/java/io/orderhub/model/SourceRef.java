package io.orderhub.model;

/**
 * Where a canonical field came from in the original document.
 *
 * @param kind       how {@code locator} is to be read: {@code json-pointer}, {@code edi}, {@code csv}, {@code pdf}
 * @param locator    the place in the original, e.g. {@code /line_items/0/quantity} or {@code UNH 2 / QTY+21 seg 14 el 1.2}
 * @param confidence 1.0 for parsed formats; below 1 for OCR
 */
public record SourceRef(String kind, String locator, double confidence) {

    public static final String JSON_POINTER = "json-pointer";

    public static SourceRef jsonPointer(String pointer) {
        return new SourceRef(JSON_POINTER, pointer, 1.0);
    }
}

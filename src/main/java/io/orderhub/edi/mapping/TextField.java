package io.orderhub.edi.mapping;

/**
 * A text field filled from one segment: the first segment bound wins, further values from the same segment are
 * appended with a space (an EDIFACT composite's text lines, X12 N3 street lines); later segments are ignored unless
 * appended explicitly (X12 N2 name continuation).
 */
final class TextField {

    private Located first;
    private StringBuilder text;

    void set(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Located v = Located.of(value);
        if (first == null) {
            first = v;
            text = new StringBuilder(value.strip());
        } else if (first.sameSegment(v)) {
            text.append(' ').append(value.strip());
        }
    }

    void append(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (first == null) {
            set(value);
        } else {
            text.append(' ').append(value.strip());
        }
    }

    String value() {
        return text == null ? null : text.toString();
    }

    Located located() {
        return first;
    }
}

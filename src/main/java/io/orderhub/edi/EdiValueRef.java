package io.orderhub.edi;

/**
 * The position of one value in a message: segment (1-based within the message, with its tag and qualifier),
 * element, component and repetition. Its {@link #locator()} is what provenance records.
 */
public record EdiValueRef(EdiMessage message, EdiSegment segment, int element, int component, int repetition) {

    /** E.g. {@code UNB 0001 / UNH 1 / seg 7 DTM+137 / el 1.2}; for X12 {@code ISA 1 / GS 8 / ST 7 / seg 4 BEG / el 3}. */
    public String locator() {
        StringBuilder b = new StringBuilder(message.path());
        if (segment == null) {
            return b.toString();
        }
        b.append(" / seg ").append(segment.position()).append(' ').append(segment.tag());
        String q = segment.first();
        if (q != null && q.length() <= 3) {
            b.append(message.interchange().standard().tagSeparator()).append(q);
        }
        if (element > 0) {
            b.append(" / el ").append(element);
            if (component > 0) {
                b.append('.').append(component);
            }
            if (repetition > 1) {
                b.append(" #").append(repetition);
            }
        }
        return b.toString();
    }

    /** The segment and element in the form problems use: {@code segment 7 DTM / element 1.2}. */
    public String problemPath() {
        if (segment == null) {
            return message.path();
        }
        return message.path() + " / segment " + segment.position() + " " + segment.tag()
                + EdiParser.elementPath(element, component);
    }
}

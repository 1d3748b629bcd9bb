package io.orderhub.edi;

import java.util.Arrays;
import java.util.Optional;

/** Recognises EDI content, so an intake route can choose the format of a file that did not say what it is. */
public final class EdiSniffer {

    private static final int HEAD = 512;

    private EdiSniffer() {
    }

    /**
     * {@code "edifact"} when the content starts (after a byte order mark and blanks, in ASCII, UTF-8 or EBCDIC) with
     * {@code UNA} or {@code UNB}, {@code "x12"} when it starts with {@code ISA}, else empty.
     */
    public static Optional<String> detect(byte[] content) {
        if (content == null || content.length < 3) {
            return Optional.empty();
        }
        byte[] head = content.length > HEAD ? Arrays.copyOf(content, HEAD) : content;
        return EdiText.standardAt(EdiText.decode(head), 0).map(EdiStandard::format);
    }
}

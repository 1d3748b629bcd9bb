package io.orderhub.csv;

import io.orderhub.validation.Partner;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a document is a CSV order sheet to read with {@link CsvOrderMapper}. CSV cannot be recognised by content
 * alone, so the decision needs both: the sender has a {@code csv:} layout, and the content looks like a table —
 * text, not XML, JSON, PDF or EDI, and its first lines split into the same number (at least two) of fields.
 */
public final class CsvSniffer {

    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final int LINES_CHECKED = 5;

    private CsvSniffer() {
    }

    /** {@link CsvOrderMapper#FORMAT} if the partner has a CSV layout and the content looks like CSV. */
    public static Optional<String> detect(Partner partner, byte[] content) {
        if (partner == null || partner.csv() == null || !looksLikeCsv(content)) {
            return Optional.empty();
        }
        return Optional.of(CsvOrderMapper.FORMAT);
    }

    /** Whether the content is text whose first lines have a consistent delimiter. */
    public static boolean looksLikeCsv(byte[] content) {
        if (content == null || content.length == 0) {
            return false;
        }
        String text = text(content);
        if (text.indexOf('\0') >= 0) {
            return false;
        }
        String start = text.stripLeading();
        if (start.startsWith("<") || start.startsWith("{") || start.startsWith("[") || start.startsWith("%PDF")
                || start.startsWith("UNA") || start.startsWith("UNB") || start.startsWith("ISA")) {
            return false;
        }
        String[] lines = Arrays.stream(start.split("\r?\n")).filter(l -> !l.isBlank()).limit(LINES_CHECKED)
                .toArray(String[]::new);
        for (char d : DELIMITERS) {
            if (consistent(lines, d)) {
                return true;
            }
        }
        return false;
    }

    private static boolean consistent(String[] lines, char delimiter) {
        if (lines.length == 0) {
            return false;
        }
        long first = count(lines[0], delimiter);
        if (first == 0) {
            return false;
        }
        for (String line : lines) {
            if (count(line, delimiter) != first) {
                return false;
            }
        }
        return true;
    }

    private static long count(String line, char delimiter) {
        long n = 0;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                n++;
            }
        }
        return n;
    }

    /** The content as text: UTF-8 (a byte order mark dropped), or Latin-1 if it is not valid UTF-8. */
    static String text(byte[] content) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return new String(content, StandardCharsets.ISO_8859_1);
        }
    }
}

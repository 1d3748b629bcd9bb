package io.orderhub.edi;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits decoded EDI text into interchanges and evens out what StAEDI cannot read as sent:
 * <ul>
 *   <li>line breaks inside segments (fixed-record files hard-wrapped at 80 columns) are removed unless the line break
 *       is the segment terminator; blanks between segments (CRLF, LF, record padding) are dropped;</li>
 *   <li>an X12 ISA that is not fixed-width (padding with U+00A0, short or long fields) is rebuilt to its 106 characters
 *       with the same values and delimiters;</li>
 *   <li>each interchange keeps its own delimiters (UNA, default EDIFACT, or the ISA's), and EDIFACT release
 *       characters are respected, so an escaped terminator never ends a segment.</li>
 * </ul>
 * Data outside any interchange is reported, not silently dropped.
 */
final class EdiSplitter {

    /**
     * One interchange's text, ready for StAEDI. The text is the builder it was copied into, not a String made from it:
     * a large interchange is then held once, not twice.
     */
    record Chunk(EdiStandard standard, CharSequence text, int offset) {
    }

    /** Text found outside any interchange. */
    record Stray(int offset, String sample) {
    }

    record Result(List<Chunk> chunks, List<Stray> strays) {
    }

    private static final int[] ISA_WIDTHS = {2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1};

    private EdiSplitter() {
    }

    static Result split(String text) {
        List<Chunk> chunks = new ArrayList<>();
        List<Stray> strays = new ArrayList<>();
        int i = EdiText.skipBlank(text, 0);
        while (i < text.length()) {
            if (EdiText.startsWith(text, i, "UNA") || EdiText.startsWith(text, i, "UNB")) {
                i = readEdifact(text, i, chunks);
            } else if (EdiText.startsWith(text, i, "ISA") && i + 4 < text.length()) {
                i = readX12(text, i, chunks);
            } else {
                int next = nextHeader(text, i + 1);
                strays.add(new Stray(i, sample(text, i, next)));
                i = next;
            }
            i = EdiText.skipBlank(text, i);
        }
        return new Result(chunks, strays);
    }

    private static int nextHeader(String text, int from) {
        int best = text.length();
        for (String h : new String[] {"UNA", "UNB", "ISA"}) {
            int at = text.indexOf(h, from);
            if (at >= 0 && at < best) {
                best = at;
            }
        }
        return best;
    }

    private static String sample(String text, int from, int to) {
        String s = text.substring(from, Math.min(to, from + 40)).replaceAll("\\s+", " ").trim();
        return to - from > 40 ? s + "..." : s;
    }

    private static int readEdifact(String text, int start, List<Chunk> chunks) {
        StringBuilder out = new StringBuilder(capacity(text, start, "UNZ"));
        char release = '?';
        char terminator = '\'';
        int i = start;
        if (EdiText.startsWith(text, i, "UNA") && i + 9 <= text.length()) {
            release = text.charAt(i + 6);
            terminator = text.charAt(i + 8);
            out.append(text, i, i + 9);
            i = skipBetween(text, i + 9, terminator);
        }
        i = readSegments(text, i, out, terminator, release == ' ' ? -1 : release, "UNZ");
        chunks.add(new Chunk(EdiStandard.EDIFACT, out, start));
        return i;
    }

    private static int readX12(String text, int start, List<Chunk> chunks) {
        char separator = text.charAt(start + 3);
        String[] fields = new String[16];
        StringBuilder field = new StringBuilder();
        int i = start + 4;
        int f = 0;
        while (i < text.length() && f < 15) {
            char c = text.charAt(i++);
            if (c == separator) {
                fields[f++] = field.toString();
                field.setLength(0);
            } else if (c != '\r' && c != '\n') {
                field.append(c);
            }
        }
        while (i < text.length() && (text.charAt(i) == '\r' || text.charAt(i) == '\n')) {
            i++;
        }
        if (f < 15 || i + 1 >= text.length()) {
            // not a readable ISA: hand it to StAEDI as it is, so its error names what is wrong
            chunks.add(new Chunk(EdiStandard.X12, text.substring(start), start));
            return text.length();
        }
        fields[15] = String.valueOf(text.charAt(i++));
        char terminator = text.charAt(i++);
        StringBuilder out = new StringBuilder(capacity(text, start, "IEA"));
        out.append("ISA");
        for (int k = 0; k < 16; k++) {
            out.append(separator).append(isaField(fields[k], k));
        }
        out.append(terminator);
        i = skipBetween(text, i, terminator);
        i = readSegments(text, i, out, terminator, -1, "IEA");
        chunks.add(new Chunk(EdiStandard.X12, out, start));
        return i;
    }

    /**
     * Room for the interchange starting at {@code start}: up to its trailer, if the trailer tag can be found, else
     * the rest of the text. Sized once, a builder for a 50 MB interchange is never grown (growing holds the old and
     * the new array at once); a trailer tag found too early (inside data) only means the builder grows.
     */
    private static int capacity(String text, int start, String trailerTag) {
        int rest = text.length() - start;
        int trailer = text.indexOf(trailerTag, start);
        return trailer < 0 ? rest : Math.min(rest, trailer - start + 256);
    }

    /** An ISA field at its fixed width: padding (spaces or U+00A0) evened out, control numbers zero-filled. */
    private static String isaField(String raw, int index) {
        int width = ISA_WIDTHS[index];
        if (raw.length() == width && raw.indexOf('\u00a0') < 0) {
            return raw;
        }
        String value = raw.replace('\u00a0', ' ').strip();
        if (value.length() >= width) {
            return value.substring(0, width);
        }
        if (index == 12) {
            return "0".repeat(width - value.length()) + value;
        }
        return value + " ".repeat(width - value.length());
    }

    /**
     * Copies segments up to and including the trailer {@code trailerTag} (or up to the next interchange header, or the
     * end of the text), dropping line breaks inside segments and blanks between them.
     */
    private static int readSegments(String text, int from, StringBuilder out, char terminator, int release,
                                    String trailerTag) {
        int i = from;
        int n = text.length();
        while (i < n) {
            int segmentStart = out.length();
            while (i < n) {
                char c = text.charAt(i);
                if (c == release && i + 1 < n) {
                    out.append(c).append(text.charAt(i + 1));
                    i += 2;
                    continue;
                }
                i++;
                if (c == terminator) {
                    out.append(c);
                    break;
                }
                if (c == '\r' || c == '\n') {
                    continue;
                }
                out.append(c);
            }
            boolean trailer = out.length() - segmentStart >= 3 && trailerTag.contentEquals(out.subSequence(segmentStart, segmentStart + 3));
            i = skipBetween(text, i, terminator);
            if (trailer || i >= n) {
                break;
            }
            if (startsInterchange(text, i)) {
                break;
            }
        }
        return i;
    }

    private static boolean startsInterchange(String text, int at) {
        return EdiText.startsWith(text, at, "UNA") || EdiText.startsWith(text, at, "UNB") || EdiText.startsWith(text, at, "ISA");
    }

    /** Skips blanks after a segment, but never the terminator itself (a line break may be the terminator). */
    private static int skipBetween(String text, int from, char terminator) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != terminator && EdiText.isBlank(c)) {
                i++;
            } else if (c == terminator && EdiText.isBlank(c)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }
}

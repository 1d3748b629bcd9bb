package io.orderhub.edi;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the bytes of an EDI file into text: strips a UTF-8 byte order mark, recognises EBCDIC (the first non-blank
 * bytes spell {@code ISA}, {@code UNA} or {@code UNB} in EBCDIC; decoded as cp037 for X12 and cp500 for EDIFACT),
 * reads valid UTF-8 as UTF-8 and anything else in the character set the EDIFACT syntax identifier names (ISO 8859-1
 * for X12 and UNOA-UNOC).
 */
final class EdiText {

    static final Charset CP037 = Charset.forName("IBM037");
    static final Charset CP500 = Charset.forName("IBM500");

    private static final byte[] EBCDIC_ISA = {(byte) 0xC9, (byte) 0xE2, (byte) 0xC1};
    private static final byte[] EBCDIC_UNB = {(byte) 0xE4, (byte) 0xD5, (byte) 0xC2};
    private static final byte[] EBCDIC_UNA = {(byte) 0xE4, (byte) 0xD5, (byte) 0xC1};

    private static final Map<String, Charset> EDIFACT_SYNTAX = Map.of(
            "UNOD", Charset.forName("ISO-8859-2"), "UNOE", Charset.forName("ISO-8859-5"),
            "UNOF", Charset.forName("ISO-8859-7"), "UNOG", Charset.forName("ISO-8859-3"),
            "UNOH", Charset.forName("ISO-8859-4"), "UNOI", Charset.forName("ISO-8859-6"),
            "UNOJ", Charset.forName("ISO-8859-8"), "UNOK", Charset.forName("ISO-8859-9"));

    private EdiText() {
    }

    /** The decoded text, without byte order mark. */
    static String decode(byte[] bytes) {
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        Charset ebcdic = ebcdic(bytes, start);
        if (ebcdic != null) {
            return new String(bytes, start, bytes.length - start, ebcdic);
        }
        if (isAscii(bytes, start)) {
            return new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
        }
        Optional<String> utf8 = strictUtf8(bytes, start);
        if (utf8.isPresent()) {
            return utf8.get();
        }
        return new String(bytes, start, bytes.length - start, legacyCharset(bytes, start));
    }

    /** The standard the text starts with, looking past blanks, or empty. */
    static Optional<EdiStandard> standardAt(CharSequence text, int from) {
        int i = skipBlank(text, from);
        if (startsWith(text, i, "UNA") || startsWith(text, i, "UNB")) {
            return Optional.of(EdiStandard.EDIFACT);
        }
        if (startsWith(text, i, "ISA")) {
            return Optional.of(EdiStandard.X12);
        }
        return Optional.empty();
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == '\u0085' || c == '\u00a0' || c == '\u001a'
                || c == '\f' || c == 0;
    }

    static int skipBlank(CharSequence text, int from) {
        int i = from;
        while (i < text.length() && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean startsWith(CharSequence text, int at, String prefix) {
        if (at + prefix.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (text.charAt(at + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    /** cp037 or cp500 when the first non-blank bytes are an EBCDIC interchange header, else null. */
    static Charset ebcdic(byte[] b, int from) {
        int i = from;
        while (i < b.length && (b[i] == 0x40 || b[i] == 0x25 || b[i] == 0x15 || b[i] == 0x0D || b[i] == 0x05)) {
            i++;
        }
        if (matches(b, i, EBCDIC_ISA)) {
            return CP037;
        }
        if (matches(b, i, EBCDIC_UNB) || matches(b, i, EBCDIC_UNA)) {
            return CP500;
        }
        return null;
    }

    private static boolean matches(byte[] b, int at, byte[] expected) {
        if (at + expected.length > b.length) {
            return false;
        }
        for (int k = 0; k < expected.length; k++) {
            if (b[at + k] != expected[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> strictUtf8(byte[] b, int from) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, b.length - from));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The character set an EDIFACT UNB syntax identifier (UNOD..UNOK) names; ISO 8859-1 otherwise. */
    private static Charset legacyCharset(byte[] b, int from) {
        String head = new String(b, from, Math.min(b.length - from, 64), StandardCharsets.ISO_8859_1);
        int unb = head.indexOf("UNB");
        if (unb >= 0 && unb + 8 <= head.length()) {
            Charset cs = EDIFACT_SYNTAX.get(head.substring(unb + 4, unb + 8));
            if (cs != null) {
                return cs;
            }
        }
        return StandardCharsets.ISO_8859_1;
    }
}

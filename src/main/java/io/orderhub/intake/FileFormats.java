package io.orderhub.intake;

import java.util.Locale;
import java.util.Map;

/**
 * Decides the mapping format and the content type of a dropped file, by its content first and its name second.
 * A file it cannot place gets {@link #UNKNOWN}, for which no mapper exists: the pipeline stores it as a rejected
 * document that says so, and the file goes to the error folder.
 */
public final class FileFormats {

    public static final String UNKNOWN = "unknown";

    private static final Map<String, String> CONTENT_TYPE_BY_FORMAT = Map.of(
            CanonicalJsonMapper.FORMAT, "application/json",
            "edifact", "application/EDIFACT",
            "x12", "application/EDI-X12",
            io.orderhub.pdf.PdfOrderMapper.FORMAT, "application/pdf",
            io.orderhub.pdf.PdfOrderMapper.TIFF_FORMAT, "image/tiff");

    private static final Map<String, String> CONTENT_TYPE_BY_EXTENSION = Map.of(
            "json", "application/json",
            "edi", "application/EDIFACT",
            "edifact", "application/EDIFACT",
            "x12", "application/EDI-X12",
            "xml", "application/xml",
            "csv", "text/csv",
            "txt", "text/plain");

    /**
     * The mapping format for this file, by content: EDIFACT or X12 (from their envelopes), UBL or cXML (from the
     * root element), a PDF or TIFF (from their magic bytes: read with the sender's PDF template), canonical JSON if it
     * looks like a JSON object or is named *.json; else unknown.
     */
    public String format(String fileName, byte[] content) {
        if (startsWith(content, "%PDF-")) {
            return io.orderhub.pdf.PdfOrderMapper.FORMAT;
        }
        if (startsWith(content, "II*\u0000") || startsWith(content, "MM\u0000*")) {
            return io.orderhub.pdf.PdfOrderMapper.TIFF_FORMAT;
        }
        java.util.Optional<String> edi = io.orderhub.edi.EdiSniffer.detect(content);
        if (edi.isPresent()) {
            return edi.get();
        }
        java.util.Optional<String> xml = io.orderhub.xml.XmlSniffer.detect(content);
        if (xml.isPresent()) {
            return xml.get();
        }
        int first = firstSignificantByte(content);
        if (first == '{' || "json".equals(extension(fileName))) {
            return CanonicalJsonMapper.FORMAT;
        }
        return UNKNOWN;
    }

    /** The content type stored with the document: from the format if known, else from the file name. */
    public String contentType(String fileName, String format) {
        String byFormat = CONTENT_TYPE_BY_FORMAT.get(format);
        if (byFormat != null) {
            return byFormat;
        }
        return CONTENT_TYPE_BY_EXTENSION.getOrDefault(extension(fileName), "application/octet-stream");
    }

    private static boolean startsWith(byte[] content, String magic) {
        if (content.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if ((content[i] & 0xFF) != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The first byte that is not whitespace or part of a UTF-8 byte order mark, or -1. */
    static int firstSignificantByte(byte[] content) {
        int i = 0;
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        for (; i < content.length; i++) {
            int b = content[i] & 0xFF;
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return -1;
    }

    static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}

package io.orderhub.mail;

import io.orderhub.csv.CsvOrderMapper;
import io.orderhub.csv.CsvSniffer;
import io.orderhub.intake.CanonicalJsonMapper;
import io.orderhub.pdf.PdfOrderMapper;
import io.orderhub.xml.UnknownXmlMapper;
import io.orderhub.xml.XmlSniffer;

import java.util.Locale;

/**
 * Classifies an attachment by its content first (magic bytes, the first significant characters, the XML root
 * element by io.orderhub.xml.XmlSniffer, which reads nothing a DTD declares), by its declared type and name only
 * where the content says nothing (CSV). The format is the mapper to try: {@code canonical-json}, {@code edifact},
 * {@code x12}, {@code ubl-order}, {@code cxml-order}, {@code xml} (any other XML, kept with its reason),
 * {@code csv-order}, {@code pdf-order}, {@code tiff-order}.
 */
public final class AttachmentFormats {

    /** What an attachment is; {@link #format} is the mapper format to try for it, if any. */
    public enum Kind { EDIFACT, X12, JSON, XML, CSV, PDF, IMAGE, ZIP, MAIL, TEXT, UNKNOWN }

    public record Classified(Kind kind, String format, String description) {
    }


    public Classified classify(String name, String declaredType, byte[] content) {
        byte[] c = content;
        if (startsWith(c, 0, "%PDF-")) {
            return new Classified(Kind.PDF, PdfOrderMapper.FORMAT, "PDF document");
        }
        if (startsWith(c, 0, "PK\u0003\u0004")) {
            return new Classified(Kind.ZIP, null, "zip archive");
        }
        if (startsWith(c, 0, "II*\u0000") || startsWith(c, 0, "MM\u0000*")) {
            return new Classified(Kind.IMAGE, PdfOrderMapper.TIFF_FORMAT, "TIFF image");
        }
        if (startsWith(c, 0, "\u0089PNG") || startsWith(c, 0, "GIF8")
                || (c.length > 2 && (c[0] & 0xFF) == 0xFF && (c[1] & 0xFF) == 0xD8)) {
            return new Classified(Kind.IMAGE, null, "image");
        }
        int i = firstSignificant(c);
        if (i < 0) {
            return new Classified(Kind.UNKNOWN, null, "empty");
        }
        if (startsWith(c, i, "UNA") || startsWith(c, i, "UNB+") || startsWith(c, i, "UNB:")) {
            return new Classified(Kind.EDIFACT, "edifact", "EDIFACT interchange");
        }
        if (startsWith(c, i, "ISA") && c.length > i + 3 && !Character.isLetterOrDigit(c[i + 3])) {
            return new Classified(Kind.X12, "x12", "X12 interchange");
        }
        if (c[i] == '{' || c[i] == '[') {
            return new Classified(Kind.JSON, CanonicalJsonMapper.FORMAT, "JSON document");
        }
        if (c[i] == '<') {
            return xml(c);
        }
        String type = declaredType == null ? "" : declaredType;
        String ext = extension(name);
        if (type.equals("message/rfc822") || ext.equals("eml")) {
            return new Classified(Kind.MAIL, MailMapper.FORMAT, "attached mail");
        }
        if (type.equals("text/csv") || ext.equals("csv") || CsvSniffer.looksLikeCsv(c)) {
            return new Classified(Kind.CSV, CsvOrderMapper.FORMAT, "CSV sheet");
        }
        if (type.startsWith("text/")) {
            return new Classified(Kind.TEXT, null, "text");
        }
        return new Classified(Kind.UNKNOWN, null, type.isEmpty() ? "unknown content" : type);
    }

    /** UBL Order and cXML OrderRequest by io.orderhub.xml.XmlSniffer; any other XML to the mapping "xml". */
    private static Classified xml(byte[] c) {
        return XmlSniffer.detect(c)
                .map(format -> new Classified(Kind.XML, format, format + " document"))
                .orElseGet(() -> new Classified(Kind.XML, UnknownXmlMapper.FORMAT, "XML document"));
    }

    private static int firstSignificant(byte[] c) {
        int i = c.length >= 3 && (c[0] & 0xFF) == 0xEF && (c[1] & 0xFF) == 0xBB && (c[2] & 0xFF) == 0xBF ? 3 : 0;
        for (; i < c.length; i++) {
            if (!Character.isWhitespace(c[i] & 0xFF)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] c, int at, String prefix) {
        if (c.length - at < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if ((c[at + k] & 0xFF) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static String extension(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}

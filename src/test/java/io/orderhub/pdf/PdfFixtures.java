package io.orderhub.pdf;

import io.orderhub.intake.InboundDocument;
import io.orderhub.model.Channel;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.OrderLine;
import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerDirectory;
import io.orderhub.validation.PartnerPdf;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Partners with the shipped PDF templates, the mappers, and the field-by-field comparison with the known data. */
public final class PdfFixtures {

    public static final String ACME = "PDF-ACME";
    public static final String NORDLICHT = "PDF-NORDLICHT";
    public static final Path MAPPINGS = Path.of("mappings");

    private PdfFixtures() {
    }

    public static Partner partner(String id, String template, Double threshold) {
        return new Partner(id, id, 5, 24.0, List.of(), List.of(), true, null, null, null, null, null, null, null,
                null, new PartnerPdf(template, threshold));
    }

    public static PartnerDirectory partners(Double threshold) {
        return new PartnerDirectory(List.of(partner(ACME, "pdf/acme.pdf.yaml", threshold),
                partner(NORDLICHT, "nordlicht", threshold)), MAPPINGS);
    }

    public static OcrEngine ocr() {
        return new OcrEngine("tesseract", "eng", 6, Duration.ofSeconds(120));
    }

    public static PdfOrderMapper pdfMapper(PartnerDirectory partners, OcrEngine ocr) {
        return PdfOrderMapper.pdf(partners, PdfTemplates.load(MAPPINGS, partners.all()), new DocumentReader(ocr, 300, 20, false));
    }

    /** The PDF mapper with page images despeckled before OCR. */
    public static PdfOrderMapper despecklingPdfMapper(PartnerDirectory partners, OcrEngine ocr) {
        return PdfOrderMapper.pdf(partners, PdfTemplates.load(MAPPINGS, partners.all()),
                new DocumentReader(ocr, 300, 20, true));
    }

    public static PdfOrderMapper tiffMapper(PartnerDirectory partners, OcrEngine ocr) {
        return PdfOrderMapper.tiff(partners, PdfTemplates.load(MAPPINGS, partners.all()), new DocumentReader(ocr, 300, 20, false));
    }

    public static InboundDocument document(String sender, String format, byte[] content) {
        return new InboundDocument(UUID.randomUUID(), Instant.now(), Channel.MAIL, "test", "test", sender,
                "application/pdf", format, null, content);
    }

    /**
     * Each field of the known order and what was read for it, by canonical JSON pointer; the value expected and the
     * value read as text ("" when nothing was read).
     */
    public static Map<String, String[]> compare(SampleOrder expected, MappedOrder read) {
        Map<String, String[]> fields = new LinkedHashMap<>();
        var o = read.order();
        put(fields, "/poNumber", expected.poNumber(), o.poNumber());
        put(fields, "/orderDate", expected.orderDate(), o.orderDate());
        put(fields, "/requestedDeliveryDate", expected.deliveryDate(), o.requestedDeliveryDate());
        put(fields, "/buyer/gln", expected.buyerGln(), o.buyer() == null ? null : o.buyer().gln());
        put(fields, "/shipTo/gln", expected.shipToGln(), o.shipTo() == null ? null : o.shipTo().gln());
        put(fields, "/currency", expected.currency(), o.currency());
        List<OrderLine> lines = o.lines();
        for (int i = 0; i < expected.lines().size(); i++) {
            SampleOrder.Line e = expected.lines().get(i);
            OrderLine l = i < lines.size() ? lines.get(i) : null;
            String at = "/lines/" + i + "/";
            put(fields, at + "lineNumber", i + 1, l == null ? null : l.lineNumber());
            put(fields, at + "buyerItem", e.item(), l == null ? null : l.buyerItem());
            put(fields, at + "description", e.description(), l == null ? null : l.description());
            put(fields, at + "quantity", e.quantity(), l == null ? null : l.quantity());
            put(fields, at + "unit", e.unit(), l == null ? null : l.unit());
            put(fields, at + "unitPrice", e.unitPrice(), l == null ? null : l.unitPrice());
            put(fields, at + "amount", e.amount(), l == null ? null : l.amount());
        }
        fields.put("/lines (count)", new String[] {String.valueOf(expected.lines().size()),
                String.valueOf(lines.size())});
        return fields;
    }

    /** The fields whose value read differs from the value expected, as "pointer: expected 'x', read 'y'". */
    public static List<String> wrongFields(SampleOrder expected, MappedOrder read) {
        List<String> wrong = new ArrayList<>();
        compare(expected, read).forEach((pointer, v) -> {
            if (!v[0].equals(v[1])) {
                wrong.add(pointer + ": expected '" + v[0] + "', read '" + v[1] + "'");
            }
        });
        return wrong;
    }

    private static void put(Map<String, String[]> fields, String pointer, Object expected, Object read) {
        fields.put(pointer, new String[] {text(expected), text(read)});
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString();
    }
}

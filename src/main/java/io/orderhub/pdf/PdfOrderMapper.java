package io.orderhub.pdf;

import io.orderhub.intake.DocumentMapper;
import io.orderhub.intake.InboundDocument;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;
import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerDirectory;

import java.util.List;
import java.util.Optional;

/**
 * Maps a PDF order (format {@value #FORMAT}) or a TIFF fax (format {@value #TIFF_FORMAT}) with the template of the
 * partner it comes from ({@code pdf.template} in partners.yaml): a PDF's text layer is read by PDFBox; pages without
 * one, and TIFFs, by OCR. One document is one order. Every field's provenance is its page and region
 * ({@code pdf:page=1;x=..;y=..;w=..;h=..}, kind {@code pdf}, or {@code ocr} with the OCR confidence); fields the
 * template expects but cannot find or read, and OCR fields under the partner's confidence threshold, are problems
 * that send the order to review. A document that cannot be read at all (no template, broken file, a scan while OCR is
 * not installed) is rejected with its reason and kept for review.
 */
public final class PdfOrderMapper implements DocumentMapper {

    public static final String FORMAT = "pdf-order";
    public static final String TIFF_FORMAT = "tiff-order";

    private final String format;
    private final PartnerDirectory partners;
    private final PdfTemplates templates;
    private final DocumentReader reader;

    private PdfOrderMapper(String format, PartnerDirectory partners, PdfTemplates templates, DocumentReader reader) {
        this.format = format;
        this.partners = partners;
        this.templates = templates;
        this.reader = reader;
    }

    public static PdfOrderMapper pdf(PartnerDirectory partners, PdfTemplates templates, DocumentReader reader) {
        return new PdfOrderMapper(FORMAT, partners, templates, reader);
    }

    public static PdfOrderMapper tiff(PartnerDirectory partners, PdfTemplates templates, DocumentReader reader) {
        return new PdfOrderMapper(TIFF_FORMAT, partners, templates, reader);
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public MappingResult map(InboundDocument document) {
        boolean tiff = TIFF_FORMAT.equals(format);
        String what = tiff ? "a TIFF fax or scan" : "a PDF order";
        Optional<Partner> partner = partners.find(document.senderHint());
        if (partner.isEmpty() || partner.get().pdf() == null) {
            return reject("no-pdf-template", what + " is read with its sender's template, and sender '"
                    + document.senderHint() + "' has no pdf: block in the partner file; kept for review");
        }
        Optional<PdfTemplate> template = templates.find(partner.get().pdf().template());
        if (template.isEmpty()) {
            return reject("no-pdf-template", "partner " + partner.get().id() + " names the template '"
                    + partner.get().pdf().template() + "', which is not in mappings/pdf (known: " + templates.names()
                    + ")");
        }
        List<PageText> pages;
        try {
            pages = tiff ? reader.readTiff(document.content()) : reader.readPdf(document.content());
        } catch (DocumentReader.UnreadableException e) {
            return reject(e.code, e.getMessage() + "; the document is kept for review");
        }
        boolean ocr = pages.stream().anyMatch(PageText::ocr);
        TemplateReader.Extraction x = TemplateReader.read(template.get(), pages, tiff ? "tiff:" : "pdf:");
        if (x.header().values().stream().allMatch(e -> e.locator().startsWith("template ")) && x.lines().isEmpty()) {
            List<Problem> problems = new java.util.ArrayList<>(x.problems());
            problems.add(0, new Problem("", "no-order", "nothing that template " + template.get().name()
                    + " expects was found in " + (ocr ? "the OCR text of " : "") + "this document ("
                    + pages.size() + " page(s)); is it partner " + partner.get().id() + "'s layout?"));
            return MappingResult.rejected(format, problems);
        }
        OrderFields fields = new OrderFields(ocr ? "ocr" : "pdf", ocr ? partner.get().pdf().threshold() : null);
        MappedOrder order = fields.build(0, document.senderHint(), x.header(), x.lines(), x.problems());
        return new MappingResult(format, List.of(order), List.of());
    }

    private MappingResult reject(String code, String message) {
        return MappingResult.rejected(format, List.of(new Problem("", code, message)));
    }
}

package io.orderhub.pdf;

import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;
import io.orderhub.model.SourceRef;
import io.orderhub.pdf.OrderPdfs.Layout;
import io.orderhub.validation.PartnerDirectory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text PDFs generated from known data in two partners' layouts, read with the shipped templates: every field is
 * checked against the data, and every field's provenance region is checked by reading that region again with
 * PDFBox's PDFTextStripperByArea.
 */
class PdfOrderMapperTest {

    static final PartnerDirectory PARTNERS = PdfFixtures.partners(null);
    static final PdfOrderMapper MAPPER = PdfFixtures.pdfMapper(PARTNERS, PdfFixtures.ocr());
    static final Pattern LOCATOR = Pattern.compile(
            "pdf:page=(\\d+);x=([\\d.]+);y=([\\d.]+);w=([\\d.]+);h=([\\d.]+)");

    static MappedOrder read(String sender, byte[] pdf) {
        MappingResult result = MAPPER.map(PdfFixtures.document(sender, PdfOrderMapper.FORMAT, pdf));
        assertThat(result.problems()).isEmpty();
        assertThat(result.orders()).hasSize(1);
        return result.orders().get(0);
    }

    @Test
    void acmeLayoutIsReadFieldByFieldWithRegionsAsProvenance() throws IOException {
        SampleOrder order = SampleOrder.fixed("PO-4711");
        byte[] pdf = OrderPdfs.pdf(order, Layout.ACME, 30);
        MappedOrder read = read(PdfFixtures.ACME, pdf);

        assertThat(PdfFixtures.wrongFields(order, read)).isEmpty();
        assertThat(read.problems()).isEmpty();
        assertThat(read.order().sender()).isEqualTo(PdfFixtures.ACME);
        assertThat(read.order().lines().get(2).unitPrice()).isEqualByComparingTo("1234.50");
        assertProvenanceRegionsHoldTheValues(pdf, read);
        assertThat(read.provenance().get("/poNumber").kind()).isEqualTo("pdf");
        assertThat(read.provenance().get("/poNumber").confidence()).isEqualTo(1.0);
    }

    @Test
    void nordlichtLayoutWithDecimalCommaQuantityUnitsWrappedDescriptionsAndAbsoluteRegion() throws IOException {
        SampleOrder order = SampleOrder.fixed("4500012345");
        byte[] pdf = OrderPdfs.pdf(order, Layout.NORDLICHT, 30);
        MappedOrder read = read(PdfFixtures.NORDLICHT, pdf);

        assertThat(PdfFixtures.wrongFields(order, read)).isEmpty();
        assertThat(read.problems()).isEmpty();
        // "Widget steel small zinc" is printed on two rows; "120 PCE" is one cell; "1.234,50" has a decimal comma
        assertThat(read.order().lines().get(0).description()).isEqualTo("Widget steel small zinc");
        assertThat(read.order().lines().get(1).unit()).isEqualTo("PCE");
        assertThat(read.provenance().get("/lines/1/unit").locator())
                .isEqualTo(read.provenance().get("/lines/1/quantity").locator());
        assertThat(read.provenance().get("/currency").locator()).isEqualTo("template nordlicht.pdf.yaml, constant currency");
        assertThat(read.provenance().get("/buyer/gln").locator()).startsWith("pdf:page=1;x=4");
        assertProvenanceRegionsHoldTheValues(pdf, read);
    }

    @Test
    void aTableContinuesAcrossPagesInBothLayouts() throws IOException {
        SampleOrder order = SampleOrder.random(42, 23);
        for (Layout layout : Layout.values()) {
            byte[] pdf = OrderPdfs.pdf(order, layout, 10);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                assertThat(doc.getNumberOfPages()).as(layout.name()).isGreaterThanOrEqualTo(3);
            }
            MappedOrder read = read(layout == Layout.ACME ? PdfFixtures.ACME : PdfFixtures.NORDLICHT, pdf);
            assertThat(PdfFixtures.wrongFields(order, read)).as(layout.name()).isEmpty();
            assertThat(read.problems()).as(layout.name()).isEmpty();
            assertThat(read.provenance().get("/lines/22/quantity").locator()).as(layout.name()).startsWith("pdf:page=3;");
            assertProvenanceRegionsHoldTheValues(pdf, read);
        }
    }

    @Test
    void missingAndUnreadableFieldsAreProblemsNamingFieldAndRegion() {
        SampleOrder order = SampleOrder.fixed("PO-BAD-1");
        byte[] pdf = OrderPdfs.pdf(order, Layout.ACME, 30, Map.of(order.buyerGln(), "", "1.95", "1,9S"));
        MappingResult result = MAPPER.map(PdfFixtures.document(PdfFixtures.ACME, PdfOrderMapper.FORMAT, pdf));
        MappedOrder read = result.orders().get(0);

        assertThat(read.problems()).extracting(Problem::path).containsExactlyInAnyOrder("/buyer/gln",
                "/lines/1/unitPrice");
        Problem gln = read.problems().stream().filter(p -> p.path().equals("/buyer/gln")).findFirst().orElseThrow();
        assertThat(gln.code()).isEqualTo("field-not-found");
        assertThat(gln.message()).contains("buyer.gln: nothing found at pdf:page=1;").contains("right of 'Buyer GLN:'")
                .contains("acme.pdf.yaml");
        Problem price = read.problems().stream().filter(p -> p.path().equals("/lines/1/unitPrice")).findFirst()
                .orElseThrow();
        assertThat(price.code()).isEqualTo("bad-value");
        assertThat(price.message()).contains("'1,9S'").contains("pdf:page=1;x=435.0;")
                .contains("a number with decimal separator '.'");
        assertThat(read.order().lines().get(1).unitPrice()).isNull();
        assertThat(read.order().lines().get(1).quantity()).isEqualByComparingTo("120");
    }

    @Test
    void aPdfOfAnotherLayoutOrFromASenderWithoutTemplateIsRejectedWithItsReason() {
        byte[] nordlicht = OrderPdfs.pdf(SampleOrder.fixed("PO-X"), Layout.NORDLICHT, 30);
        MappingResult wrongLayout = MAPPER.map(PdfFixtures.document(PdfFixtures.ACME, PdfOrderMapper.FORMAT, nordlicht));
        assertThat(wrongLayout.rejected()).isTrue();
        assertThat(wrongLayout.problems().get(0).code()).isEqualTo("no-order");
        assertThat(wrongLayout.problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("anchor 'Order No.:' is on no page"));

        MappingResult noTemplate = MAPPER.map(PdfFixtures.document("SOMEONE", PdfOrderMapper.FORMAT, nordlicht));
        assertThat(noTemplate.problems()).extracting(Problem::code).containsExactly("no-pdf-template");

        MappingResult broken = MAPPER.map(PdfFixtures.document(PdfFixtures.ACME, PdfOrderMapper.FORMAT,
                "%PDF-1.4\nnot really".getBytes()));
        assertThat(broken.problems()).extracting(Problem::code).containsExactly("bad-pdf");
    }

    /** Reads each provenance region again with PDFTextStripperByArea: the field's text must be in it. */
    static void assertProvenanceRegionsHoldTheValues(byte[] pdf, MappedOrder read) throws IOException {
        Map<String, SourceRef> provenance = read.provenance();
        assertThat(provenance).containsKeys("/poNumber", "/orderDate", "/buyer/gln", "/shipTo/gln", "/currency",
                "/lines/0/quantity", "/lines/0/unitPrice");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (Map.Entry<String, SourceRef> e : provenance.entrySet()) {
                Matcher m = LOCATOR.matcher(e.getValue().locator());
                if (!m.matches()) {
                    continue;
                }
                PDFTextStripperByArea area = new PDFTextStripperByArea();
                area.setSortByPosition(true);
                area.addRegion("r", new Rectangle2D.Double(Double.parseDouble(m.group(2)) - 1,
                        Double.parseDouble(m.group(3)) - 1, Double.parseDouble(m.group(4)) + 2,
                        Double.parseDouble(m.group(5)) + 2));
                area.extractRegions(doc.getPage(Integer.parseInt(m.group(1)) - 1));
                String inRegion = area.getTextForRegion("r").replaceAll("\\s+", " ").strip();
                if (valueText(read, e.getKey()).matches("\\d+") && !e.getKey().endsWith("Date")) {
                    inRegion = digits(inRegion);
                }
                String value = valueText(read, e.getKey());
                assertThat(inRegion).as(e.getKey() + " at " + e.getValue().locator()).contains(value);
            }
        }
    }

    /** What of the field's value must be printed in its region: digits of numbers, the day of dates, a first word. */
    private static String valueText(MappedOrder read, String pointer) {
        var node = io.orderhub.support.Json.newMapper().valueToTree(read.order()).at(pointer);
        if (pointer.endsWith("Date")) {
            return node.asText().substring(8, 10);
        }
        if (node.isNumber()) {
            return digits(node.decimalValue().toPlainString());
        }
        return node.asText().split(" ")[0];
    }

    static String digits(String s) {
        return s.replaceAll("\\D", "");
    }
}

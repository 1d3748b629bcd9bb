package io.orderhub.pdf;

import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;
import io.orderhub.model.SourceRef;
import io.orderhub.pdf.OrderPdfs.Layout;
import io.orderhub.validation.PartnerDirectory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Scans and faxes read by tesseract through the same templates as text PDFs: an image-only PDF (the generated PDF
 * rendered at 300 dpi and wrapped without a text layer) and a multi-page 200 dpi TIFF, checked field by field against
 * the data they were generated from; fields carry their OCR confidence; a partner threshold above it sends the order
 * to review.
 */
class OcrOrderTest {

    static OcrEngine ocr;

    @BeforeAll
    static void tesseract() {
        ocr = OcrSupport.requireTesseract();
    }

    @Test
    void aScannedPdfWithoutTextLayerIsReadFieldByFieldByOcr() throws IOException {
        SampleOrder order = SampleOrder.fixed("PO-SCAN-1");
        byte[] scan = OrderPdfs.scannedPdf(OrderPdfs.pdf(order, Layout.ACME, 30), 300);
        try (PDDocument doc = Loader.loadPDF(scan)) {
            assertThat(new PDFTextStripper().getText(doc)).isBlank();
        }
        MappingResult result = PdfFixtures.pdfMapper(PdfFixtures.partners(0.80), ocr)
                .map(PdfFixtures.document(PdfFixtures.ACME, PdfOrderMapper.FORMAT, scan));

        MappedOrder read = result.orders().get(0);
        assertThat(PdfFixtures.wrongFields(order, read)).isEmpty();
        assertThat(read.problems()).isEmpty();
        SourceRef po = read.provenance().get("/poNumber");
        assertThat(po.kind()).isEqualTo("ocr");
        assertThat(po.locator()).matches("pdf:page=1;x=[\\d.]+;y=[\\d.]+;w=150\\.0;h=[\\d.]+");
        // the region is right of the label, where the generator printed the value (x 150, baseline 110)
        assertThat(Double.parseDouble(po.locator().replaceAll(".*;y=([\\d.]+);.*", "$1"))).isCloseTo(100, within(6.0));
        assertThat(po.confidence()).isBetween(0.80, 1.0);
        assertThat(read.provenance().values()).allSatisfy(ref -> assertThat(ref.confidence()).isBetween(0.0, 1.0));
    }

    @Test
    void aMultiPageFaxTiffIsReadWithTheOtherPartnersTemplate() {
        SampleOrder order = SampleOrder.random(11, 14);
        byte[] tiff = OrderPdfs.tiff(OrderPdfs.pdf(order, Layout.NORDLICHT, 9), 200);
        MappingResult result = PdfFixtures.tiffMapper(PdfFixtures.partners(0.30), ocr)
                .map(PdfFixtures.document(PdfFixtures.NORDLICHT, PdfOrderMapper.TIFF_FORMAT, tiff));

        MappedOrder read = result.orders().get(0);
        assertThat(PdfFixtures.wrongFields(order, read)).isEmpty();
        assertThat(read.provenance().get("/lines/13/buyerItem").locator()).startsWith("tiff:page=2;x=45.0;");
        assertThat(read.provenance().get("/buyer/gln").locator()).isEqualTo("tiff:page=1;x=430.0;y=38.0;w=155.0;h=18.0");
    }

    @Test
    void fieldsUnderThePartnersConfidenceThresholdSendTheOrderToReview() {
        SampleOrder order = SampleOrder.fixed("PO-SCAN-2");
        byte[] scan = OrderPdfs.scannedPdf(OrderPdfs.pdf(order, Layout.ACME, 30), 300);
        MappingResult result = PdfFixtures.pdfMapper(PdfFixtures.partners(0.995), ocr)
                .map(PdfFixtures.document(PdfFixtures.ACME, PdfOrderMapper.FORMAT, scan));

        MappedOrder read = result.orders().get(0);
        assertThat(read.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.code()).isEqualTo("low-confidence");
            assertThat(p.message()).containsPattern("'.+' at pdf:page=\\d;x=.* was read by OCR with confidence 0\\.\\d\\d"
                    + " \\(mean of its words 0\\.\\d\\d\\), under the partner's threshold 0\\.995$");
        });
        Problem first = read.problems().get(0);
        double confidence = read.provenance().get(first.path()).confidence();
        assertThat(confidence).isLessThan(0.995);
        assertThat(first.message()).contains(first.path().substring(first.path().lastIndexOf('/') + 1));
    }

    @Test
    void ocrTemporaryFilesAreRemoved() throws Exception {
        java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        long before = countOcrDirs(tmp);
        ocr.read(OrderPdfs.render(OrderPdfs.pdf(SampleOrder.fixed("PO-T"), Layout.ACME, 30), 150).get(0), 150, 1);
        assertThat(countOcrDirs(tmp)).isEqualTo(before);
    }

    private static long countOcrDirs(java.nio.file.Path tmp) throws IOException {
        try (var files = java.nio.file.Files.list(tmp)) {
            return files.filter(f -> f.getFileName().toString().startsWith("orderhub-ocr-")).count();
        }
    }
}

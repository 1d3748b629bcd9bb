package io.orderhub.pdf;

import io.orderhub.model.MappingResult;
import io.orderhub.pdf.OrderPdfs.Layout;
import io.orderhub.validation.PartnerDirectory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The OCR engine without tesseract: TSV parsing, and what happens to scans where tesseract is not installed. */
class OcrEngineTest {

    @Test
    void tsvWordsBecomeWordsInPointsWithConfidence() {
        String tsv = """
                level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
                1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t
                4\t1\t1\t1\t1\t0\t208\t433\t300\t38\t-1\t
                5\t1\t1\t1\t1\t1\t208\t433\t192\t38\t96.5\tOrder
                5\t1\t1\t1\t1\t2\t625\t433\t250\t38\t41.25\tPO-4711
                5\t1\t1\t1\t1\t3\t900\t433\t20\t38\t95\t\s
                """;
        List<Word> words = OcrEngine.parseTsv(tsv, 72.0 / 300, 2);
        assertThat(words).hasSize(2);
        Word po = words.get(1);
        assertThat(po.page()).isEqualTo(2);
        assertThat(po.text()).isEqualTo("PO-4711");
        assertThat(po.x()).isCloseTo(150.0, within(0.01));
        assertThat(po.y()).isCloseTo(103.92, within(0.01));
        assertThat(po.w()).isCloseTo(60.0, within(0.01));
        assertThat(po.confidence()).isCloseTo(0.4125, within(1e-9));
    }

    @Test
    void withoutTesseractScansAreRejectedForReviewWithTheReasonAndTextPdfsStillRead() {
        OcrEngine missing = new OcrEngine("/nonexistent/tesseract", "eng", 6, Duration.ofSeconds(5));
        assertThat(missing.available()).isFalse();
        assertThat(missing.status()).contains("not available").contains("tesseract-ocr");
        PartnerDirectory partners = PdfFixtures.partners(0.8);
        PdfOrderMapper mapper = PdfFixtures.pdfMapper(partners, missing);
        byte[] pdf = OrderPdfs.pdf(SampleOrder.fixed("PO-NO-OCR"), Layout.ACME, 30);

        MappingResult scan = mapper.map(PdfFixtures.document(PdfFixtures.ACME, PdfOrderMapper.FORMAT,
                OrderPdfs.scannedPdf(pdf, 100)));
        assertThat(scan.rejected()).isTrue();
        assertThat(scan.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("ocr-unavailable");
            assertThat(p.message()).contains("page 1 has no text layer (a scan or fax)")
                    .contains("/nonexistent/tesseract").contains("kept for review");
        });
        MappingResult tiff = PdfFixtures.tiffMapper(partners, missing).map(PdfFixtures.document(PdfFixtures.ACME,
                PdfOrderMapper.TIFF_FORMAT, OrderPdfs.tiff(pdf, 100)));
        assertThat(tiff.problems()).extracting(p -> p.code()).containsExactly("ocr-unavailable");

        MappingResult text = mapper.map(PdfFixtures.document(PdfFixtures.ACME, PdfOrderMapper.FORMAT, pdf));
        assertThat(text.orders()).singleElement().satisfies(o -> assertThat(o.order().poNumber()).isEqualTo("PO-NO-OCR"));
    }

    @Test
    void aScanWithMorePagesThanTheLimitIsNotOcrdButRejectedWithTheReason() {
        PartnerDirectory partners = PdfFixtures.partners(0.8);
        PdfOrderMapper mapper = PdfOrderMapper.pdf(partners, PdfTemplates.load(PdfFixtures.MAPPINGS, partners.all()),
                new DocumentReader(PdfFixtures.ocr(), 300, 1, false));
        byte[] twoPages = OrderPdfs.scannedPdf(OrderPdfs.pdf(SampleOrder.random(3, 12), Layout.ACME, 8), 50);
        MappingResult result = mapper.map(PdfFixtures.document(PdfFixtures.ACME, PdfOrderMapper.FORMAT, twoPages));
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("too-many-pages");
            assertThat(p.message()).contains("more than 1 pages without a text layer").contains("orderhub.ocr.max-pages");
        });
    }
}

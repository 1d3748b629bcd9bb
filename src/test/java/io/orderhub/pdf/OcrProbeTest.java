package io.orderhub.pdf;

import io.orderhub.model.MappingResult;
import org.junit.jupiter.api.Test;

class OcrProbeTest {
    @Test
    void probe() {
        var partners = PdfFixtures.partners(0.5);
        var ocr = PdfFixtures.ocr();
        var mapper = PdfFixtures.pdfMapper(partners, ocr);
        var tiffMapper = PdfFixtures.tiffMapper(partners, ocr);
        for (OrderPdfs.Layout layout : OrderPdfs.Layout.values()) {
            SampleOrder order = SampleOrder.random(7, 12);
            byte[] pdf = OrderPdfs.pdf(order, layout, 8);
            String sender = layout == OrderPdfs.Layout.ACME ? PdfFixtures.ACME : PdfFixtures.NORDLICHT;
            long t = System.nanoTime();
            MappingResult r = mapper.map(PdfFixtures.document(sender, PdfOrderMapper.FORMAT, OrderPdfs.scannedPdf(pdf, 300)));
            System.out.println(layout + " scan ms " + (System.nanoTime() - t) / 1_000_000 + " problems " + r.problems());
            if (!r.orders().isEmpty()) {
                System.out.println(" wrong " + PdfFixtures.wrongFields(order, r.orders().get(0)));
                System.out.println(" oproblems " + r.orders().get(0).problems());
                r.orders().get(0).provenance().forEach((k, v) -> System.out.println("  " + k + " " + v));
            }
            t = System.nanoTime();
            r = tiffMapper.map(PdfFixtures.document(sender, PdfOrderMapper.TIFF_FORMAT, OrderPdfs.tiff(pdf, 200)));
            System.out.println(layout + " tiff ms " + (System.nanoTime() - t) / 1_000_000 + " problems " + r.problems());
            if (!r.orders().isEmpty()) {
                System.out.println(" wrong " + PdfFixtures.wrongFields(order, r.orders().get(0)));
                System.out.println(" oproblems " + r.orders().get(0).problems());
            }
        }
    }
}

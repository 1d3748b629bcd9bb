package io.orderhub.mail;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhub.mail.MailFixtures.Attachment;
import io.orderhub.pdf.OcrSupport;
import io.orderhub.pdf.OrderPdfs;
import io.orderhub.pdf.OrderPdfs.Layout;
import io.orderhub.pdf.SampleOrder;
import io.orderhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.orderhub.mail.MailFixtures.awaitOrderStatus;
import static io.orderhub.mail.MailFixtures.mail;
import static io.orderhub.mail.MailFixtures.messageId;
import static io.orderhub.mail.MailFixtures.orderDetail;
import static io.orderhub.mail.MailFixtures.partner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PDF orders, scans, faxes and typed mails end to end: a real GreenMail IMAP server, the real hub with the shipped
 * templates (mappings/pdf, mappings/body), the ERP simulator. A text PDF and a fax TIFF are booked (DELIVERED); a scan
 * under its partner's confidence threshold waits in NEEDS_REVIEW with the field, confidence and threshold named.
 */
class PdfMailIntakeTest {

    static final String ACME = "PDFMAIL-ACME";
    static final String NORD = "PDFMAIL-NORD";
    static final String STRICT = "PDFMAIL-STRICT";
    static final String BOX = "pdforders";
    /** OCR of a page takes seconds, many more on a machine shared with other builds. */
    static final java.time.Duration OCR_WAIT = java.time.Duration.ofMinutes(3);

    @TempDir
    static Path dir;
    static MailServer server;
    static TestHub hub;

    @BeforeAll
    static void start() {
        server = MailServer.start();
        server.user(BOX);
        Path partners = MailFixtures.writePartners(dir,
                partner(ACME, "senders: [\"@acme-pdf.example\"]\nbodyTemplate: acme-mail")
                        + "    pdf: {template: pdf/acme.pdf.yaml}\n",
                partner(NORD, "senders: [\"fax@nordlicht.example\"]")
                        + "    pdf: {template: pdf/nordlicht.pdf.yaml, confidenceThreshold: 0.30}\n",
                partner(STRICT, "senders: [\"scanner@strict.example\"]")
                        + "    pdf: {template: pdf/acme.pdf.yaml, confidenceThreshold: 0.995}\n");
        Path mailboxes = MailFixtures.writeMailboxes(dir, "", MailFixtures.imapMailbox(server, BOX, BOX));
        hub = TestHub.start(TestHub.Db.H2, dir, MailFixtures.hubProperties(partners, mailboxes));
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTextPdfAttachmentBecomesADeliveredOrderWithPageAndRegionProvenance() {
        SampleOrder order = SampleOrder.fixed("PO-PDFMAIL-1");
        server.deliver(BOX, mail("Buyer <buyer@acme-pdf.example>", "orders@hub.example", "PO", messageId(),
                "see attached", new Attachment("order.pdf", "application/pdf", OrderPdfs.pdf(order, Layout.ACME, 30))));

        JsonNode summary = awaitOrderStatus(hub, order.poNumber(), "DELIVERED");
        JsonNode detail = orderDetail(hub, summary.path("id").asText());
        assertThat(detail.path("order").path("buyer").path("gln").asText()).isEqualTo("4012345000009");
        assertThat(detail.path("order").path("lines")).hasSize(3);
        assertThat(detail.path("order").path("lines").path(2).path("unitPrice").decimalValue())
                .isEqualByComparingTo("1234.50");
        JsonNode po = detail.path("provenance").path("/poNumber");
        assertThat(po.path("kind").asText()).isEqualTo("pdf");
        assertThat(po.path("locator").asText()).matches("attachment 1 'order\\.pdf': pdf:page=1;x=[\\d.]+;y=[\\d.]+;w=150\\.0;h=[\\d.]+");
        assertThat(detail.path("provenance").path("/lines/2/quantity").path("locator").asText())
                .startsWith("attachment 1 'order.pdf': pdf:page=1;x=355.0;");
    }

    @Test
    void aMultiPageFaxTiffIsReadByOcrAndDelivered() {
        OcrSupport.requireTesseract();
        SampleOrder random = SampleOrder.random(2026, 12);
        // a customer of the partner, so that the order passes validation and is booked
        SampleOrder order = new SampleOrder(random.poNumber(), random.orderDate(), random.deliveryDate(),
                "4012345000009", "4012345000016", "EUR", random.lines());
        server.deliver(BOX, mail("fax@nordlicht.example", "orders@hub.example", "Fax", messageId(), "",
                new Attachment("fax.tif", "image/tiff", OrderPdfs.tiff(OrderPdfs.pdf(order, Layout.NORDLICHT, 8), 200))));

        JsonNode summary = hub.awaitOrderStatus(order.poNumber(), "DELIVERED", OCR_WAIT);
        JsonNode detail = orderDetail(hub, summary.path("id").asText());
        assertThat(detail.path("order").path("lines")).hasSize(12);
        JsonNode last = detail.path("provenance").path("/lines/11/buyerItem");
        assertThat(last.path("kind").asText()).isEqualTo("ocr");
        assertThat(last.path("locator").asText()).startsWith("attachment 1 'fax.tif': tiff:page=2;");
        assertThat(last.path("confidence").asDouble()).isBetween(0.30, 1.0);
    }

    @Test
    void aScanUnderThePartnersConfidenceThresholdWaitsForReviewWithTheReason() {
        OcrSupport.requireTesseract();
        SampleOrder order = SampleOrder.fixed("PO-PDFMAIL-SCAN");
        byte[] scan = OrderPdfs.scannedPdf(OrderPdfs.pdf(order, Layout.ACME, 30), 300);
        server.deliver(BOX, mail("scanner@strict.example", "orders@hub.example", "Scan", messageId(), "",
                new Attachment("scan.pdf", "application/pdf", scan)));

        JsonNode summary = hub.awaitOrderStatus(order.poNumber(), "NEEDS_REVIEW", OCR_WAIT);
        JsonNode detail = orderDetail(hub, summary.path("id").asText());
        assertThat(detail.path("problems").toString()).contains("low-confidence")
                .contains("was read by OCR with confidence").contains("under the partner's threshold 0.995")
                .contains("poNumber 'PO-PDFMAIL-SCAN' at pdf:page=1;");
        assertThat(detail.path("provenance").path("/poNumber").path("locator").asText())
                .startsWith("attachment 1 'scan.pdf': pdf:page=1;");
    }

    @Test
    void aBodyOnlyMailIsReadWithThePartnersBodyTemplate() {
        String po = "PO-BODY-MAIL-1";
        server.deliver(BOX, mail("anna@acme-pdf.example", "orders@hub.example", "Order", messageId(),
                io.orderhub.pdf.BodyTemplateTest.text(po)));

        JsonNode summary = awaitOrderStatus(hub, po, "DELIVERED");
        JsonNode detail = orderDetail(hub, summary.path("id").asText());
        assertThat(detail.path("provenance").path("/poNumber").path("locator").asText())
                .isEqualTo("body: line 5, column 15");
        assertThat(detail.path("provenance").path("/lines/0/unitPrice").path("kind").asText()).isEqualTo("body");
    }

    @Test
    void theHealthCheckSaysWhetherOcrIsAvailable() throws Exception {
        HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                hub.managementUri("/observe/health?data=true")).build(), HttpResponse.BodyHandlers.ofString(
                StandardCharsets.UTF_8));
        JsonNode ocr = null;
        for (JsonNode check : MailFixtures.JSON.readTree(r.body()).path("checks")) {
            if (check.path("name").asText().equals("ocr")) {
                ocr = check;
            }
        }
        assertThat(ocr).as(r.body()).isNotNull();
        assertThat(ocr.path("status").asText()).isEqualTo("UP");
        assertThat(ocr.toString()).contains("ocr.available").contains("tesseract");
    }
}

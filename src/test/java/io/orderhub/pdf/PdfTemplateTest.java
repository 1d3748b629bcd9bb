package io.orderhub.pdf;

import io.orderhub.intake.FileFormats;
import io.orderhub.mail.AttachmentFormats;
import io.orderhub.validation.PartnerDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Templates are checked when the hub starts; PDFs and TIFFs are recognised by content in drops and mails. */
class PdfTemplateTest {

    @TempDir
    Path dir;

    Path template(String yaml) throws IOException {
        Files.createDirectories(dir.resolve("pdf"));
        return Files.writeString(dir.resolve("pdf/t.pdf.yaml"), yaml);
    }

    @Test
    void theShippedTemplatesLoad() {
        PdfTemplates templates = PdfTemplates.load(PdfFixtures.MAPPINGS, List.of());
        assertThat(templates.names()).contains("pdf/acme.pdf.yaml", "pdf/nordlicht.pdf.yaml");
        assertThat(templates.find("acme")).isPresent();
        assertThat(templates.find("nordlicht.pdf.yaml")).isPresent();
    }

    @Test
    void aTemplateWithMistakesIsRefusedNamingTheMistake() throws IOException {
        template("fields:\n  poNumbr: {anchor: 'PO'}\n");
        assertThatThrownBy(() -> PdfTemplates.load(dir, List.of())).hasMessageContaining("t.pdf.yaml")
                .hasMessageContaining("field poNumbr: not a canonical order header field");
        template("fields:\n  poNumber: {anchor: 'PO', regex: 'PO (\\\\d+)'}\n");
        assertThatThrownBy(() -> PdfTemplates.load(dir, List.of()))
                .hasMessageContaining("field poNumber: needs exactly one of anchor, region, regex, value");
        template("fields:\n  poNumber: {regex: 'PO ((\\\\d+)'}\n");
        assertThatThrownBy(() -> PdfTemplates.load(dir, List.of()))
                .hasMessageContaining("field poNumber: regex is not a regular expression");
        template("table:\n  header: Pos\n  columns:\n    lines.qty: {from: 1, to: 2}\n");
        assertThatThrownBy(() -> PdfTemplates.load(dir, List.of()))
                .hasMessageContaining("table column lines.qty: not a canonical line field");
        template("table:\n  header: Pos\n  columns:\n    lines.quantity: {from: 20, to: 10}\n");
        assertThatThrownBy(() -> PdfTemplates.load(dir, List.of()))
                .hasMessageContaining("table column lines.quantity: needs from < to");
        template("decimalSeparator: ';'\nfields:\n  poNumber: {anchor: PO}\n");
        assertThatThrownBy(() -> PdfTemplates.load(dir, List.of())).hasMessageContaining("decimalSeparator");
        template("fields:\n  poNumber: {anchor: PO, colour: red}\n");
        assertThatThrownBy(() -> PdfTemplates.load(dir, List.of())).hasMessageContaining("colour");
    }

    @Test
    void aPartnerNamingAMissingTemplateStopsTheStart() {
        PartnerDirectory partners = new PartnerDirectory(List.of(PdfFixtures.partner("P1", "pdf/none.pdf.yaml", null)),
                PdfFixtures.MAPPINGS);
        assertThatThrownBy(() -> PdfTemplates.load(PdfFixtures.MAPPINGS, partners.all()))
                .hasMessageContaining("Partner P1: pdf.template 'pdf/none.pdf.yaml' is not in");
    }

    @Test
    void pdfsAndTiffsAreRecognisedByContentInDropsAndMails() {
        byte[] pdf = OrderPdfs.pdf(SampleOrder.fixed("PO-F"), OrderPdfs.Layout.ACME, 30);
        byte[] tiff = OrderPdfs.tiff(pdf, 72);
        FileFormats drops = new FileFormats();
        assertThat(drops.format("order.bin", pdf)).isEqualTo(PdfOrderMapper.FORMAT);
        assertThat(drops.format("fax.dat", tiff)).isEqualTo(PdfOrderMapper.TIFF_FORMAT);
        assertThat(drops.contentType("order.bin", PdfOrderMapper.FORMAT)).isEqualTo("application/pdf");
        assertThat(drops.contentType("fax.dat", PdfOrderMapper.TIFF_FORMAT)).isEqualTo("image/tiff");
        AttachmentFormats mails = new AttachmentFormats();
        assertThat(mails.classify("x.json", "application/json", pdf).format()).isEqualTo(PdfOrderMapper.FORMAT);
        assertThat(mails.classify("fax", null, tiff).format()).isEqualTo(PdfOrderMapper.TIFF_FORMAT);
    }
}

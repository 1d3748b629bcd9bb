package io.orderhub.mail;

import io.orderhub.mail.AttachmentFormats.Kind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Attachments are classified by what they contain; names and declared types only break ties. */
class AttachmentFormatsTest {

    private final AttachmentFormats formats = new AttachmentFormats();

    private Kind kind(String name, String type, String content) {
        return formats.classify(name, type, content.getBytes(StandardCharsets.ISO_8859_1)).kind();
    }

    @Test
    void contentWinsOverTheName() {
        assertThat(kind("order.pdf", "application/pdf", "  {\"poNumber\": \"1\"}")).isEqualTo(Kind.JSON);
        assertThat(kind("order.json", "application/json", "%PDF-1.7\n...")).isEqualTo(Kind.PDF);
        assertThat(kind("scan.pdf", null, "II*\u0000....")).isEqualTo(Kind.IMAGE);
        assertThat(kind("x.txt", "text/plain", "PK\u0003\u0004....")).isEqualTo(Kind.ZIP);
    }

    @Test
    void ediInterchangesAreRecognisedByTheirHeaders() {
        assertThat(kind("a.txt", "text/plain", "UNA:+.? 'UNB+UNOC:3+SENDER+RECEIVER'")).isEqualTo(Kind.EDIFACT);
        assertThat(kind(null, null, "\uFEFFUNB+UNOC:3+SENDER+RECEIVER'".substring(1))).isEqualTo(Kind.EDIFACT);
        assertThat(kind("a.edi", null, "ISA*00*          *00*")).isEqualTo(Kind.X12);
        assertThat(kind("a.txt", "text/plain", "ISABELLA ordered 5")).isEqualTo(Kind.TEXT);
    }

    @Test
    void xmlIsTypedByItsRootElementAndADoctypeIsNeverTrusted() {
        assertThat(format("<?xml version=\"1.0\"?>\n<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\">"
                + "<cbc:ID xmlns:cbc=\"urn:x\">1</cbc:ID></Order>")).isEqualTo("ubl-order");
        assertThat(format("<cXML payloadID=\"1\"><Header/><Request><OrderRequest/></Request></cXML>"))
                .isEqualTo("cxml-order");
        assertThat(format("<Invoice/>")).isEqualTo("xml");
        assertThat(format("<?xml version=\"1.0\"?><!DOCTYPE Order [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<Order xmlns=\"urn:x\">&e;</Order>")).isEqualTo("xml");
    }

    private String format(String content) {
        AttachmentFormats.Classified c = formats.classify("a.xml", "application/xml",
                content.getBytes(StandardCharsets.UTF_8));
        assertThat(c.kind()).isEqualTo(Kind.XML);
        return c.format();
    }

    @Test
    void csvByContentOrDeclaration() {
        assertThat(kind("sheet.txt", "text/plain", "po;item;qty\n1;A-100;5\n")).isEqualTo(Kind.CSV);
        assertThat(kind("sheet.csv", null, "single line")).isEqualTo(Kind.CSV);
        assertThat(kind("note.txt", "text/plain", "hello\nworld")).isEqualTo(Kind.TEXT);
    }

    @Test
    void emptyAndUnknownContent() {
        assertThat(kind("x", null, "   ")).isEqualTo(Kind.UNKNOWN);
        assertThat(kind("x.bin", "application/octet-stream", "\u0001\u0002")).isEqualTo(Kind.UNKNOWN);
        assertThat(kind("fwd.eml", "message/rfc822", "From: a@b.example\r\n\r\nhi")).isEqualTo(Kind.MAIL);
    }
}

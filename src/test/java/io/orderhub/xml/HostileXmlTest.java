package io.orderhub.xml;

import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** XXE, entity expansion and foreign DTDs are refused before Smooks reads the document, with a problem that says so. */
class HostileXmlTest {

    static final String UBL_START = "<Order xmlns=\"" + XmlSniffer.UBL_ORDER_NS + "\" "
            + "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">";

    static final String BILLION_LAUGHS = """
            <?xml version="1.0"?>
            <!DOCTYPE Order [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            """ + UBL_START + "<cbc:ID>&lol9;</cbc:ID></Order>";

    static Problem rejectedUbl(String xml) {
        MappingResult r = XmlTestSupport.UBL.map(XmlTestSupport.document(XmlSniffer.UBL_ORDER,
                xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.rejected()).isTrue();
        return r.problems().get(0);
    }

    @Test
    void billionLaughsIsRejectedBeforeAnyExpansion() {
        long start = System.nanoTime();
        Problem p = rejectedUbl(BILLION_LAUGHS);
        assertThat(p.code()).isEqualTo(XmlSafety.DOCTYPE_CODE);
        assertThat(p.message()).startsWith("document type declarations are not accepted");
        assertThat(p.path()).startsWith("line ");
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    @Test
    void externalEntityIsRejectedAndTheFileIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE Order [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + UBL_START + "<cbc:ID>&xxe;</cbc:ID></Order>";
        Problem p = rejectedUbl(xxe);
        assertThat(p.code()).isEqualTo(XmlSafety.DOCTYPE_CODE);
        assertThat(p.message()).contains("document type declarations are not accepted").doesNotContain("TOP-SECRET");
    }

    @Test
    void externalDtdAndParameterEntitiesAreRejected(@TempDir Path dir) throws Exception {
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY % p SYSTEM \"file:///etc/passwd\">");
        assertThat(rejectedUbl("<!DOCTYPE Order SYSTEM \"" + dtd.toUri() + "\">" + UBL_START + "</Order>").code())
                .isEqualTo(XmlSafety.DOCTYPE_CODE);
        assertThat(rejectedUbl("<!DOCTYPE Order [<!ENTITY % p SYSTEM \"" + dtd.toUri() + "\"> %p;]>" + UBL_START
                + "</Order>").code()).isEqualTo(XmlSafety.DOCTYPE_CODE);
    }

    @Test
    void undeclaredEntityReferenceWithoutDoctypeIsRejected() {
        Problem p = rejectedUbl(UBL_START + "<cbc:ID>&xxe;</cbc:ID></Order>");
        assertThat(p.code()).isIn(XmlSafety.ENTITY_CODE, XmlSafety.BAD_XML_CODE);
        assertThat(p.message()).contains("xxe");
    }

    @Test
    void cxmlMayReferenceOnlyThePublicCxmlDtdWithoutInternalSubset() {
        String body = "<cXML payloadID=\"1@x\" timestamp=\"2020-01-01T00:00:00Z\"><Request><OrderRequest>"
                + "<OrderRequestHeader orderID=\"X-1\" orderDate=\"2020-01-01\"/></OrderRequest></Request></cXML>";
        String standard = "<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/1.2.014/cXML.dtd\">";
        MappingResult ok = XmlTestSupport.CXML.map(XmlTestSupport.document(XmlSniffer.CXML_ORDER,
                (standard + body).getBytes(StandardCharsets.UTF_8)));
        assertThat(ok.orders()).singleElement().satisfies(o -> assertThat(o.order().poNumber()).isEqualTo("X-1"));

        for (String hostile : new String[]{
                "<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/1.2.014/cXML.dtd\" [<!ENTITY a \"b\">]>",
                "<!DOCTYPE cXML SYSTEM \"http://evil.example/cXML.dtd\">",
                "<!DOCTYPE cXML SYSTEM \"file:///etc/passwd\">"}) {
            MappingResult r = XmlTestSupport.CXML.map(XmlTestSupport.document(XmlSniffer.CXML_ORDER,
                    (hostile + body).getBytes(StandardCharsets.UTF_8)));
            assertThat(r.rejected()).as(hostile).isTrue();
            assertThat(r.problems().get(0).code()).isEqualTo(XmlSafety.DOCTYPE_CODE);
            assertThat(r.problems().get(0).message()).startsWith("document type declarations are not accepted");
        }
    }

    @Test
    void ublDoesNotAcceptEvenTheCxmlDtdReference() {
        String xml = "<!DOCTYPE Order SYSTEM \"http://xml.cxml.org/schemas/cXML/1.2.014/cXML.dtd\">" + UBL_START
                + "<cbc:ID>1</cbc:ID></Order>";
        assertThat(rejectedUbl(xml).code()).isEqualTo(XmlSafety.DOCTYPE_CODE);
    }

    @Test
    void malformedXmlIsNamedWithItsPosition() {
        Problem p = rejectedUbl(UBL_START + "<cbc:ID>1</cbc:Id></Order>");
        assertThat(p.code()).isEqualTo(XmlSafety.BAD_XML_CODE);
        assertThat(p.path()).startsWith("line 1");
    }

    @Test
    void smooksOwnReaderNeitherLoadsTheExternalDtdNorResolvesEntities(@TempDir Path dir) throws Exception {
        // second line of defence, without the pre-check: the mapping's SAX reader gets nothing from outside
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        String xml = "<!DOCTYPE a SYSTEM \"" + dir.resolve("missing.dtd").toUri() + "\"><a>x</a>";
        StringBuilder text = new StringBuilder();
        SecureSaxReader reader = new SecureSaxReader();
        reader.setContentHandler(new DefaultHandler() {
            @Override
            public void characters(char[] ch, int start, int length) {
                text.append(ch, start, length);
            }
        });
        reader.parse(new InputSource(new StringReader(xml)));
        assertThat(text.toString()).isEqualTo("x");

        String xxe = "<!DOCTYPE a [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><a>&x;</a>";
        StringBuilder leaked = new StringBuilder();
        SecureSaxReader second = new SecureSaxReader();
        second.setContentHandler(new DefaultHandler() {
            @Override
            public void characters(char[] ch, int start, int length) {
                leaked.append(ch, start, length);
            }
        });
        try {
            second.parse(new InputSource(new StringReader(xxe)));
        } catch (org.xml.sax.SAXException refused) {
            // refusing is as good as resolving to nothing
        }
        assertThat(leaked.toString()).doesNotContain("TOP-SECRET");
    }

    @Test
    void unknownXmlIsKeptAsRejectedWithItsReason() {
        UnknownXmlMapper unknown = new UnknownXmlMapper();
        MappingResult plain = unknown.map(XmlTestSupport.document("xml", "<Invoice/>".getBytes(StandardCharsets.UTF_8)));
        assertThat(plain.problems()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("unknown-xml"));
        MappingResult laughs = unknown.map(XmlTestSupport.document("xml",
                BILLION_LAUGHS.replace("Order", "lolz").getBytes(StandardCharsets.UTF_8)));
        assertThat(laughs.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("document type declarations are not accepted"));
    }
}

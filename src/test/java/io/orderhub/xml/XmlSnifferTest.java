package io.orderhub.xml;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The format of an XML document is decided by its root element and namespace, not by a name or a content type. */
class XmlSnifferTest {

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void corpusDocumentsAreRecognised() {
        assertThat(XmlSniffer.detect(XmlTestSupport.corpus("ubl_xml/phax__ph-ubl__UBL-Order-2.1-Example.xml")))
                .contains("ubl-order");
        assertThat(XmlSniffer.detect(XmlTestSupport.corpus("ubl_xml/phax__ph-ubl__UBL-Order-2.0-Example.xml")))
                .contains("ubl-order");
        assertThat(XmlSniffer.detect(XmlTestSupport.corpus("ubl_xml/phax__ph-ubl__CENBII-Order-minimal.xml")))
                .contains("ubl-order");
        assertThat(XmlSniffer.detect(XmlTestSupport.corpus("cxml/FriendsOfCXML__cxml-php__OrderRequest.xml")))
                .contains("cxml-order");
        assertThat(XmlSniffer.detect(XmlTestSupport.corpus("cxml/officeluv__cxml__order_request.xml")))
                .contains("cxml-order");
    }

    @Test
    void theNamespaceDecidesNotThePrefixOrTheLocalName() {
        assertThat(XmlSniffer.detect(bytes("<u:Order xmlns:u=\"" + XmlSniffer.UBL_ORDER_NS + "\"/>")))
                .contains("ubl-order");
        assertThat(XmlSniffer.detect(bytes("<Order xmlns=\"urn:example:not-ubl\"/>"))).isEmpty();
        assertThat(XmlSniffer.detect(bytes("<Order/>"))).isEmpty();
        assertThat(XmlSniffer.detect(bytes("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:"
                + "Invoice-2\"/>"))).isEmpty();
    }

    @Test
    void cxmlMustCarryAnOrderRequest() {
        assertThat(XmlSniffer.detect(bytes("<cXML><Header/><Request deploymentMode=\"test\"><OrderRequest/>"
                + "</Request></cXML>"))).contains("cxml-order");
        assertThat(XmlSniffer.detect(bytes("<cXML><Header/><Request><ProfileRequest/></Request></cXML>"))).isEmpty();
        assertThat(XmlSniffer.detect(bytes("<cXML><Response><Status code=\"200\" text=\"OK\"/></Response></cXML>")))
                .isEmpty();
        assertThat(XmlSniffer.detect(bytes("<cXML xmlns=\"urn:other\"><Request><OrderRequest/></Request></cXML>")))
                .isEmpty();
    }

    @Test
    void notXmlAtAllIsNothing() {
        assertThat(XmlSniffer.detect(bytes("{\"poNumber\": \"1\"}"))).isEmpty();
        assertThat(XmlSniffer.detect(bytes("PO;Date\n1;2\n"))).isEmpty();
        assertThat(XmlSniffer.detect(new byte[0])).isEmpty();
        assertThat(XmlSniffer.detect(null)).isEmpty();
    }

    @Test
    void payloadIdIsReadFromTheCxmlEnvelope() {
        assertThat(XmlSniffer.cxmlPayloadId(XmlTestSupport.corpus("cxml/officeluv__cxml__order_request.xml")))
                .contains("1585687161.003309@stg1565utl2.int.coupahost.com");
        assertThat(XmlSniffer.cxmlPayloadId(bytes("<Order/>"))).isEmpty();
    }
}

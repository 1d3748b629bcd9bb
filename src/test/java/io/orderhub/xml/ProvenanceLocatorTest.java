package io.orderhub.xml;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.SourceRef;
import io.orderhub.support.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Node;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every provenance locator of every corpus document names a node of the original whose value is the canonical
 * field's value (dates: the node's value starts with the date; numbers: numerically equal).
 */
class ProvenanceLocatorTest {

    @ParameterizedTest
    @CsvSource({
            "ubl_xml/phax__ph-ubl__UBL-Order-2.1-Example.xml, ubl-order",
            "ubl_xml/phax__ph-ubl__UBL-Order-2.0-Example.xml, ubl-order",
            "ubl_xml/phax__ph-ubl__CENBII-Order-minimal.xml, ubl-order",
            "cxml/FriendsOfCXML__cxml-php__OrderRequest.xml, cxml-order",
            "cxml/officeluv__cxml__order_request.xml, cxml-order"})
    void everyLocatorResolvesToTheMappedValue(String file, String format) throws Exception {
        byte[] xml = XmlTestSupport.corpus(file);
        boolean ubl = XmlSniffer.UBL_ORDER.equals(format);
        MappingResult result = (ubl ? XmlTestSupport.UBL : XmlTestSupport.CXML)
                .map(XmlTestSupport.document(format, xml));
        MappedOrder mapped = result.orders().get(0);
        JsonNode canonical = Json.newMapper().valueToTree(mapped.order());
        LocatorResolver resolver = new LocatorResolver(xml,
                ubl ? LocatorResolver.UBL_PREFIXES : LocatorResolver.NO_NAMESPACE);

        assertThat(mapped.provenance()).hasSizeGreaterThan(4);
        for (Map.Entry<String, SourceRef> e : mapped.provenance().entrySet()) {
            SourceRef ref = e.getValue();
            assertThat(ref.kind()).isEqualTo("xpath");
            assertThat(ref.confidence()).isEqualTo(1.0);
            Node node = resolver.resolve(ref.locator());
            assertThat(node).as("%s -> %s", e.getKey(), ref.locator()).isNotNull();
            JsonNode value = canonical.at(e.getKey());
            assertThat(value.isMissingNode()).as(e.getKey()).isFalse();
            String found = node.getTextContent().trim();
            if (node.getNodeType() == Node.ELEMENT_NODE && node.getChildNodes().getLength() > 1) {
                // a line's position standing in for a line id that is not a number: the locator names the line
                assertThat(e.getKey()).endsWith("/lineNumber");
                assertThat(ref.locator()).endsWith("[" + value.asInt() + "]");
            } else if (value.isNumber()) {
                assertThat(new BigDecimal(found)).as(e.getKey()).isEqualByComparingTo(value.decimalValue());
            } else if (e.getKey().endsWith("Date")) {
                assertThat(found).as(e.getKey()).startsWith(value.asText());
            } else {
                assertThat(found).as(e.getKey()).isEqualTo(value.asText());
            }
        }
    }
}

package io.orderhub.xml;

import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The cXML corpus OrderRequests (Ariba-style sample, Coupa staging) map to the orders written in them. */
class CxmlOrderMappingTest {

    static MappedOrder map(String file) {
        MappingResult result = XmlTestSupport.CXML.map(XmlTestSupport.document(XmlSniffer.CXML_ORDER,
                XmlTestSupport.corpus("cxml/" + file)));
        assertThat(result.problems()).isEmpty();
        assertThat(result.orders()).hasSize(1);
        return result.orders().get(0);
    }

    @Test
    void aribaStyleSampleWithItsStandardDoctypeMapsCompletely() {
        MappedOrder mapped = map("FriendsOfCXML__cxml-php__OrderRequest.xml");
        CanonicalOrder o = mapped.order();

        assertThat(o.poNumber()).isEqualTo("DO1234");
        assertThat(o.orderDate()).isEqualTo(LocalDate.of(2000, 10, 12));
        // no header date: the first ItemOut's requestedDeliveryDate
        assertThat(o.requestedDeliveryDate()).isEqualTo(LocalDate.of(2020, 2, 28));
        assertThat(o.currency()).isEqualTo("EUR");
        assertThat(o.buyer().id()).isEqualTo("inbound@prominate-platform.com");
        assertThat(o.buyer().name()).isEqualTo("Zinc GmbH");
        assertThat(o.seller().id()).isEqualTo("supplier@supplier.com");
        assertThat(o.shipTo().name()).isEqualTo("Acme");
        assertThat(o.shipTo().street()).isEqualTo("123 Anystreet");
        assertThat(o.shipTo().city()).isEqualTo("Sunnyvale");
        assertThat(o.shipTo().postalCode()).isEqualTo("90489");
        assertThat(o.shipTo().country()).isEqualTo("US");
        assertThat(o.billTo().name()).isEqualTo("Zinc GmbH");
        assertThat(o.billTo().street()).isEqualTo("An den Eichen 18");
        assertThat(o.billTo().city()).isEqualTo("Solingen");
        assertThat(o.billTo().country()).isEqualTo("DE");

        assertThat(o.lines()).hasSize(2);
        assertThat(o.lines().get(0).lineNumber()).isEqualTo(1);
        assertThat(o.lines().get(0).supplierItem()).isEqualTo("1233244");
        assertThat(o.lines().get(0).quantity()).isEqualByComparingTo("10");
        assertThat(o.lines().get(0).unit()).isEqualTo("EA");
        assertThat(o.lines().get(0).unitPrice()).isEqualByComparingTo("2.10");
        assertThat(o.lines().get(0).description()).isEqualTo("hello from item 1");
        assertThat(o.lines().get(1).lineNumber()).isEqualTo(2);
        assertThat(o.lines().get(1).supplierItem()).isEqualTo("1233245");
        assertThat(o.lines().get(1).quantity()).isEqualByComparingTo("20");
        assertThat(o.lines().get(1).unitPrice()).isEqualByComparingTo("3.20");
        assertThat(o.lines().get(1).description()).isEqualTo("hello from item 2");

        assertThat(mapped.provenance().get("/lines/1/quantity").locator())
                .isEqualTo("/cXML/Request/OrderRequest/ItemOut[2]/@quantity");
        assertThat(mapped.provenance().get("/poNumber").locator())
                .isEqualTo("/cXML/Request/OrderRequest/OrderRequestHeader/@orderID");
    }

    @Test
    void coupaOrderRequestMapsCompletely() {
        MappedOrder mapped = map("officeluv__cxml__order_request.xml");
        CanonicalOrder o = mapped.order();

        assertThat(o.poNumber()).isEqualTo("3309");
        assertThat(o.orderDate()).isEqualTo(LocalDate.of(2020, 3, 31));
        assertThat(o.requestedDeliveryDate()).isNull();
        assertThat(o.currency()).isEqualTo("USD");
        assertThat(o.buyer().id()).isEqualTo("kasdflkjasdf");
        assertThat(o.seller().id()).isEqualTo("development@officeluv.com");
        assertThat(o.shipTo().id()).isEqualTo("21444");
        assertThat(o.shipTo().name()).isEqualTo("Network");
        assertThat(o.shipTo().street()).isEqualTo("Main Street");
        assertThat(o.shipTo().city()).isEqualTo("New York");
        assertThat(o.shipTo().postalCode()).isEqualTo("10018");
        assertThat(o.billTo().id()).isEqualTo("21444");

        assertThat(o.lines()).hasSize(2);
        assertThat(o.lines().get(0).supplierItem()).isEqualTo("product:1861");
        assertThat(o.lines().get(0).quantity()).isEqualByComparingTo("1");
        assertThat(o.lines().get(0).unitPrice()).isEqualByComparingTo("8.1");
        assertThat(o.lines().get(0).description()).isEqualTo("Yogurt Whips, Key Lime Pie, 4oz Cup");
        assertThat(o.lines().get(1).supplierItem()).isEqualTo("product:4884");
        assertThat(o.lines().get(1).quantity()).isEqualByComparingTo("9");
        assertThat(o.lines().get(1).unitPrice()).isEqualByComparingTo("9.29");
        assertThat(o.lines().get(1).unit()).isEqualTo("EA");
        assertThat(o.lines().get(1).description()).isEqualTo("Zingerman's Cheese Spreads Pimento Cheese");
    }
}

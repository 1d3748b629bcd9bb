package io.orderhub.xml;

import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.OrderLine;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The UBL corpus documents (phax/ph-ubl test files) map to the orders written in them. */
class UblOrderMappingTest {

    static MappedOrder map(String file) {
        MappingResult result = XmlTestSupport.UBL.map(XmlTestSupport.document(XmlSniffer.UBL_ORDER,
                XmlTestSupport.corpus("ubl_xml/" + file)));
        assertThat(result.problems()).isEmpty();
        assertThat(result.orders()).hasSize(1);
        return result.orders().get(0);
    }

    @Test
    void ubl21ExampleMapsHeaderPartiesAndBothLines() {
        MappedOrder mapped = map("phax__ph-ubl__UBL-Order-2.1-Example.xml");
        CanonicalOrder o = mapped.order();

        assertThat(mapped.problems()).isEmpty();
        assertThat(o.sender()).isEqualTo("TEST-PARTNER");
        assertThat(o.poNumber()).isEqualTo("34");
        assertThat(o.orderDate()).isEqualTo(LocalDate.of(2010, 1, 20));
        assertThat(o.requestedDeliveryDate()).isEqualTo(LocalDate.of(2010, 2, 10));
        assertThat(o.currency()).isEqualTo("SEK");
        assertThat(o.notes()).containsExactly("Information text for the whole order");

        assertThat(o.buyer().id()).isEqualTo("7300070011115");
        assertThat(o.buyer().gln()).isEqualTo("7300070011115");
        assertThat(o.buyer().name()).isEqualTo("Johnssons byggvaror");
        assertThat(o.buyer().street()).isEqualTo("Rådhusgatan");
        assertThat(o.buyer().city()).isEqualTo("Stockholm");
        assertThat(o.buyer().postalCode()).isEqualTo("11000");
        assertThat(o.buyer().country()).isEqualTo("SE");
        assertThat(o.seller().id()).isEqualTo("SellerPartyID123");
        assertThat(o.seller().gln()).isEqualTo("7302347231111");
        assertThat(o.seller().name()).isEqualTo("Moderna Produkter AB");
        assertThat(o.shipTo().gln()).isEqualTo("1234567890123");
        assertThat(o.shipTo().street()).isEqualTo("Rådhusgatan");
        assertThat(o.billTo()).isNull();

        assertThat(o.lines()).hasSize(2);
        OrderLine first = o.lines().get(0);
        assertThat(first.lineNumber()).isEqualTo(1);
        assertThat(first.supplierItem()).isEqualTo("SItemNo001");
        assertThat(first.gtin()).isEqualTo("1234567890123");
        assertThat(first.description()).isEqualTo("Falu Rödfärg");
        assertThat(first.quantity()).isEqualByComparingTo("120");
        assertThat(first.unit()).isEqualTo("LTR");
        assertThat(first.unitPrice()).isEqualByComparingTo("50");
        assertThat(first.amount()).isEqualByComparingTo("6000");
        OrderLine second = o.lines().get(1);
        assertThat(second.lineNumber()).isEqualTo(2);
        assertThat(second.supplierItem()).isEqualTo("SItemNo011");
        assertThat(second.gtin()).isEqualTo("123452340123");
        assertThat(second.description()).isEqualTo("Pensel 20 mm");
        assertThat(second.quantity()).isEqualByComparingTo("15");
        assertThat(second.unit()).isEqualTo("C62");
        assertThat(second.unitPrice()).isEqualByComparingTo("15");
        assertThat(second.amount()).isEqualByComparingTo("225");

        assertThat(mapped.provenance().get("/lines/1/quantity").kind()).isEqualTo("xpath");
        assertThat(mapped.provenance().get("/lines/1/quantity").locator())
                .isEqualTo("/Order/cac:OrderLine[2]/cac:LineItem/cbc:Quantity");
        assertThat(mapped.provenance().get("/lines/1/unit").locator())
                .isEqualTo("/Order/cac:OrderLine[2]/cac:LineItem/cbc:Quantity/@unitCode");
        assertThat(mapped.provenance().get("/poNumber").locator()).isEqualTo("/Order/cbc:ID");
        assertThat(mapped.provenance().get("/poNumber").confidence()).isEqualTo(1.0);
    }

    @Test
    void ubl20ExampleTakesAccountIdsAndTheCurrencyOfTheTotals() {
        MappedOrder mapped = map("phax__ph-ubl__UBL-Order-2.0-Example.xml");
        CanonicalOrder o = mapped.order();

        assertThat(o.poNumber()).isEqualTo("AEG012345");
        assertThat(o.orderDate()).isEqualTo(LocalDate.of(2005, 6, 20));
        assertThat(o.requestedDeliveryDate()).isEqualTo(LocalDate.of(2005, 6, 29));
        // no DocumentCurrencyCode in this document: the currency of the anticipated total
        assertThat(o.currency()).isEqualTo("GBP");
        assertThat(mapped.provenance().get("/currency").locator())
                .isEqualTo("/Order/cac:AnticipatedMonetaryTotal/cbc:PayableAmount/@currencyID");
        assertThat(o.customerId()).isEqualTo("GT00978567");
        assertThat(o.buyer().id()).isEqualTo("XFB01");
        assertThat(o.buyer().name()).isEqualTo("IYT Corporation");
        assertThat(o.buyer().postalCode()).isEqualTo("ZZ99 1ZZ");
        assertThat(o.seller().id()).isEqualTo("CO001");
        assertThat(o.seller().name()).isEqualTo("Consortial");
        assertThat(o.shipTo().street()).isEqualTo("Avon Way");
        assertThat(o.shipTo().city()).isEqualTo("Bridgtow");
        assertThat(o.shipTo().country()).isEqualTo("GB");
        assertThat(o.notes()).containsExactly("sample");

        assertThat(o.lines()).singleElement().satisfies(l -> {
            assertThat(l.lineNumber()).isEqualTo(1);
            assertThat(l.buyerItem()).isEqualTo("6578489");
            assertThat(l.supplierItem()).isEqualTo("17589683");
            assertThat(l.description()).isEqualTo("beeswax");
            assertThat(l.quantity()).isEqualByComparingTo("100");
            assertThat(l.unit()).isEqualTo("KGM");
            assertThat(l.unitPrice()).isEqualByComparingTo("100.00");
            assertThat(l.amount()).isEqualByComparingTo("100.00");
        });
    }

    @Test
    void cenBiiMinimalOrderMapsWhatIsThereAndLeavesTheEmptyIdOut() {
        MappedOrder mapped = map("phax__ph-ubl__CENBII-Order-minimal.xml");
        CanonicalOrder o = mapped.order();

        // <cbc:ID/> is empty: no PO number, which the business rules send to review
        assertThat(o.poNumber()).isNull();
        assertThat(o.orderDate()).isEqualTo(LocalDate.of(2010, 1, 1));
        assertThat(o.currency()).isNull();
        assertThat(o.buyer().id()).isEqualTo("BuyerID");
        assertThat(o.seller().id()).isEqualTo("SellerID");
        assertThat(o.lines()).singleElement().satisfies(l -> {
            // the line id "LineItemID" is not a number: the line's position stands in, pointing at the line
            assertThat(l.lineNumber()).isEqualTo(1);
            assertThat(l.quantity()).isEqualByComparingTo("10");
            assertThat(l.unit()).isNull();
        });
        assertThat(mapped.provenance().get("/lines/0/lineNumber").locator()).isEqualTo("/Order/cac:OrderLine[1]");
    }
}

package io.orderhub.edi;

import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.OrderLine;
import io.orderhub.model.Problem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static io.orderhub.edi.EdiFixture.EDIFACT;
import static io.orderhub.edi.EdiFixture.X12;
import static io.orderhub.edi.EdiFixture.codes;
import static io.orderhub.edi.EdiFixture.corpus;
import static io.orderhub.edi.EdiFixture.map;
import static io.orderhub.edi.EdiFixture.only;
import static io.orderhub.edi.EdiFixture.poNumbers;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every EDIFACT and X12 file of the public corpus (src/test/resources/corpus, see SOURCES.md) becomes the orders it
 * contains, checked against the file by hand, or, for the negative file, is flagged with its specific error.
 */
class EdiCorpusTest {

    private static MappingResult edifact(String file) {
        return map(EDIFACT, corpus("edifact_orders/" + file));
    }

    private static MappingResult x12(String file) {
        return map(X12, corpus("x12_850/" + file));
    }

    private static List<BigDecimal> quantities(MappedOrder o) {
        return o.order().lines().stream().map(OrderLine::quantity).toList();
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    @Test
    void everyCorpusFileIsCovered() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(EdiFixture.CORPUS.resolve("edifact_orders")),
                Files.list(EdiFixture.CORPUS.resolve("x12_850")))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".md"))).hasSize(22);
        }
    }

    // ---- EDIFACT ----

    @Test
    void order03OneLineInterchange() {
        MappedOrder o = only(edifact("bots-edi__bots-plugins__order03.edi"));
        CanonicalOrder c = o.order();
        assertThat(c.poNumber()).isEqualTo("ORDT0000000001");
        assertThat(c.orderDate()).isEqualTo(LocalDate.of(2005, 8, 19));
        assertThat(c.buyer().gln()).isEqualTo("PARTNER1");
        assertThat(c.seller().id()).isEqualTo("PARTNER2");
        assertThat(c.lines()).singleElement().satisfies(l -> {
            assertThat(l.gtin()).isEqualTo("2000100873151");
            assertThat(l.quantity()).isEqualByComparingTo("1");
        });
        assertThat(o.problems()).isEmpty();
    }

    @Test
    void orders02TwentyFourInterchangesOfOneMessageEach() {
        MappingResult r = edifact("bots-edi__bots-plugins__orders02.edi");
        assertThat(r.orders()).hasSize(24);
        assertThat(r.problems()).isEmpty();
        assertThat(poNumbers(r)).startsWith("123", "1234", "12345", "123456").endsWith("T");
        assertThat(r.orders().stream().mapToInt(o -> o.order().lines().size()).sum()).isEqualTo(66);
        MappedOrder first = r.orders().get(0);
        assertThat(first.order().orderDate()).isEqualTo(LocalDate.of(1997, 9, 11));
        assertThat(first.order().requestedDeliveryDate()).isEqualTo(LocalDate.of(1997, 8, 30));
        assertThat(first.order().shipTo().gln()).isEqualTo("8712345002206");
        assertThat(quantities(first)).containsExactly(dec("50"), dec("10"), dec("5"));
        assertThat(r.orders()).allSatisfy(o -> assertThat(o.problems()).isEmpty());
        // the tenth message carries a full delivery address in NAD+DP
        MappedOrder tenth = r.orders().get(9);
        assertThat(tenth.order().poNumber()).isEqualTo("123456789012");
        assertThat(tenth.order().shipTo().name()).isEqualTo("NAAM");
        assertThat(tenth.order().shipTo().postalCode()).isEqualTo("6114GM");
    }

    @Test
    void orders96MixedLineEndingsTwoMessages() {
        MappingResult r = edifact("bots-edi__bots-plugins__orders96.edi");
        assertThat(poNumbers(r)).containsExactly("1-4500094289", "1-4500094290");
        assertThat(r.orders().get(0).order().lines()).hasSize(4);
        assertThat(r.orders().get(1).order().lines()).hasSize(1);
        assertThat(r.orders().get(0).order().billTo().gln()).isEqualTo("8712345678901");
        assertThat(quantities(r.orders().get(0))).containsExactly(dec("1"), dec("1.00"), dec("1.00"), dec("1.00"));
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void pydifactOrderWithoutInterchangeTrailer() {
        MappingResult r = edifact("nerdocs__pydifact__order.edi");
        MappedOrder o = only(r);
        assertThat(o.order().poNumber()).isEqualTo("801715918011");
        assertThat(o.order().orderDate()).isEqualTo(LocalDate.of(2015, 8, 3));
        assertThat(o.order().requestedDeliveryDate()).isEqualTo(LocalDate.of(2015, 8, 6));
        assertThat(o.order().lines()).extracting(OrderLine::gtin).containsExactly("5020436373085", "5020436373108");
        assertThat(quantities(o)).containsExactly(dec("8"), dec("8"));
        assertThat(o.problems()).isEmpty();
        assertThat(r.problems()).extracting(Problem::code).containsExactly("element-too-short", "interchange-trailer-missing");
        assertThat(r.problems().get(0).path()).isEqualTo("UNB 807 / segment 1 UNB / element 4.1");
    }

    @Test
    void wikipediaExampleWithUnzReferenceMismatch() {
        MappingResult r = edifact("nerdocs__pydifact__wikipedia_de.edi");
        MappedOrder o = only(r);
        assertThat(o.order().poNumber()).isEqualTo("B10001");
        assertThat(o.order().orderDate()).as("DTM+4, as there is no DTM+137").isEqualTo(LocalDate.of(2006, 6, 20));
        assertThat(o.order().buyer().name()).isEqualTo("Bestellername");
        assertThat(o.order().buyer().city()).isEqualTo("Stadt");
        assertThat(o.order().lines()).singleElement().satisfies(l -> {
            assertThat(l.supplierItem()).isEqualTo("Produkt Schrauben");
            assertThat(l.quantity()).as("QTY+1, as there is no QTY+21").isEqualByComparingTo("1000");
        });
        assertThat(o.problems()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("control-reference-mismatch");
            assertThat(p.path()).isEqualTo("UNB 1 / segment 11 UNZ / element 2");
        });
    }

    @Test
    void phpEdifactD01bWith146LinesAndReleaseCharacters() {
        MappedOrder o = only(edifact("php-edifact__edifact__example_order_ok.edi"));
        CanonicalOrder c = o.order();
        assertThat(c.poNumber()).isEqualTo("2019265563");
        assertThat(c.orderDate()).isEqualTo(LocalDate.of(2018, 12, 5));
        assertThat(c.requestedDeliveryDate()).isEqualTo(LocalDate.of(2018, 12, 6));
        assertThat(c.lines()).hasSize(146);
        assertThat(c.buyer().name()).as("A?+A: the released plus").startsWith("A+A K").endsWith("lte GmbH");
        assertThat(c.buyer().postalCode()).isEqualTo("45881");
        assertThat(c.seller().name()).isEqualTo("FooBar GmbH & Co. KG");
        OrderLine first = c.lines().get(0);
        assertThat(first.supplierItem()).isEqualTo("1001");
        assertThat(first.buyerItem()).isEqualTo("6001001");
        assertThat(first.description()).isEqualTo("Butter 40x250g Alu");
        assertThat(first.quantity()).isEqualByComparingTo("2");
        assertThat(first.unit()).isEqualTo("GBND");
        OrderLine last = c.lines().get(145);
        assertThat(last.lineNumber()).isEqualTo(146);
        assertThat(last.supplierItem()).isEqualTo("983253");
        assertThat(last.quantity()).isEqualByComparingTo("2");
        assertThat(o.problems()).isEmpty();
    }

    @Test
    void smooksD03bOrder() {
        MappingResult r = edifact("smooks__smooks-edi-cartridge__ORDERS_D.03B_Interchange.txt");
        MappedOrder o = only(r);
        assertThat(o.order().poNumber()).isEqualTo("BKOD99");
        assertThat(o.order().buyer().gln()).isEqualTo("5412345000176");
        assertThat(quantities(o)).containsExactly(dec("25"), dec("25"), dec("16"), dec("10"));
        assertThat(o.problems()).isEmpty();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void negativeSmooksD03bHasTooManyDtmRepeats() {
        MappingResult r = edifact("smooks__smooks-edi-cartridge__BAD_ORDERS_D.03B_Interchange.txt");
        MappedOrder o = only(r);
        assertThat(o.order().poNumber()).isEqualTo("BKOD99");
        assertThat(o.problems()).first().isEqualTo(new Problem("UNB 6002 / UNH SSDD1 / segment 38 DTM", "too-many-repeats",
                "segment DTM repeats more often than allowed (at most 35)"));
        assertThat(codes(o.problems())).containsExactly("too-many-repeats", "control-count-mismatch");
        EdiDocument edi = EDIFACT.mapEdi(EdiSamples.document("edifact", corpus("edifact_orders/smooks__smooks-edi-cartridge__BAD_ORDERS_D.03B_Interchange.txt"))).edi();
        assertThat(edi.messages()).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(EdiMessage.Status.REJECTED));
    }

    @Test
    void smooksExampleFtxWithComponentsInASimpleElement() {
        MappingResult r = edifact("smooks__smooks-examples__input-message.txt");
        MappedOrder o = only(r);
        assertThat(o.order().poNumber()).isEqualTo("0123456789123");
        assertThat(o.order().orderDate()).isEqualTo(LocalDate.of(1998, 1, 6));
        assertThat(quantities(o)).containsExactly(dec("2"), dec("10"), dec("5"));
        assertThat(o.order().lines()).extracting(OrderLine::unitPrice).containsExactly(dec("10.5"), dec("9.25"), dec("30"));
        assertThat(o.problems()).extracting(Problem::path).containsExactly(
                "UNB 131 / UNH 000000101 / segment 5 FTX / element 2.1",
                "UNB 131 / UNH 000000101 / segment 5 FTX / element 2.2",
                "UNB 131 / UNH 000000101 / segment 5 FTX / element 2.3");
        assertThat(codes(o.problems())).containsOnly("too-many-components");
        assertThat(codes(r.problems())).contains("interchange-trailer-missing");
    }

    @Test
    void staediOrdersInsideAGroupWithWrongSegmentCount() {
        MappingResult r = edifact("xlate__staedi__orders-with-group.edi");
        MappedOrder o = only(r);
        assertThat(o.order().poNumber()).isEqualTo("C1441747");
        assertThat(o.order().notes()).containsExactly("THIS IS AN EXAMPLE OF EDIFACT FILE.");
        assertThat(o.order().lines()).singleElement().satisfies(l -> {
            assertThat(l.gtin()).isEqualTo("5400111864181");
            assertThat(l.description()).isEqualTo("WIDGETS");
            assertThat(l.quantity()).isEqualByComparingTo("288");
            assertThat(l.unitPrice()).isEqualByComparingTo("12.80");
        });
        assertThat(o.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("control-count-mismatch");
            assertThat(p.path()).isEqualTo("UNB 2722166169492 / UNG 1 / UNH 1 / segment 18 UNT / element 1");
            assertThat(p.message()).contains("'21'").contains("actual count 18");
        });
    }

    // ---- X12 ----

    @Test
    void nodeX12VicsOrder() {
        MappedOrder o = only(x12("aaronhuggins__node-x12__850.edi"));
        CanonicalOrder c = o.order();
        assertThat(c.poNumber()).isEqualTo("08292233294");
        assertThat(c.orderDate()).isEqualTo(LocalDate.of(2010, 11, 27));
        assertThat(c.requestedDeliveryDate()).isEqualTo(LocalDate.of(2010, 12, 14));
        assertThat(c.shipTo().name()).isEqualTo("XYZ RETAIL");
        assertThat(c.shipTo().duns()).as("N103 9: DUNS+4").isEqualTo("000394726");
        assertThat(quantities(o)).containsExactly(dec("120"), dec("220"), dec("126"), dec("76"), dec("72"), dec("696"));
        assertThat(c.lines().get(0).description()).isEqualTo("SMALL WIDGET");
        assertThat(c.lines().get(0).unitPrice()).isEqualByComparingTo("9.25");
        assertThat(c.lines().get(0).supplierItem()).isEqualTo("AB3542");
        assertThat(o.problems()).isEmpty();
    }

    @Test
    void bots01NewlineTerminatorAndAtSignComponentSeparator() {
        MappingResult r = x12("bots-edi__bots-plugins__850-004010-01.x12");
        MappedOrder o = only(r);
        assertThat(o.order().poNumber()).isEqualTo("91393058");
        assertThat(o.order().lines()).hasSize(8).allSatisfy(l -> {
            assertThat(l.quantity()).isEqualByComparingTo("6");
            assertThat(l.unitPrice()).isEqualByComparingTo("12");
        });
        assertThat(o.order().lines()).extracting(OrderLine::lineNumber).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(o.order().lines().get(0).description()).isEqualTo("KAK S/S PRINT CAMP");
        assertThat(o.problems()).isEmpty();
        assertThat(codes(r.problems())).as("GS04 is YYMMDD in an 00302 interchange").containsOnly("element-too-short", "invalid-date");
    }

    @Test
    void bots02TwoGroupsFourTransactions() {
        MappingResult r = x12("bots-edi__bots-plugins__850-004010-02.x12");
        assertThat(poNumbers(r)).containsExactly("95018017", "95018017", "95018017", "95018017");
        assertThat(r.orders()).allSatisfy(o -> {
            assertThat(o.order().lines()).singleElement().satisfies(l -> {
                assertThat(l.quantity()).isEqualByComparingTo("4");
                assertThat(l.buyerItem()).isEqualTo("525");
                assertThat(l.supplierItem()).isEqualTo("X357-W2");
            });
            assertThat(o.order().billTo().name()).isEqualTo("JIT MANUFACTURING ACCOUNTS  PAYABLE DEPARTMENT");
            assertThat(o.problems()).isEmpty();
        });
        EdiDocument edi = X12.mapEdi(EdiSamples.document("x12", corpus("x12_850/bots-edi__bots-plugins__850-004010-02.x12"))).edi();
        assertThat(edi.interchanges()).singleElement().satisfies(i -> {
            assertThat(i.groups()).hasSize(2);
            assertThat(i.groups()).allSatisfy(g -> assertThat(g.messages()).hasSize(2));
        });
    }

    @Test
    void bots05AndHardWrapped08AreTheSameOrders() {
        MappingResult crlf = x12("bots-edi__bots-plugins__850-004010-05.x12");
        MappingResult wrapped = x12("bots-edi__bots-plugins__850-004010-08.x12");
        assertThat(poNumbers(crlf)).containsExactly("801104", "PONUM-1234567");
        assertThat(wrapped.orders()).extracting(MappedOrder::order).isEqualTo(crlf.orders().stream().map(MappedOrder::order).toList());
        MappedOrder first = crlf.orders().get(0);
        assertThat(first.order().currency()).isEqualTo("USD");
        assertThat(quantities(first)).containsExactly(dec("8"), dec("1"), dec("80"));
        assertThat(first.order().seller().name()).isEqualTo("Supplier Name");
        assertThat(quantities(crlf.orders().get(1))).containsExactly(dec("12"), dec("23"), dec("32"), dec("34"), dec("20"), dec("40"), dec("34"), dec("18"));
        assertThat(crlf.problems()).isEmpty();
        assertThat(wrapped.problems()).isEmpty();
    }

    @Test
    void bots10NakTerminatorAndBraceComponentSeparator() {
        MappingResult r = x12("bots-edi__bots-plugins__850-004010-10.x12");
        assertThat(poNumbers(r)).containsExactly("3768856", "3769108");
        MappedOrder first = r.orders().get(0);
        assertThat(first.order().notes()).containsExactly("PH# 9036631352", "639BART1222006200034");
        assertThat(first.order().lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualByComparingTo("1");
            assertThat(l.unitPrice()).isEqualByComparingTo("125");
            assertThat(l.supplierItem()).isEqualTo("MT644");
            assertThat(l.description()).isEqualTo("29X39\" SILVER BEVELED GLASS OVAL MIRROR");
        });
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void bots14ThreeInterchangesInOneFile() {
        MappingResult r = x12("bots-edi__bots-plugins__850-004010.14.x12");
        assertThat(poNumbers(r)).containsExactly("4167427123", "1234567890", "1234567890");
        assertThat(r.orders()).extracting(o -> o.order().lines().size()).containsExactly(2, 4, 4);
        assertThat(quantities(r.orders().get(1))).containsExactly(dec("60"), dec("82"), dec("58"), dec("94"));
        assertThat(r.orders().get(0).order().lines().get(0).gtin()).isEqualTo("499762800094");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void vicsDelAndNakDelimitersFourTransactions() {
        MappingResult r = x12("bots-edi__bots-plugins__850-004010VICS-01.x12");
        assertThat(poNumbers(r)).containsExactly("15918851602", "15918861602", "15918871602", "15918881602");
        assertThat(r.orders()).extracting(o -> o.order().lines().size()).containsExactly(64, 58, 25, 22);
        assertThat(r.orders().stream().mapToInt(o -> o.order().lines().size()).sum()).isEqualTo(169);
        OrderLine line = r.orders().get(0).order().lines().get(0);
        assertThat(line.gtin()).isEqualTo("058824014093");
        assertThat(line.buyerItem()).isEqualTo("01112061");
        assertThat(line.quantity()).isEqualByComparingTo("7");
        assertThat(r.orders().get(0).order().currency()).isEqualTo("CAD");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void ebcdicFixedRecords() {
        MappedOrder o = only(x12("bots-edi__bots-plugins__ebcdic.x12"));
        assertThat(o.order().poNumber()).isEqualTo("12345678");
        assertThat(o.order().orderDate()).isEqualTo(LocalDate.of(2007, 8, 31));
        assertThat(quantities(o)).containsExactly(dec("1"), dec("2"), dec("1"), dec("1"));
        assertThat(o.order().lines()).extracting(OrderLine::gtin).containsExactly("123456789012", "234567890123", null, "456789012345");
        assertThat(o.problems()).isEmpty();
    }

    @Test
    void byteOrderMarkAndNonBreakingSpacePadding() {
        MappingResult r = x12("indice-co__EDI.Net__x12.850.edi");
        MappedOrder o = only(r);
        assertThat(o.order().sender()).isEqualTo("000123456");
        assertThat(o.order().poNumber()).isEqualTo("1000012");
        assertThat(o.order().shipTo().name()).isEqualTo("John Doe");
        assertThat(o.order().lines()).singleElement().satisfies(l -> {
            assertThat(l.supplierItem()).isEqualTo("0054321");
            assertThat(l.unitPrice()).isEqualByComparingTo("19.95");
        });
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("control-reference-mismatch");
            assertThat(p.path()).isEqualTo("ISA 000000055 / segment 15 IEA / element 2");
        });
    }

    @Test
    void edienginePlainNewlineTerminator() {
        MappedOrder o = only(x12("olmelabs__EdiEngine__850.OK.edi"));
        assertThat(o.order().poNumber()).isEqualTo("08292233294");
        assertThat(o.order().lines()).hasSize(6);
        assertThat(o.problems()).isEmpty();
    }

    @Test
    void mixed810And850Interchange() {
        MappingResult r = x12("xlate__staedi__invoice810_po850_dual.edi");
        MappedOrder o = only(r);
        assertThat(o.order().poNumber()).isEqualTo("S115921858");
        assertThat(o.order().orderDate()).as("003010 BEG05 is YYMMDD").isEqualTo(LocalDate.of(2004, 3, 17));
        assertThat(o.order().buyer().duns()).isEqualTo("999999999");
        assertThat(o.order().lines()).extracting(OrderLine::buyerItem).containsExactly("02006", "02008", "01019", "01220");
        assertThat(quantities(o)).containsExactly(dec("150"), dec("50"), dec("25"), dec("25"));
        assertThat(o.problems()).isEmpty();
        assertThat(r.problems()).extracting(Problem::code).containsExactly("not-an-order", "not-an-order");
        assertThat(r.problems()).extracting(Problem::path).containsExactly(
                "ISA 000000020 / GS 1 / ST 000000001", "ISA 000000020 / GS 1 / ST 000000002");
        assertThat(r.problems().get(0).message()).contains("810");
    }
}

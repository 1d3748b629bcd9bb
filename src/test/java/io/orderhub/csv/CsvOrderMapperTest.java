package io.orderhub.csv;

import io.orderhub.intake.InboundDocument;
import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.Channel;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerCsv;
import io.orderhub.validation.PartnerDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two partners with different sheet layouts, each onboarded by a layout file in mappings/csv and a csv: block only;
 * rows are grouped into orders by the PO column and every field points at its cell.
 */
class CsvOrderMapperTest {

    static final CsvLayouts LAYOUTS = CsvLayouts.load(Path.of("mappings", "csv"));
    static final PartnerDirectory PARTNERS = new PartnerDirectory(List.of(
            partner("NORDLICHT", new PartnerCsv("nordlicht-order-sheet.csv.yaml")),
            partner("HARBOR", new PartnerCsv("harbor-supply-order-sheet")),
            partner("NO-CSV", null),
            partner("LOST", new PartnerCsv("missing.csv.yaml"))), Path.of("mappings"));
    static final CsvOrderMapper MAPPER = new CsvOrderMapper(PARTNERS, LAYOUTS);

    static Partner partner(String id, PartnerCsv csv) {
        return new Partner(id, id, 5, 24.0, List.of(), List.of(), true, null, null, null, null, null, null, csv);
    }

    static byte[] sheet(String name) throws IOException {
        try (InputStream in = CsvOrderMapperTest.class.getResourceAsStream("/csv/" + name)) {
            return in.readAllBytes();
        }
    }

    static MappingResult map(String sender, byte[] content) {
        return MAPPER.map(new InboundDocument(UUID.randomUUID(), Instant.now(), Channel.MAIL, "test", null, sender,
                "text/csv", CsvOrderMapper.FORMAT, null, content));
    }

    @Test
    void germanSheetWithSemicolonsDecimalCommaAndTwoOrders() throws IOException {
        MappingResult r = map("NORDLICHT", sheet("nordlicht-orders.csv"));

        assertThat(r.problems()).isEmpty();
        assertThat(r.orders()).hasSize(2);
        MappedOrder first = r.orders().get(0);
        CanonicalOrder o = first.order();
        assertThat(first.problems()).isEmpty();
        assertThat(o.sender()).isEqualTo("NORDLICHT");
        assertThat(o.poNumber()).isEqualTo("NL-4711");
        assertThat(o.orderDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(o.requestedDeliveryDate()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(o.currency()).isEqualTo("EUR");
        assertThat(o.buyer().gln()).isEqualTo("4012345000009");
        assertThat(o.shipTo().gln()).isEqualTo("4012345000016");
        assertThat(o.lines()).hasSize(2);
        assertThat(o.lines().get(0).lineNumber()).isEqualTo(1);
        assertThat(o.lines().get(0).buyerItem()).isEqualTo("A-100");
        assertThat(o.lines().get(0).description()).isEqualTo("Schraube M6");
        assertThat(o.lines().get(0).quantity()).isEqualByComparingTo("1200");
        assertThat(o.lines().get(0).unit()).isEqualTo("ST");
        assertThat(o.lines().get(0).unitPrice()).isEqualByComparingTo("0.35");
        assertThat(o.lines().get(1).lineNumber()).isEqualTo(2);
        assertThat(o.lines().get(1).buyerItem()).isEqualTo("A-200");
        assertThat(o.lines().get(1).quantity()).isEqualByComparingTo("800");
        assertThat(o.lines().get(1).unitPrice()).isEqualByComparingTo("0.12");

        assertThat(first.provenance().get("/lines/1/quantity").kind()).isEqualTo("csv");
        assertThat(first.provenance().get("/lines/1/quantity").locator()).isEqualTo("row 3, column G (Menge)");
        assertThat(first.provenance().get("/poNumber").locator()).isEqualTo("row 2, column A (Bestellnr)");
        assertThat(first.provenance().get("/currency").locator())
                .isEqualTo("layout nordlicht-order-sheet.csv.yaml, constant currency");

        CanonicalOrder second = r.orders().get(1).order();
        assertThat(second.poNumber()).isEqualTo("NL-4712");
        assertThat(second.requestedDeliveryDate()).isNull();
        assertThat(second.lines()).singleElement().satisfies(l -> {
            assertThat(l.buyerItem()).isEqualTo("B-10");
            assertThat(l.quantity()).isEqualByComparingTo("50");
            assertThat(l.unitPrice()).isEqualByComparingTo("3.90");
        });
        assertThat(r.orders().get(1).provenance().get("/lines/0/unitPrice").locator())
                .isEqualTo("row 4, column I (Preis)");
    }

    @Test
    void usSheetWithOtherColumnsReportsBadCellsAndRowsWithoutPo() throws IOException {
        MappingResult r = map("HARBOR", sheet("harbor-orders.csv"));

        // row 6 has no PO number: it belongs to no order and is named
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("no-po-number");
            assertThat(p.path()).isEqualTo("row 6");
        });
        assertThat(r.orders()).hasSize(2);
        MappedOrder first = r.orders().get(0);
        CanonicalOrder o = first.order();
        assertThat(first.problems()).isEmpty();
        assertThat(o.poNumber()).isEqualTo("HS-1001");
        assertThat(o.orderDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(o.currency()).isEqualTo("USD");
        assertThat(o.buyer().id()).isEqualTo("HS-CUST-9");
        assertThat(o.shipTo().name()).isEqualTo("Dock 3");
        assertThat(o.shipTo().city()).isEqualTo("Oakland");
        assertThat(o.notes()).containsExactly("rush");
        assertThat(o.lines()).extracting(l -> l.lineNumber()).containsExactly(10, 20);
        assertThat(o.lines()).extracting(l -> l.supplierItem()).containsExactly("PN-555", "PN-777");
        assertThat(o.lines().get(1).quantity()).isEqualByComparingTo("2.5");
        assertThat(o.lines().get(1).unitPrice()).isEqualByComparingTo("7.50");
        assertThat(first.provenance().get("/lines/1/quantity").locator()).isEqualTo("row 3, column G (Qty)");
        assertThat(first.provenance().get("/notes/0").locator()).isEqualTo("row 2, column K (Comment)");

        MappedOrder second = r.orders().get(1);
        assertThat(second.order().poNumber()).isEqualTo("HS-1002");
        assertThat(second.order().lines().get(0).quantity()).isNull();
        assertThat(second.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/lines/0/quantity");
            assertThat(p.code()).isEqualTo("bad-value");
            assertThat(p.message()).contains("row 5, column G (Qty)", "'x'");
        });
    }

    @Test
    void rowsOfOneOrderThatDisagreeOnAHeaderFieldAreAProblem() {
        String sheet = "Customer,PO,Date,Currency,Line,Part,Qty,Price,Ship to,City,Comment\n"
                + "C1,P1,1/2/2026,USD,1,X,1,1.00,,,\n"
                + "C1,P1,1/3/2026,USD,2,Y,1,1.00,,,\n";
        MappedOrder o = map("HARBOR", sheet.getBytes(StandardCharsets.UTF_8)).orders().get(0);
        assertThat(o.order().orderDate()).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(o.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("inconsistent-rows");
            assertThat(p.path()).isEqualTo("/orderDate");
            assertThat(p.message()).contains("row 3, column C (Date)", "row 2, column C (Date)");
        });
    }

    @Test
    void aSenderWithoutLayoutOrWithAMissingLayoutIsRejectedWithTheReason() throws IOException {
        byte[] sheet = sheet("harbor-orders.csv");
        assertThat(map("NO-CSV", sheet).problems()).singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("no-csv-layout"));
        assertThat(map(null, sheet).rejected()).isTrue();
        assertThat(map("LOST", sheet).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("missing.csv.yaml"));
    }

    @Test
    void aLayoutNamingAnUnknownFieldStopsTheStart(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.csv.yaml"), "orderBy: A\ncolumns:\n  A: poNumber\n  B: lines.colour\n");
        assertThatThrownBy(() -> CsvLayouts.load(dir)).hasMessageContaining("'lines.colour' is not a canonical");
        Files.writeString(dir.resolve("bad.csv.yaml"), "orderBy: 7\ncolumns:\n  A: poNumber\n");
        assertThatThrownBy(() -> CsvLayouts.load(dir)).hasMessageContaining("not a column letter");
    }

    @Test
    void columnLettersRoundTrip() {
        assertThat(CsvLayout.columnIndex("A")).isZero();
        assertThat(CsvLayout.columnIndex("z")).isEqualTo(25);
        assertThat(CsvLayout.columnIndex("AA")).isEqualTo(26);
        assertThat(CsvLayout.columnLetter(26)).isEqualTo("AA");
        assertThat(CsvLayout.columnLetter(2)).isEqualTo("C");
    }
}

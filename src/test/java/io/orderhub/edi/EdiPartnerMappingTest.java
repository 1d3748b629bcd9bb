package io.orderhub.edi;

import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.MappedOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static io.orderhub.edi.EdiFixture.map;
import static io.orderhub.edi.EdiFixture.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two partners with other conventions than the default, onboarded by configuration only: an entry in a partner file
 * and a copy of the default Smooks mapping with other parameters (mappings/edi/partners/).
 */
class EdiPartnerMappingTest {

    private static final String PARTNERS = """
            partners:
              - id: NORDHANDEL
                name: Nordhandel AG
                anyCustomer: true
                edi:
                  interchangeIds: ["4000001000005"]
                  edifactMapping: edi/partners/nordhandel.edifact.smooks.xml
              - id: LAKESIDE-SUPPLY
                name: Lakeside Supply Inc.
                anyCustomer: true
                edi:
                  interchangeIds: ["LAKESIDE"]
                  x12Mapping: edi/partners/lakeside.x12.smooks.xml
            """;

    private static final String EDIFACT_ORDER = "UNA:+.? 'UNB+UNOC:3+%s:14+4099999000001:14+240115:1200+501'"
            + "UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+NH-4711+9'DTM+137:20240115:102'DTM+2:20240201:102'"
            + "NAD+OB+4000001000012::9++Nordhandel Einkauf'NAD+SE+4099999000001::9++Widget Werke'NAD+DP+4000001000029::9'"
            + "LIN+1++4012345000023:EN'PIA+5+ART-100:BP+W-100:SA'QTY+21:12:PCE'UNS+S'UNT+12+1'UNZ+1+501'";

    private static final String X12_ORDER = "ISA*00*          *00*          *ZZ*%-15s*ZZ*RECEIVER       *240115*1200*U*00401*000000501*0*P*>~"
            + "GS*PO*LAKESIDE*RECEIVER*20240115*1200*501*X*004010~ST*850*0001~BEG*00*SA*LS-900**20240115~"
            + "DTM*010*20240205~N1*OB*LAKESIDE PURCHASING*1*123456789~N1*SE*WIDGET WORKS~N1*ST*LAKESIDE DC*UL*0614141000012~"
            + "PO1*1*3*EA*9.5**BP*LS-100*VP*WW-100*UP*012345678905~CTT*1~SE*9*0001~GE*1*501~IEA*1*000000501~";

    @TempDir
    static Path dir;
    static EdiMappings mappings;
    static EdiOrderMapper edifact;
    static EdiOrderMapper x12;

    @BeforeAll
    static void onboard() throws IOException {
        Path partners = dir.resolve("partners.yaml");
        Files.writeString(partners, PARTNERS);
        mappings = EdiMappings.load(EdiFixture.MAPPINGS, EdiPartners.load(partners));
        edifact = new EdifactOrdersMapper(EdiFixture.READER, mappings);
        x12 = new X12PurchaseOrderMapper(EdiFixture.READER, mappings);
    }

    @AfterAll
    static void close() {
        mappings.close();
    }

    @Test
    void edifactPartnerWithOrderingPartyAsBuyerAndBuyersPartNumbers() {
        MappedOrder o = only(map(edifact, EDIFACT_ORDER.formatted("4000001000005").getBytes()));
        CanonicalOrder c = o.order();
        assertThat(c.sender()).isEqualTo("NORDHANDEL");
        assertThat(c.buyer().gln()).isEqualTo("4000001000012");
        assertThat(c.buyer().name()).isEqualTo("Nordhandel Einkauf");
        assertThat(c.seller().name()).isEqualTo("Widget Werke");
        assertThat(c.lines()).singleElement().satisfies(l -> {
            assertThat(l.buyerItem()).isEqualTo("ART-100");
            assertThat(l.supplierItem()).isEqualTo("W-100");
            assertThat(l.gtin()).isEqualTo("4012345000023");
            assertThat(l.quantity()).isEqualByComparingTo("12");
            assertThat(l.unit()).isEqualTo("PCE");
        });
        assertThat(o.provenance().get("/buyer/gln").locator()).isEqualTo("UNB 501 / UNH 1 / seg 5 NAD+OB / el 2.1");
        assertThat(o.problems()).isEmpty();
    }

    @Test
    void theSameOrderFromAnUnknownSenderFollowsTheDefaultConventions() {
        MappedOrder o = only(map(edifact, EDIFACT_ORDER.formatted("4999999999999").getBytes()));
        assertThat(o.order().sender()).isEqualTo("4999999999999");
        assertThat(o.order().buyer()).as("the default buyer is NAD+BY").isNull();
        assertThat(o.order().seller()).as("the default seller is NAD+SU").isNull();
        assertThat(o.order().lines().get(0).buyerItem()).as("the default buyer's item is IN").isNull();
        assertThat(o.order().lines().get(0).supplierItem()).isEqualTo("W-100");
    }

    @Test
    void x12PartnerWithOrderedByShipDateAndPartNumbers() {
        MappedOrder o = only(map(x12, X12_ORDER.formatted("LAKESIDE").getBytes()));
        CanonicalOrder c = o.order();
        assertThat(c.sender()).isEqualTo("LAKESIDE-SUPPLY");
        assertThat(c.poNumber()).isEqualTo("LS-900");
        assertThat(c.requestedDeliveryDate()).isEqualTo(LocalDate.of(2024, 2, 5));
        assertThat(c.buyer().name()).isEqualTo("LAKESIDE PURCHASING");
        assertThat(c.buyer().duns()).isEqualTo("123456789");
        assertThat(c.seller().name()).isEqualTo("WIDGET WORKS");
        assertThat(c.shipTo().gln()).isEqualTo("0614141000012");
        assertThat(c.lines()).singleElement().satisfies(l -> {
            assertThat(l.buyerItem()).isEqualTo("LS-100");
            assertThat(l.supplierItem()).isEqualTo("WW-100");
            assertThat(l.gtin()).isEqualTo("012345678905");
            assertThat(l.unitPrice()).isEqualByComparingTo("9.5");
        });
        assertThat(o.provenance().get("/lines/0/buyerItem").locator()).isEqualTo("ISA 000000501 / GS 501 / ST 0001 / seg 7 PO1*1 / el 7");
        assertThat(o.problems()).isEmpty();
    }

    @Test
    void theSameX12FromAnUnknownSenderFollowsTheDefaultConventions() {
        MappedOrder o = only(map(x12, X12_ORDER.formatted("SOMEONE").getBytes()));
        assertThat(o.order().buyer()).isNull();
        assertThat(o.order().requestedDeliveryDate()).isNull();
        assertThat(o.order().lines().get(0).buyerItem()).isNull();
        assertThat(o.order().lines().get(0).gtin()).isEqualTo("012345678905");
    }

    @Test
    void aPartnerMappingThatForgetsAParameterFailsAtStart() throws IOException {
        Path mappingsDir = dir.resolve("mappings");
        Files.createDirectories(mappingsDir.resolve("edi/partners"));
        for (String f : new String[] {"edifact-orders.smooks.xml", "edifact-orders.mapping.xml", "edifact-party.mapping.xml",
                "x12-850.smooks.xml", "x12-850.mapping.xml", "x12-party.mapping.xml"}) {
            Files.copy(EdiFixture.MAPPINGS.resolve("edi").resolve(f), mappingsDir.resolve("edi").resolve(f));
        }
        Files.writeString(mappingsDir.resolve("edi/partners/broken.smooks.xml"), Files.readString(
                EdiFixture.MAPPINGS.resolve("edi/partners/nordhandel.edifact.smooks.xml")).replace("<param name=\"buyer\">OB</param>", ""));
        Path partners = dir.resolve("broken-partners.yaml");
        Files.writeString(partners, """
                partners:
                  - id: BROKEN
                    edi:
                      interchangeIds: ["X"]
                      edifactMapping: edi/partners/broken.smooks.xml
                """);
        assertThatThrownBy(() -> EdiMappings.load(mappingsDir, EdiPartners.load(partners)))
                .hasMessageContaining("broken.smooks.xml").hasMessageContaining("[buyer]");
    }

    /**
     * One bean per NAD group with its roles bound from the qualifier: a group whose qualifier two roles name plays both,
     * the first group of a role wins over a later one with the same qualifier, a group no role names is nobody.
     */
    @Test
    void aNadGroupPlaysEveryRoleItsQualifierIsNamedForAndTheFirstOfARoleWins() throws IOException {
        Path mappingsDir = dir.resolve("roles-mappings");
        Files.createDirectories(mappingsDir.resolve("edi/partners"));
        for (String f : new String[] {"edifact-orders.smooks.xml", "edifact-orders.mapping.xml", "edifact-party.mapping.xml",
                "x12-850.smooks.xml", "x12-850.mapping.xml", "x12-party.mapping.xml"}) {
            Files.copy(EdiFixture.MAPPINGS.resolve("edi").resolve(f), mappingsDir.resolve("edi").resolve(f));
        }
        Files.writeString(mappingsDir.resolve("edi/partners/roles.smooks.xml"), Files.readString(
                EdiFixture.MAPPINGS.resolve("edi/partners/nordhandel.edifact.smooks.xml"))
                .replace("<param name=\"billTo\">IV</param>", "<param name=\"billTo\">OB</param>"));
        Path partners = dir.resolve("roles-partners.yaml");
        Files.writeString(partners, """
                partners:
                  - id: ROLES
                    anyCustomer: true
                    edi:
                      interchangeIds: ["4000001000098"]
                      edifactMapping: edi/partners/roles.smooks.xml
                """);
        String order = EDIFACT_ORDER.formatted("4000001000098")
                .replace("NAD+DP+4000001000029::9'", "NAD+DP+4000001000029::9'NAD+OB+4000001000036::9++Second OB'NAD+CA+4000001000043::9++Carrier'")
                .replace("UNT+12+1'", "UNT+14+1'");
        try (EdiMappings m = EdiMappings.load(mappingsDir, EdiPartners.load(partners))) {
            MappedOrder o = only(map(new EdifactOrdersMapper(EdiFixture.READER, m), order.getBytes()));
            CanonicalOrder c = o.order();
            assertThat(c.buyer().gln()).isEqualTo("4000001000012");
            assertThat(c.billTo().gln()).as("billTo is named OB too").isEqualTo("4000001000012");
            assertThat(c.seller().name()).isEqualTo("Widget Werke");
            assertThat(c.shipTo().gln()).isEqualTo("4000001000029");
            assertThat(o.provenance().get("/billTo/gln").locator()).isEqualTo("UNB 501 / UNH 1 / seg 5 NAD+OB / el 2.1");
            assertThat(o.order().toString()).doesNotContain("Carrier", "Second OB");
            assertThat(o.problems()).isEmpty();
        }
    }
}

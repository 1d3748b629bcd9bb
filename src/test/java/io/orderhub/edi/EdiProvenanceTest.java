package io.orderhub.edi;

import io.orderhub.intake.InboundDocument;
import io.orderhub.model.Channel;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.SourceRef;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.orderhub.edi.EdiFixture.mapEdifact;
import static io.orderhub.edi.EdiFixture.mapX12;
import static io.orderhub.edi.EdiFixture.only;
import static org.assertj.core.api.Assertions.assertThat;

/** Every mapped field records where it was read: interchange, message, segment position and tag, element. */
class EdiProvenanceTest {

    private static Map<String, String> locators(MappedOrder o) {
        return o.provenance().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().locator()));
    }

    @Test
    void edifactLocators() {
        MappedOrder o = EdiFixture.mapEdifact(EdiSamples.edifact("4012345000009", 1, 2)).orders().get(0);
        assertThat(locators(o))
                .containsEntry("/sender", "UNB 1001 / seg 1 UNB / el 2.1")
                .containsEntry("/poNumber", "UNB 1001 / UNH 1 / seg 2 BGM+220 / el 2.1")
                .containsEntry("/orderDate", "UNB 1001 / UNH 1 / seg 3 DTM+137 / el 1.2")
                .containsEntry("/requestedDeliveryDate", "UNB 1001 / UNH 1 / seg 4 DTM+2 / el 1.2")
                .containsEntry("/notes/0", "UNB 1001 / UNH 1 / seg 5 FTX+PUR / el 4.1")
                .containsEntry("/buyer/gln", "UNB 1001 / UNH 1 / seg 6 NAD+BY / el 2.1")
                .containsEntry("/buyer/name", "UNB 1001 / UNH 1 / seg 6 NAD+BY / el 4.1")
                .containsEntry("/buyer/city", "UNB 1001 / UNH 1 / seg 6 NAD+BY / el 6")
                .containsEntry("/currency", "UNB 1001 / UNH 1 / seg 9 CUX+2 / el 1.2")
                .containsEntry("/lines/0/lineNumber", "UNB 1001 / UNH 1 / seg 10 LIN+1 / el 1")
                .containsEntry("/lines/0/gtin", "UNB 1001 / UNH 1 / seg 10 LIN+1 / el 3.1")
                .containsEntry("/lines/0/buyerItem", "UNB 1001 / UNH 1 / seg 11 PIA+1 / el 2.1")
                .containsEntry("/lines/0/description", "UNB 1001 / UNH 1 / seg 12 IMD+F / el 3.4")
                .containsEntry("/lines/1/quantity", "UNB 1001 / UNH 1 / seg 18 QTY+21 / el 1.2")
                .containsEntry("/lines/1/unit", "UNB 1001 / UNH 1 / seg 18 QTY+21 / el 1.3")
                .containsEntry("/lines/1/unitPrice", "UNB 1001 / UNH 1 / seg 19 PRI+AAA / el 1.2");
        assertThat(o.provenance().values()).extracting(SourceRef::kind).containsOnly("edi");
        assertThat(o.provenance().values()).extracting(SourceRef::confidence).containsOnly(1.0);
    }

    @Test
    void equalValuesInOneSegmentAreTracedToTheirOwnElement() {
        String text = "UNB+UNOC:3+S:14+R:14+240115:1200+5'UNH+1+ORDERS:D:96A:UN'BGM+220+21+9'DTM+137:20240115:102'"
                + "LIN+1++4012345000023:EN'QTY+21:21'UNS+S'UNT+7+1'UNZ+1+5'";
        MappedOrder o = only(mapEdifact(text));
        assertThat(o.order().lines().get(0).quantity()).isEqualByComparingTo("21");
        assertThat(o.provenance().get("/lines/0/quantity").locator()).isEqualTo("UNB 5 / UNH 1 / seg 5 QTY+21 / el 1.2");
    }

    @Test
    void x12Locators() {
        MappedOrder o = mapX12(EdiSamples.x12("ACMEPO", 1, 2)).orders().get(0);
        assertThat(locators(o))
                .containsEntry("/sender", "ISA 000001001 / seg 1 ISA / el 6")
                .containsEntry("/poNumber", "ISA 000001001 / GS 1001 / ST 0001 / seg 2 BEG*00 / el 3")
                .containsEntry("/orderDate", "ISA 000001001 / GS 1001 / ST 0001 / seg 2 BEG*00 / el 5")
                .containsEntry("/requestedDeliveryDate", "ISA 000001001 / GS 1001 / ST 0001 / seg 4 DTM*002 / el 2")
                .containsEntry("/buyer/gln", "ISA 000001001 / GS 1001 / ST 0001 / seg 5 N1*BY / el 4")
                .containsEntry("/buyer/street", "ISA 000001001 / GS 1001 / ST 0001 / seg 6 N3 / el 1")
                .containsEntry("/seller/duns", "ISA 000001001 / GS 1001 / ST 0001 / seg 9 N1*VN / el 4")
                .containsEntry("/lines/1/quantity", "ISA 000001001 / GS 1001 / ST 0001 / seg 12 PO1*2 / el 2")
                .containsEntry("/lines/1/gtin", "ISA 000001001 / GS 1001 / ST 0001 / seg 12 PO1*2 / el 7")
                .containsEntry("/lines/1/buyerItem", "ISA 000001001 / GS 1001 / ST 0001 / seg 12 PO1*2 / el 9")
                .containsEntry("/lines/1/description", "ISA 000001001 / GS 1001 / ST 0001 / seg 13 PID*F / el 5");
    }

    @Test
    void senderFromTheChannelWhenThePartnerIsUnknown() {
        byte[] content = EdiSamples.edifact("4012345000009", 1, 1).getBytes(StandardCharsets.UTF_8);
        InboundDocument doc = new InboundDocument(UUID.randomUUID(), Instant.now(), Channel.SFTP, "sftp://acme/in/1.edi",
                null, "ACME-SHOP", null, "edifact", null, content);
        MappedOrder o = EdiFixture.EDIFACT.map(doc).orders().get(0);
        assertThat(o.order().sender()).isEqualTo("ACME-SHOP");
        assertThat(o.provenance()).doesNotContainKey("/sender");
    }
}

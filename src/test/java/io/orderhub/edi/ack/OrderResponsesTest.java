package io.orderhub.edi.ack;

import io.orderhub.edi.AckReader;
import io.orderhub.edi.AckReader.Seg;
import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.OrderLine;
import io.orderhub.model.Party;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.orderhub.edi.AckReader.all;
import static io.orderhub.edi.AckReader.one;
import static org.assertj.core.api.Assertions.assertThat;

/** ORDRSP and 855 written from a booked order, read back with StAEDI. */
class OrderResponsesTest {

    static final Instant NOW = Instant.parse("2026-11-27T14:30:00Z");
    static final ControlNumbers.Allocation NUMBERS = new ControlNumbers.Allocation(12, 5, 30, 1);

    static CanonicalOrder order() {
        Party buyer = new Party("4012345000009", "4012345000009", null, "ACME", null, null, null, null);
        List<OrderLine> lines = List.of(
                new OrderLine(1, "A-1", null, "4012345000023", "Widget", new BigDecimal("5.000"), "PCE", new BigDecimal("12.50"), null),
                new OrderLine(2, "A-2", "V-2", null, "Gadget", new BigDecimal("2"), null, null, null));
        return new CanonicalOrder("P", "4012345000009", "PO-77", LocalDate.of(2026, 11, 20), null, "EUR", buyer, null,
                null, null, lines, List.of());
    }

    static OrderResponses.Source source(String standard, String version) {
        boolean x12 = standard.equals("x12");
        return new OrderResponses.Source(UUID.randomUUID(), UUID.randomUUID(), standard, "PARTNER1", x12 ? "ZZ" : "14",
                "HUB", x12 ? "ZZ" : "14", x12 ? "U" : "UNOC", x12 ? "00401" : "3", "1001", "1", version, "SO-00000042",
                order());
    }

    @Test
    void ordrspQuotesPoNumberErpNumberAndAcceptedLines() {
        List<Seg> s = AckReader.read(OrderResponses.ordrsp(source("edifact", "D96A"),
                new Parties("HUB", "14", "PARTNER1", "14"), NUMBERS, NOW));
        assertThat(one(s, "UNB").el(2)).isEqualTo("HUB:14");
        assertThat(one(s, "UNB").el(3)).isEqualTo("PARTNER1:14");
        assertThat(one(s, "UNB").el(5)).isEqualTo("12");
        assertThat(one(s, "UNH").elements()).containsExactly("30", "ORDRSP:D:96A:UN");
        assertThat(one(s, "BGM").elements()).containsExactly("231", "SO-00000042", "29");
        assertThat(one(s, "RFF").el(1)).isEqualTo("ON:PO-77");
        assertThat(all(s, "DTM")).extracting(d -> d.el(1)).containsExactly("137:20261127:102", "171:20261120:102");
        assertThat(all(s, "LIN")).extracting(Seg::toString).containsExactly("LIN[1, 5, 4012345000023:EN]", "LIN[2, 5]");
        assertThat(all(s, "QTY")).extracting(d -> d.el(1)).containsExactly("21:5:PCE", "21:2");
        assertThat(one(s, "CNT").el(1)).isEqualTo("2:2");
        assertThat(one(s, "UNT").elements()).containsExactly(String.valueOf(s.size() - 3), "30");
    }

    @Test
    void x855AcknowledgesEachLineWithTheErpOrderNumber() {
        List<Seg> s = AckReader.read(OrderResponses.x855(source("x12", "004010"),
                new Parties("HUBID", "ZZ", "PARTNER1", "ZZ"), NUMBERS, NOW));
        assertThat(one(s, "ISA").el(13)).isEqualTo("000000012");
        assertThat(one(s, "GS").el(1)).isEqualTo("PR");
        assertThat(one(s, "GS").el(8)).isEqualTo("004010");
        assertThat(one(s, "ST").elements()).containsExactly("855", "0030");
        assertThat(one(s, "BAK").elements()).containsExactly("00", "AD", "PO-77", "20261120", "", "", "", "SO-00000042",
                "20261127");
        assertThat(all(s, "PO1")).extracting(Seg::toString).containsExactly(
                "PO1[1, 5, PCE, 12.5, , BP, A-1, EN, 4012345000023]", "PO1[2, 2, EA, , , BP, A-2, VP, V-2]");
        assertThat(all(s, "ACK")).extracting(Seg::toString).containsExactly("ACK[IA, 5, PCE]", "ACK[IA, 2, EA]");
        assertThat(one(s, "CTT").el(1)).isEqualTo("2");
        assertThat(one(s, "SE").elements()).containsExactly("8", "0030");
    }
}

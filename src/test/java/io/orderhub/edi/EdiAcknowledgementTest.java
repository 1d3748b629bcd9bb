package io.orderhub.edi;

import io.orderhub.edi.AckReader.Seg;
import io.orderhub.edi.ack.ControlNumbers;
import io.orderhub.edi.ack.EdifactContrl;
import io.orderhub.edi.ack.Parties;
import io.orderhub.edi.ack.X12FunctionalAck;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static io.orderhub.edi.AckReader.all;
import static io.orderhub.edi.AckReader.one;
import static io.orderhub.edi.AckReader.read;
import static io.orderhub.edi.EdiFixture.READER;
import static io.orderhub.edi.EdiFixture.corpus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CONTRL, 997 and 999 written from what the reader found in good and broken interchanges, read back with StAEDI:
 * envelopes swapped, the hub's own id, allocated control numbers, and the standard codes per message, segment and
 * element.
 */
class EdiAcknowledgementTest {

    static final Instant NOW = Instant.parse("2026-11-27T14:05:00Z");
    static final ControlNumbers.Allocation NUMBERS = new ControlNumbers.Allocation(42, 7, 100, 3);

    static EdiInterchange interchange(String text) {
        return interchange(text.getBytes(StandardCharsets.UTF_8));
    }

    static EdiInterchange interchange(byte[] content) {
        EdiDocument d = READER.read(content);
        assertThat(d.interchanges()).isNotEmpty();
        return d.interchanges().get(0);
    }

    static List<Seg> contrl(EdiInterchange in, boolean duplicate) {
        Parties p = new Parties("HUB-ID", "ZZZ", in.senderId(), in.senderQualifier());
        return read(EdifactContrl.write(in, p, NUMBERS, NOW, duplicate));
    }

    static List<Seg> x12(EdiInterchange in, X12FunctionalAck.Type type, boolean duplicate) {
        Parties p = new Parties("HUBID", "ZZ", in.senderId(), in.senderQualifier());
        return read(X12FunctionalAck.write(in, type, p, NUMBERS, NOW, duplicate));
    }

    // ---- EDIFACT CONTRL ----

    @Test
    void goodInterchangeIsAcknowledgedWithEveryMessageAccepted() {
        EdiInterchange in = interchange(EdiSamples.edifact("4012345000009", 2, 2));
        List<Seg> ack = contrl(in, false);

        Seg unb = one(ack, "UNB");
        assertThat(unb.el(1)).isEqualTo("UNOC:3");
        assertThat(unb.el(2)).isEqualTo("HUB-ID:ZZZ");
        assertThat(unb.el(3)).isEqualTo("4012345000009:14");
        assertThat(unb.el(4)).isEqualTo("261127:1405");
        assertThat(unb.el(5)).isEqualTo("42");
        assertThat(one(ack, "UNH").elements()).containsExactly("100", "CONTRL:D:3:UN");
        Seg uci = one(ack, "UCI");
        assertThat(uci.elements()).containsExactly("1001", "4012345000009:14", "4099999000001:14", "7");
        assertThat(all(ack, "UCM")).extracting(s -> s.el(1) + " " + s.el(2) + " " + s.el(3))
                .containsExactly("1 ORDERS:D:96A:UN:EAN008 7", "2 ORDERS:D:96A:UN:EAN008 7");
        assertThat(all(ack, "UCS")).isEmpty();
        Seg unt = one(ack, "UNT");
        assertThat(unt.elements()).containsExactly(String.valueOf(ack.size() - 3), "100");
        assertThat(one(ack, "UNZ").elements()).containsExactly("1", "42");
    }

    @Test
    void negativeCorpusFileTooManyDtmIsRejectedWithCode35AtTheFirstSurplusSegment() {
        EdiInterchange in = interchange(corpus("edifact_orders/smooks__smooks-edi-cartridge__BAD_ORDERS_D.03B_Interchange.txt"));
        List<Seg> ack = contrl(in, false);

        assertThat(one(ack, "UNH").el(2)).isEqualTo("CONTRL:4:1:UN");
        assertThat(one(ack, "UNB").el(4)).startsWith("20261127:");
        assertThat(one(ack, "UCI").el(4)).isEqualTo("4");
        Seg ucm = one(ack, "UCM");
        assertThat(ucm.el(3)).isEqualTo("4");
        List<Seg> ucs = all(ack, "UCS");
        assertThat(ucs).isNotEmpty();
        assertThat(ucs.get(0).el(2)).isEqualTo("35");
        EdiMessage m = in.messages().get(0);
        assertThat(ucs.get(0).el(1)).isEqualTo(String.valueOf(m.errors().get(0).segmentPosition()));
    }

    @Test
    void brokenMessageIsRejectedAndItsSiblingAcceptedWithElementErrorCodes() {
        String good = EdiSamples.edifact("4012345000009", 2, 1);
        // message 2: BGM document number too long (1004 is an..35)
        String broken = good.replace("BGM+220+PO-2+9'", "BGM+220+" + "X".repeat(40) + "+9'");
        EdiInterchange in = interchange(broken);
        assertThat(in.messages().get(1).status()).isEqualTo(EdiMessage.Status.REJECTED);
        List<Seg> ack = contrl(in, false);

        assertThat(one(ack, "UCI").el(4)).isEqualTo("7");
        List<Seg> ucm = all(ack, "UCM");
        assertThat(ucm).extracting(s -> s.el(3)).containsExactly("7", "4");
        List<String> tail = ack.subList(ack.indexOf(ucm.get(1)) + 1, ack.size()).stream()
                .filter(s -> s.tag().equals("UCS") || s.tag().equals("UCD")).map(Seg::toString).toList();
        assertThat(tail).containsExactly("UCS[2]", "UCD[39, 2:1]");
    }

    @Test
    void missingMandatorySegmentGetsCode13() {
        String full = EdiSamples.edifact("4012345000009", 1, 1);
        int segments = Integer.parseInt(full.replaceAll("(?s).*UNT\\+(\\d+)\\+1'.*", "$1"));
        String text = full.replace("BGM+220+PO-1+9'\n", "").replace("UNT+" + segments + "+1'", "UNT+" + (segments - 1) + "+1'");
        List<Seg> ack = contrl(interchange(text), false);
        assertThat(one(ack, "UCM").el(3)).isEqualTo("4");
        assertThat(all(ack, "UCS")).extracting(s -> s.el(2)).contains("13");
    }

    @Test
    void messageTrailerMismatchIsReportedOnTheUcm() {
        String text = EdiSamples.edifact("4012345000009", 1, 1).replaceFirst("UNT\\+\\d+\\+1'", "UNT+9+1'");
        List<Seg> ack = contrl(interchange(text), false);
        Seg ucm = one(ack, "UCM");
        assertThat(ucm.el(3)).isEqualTo("4");
        assertThat(ucm.el(4)).isEqualTo("29");
        assertThat(ucm.el(5)).isEqualTo("UNT");
    }

    @Test
    void groupedInterchangeGetsUcfWithItsMessages() {
        EdiInterchange in = interchange(corpus("edifact_orders/xlate__staedi__orders-with-group.edi"));
        List<Seg> ack = contrl(in, false);
        Seg ucf = one(ack, "UCF");
        assertThat(ucf.el(1)).isEqualTo(in.groups().get(0).controlNumber());
        assertThat(ucf.el(4)).isEqualTo(in.groups().get(0).messages().stream()
                .allMatch(m -> m.status() == EdiMessage.Status.ACCEPTED) ? "7" : "4");
        assertThat(ack.indexOf(ucf)).isLessThan(ack.indexOf(all(ack, "UCM").get(0)));
    }

    @Test
    void duplicateInterchangeIsRejectedWithCode26() {
        EdiInterchange in = interchange(EdiSamples.edifact("4012345000009", 2, 1));
        List<Seg> ack = contrl(in, true);
        assertThat(one(ack, "UCI").elements()).containsExactly("1001", "4012345000009:14", "4099999000001:14", "4", "26",
                "UNB", "5");
        assertThat(all(ack, "UCM")).isEmpty();
    }

    @Test
    void everyGoodEdifactCorpusFileGetsAPositiveContrl() {
        for (String file : List.of("bots-edi__bots-plugins__order03.edi", "nerdocs__pydifact__order.edi",
                "nerdocs__pydifact__wikipedia_de.edi", "smooks__smooks-edi-cartridge__ORDERS_D.03B_Interchange.txt",
                "php-edifact__edifact__example_order_ok.edi")) {
            EdiDocument d = READER.read(corpus("edifact_orders/" + file));
            for (EdiInterchange in : d.interchanges()) {
                List<Seg> ack = contrl(in, false);
                assertThat(one(ack, "UCI").el(4)).as(file).isEqualTo("7");
                assertThat(all(ack, "UCM")).as(file).allSatisfy(s -> assertThat(s.el(3)).isEqualTo("7"));
            }
        }
    }

    // ---- X12 997 / 999 ----

    @Test
    void goodX12InterchangeWithTwoGroupsGetsOne997PerGroup() {
        EdiInterchange in = interchange(corpus("x12_850/bots-edi__bots-plugins__850-004010-02.x12"));
        List<Seg> ack = x12(in, X12FunctionalAck.Type.X997, false);

        Seg isa = one(ack, "ISA");
        assertThat(isa.el(5)).isEqualTo("ZZ");
        assertThat(isa.el(6).strip()).isEqualTo("HUBID");
        assertThat(isa.el(8).strip()).isEqualTo(in.senderId());
        assertThat(isa.el(13)).isEqualTo("000000042");
        assertThat(all(ack, "TA1")).isEmpty();
        Seg gs = one(ack, "GS");
        assertThat(gs.el(1)).isEqualTo("FA");
        assertThat(gs.el(6)).isEqualTo("7");
        assertThat(all(ack, "ST")).extracting(s -> s.el(1) + "*" + s.el(2)).containsExactly("997*0100", "997*0101");
        assertThat(all(ack, "AK1")).extracting(s -> s.el(2))
                .containsExactlyElementsOf(in.groups().stream().map(EdiGroup::controlNumber).toList());
        assertThat(all(ack, "AK2")).hasSize(in.messages().size());
        assertThat(all(ack, "AK5")).allSatisfy(s -> assertThat(s.elements()).containsExactly("A"));
        // the groups' GS04 dates are YYMMDD, which 004010 does not allow: tolerated, so accepted with errors noted
        assertThat(all(ack, "AK9")).extracting(Seg::toString).containsExactly("AK9[E, 2, 2, 2]", "AK9[E, 2, 2, 2]");
        assertThat(one(ack, "GE").elements()).containsExactly("2", "7");
        assertThat(one(ack, "IEA").elements()).containsExactly("1", "000000042");
    }

    @Test
    void brokenTransactionSetIsRejectedAndTheGroupPartiallyAccepted() {
        // set 2: BEG missing (mandatory segment), set 1: PO1 with too many elements
        String text = EdiSamples.x12("ACMEPO", 2, 1).replace("BEG*00*SA*PO-2**20240115~\n", "")
                .replace("SE*13*0002", "SE*12*0002");
        EdiInterchange in = interchange(text);
        List<Seg> ack = x12(in, X12FunctionalAck.Type.X997, false);

        assertThat(all(ack, "AK5")).extracting(s -> s.el(1)).containsExactly("A", "R");
        Seg ak3 = one(ack, "AK3");
        assertThat(ak3.el(1)).isEqualTo("BEG");
        assertThat(ak3.el(4)).isEqualTo("3");
        assertThat(all(ack, "AK5").get(1).el(2)).isEqualTo("5");
        assertThat(one(ack, "AK9").elements()).containsExactly("P", "2", "2", "1");
    }

    @Test
    void elementErrorsGetAk4WithPositionReferenceCodeAndCopy() {
        String text = EdiSamples.x12("ACMEPO", 1, 1).replace("BEG*00*SA*PO-1*", "BEG*00*SA**")
                .replace("CUR*BY*USD", "CUR*BY*USDOLLAR");
        List<Seg> ack = x12(interchange(text), X12FunctionalAck.Type.X997, false);
        List<Seg> ak4 = all(ack, "AK4");
        assertThat(ak4).extracting(Seg::toString).contains("AK4[3, 324, 1]", "AK4[2, 100, 5, USDOLLAR]");
        assertThat(all(ack, "AK3")).extracting(s -> s.el(1) + " " + s.el(4)).contains("BEG 8", "CUR 8");
        assertThat(one(ack, "AK5").el(1)).isEqualTo("R");
        assertThat(one(ack, "AK9").el(1)).isEqualTo("R");
    }

    @Test
    void the999UsesIk3Ik4Ik5AndItsVersion() {
        String text = EdiSamples.x12("ACMEPO", 1, 1).replace("CUR*BY*USD", "CUR*BY*USDOLLAR");
        List<Seg> ack = x12(interchange(text), X12FunctionalAck.Type.X999, false);
        assertThat(one(ack, "GS").el(8)).isEqualTo("005010X231A1");
        assertThat(one(ack, "ST").elements()).containsExactly("999", "0100", "005010X231A1");
        assertThat(one(ack, "AK1").el(3)).isEqualTo("004010");
        assertThat(one(ack, "IK3").el(1)).isEqualTo("CUR");
        assertThat(one(ack, "IK4").elements()).containsExactly("2", "100", "5", "USDOLLAR");
        assertThat(one(ack, "IK5").el(1)).isEqualTo("R");
        assertThat(all(ack, "AK3")).isEmpty();
    }

    @Test
    void duplicateX12InterchangeGetsTa1RejectedWithNote025AndNoGroup() {
        EdiInterchange in = interchange(EdiSamples.x12("ACMEPO", 1, 1));
        List<Seg> ack = x12(in, X12FunctionalAck.Type.X997, true);
        assertThat(one(ack, "TA1").elements()).containsExactly("000001001", "240115", "1200", "R", "025");
        assertThat(all(ack, "GS")).isEmpty();
        assertThat(one(ack, "IEA").el(1)).isEqualTo("0");
    }

    @Test
    void groupCountMismatchIsReportedInAk9AndInterchangeErrorsInTa1() {
        String text = EdiSamples.x12("ACMEPO", 1, 1).replace("GE*1*1001", "GE*2*1001").replace("IEA*1*", "IEA*3*");
        List<Seg> ack = x12(interchange(text), X12FunctionalAck.Type.X997, false);
        assertThat(one(ack, "TA1").el(4)).isEqualTo("E");
        assertThat(one(ack, "TA1").el(5)).isEqualTo("021");
        assertThat(one(ack, "AK9").el(1)).isEqualTo("R");
        assertThat(one(ack, "AK9").el(5)).isEqualTo("5");
    }

    @Test
    void everyX12CorpusFileGetsAnAcceptingAcknowledgement() {
        for (String file : List.of("bots-edi__bots-plugins__850-004010-01.x12", "bots-edi__bots-plugins__850-004010-05.x12",
                "bots-edi__bots-plugins__850-004010-10.x12", "bots-edi__bots-plugins__850-004010.14.x12",
                "bots-edi__bots-plugins__850-004010VICS-01.x12", "bots-edi__bots-plugins__ebcdic.x12",
                "aaronhuggins__node-x12__850.edi", "indice-co__EDI.Net__x12.850.edi")) {
            EdiDocument d = READER.read(corpus("x12_850/" + file));
            assertThat(d.interchanges()).as(file).isNotEmpty();
            for (EdiInterchange in : d.interchanges()) {
                List<Seg> ack = x12(in, X12FunctionalAck.Type.X997, false);
                assertThat(all(ack, "AK9")).as(file).allSatisfy(s -> assertThat(s.el(1)).isIn("A", "E"));
                assertThat(all(ack, "AK2")).as(file).hasSize(in.messages().size());
            }
        }
    }
}

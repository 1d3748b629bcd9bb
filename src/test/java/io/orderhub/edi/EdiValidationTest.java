package io.orderhub.edi;

import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.orderhub.edi.EdiFixture.EDIFACT;
import static io.orderhub.edi.EdiFixture.X12;
import static io.orderhub.edi.EdiFixture.codes;
import static io.orderhub.edi.EdiFixture.mapEdifact;
import static io.orderhub.edi.EdiFixture.mapX12;
import static io.orderhub.edi.EdiFixture.only;
import static io.orderhub.edi.EdiFixture.poNumbers;
import static org.assertj.core.api.Assertions.assertThat;

/** Structural validation: what is found, where (independent of the file layout), and what was expected. */
class EdiValidationTest {

    private static String interchange(String... messages) {
        StringBuilder b = new StringBuilder("UNB+UNOC:3+SENDER:14+RECEIVER:14+240115:1200+123'");
        for (String m : messages) {
            b.append(m);
        }
        return b.append("UNZ+").append(messages.length).append("+123'").toString();
    }

    private static String message(String ref, String body) {
        int segments = body.split("'").length + 2;
        return "UNH+" + ref + "+ORDERS:D:96A:UN:EAN008'" + body + "UNT+" + segments + "+" + ref + "'";
    }

    private static final String GOOD = "BGM+220+PO-%s+9'DTM+137:20240115:102'NAD+BY+4012345000009::9'"
            + "LIN+1++4012345000023:EN'QTY+21:5'UNS+S'";

    private static Problem problem(MappingResult r, int order) {
        return r.orders().get(order).problems().get(0);
    }

    @Test
    void mandatorySegmentMissing() {
        MappingResult r = mapEdifact(interchange(message("1", "DTM+137:20240115:102'LIN+1++4012345000023:EN'QTY+21:5'UNS+S'")));
        Problem p = problem(r, 0);
        assertThat(p.code()).isEqualTo("mandatory-segment-missing");
        assertThat(p.path()).isEqualTo("UNB 123 / UNH 1 / segment 2 DTM");
        assertThat(p.message()).isEqualTo("mandatory segment BGM is missing before DTM");
    }

    @Test
    void elementTooLongWithExpectedLength() {
        String po = "X".repeat(36);
        MappingResult r = mapEdifact(interchange(message("1", GOOD.formatted(po))));
        MappedOrder o = only(r);
        assertThat(o.problems()).singleElement().isEqualTo(new Problem("UNB 123 / UNH 1 / segment 2 BGM / element 2.1",
                "element-too-long", "'PO-" + po + "' is longer than the maximum length (1004: string of 1 to 35 characters)"));
        assertThat(o.order().poNumber()).as("still mapped, for review").isEqualTo("PO-" + po);
    }

    @Test
    void tooManyRepeatsOfASegmentGroup() {
        StringBuilder nads = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            nads.append("NAD+BY+4012345000009::9'");
        }
        MappingResult r = mapEdifact(interchange(message("9", "BGM+220+PO-1+9'DTM+137:20240115:102'" + nads + "UNS+S'")));
        Problem p = problem(r, 0);
        assertThat(p.code()).isEqualTo("too-many-repeats");
        assertThat(p.path()).isEqualTo("UNB 123 / UNH 9 / segment 103 NAD");
        assertThat(p.message()).isEqualTo("segment group starting with NAD repeats more often than allowed (at most 99)");
    }

    @Test
    void nonNumericQuantity() {
        MappingResult r = mapEdifact(interchange(message("1", GOOD.formatted("1").replace("QTY+21:5", "QTY+21:5X"))));
        Problem p = problem(r, 0);
        assertThat(p.path()).isEqualTo("UNB 123 / UNH 1 / segment 6 QTY / element 1.2");
        assertThat(p.code()).isEqualTo("invalid-characters");
        assertThat(r.orders().get(0).problems()).extracting(Problem::code).contains("invalid-number");
    }

    @Test
    void unexpectedSegment() {
        MappingResult r = mapEdifact(interchange(message("1", GOOD.formatted("1").replace("UNS+S'", "UNS+S'LIN+2++4012345000030:EN'"))));
        Problem p = problem(r, 0);
        assertThat(p.code()).isEqualTo("unexpected-segment");
        assertThat(p.path()).isEqualTo("UNB 123 / UNH 1 / segment 8 LIN");
    }

    @Test
    void messageTrailerCountAndReferenceMismatch() {
        String m = message("7", GOOD.formatted("1")).replace("UNT+8+7'", "UNT+5+8'");
        MappingResult r = mapEdifact(interchange(m));
        assertThat(r.orders().get(0).problems()).containsExactly(
                new Problem("UNB 123 / UNH 7 / segment 8 UNT / element 1", "control-count-mismatch",
                        "control count '5' does not match the actual count 8"),
                new Problem("UNB 123 / UNH 7 / segment 8 UNT / element 2", "control-reference-mismatch",
                        "control reference '8' does not match the header's"));
    }

    @Test
    void brokenMessageDoesNotBlockItsSiblings() {
        String broken = message("2", GOOD.formatted("2").replace("DTM+137:20240115:102'", "DTM+137:20240115:102'ZZZ+1'"));
        EdiOrderMapper.Outcome outcome = EDIFACT.mapEdi(EdiSamples.document("edifact",
                interchange(message("1", GOOD.formatted("1")), broken, message("3", GOOD.formatted("3")))));
        MappingResult r = outcome.result();
        assertThat(poNumbers(r)).containsExactly("PO-1", "PO-2", "PO-3");
        assertThat(r.orders().get(0).problems()).isEmpty();
        assertThat(r.orders().get(1).problems()).extracting(Problem::path, Problem::code)
                .first().isEqualTo(org.assertj.core.groups.Tuple.tuple("UNB 123 / UNH 2 / segment 4 ZZZ", "segment-not-in-message"));
        assertThat(r.orders().get(2).problems()).isEmpty();
        assertThat(r.orders().get(1).order().lines()).hasSize(1);
        assertThat(outcome.edi().messages()).extracting(EdiMessage::status)
                .containsExactly(EdiMessage.Status.ACCEPTED, EdiMessage.Status.REJECTED, EdiMessage.Status.ACCEPTED);
        assertThat(outcome.edi().messages().get(1).errors()).first().satisfies(e -> {
            assertThat(e.type()).isEqualTo(io.xlate.edi.stream.EDIStreamValidationError.SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET);
            assertThat(e.segmentPosition()).isEqualTo(4);
            assertThat(e.segmentTag()).isEqualTo("ZZZ");
        });
    }

    @Test
    void truncatedFileKeepsTheCompleteMessagesAndFlagsTheBrokenOne() {
        String text = interchange(message("1", GOOD.formatted("1")), message("2", GOOD.formatted("2")));
        String truncated = text.substring(0, text.indexOf("LIN", text.indexOf("UNH+2")));
        MappingResult r = mapEdifact(truncated);
        assertThat(poNumbers(r)).containsExactly("PO-1", "PO-2");
        assertThat(r.orders().get(0).problems()).isEmpty();
        assertThat(codes(r.orders().get(1).problems())).containsExactly("message-incomplete");
        assertThat(r.orders().get(1).problems().get(0).path()).isEqualTo("UNB 123 / UNH 2 / segment 4 NAD");
    }

    @Test
    void unreadableDataBreaksOffTheMessageAndTheRestOfTheInterchange() {
        String broken = message("2", GOOD.formatted("2").replace("NAD+BY+4012345000009::9'", "NAD+BY+4012345000009::9'\u0001\u0002'"));
        MappingResult r = mapEdifact(interchange(message("1", GOOD.formatted("1")), broken, message("3", GOOD.formatted("3"))));
        assertThat(poNumbers(r)).containsExactly("PO-1", "PO-2");
        assertThat(r.orders().get(0).problems()).isEmpty();
        assertThat(r.orders().get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("syntax-error");
            assertThat(p.path()).isEqualTo("UNB 123 / UNH 2 / segment 4 NAD");
        });
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("syntax-error");
            assertThat(p.path()).isEqualTo("UNB 123");
            assertThat(p.message()).startsWith("the rest of the interchange after UNH 2 segment 4 NAD cannot be read");
        });
    }

    @Test
    void messageWithoutReadableHeaderIsADocumentProblem() {
        MappingResult r = mapEdifact(interchange("UNH+5'BGM+220+PO-5+9'UNT+3+5'", message("6", GOOD.formatted("6"))));
        assertThat(poNumbers(r)).containsExactly("PO-6");
        assertThat(r.problems()).extracting(Problem::code).contains("not-an-order");
        assertThat(r.problems()).filteredOn(p -> p.code().equals("not-an-order")).singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("UNB 123 / UNH 5"));
    }

    @Test
    void interchangeCountMismatchIsAnEnvelopeProblem() {
        MappingResult r = mapEdifact(interchange(message("1", GOOD.formatted("1"))).replace("UNZ+1+123'", "UNZ+3+123'"));
        assertThat(r.orders()).hasSize(1);
        assertThat(r.orders().get(0).problems()).isEmpty();
        assertThat(r.problems()).singleElement().isEqualTo(new Problem("UNB 123 / segment 10 UNZ / element 1",
                "control-count-mismatch", "control count '3' does not match the actual count 1"));
    }

    @Test
    void x12MissingBegAndGroupCountMismatch() {
        String text = EdiSamples.x12("ACMEPO", 2, 1).replace("BEG*00*SA*PO-2**20240115~\n", "").replace("SE*13*0002", "SE*12*0002")
                .replace("GE*2*1001", "GE*3*1001");
        EdiOrderMapper.Outcome outcome = X12.mapEdi(EdiSamples.document("x12", text));
        MappingResult r = outcome.result();
        assertThat(r.orders()).hasSize(2);
        assertThat(r.orders().get(0).problems()).isEmpty();
        assertThat(r.orders().get(1).problems()).first().isEqualTo(new Problem("ISA 000001001 / GS 1001 / ST 0002 / segment 2 CUR",
                "mandatory-segment-missing", "mandatory segment BEG is missing before CUR"));
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("ISA 000001001 / GS 1001 / segment 28 GE / element 1");
            assertThat(p.code()).isEqualTo("control-count-mismatch");
            assertThat(p.message()).endsWith("actual count 2");
        });
        assertThat(outcome.edi().interchanges().get(0).groups().get(0).errors()).singleElement()
                .satisfies(e -> assertThat(e.level()).isEqualTo(EdiError.Level.GROUP));
    }

    @Test
    void x12TooManyPo1Elements() {
        String text = EdiSamples.x12("ACMEPO", 1, 1).replace("*VN*W1~", "*VN*W1" + "*XX*1".repeat(8) + "~");
        MappedOrder o = only(mapX12(text));
        assertThat(o.problems()).first().satisfies(p -> {
            assertThat(p.code()).isEqualTo("too-many-elements");
            assertThat(p.path()).isEqualTo("ISA 000001001 / GS 1001 / ST 0001 / segment 10 PO1 / element 26");
        });
    }

    @Test
    void envelopeWarningsDoNotRejectTheMessage() {
        MappingResult r = mapEdifact(interchange(message("1", GOOD.formatted("1")).replace("EAN008", "EAN008XYZ")));
        MappedOrder o = only(r);
        assertThat(o.problems()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("element-too-long");
            assertThat(p.path()).isEqualTo("UNB 123 / UNH 1 / segment 1 UNH / element 2.5");
        });
    }

    @Test
    void readerAloneGivesTheStructureForAcknowledgements() {
        String text = interchange(message("1", GOOD.formatted("1")), message("2", GOOD.formatted("2").replace("UNS+S'", "")));
        EdiDocument edi = EdiFixture.READER.read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        EdiInterchange ic = edi.interchanges().get(0);
        assertThat(ic.controlNumber()).isEqualTo("123");
        assertThat(ic.senderId()).isEqualTo("SENDER");
        assertThat(ic.senderQualifier()).isEqualTo("14");
        assertThat(ic.delimiters()).containsEntry(io.xlate.edi.stream.EDIStreamConstants.Delimiters.SEGMENT, '\'');
        assertThat(ic.trailerRead()).isTrue();
        List<EdiMessage> messages = ic.messages();
        assertThat(messages).extracting(EdiMessage::controlNumber).containsExactly("1", "2");
        assertThat(messages).extracting(EdiMessage::schemaFile).containsOnly("edifact-orders-d96a.xml");
        assertThat(messages.get(1).status()).isEqualTo(EdiMessage.Status.REJECTED);
        assertThat(messages.get(1).errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("mandatory-segment-missing");
            assertThat(e.referenceCode()).isEqualTo("UNS");
            assertThat(e.segmentPosition()).isEqualTo(7);
            assertThat(e.segmentTag()).isEqualTo("UNT");
        });
        assertThat(messages.get(0).body()).as("bodies are not kept when only reading").isEmpty();
    }
}

package io.orderhub.edi;

import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.OrderLine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static io.orderhub.edi.EdiFixture.EDIFACT;
import static io.orderhub.edi.EdiFixture.X12;
import static io.orderhub.edi.EdiFixture.codes;
import static io.orderhub.edi.EdiFixture.map;
import static io.orderhub.edi.EdiFixture.mapEdifact;
import static io.orderhub.edi.EdiFixture.mapX12;
import static io.orderhub.edi.EdiFixture.only;
import static io.orderhub.edi.EdiFixture.poNumbers;
import static org.assertj.core.api.Assertions.assertThat;

/** Delimiters, encodings and layouts the reader copes with, on generated interchanges. */
class EdiReadingTest {

    private static final String ORDER_BODY = "BGM+220+PO-7+9'DTM+137:20240115:102'NAD+BY+4012345000009::9'"
            + "LIN+1++4012345000023:EN'QTY+21:5'UNS+S'";

    private static String edifact(String body, int segments) {
        return "UNB+UNOC:3+SENDER:14+RECEIVER:14+240115:1200+77'UNH+1+ORDERS:D:96A:UN'" + body + "UNT+" + segments + "+1'UNZ+1+77'";
    }

    @Test
    void customUnaDelimitersWithReleaseCharacterAndDecimalComma() {
        String text = "UNA^|,# ~UNB|UNOC^3|SENDER^14|RECEIVER^14|240115^1200|77~UNH|1|ORDERS^D^96A^UN~"
                + "BGM|220|PO#|1#~X#^Y##|9~DTM|137^20240115^102~FTX|PUR|||Gate 3#|4~"
                + "LIN|1||4012345000023^EN~QTY|21^2,5~PRI|AAA^12,50~UNS|S~UNT|9|1~UNZ|1|77~";
        MappedOrder o = only(mapEdifact(text));
        assertThat(o.order().poNumber()).isEqualTo("PO|1~X^Y#");
        assertThat(o.order().notes()).containsExactly("Gate 3|4");
        assertThat(o.order().lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualByComparingTo("2.5");
            assertThat(l.unitPrice()).isEqualByComparingTo("12.50");
        });
        assertThat(o.problems()).isEmpty();
    }

    @Test
    void defaultDelimitersWithoutUnaAndEscapedDelimitersInText() {
        String body = "BGM+220+PO-7+9'DTM+137:20240115:102'FTX+PUR+++It?'s 1?+1?:2 ??'LIN+1++4012345000023:EN'QTY+21:5'UNS+S'";
        MappedOrder o = only(mapEdifact(edifact(body, 8)));
        assertThat(o.order().notes()).containsExactly("It's 1+1:2 ?");
        assertThat(o.problems()).isEmpty();
    }

    @Test
    void x12WithDelAndNakDelimiters() {
        String text = EdiSamples.x12("ACMEPO", 2, 3).replace('*', '\u007f').replace("~\n", "\u0015");
        MappingResult r = mapX12(text);
        assertThat(poNumbers(r)).containsExactly("PO-1", "PO-2");
        assertThat(r.orders().get(0).order().lines()).hasSize(3);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void ebcdicEdifactAndX12() {
        byte[] edifact = EdiSamples.edifact("4012345000009", 2, 2).getBytes(EdiText.CP500);
        byte[] x12 = EdiSamples.x12("ACMEPO", 2, 2).replace('\n', ' ').getBytes(EdiText.CP037);
        assertThat(poNumbers(map(EDIFACT, edifact))).containsExactly("PO-1", "PO-2");
        MappingResult r = map(X12, x12);
        assertThat(poNumbers(r)).containsExactly("PO-1", "PO-2");
        assertThat(r.orders().get(0).order().lines().get(1).buyerItem()).isEqualTo("A-2");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void utf8ByteOrderMarkAndUtf8Text() {
        String text = edifact("BGM+220+PO-7+9'DTM+137:20240115:102'NAD+BY+4012345000009::9++Müller & Söhne'"
                + "LIN+1++4012345000023:EN'QTY+21:5'UNS+S'", 8);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        MappedOrder o = only(map(EDIFACT, b.toByteArray()));
        assertThat(o.order().buyer().name()).isEqualTo("Müller & Söhne");
    }

    @Test
    void latin1TextIsReadAsLatin1() {
        String text = edifact("BGM+220+PO-7+9'DTM+137:20240115:102'NAD+BY+4012345000009::9++Müller'"
                + "LIN+1++4012345000023:EN'QTY+21:5'UNS+S'", 8);
        MappedOrder o = only(map(EDIFACT, text.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(o.order().buyer().name()).isEqualTo("Müller");
    }

    @Test
    void isaPaddedWithNonBreakingSpacesAndShortFields() {
        String text = EdiSamples.x12("ACMEPO", 1, 2)
                .replace("*          *00*          *ZZ*ACMEPO         *", "*\u00a0\u00a0*00*   *ZZ*ACMEPO\u00a0\u00a0\u00a0*")
                .replace("*000001001*", "*1001*");
        assertThat(text).startsWith("ISA*00*\u00a0\u00a0*00*   *ZZ*ACMEPO\u00a0\u00a0\u00a0*");
        MappingResult r = mapX12(text);
        MappedOrder o = only(r);
        assertThat(o.order().sender()).isEqualTo("ACMEPO");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void segmentsHardWrappedAt80Columns() {
        String flat = EdiSamples.edifact("4012345000009", 3, 4).replace("\n", "");
        StringBuilder wrapped = new StringBuilder();
        for (int i = 0; i < flat.length(); i += 80) {
            wrapped.append(flat, i, Math.min(flat.length(), i + 80)).append("\r\n");
        }
        MappingResult r = mapEdifact(wrapped.toString());
        assertThat(poNumbers(r)).containsExactly("PO-1", "PO-2", "PO-3");
        assertThat(r.orders()).allSatisfy(o -> {
            assertThat(o.order().lines()).hasSize(4);
            assertThat(o.problems()).isEmpty();
        });
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void mixedLineEndingsBetweenSegments() {
        String text = EdiSamples.edifact("4012345000009", 2, 2).replace("'\n", "'\r\n").replace("QTY+21:2:PCE'\r\n", "QTY+21:2:PCE'\n");
        MappingResult r = mapEdifact(text);
        assertThat(poNumbers(r)).containsExactly("PO-1", "PO-2");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void severalInterchangesOfBothStandardsInOneFile() {
        String text = EdiSamples.edifact("4012345000009", 2, 1) + "\r\n" + EdiSamples.x12("ACMEPO", 1, 1)
                + EdiSamples.edifact("4012345000009", 1, 3).replace("1001", "1002");
        MappingResult r = mapEdifact(text);
        assertThat(poNumbers(r)).containsExactly("PO-1", "PO-2", "PO-1", "PO-1");
        assertThat(r.orders()).extracting(o -> o.order().lines().size()).containsExactly(1, 1, 1, 3);
        assertThat(r.orders().get(2).order().sender()).isEqualTo("ACMEPO");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void severalGroupsWithSeveralMessagesEach() {
        StringBuilder b = new StringBuilder("UNB+UNOC:3+SENDER:14+RECEIVER:14+240115:1200+88'");
        int ref = 0;
        for (int g = 1; g <= 2; g++) {
            b.append("UNG+ORDERS+SENDER+RECEIVER+240115:1200+G").append(g).append("+UN+D:96A'");
            for (int m = 1; m <= 3; m++) {
                ref++;
                b.append("UNH+M").append(ref).append("+ORDERS:D:96A:UN'BGM+220+PO-").append(ref)
                        .append("+9'DTM+137:20240115:102'LIN+1++4012345000023:EN'QTY+21:").append(ref).append("'UNS+S'UNT+7+M").append(ref).append("'");
            }
            b.append("UNE+3+G").append(g).append("'");
        }
        b.append("UNZ+2+88'");
        EdiOrderMapper.Outcome outcome = EDIFACT.mapEdi(EdiSamples.document("edifact", b.toString()));
        assertThat(poNumbers(outcome.result())).containsExactly("PO-1", "PO-2", "PO-3", "PO-4", "PO-5", "PO-6");
        assertThat(outcome.result().problems()).isEmpty();
        EdiInterchange ic = outcome.edi().interchanges().get(0);
        assertThat(ic.groups()).extracting(EdiGroup::controlNumber).containsExactly("G1", "G2");
        assertThat(ic.groups().get(1).messages()).extracting(EdiMessage::controlNumber).containsExactly("M4", "M5", "M6");
        assertThat(outcome.result().orders().get(4).order().lines().get(0).quantity()).isEqualByComparingTo("5");
        assertThat(outcome.result().orders().get(4).provenance().get("/poNumber").locator())
                .isEqualTo("UNB 88 / UNG G2 / UNH M5 / seg 2 BGM+220 / el 2.1");
    }

    @Test
    void dataBetweenInterchangesIsReportedAndTheInterchangesStillRead() {
        String text = EdiSamples.edifact("4012345000009", 1, 1) + "HELLO WORLD\n" + EdiSamples.edifact("4012345000009", 1, 1);
        MappingResult r = mapEdifact(text);
        assertThat(r.orders()).hasSize(2);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("not-edi");
            assertThat(p.message()).contains("HELLO WORLD");
        });
    }

    @Test
    void ordersAreHandedOutMessageByMessageWhileTheInterchangeIsMapped() {
        java.util.List<Integer> mappedWhenHandedOut = new java.util.ArrayList<>();
        EdiOrderMapper.Streamed s = EDIFACT.stream(EdiSamples.document("edifact", EdiSamples.edifact("4012345000009", 5, 2)),
                o -> mappedWhenHandedOut.add(io.orderhub.edi.mapping.EdiMapContext.current().mapped().size()));
        assertThat(mappedWhenHandedOut).containsExactly(1, 2, 3, 4, 5);
        assertThat(s.orders()).isEqualTo(5);
        assertThat(s.problems()).isEmpty();
        assertThat(s.edi().messages()).allSatisfy(m -> assertThat(m.body()).as("bodies are released once mapped").isEmpty());
    }

    @Test
    void x12Version005010WithMtxNotes() {
        String text = EdiSamples.x12("ACMEPO", 1, 2).replace("*U*00401*", "*^*00501*").replace("*X*004010~", "*X*005010~")
                .replace("DTM*002*20240122~\n", "DTM*002*20240122~\nN9*L1*NOTES~\nMTX**Deliver to dock 4~\n")
                .replace("SE*15*0001", "SE*17*0001");
        EdiOrderMapper.Outcome outcome = X12.mapEdi(EdiSamples.document("x12", text));
        MappedOrder o = only(outcome.result());
        assertThat(o.order().notes()).containsExactly("Deliver to dock 4");
        assertThat(o.order().lines()).hasSize(2);
        assertThat(o.problems()).isEmpty();
        assertThat(outcome.result().problems()).isEmpty();
        assertThat(outcome.edi().messages()).singleElement().satisfies(m -> {
            assertThat(m.version()).isEqualTo("005010");
            assertThat(m.schemaFile()).isEqualTo("x12-850-005010.xml");
        });
    }

    @Test
    void unlistedDirectoryIsValidatedAgainstTheFallbackSchemaAndSaysSo() {
        String text = EdiSamples.edifact("4012345000009", 1, 1).replace("ORDERS:D:96A:UN:EAN008", "ORDERS:D:99B:UN");
        MappingResult r = mapEdifact(text);
        assertThat(only(r).problems()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("schema-fallback");
            assertThat(p.message()).isEqualTo("ORDERS D99B is not listed in the schema index; validated against edifact-orders-d01b.xml");
        });
    }

    @Test
    void notEdiAtAllIsRejected() {
        MappingResult r = mapEdifact("{\"order\": 1}");
        assertThat(r.rejected()).isTrue();
        assertThat(codes(r.problems())).containsExactly("not-edi");
    }

    @Test
    void repeatedElementsUseTheirOccurrence() {
        String text = "UNA:+.?*'UNB+UNOC:4+SENDER:14+RECEIVER:14+20240115:1200+9'UNH+1+ORDERS:D:01B:UN'BGM+220+PO-9+9'"
                + "DTM+137:20240115:102'NAD+BY+4012345000009::9'CTA+IC'COM+0401234:TE*x@y.z:EM'"
                + "LIN+1++4012345000023:EN'QTY+21:5'UNS+S'UNT+10+1'UNZ+1+9'";
        MappingResult r = mapEdifact(text);
        MappedOrder o = only(r);
        assertThat(o.problems()).isEmpty();
        assertThat(o.order().lines()).extracting(OrderLine::quantity).containsExactly(new java.math.BigDecimal("5"));
    }
}

package io.orderhub.edi;

import io.orderhub.intake.InboundDocument;
import io.orderhub.model.Channel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Generated EDIFACT ORDERS and X12 850 interchanges of realistic shape, for tests and the benchmark. */
public final class EdiSamples {

    private EdiSamples() {
    }

    /** One EDIFACT D96A interchange from {@code sender} with {@code messages} ORDERS of {@code lines} lines each. */
    public static String edifact(String sender, int messages, int lines) {
        StringBuilder b = new StringBuilder();
        try {
            edifact(b, sender, messages, lines);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return b.toString();
    }

    /** The same interchange written to {@code out} message by message (a 50 MB file without a 50 MB string). */
    public static void edifact(Appendable out, String sender, int messages, int lines) throws java.io.IOException {
        out.append("UNA:+.? 'UNB+UNOC:3+").append(sender).append(":14+4099999000001:14+240115:1200+1001'\n");
        StringBuilder b = new StringBuilder();
        for (int m = 1; m <= messages; m++) {
            b.setLength(0);
            b.append("UNH+").append(m).append("+ORDERS:D:96A:UN:EAN008'\n");
            b.append("BGM+220+PO-").append(m).append("+9'\n");
            b.append("DTM+137:20240115:102'\nDTM+2:20240122:102'\n");
            b.append("FTX+PUR+++Deliver to gate 3?: ring twice'\n");
            b.append("NAD+BY+4012345000009::9++ACME Retail GmbH+Hafenstr. 1+Hamburg++20457+DE'\n");
            b.append("NAD+SU+4099999000001::9'\nNAD+DP+4012345000016::9'\nCUX+2:EUR:9'\n");
            for (int l = 1; l <= lines; l++) {
                b.append("LIN+").append(l).append("++").append(4012345000000L + l).append(":EN'\n");
                b.append("PIA+1+A-").append(l).append(":IN'\n");
                b.append("IMD+F++:::Widget ").append(l).append("'\n");
                b.append("QTY+21:").append(l % 7 + 1).append(":PCE'\n");
                b.append("PRI+AAA:12.50'\n");
            }
            b.append("UNS+S'\nCNT+2:").append(lines).append("'\n");
            int segments = countSegments(b, 0) + 1;
            b.append("UNT+").append(segments).append('+').append(m).append("'\n");
            out.append(b);
        }
        out.append("UNZ+").append(String.valueOf(messages)).append("+1001'\n");
    }

    /** One X12 004010 interchange from {@code sender} with {@code messages} 850s of {@code lines} lines each. */
    public static String x12(String sender, int messages, int lines) {
        StringBuilder b = new StringBuilder("ISA*00*          *00*          *ZZ*")
                .append(pad(sender, 15)).append("*ZZ*RECEIVER       *240115*1200*U*00401*000001001*0*P*>~\n");
        b.append("GS*PO*").append(sender).append("*RECEIVER*20240115*1200*1001*X*004010~\n");
        for (int m = 1; m <= messages; m++) {
            int start = b.length();
            String control = String.format("%04d", m);
            b.append("ST*850*").append(control).append("~\n");
            b.append("BEG*00*SA*PO-").append(m).append("**20240115~\n");
            b.append("CUR*BY*USD~\nDTM*002*20240122~\n");
            b.append("N1*BY*ACME RETAIL*UL*0614141000005~\nN3*1 MAIN ST~\nN4*SPRINGFIELD*IL*62701*US~\n");
            b.append("N1*ST*ACME DC 7*UL*0614141000012~\nN1*VN*WIDGET CO*1*123456789~\n");
            for (int l = 1; l <= lines; l++) {
                b.append("PO1*").append(l).append('*').append(l % 7 + 1).append("*EA*12.5**UP*")
                        .append(String.format("%012d", 614141000000L + l)).append("*IN*A-").append(l).append("*VN*W").append(l).append("~\n");
                b.append("PID*F****WIDGET ").append(l).append("~\n");
            }
            b.append("CTT*").append(lines).append("~\n");
            int segments = countSegments(b, start) + 1;
            b.append("SE*").append(segments).append('*').append(control).append("~\n");
        }
        b.append("GE*").append(messages).append("*1001~\nIEA*1*000001001~\n");
        return b.toString();
    }

    public static InboundDocument document(String format, String content) {
        return document(format, content.getBytes(StandardCharsets.UTF_8));
    }

    public static InboundDocument document(String format, byte[] content) {
        return new InboundDocument(UUID.randomUUID(), Instant.now(), Channel.FOLDER, "test", null, null, null, format, null, content);
    }

    private static int countSegments(StringBuilder b, int from) {
        int n = 0;
        for (int i = from; i < b.length(); i++) {
            if (b.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s.substring(0, width) : s + " ".repeat(width - s.length());
    }
}

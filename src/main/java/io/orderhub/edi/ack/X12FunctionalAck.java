package io.orderhub.edi.ack;

import io.orderhub.edi.EdiError;
import io.orderhub.edi.EdiGroup;
import io.orderhub.edi.EdiInterchange;
import io.orderhub.edi.EdiMessage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the X12 acknowledgement of one inbound interchange: a TA1 when the interchange itself has a problem (a
 * duplicate control number: R with note 025, and then nothing else; an envelope error the hub tolerated: E with its
 * note code), and a functional group FA with one 997 (or 999) per inbound group: AK1, AK2 per
 * transaction set, AK3/AK4 (997) or IK3/IK4 (999) per segment and element in error, AK5/IK5 per transaction set
 * (A, E or R with its codes) and AK9 for the group (A, E, P or R with the counts).
 */
public final class X12FunctionalAck {

    /** Which functional acknowledgement. */
    public enum Type {
        X997("997"), X999("999");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    static final String X999_VERSION = "005010X231A1";

    private X12FunctionalAck() {
    }

    /** Transaction sets the acknowledgement holds (one per inbound group; none for a duplicate interchange). */
    public static int messages(EdiInterchange in, boolean duplicate) {
        return duplicate ? 1 : Math.max(1, in.groups().size());
    }

    public static byte[] write(EdiInterchange in, Type type, Parties parties, ControlNumbers.Allocation numbers,
                               Instant now, boolean duplicate) {
        var utc = now.atOffset(ZoneOffset.UTC);
        String isaVersion = in.syntaxVersion() == null ? "00401" : in.syntaxVersion();
        boolean repetitionSeparator = isaVersion.compareTo("00402") >= 0;
        String control = ControlNumbers.isa13(numbers.interchange());
        try (Segments w = new Segments("X12", isaVersion)) {
            w.segment("ISA", "00", " ".repeat(10), "00", " ".repeat(10), pad(parties.ownQualifier(), 2),
                    pad(parties.ownId(), 15), pad(parties.partnerQualifier(), 2), pad(parties.partnerId(), 15),
                    utc.format(DateTimeFormatter.ofPattern("yyMMdd")), utc.format(DateTimeFormatter.ofPattern("HHmm")),
                    repetitionSeparator ? "^" : "U", isaVersion, control, "0", in.test() ? "T" : "P", ":");
            List<EdiError> envelope = in.errors().stream().filter(EdiError::isError).toList();
            if (duplicate || !envelope.isEmpty()) {
                w.segment("TA1", in.controlNumber(), in.date(), in.time(), duplicate ? "R" : "E",
                        duplicate ? SyntaxCodes.X12_TA1_DUPLICATE : SyntaxCodes.x12Interchange(envelope.get(0)));
            }
            int groups = 0;
            if (!duplicate && !in.groups().isEmpty()) {
                groups = 1;
                String groupControl = Long.toString(numbers.group());
                String version = type == Type.X999 ? X999_VERSION : groupVersion(in);
                EdiGroup first = in.groups().get(0);
                w.segment("GS", "FA", nonBlank(first.applicationReceiver(), parties.ownId()),
                        nonBlank(first.applicationSender(), parties.partnerId()),
                        utc.format(DateTimeFormatter.ofPattern("yyyyMMdd")), utc.format(DateTimeFormatter.ofPattern("HHmm")),
                        groupControl, "X", version);
                int n = 0;
                for (EdiGroup g : in.groups()) {
                    transactionSet(w, type, g, ControlNumbers.digits(numbers.message(n++), 4));
                }
                w.segment("GE", Integer.toString(in.groups().size()), groupControl);
            }
            w.segment("IEA", Integer.toString(groups), control);
            return w.finish();
        }
    }

    private static void transactionSet(Segments w, Type type, EdiGroup g, String control) {
        boolean x999 = type == Type.X999;
        w.resetCount();
        if (x999) {
            w.segment("ST", type.code(), control, X999_VERSION);
        } else {
            w.segment("ST", type.code(), control);
        }
        boolean v5 = g.version() != null && g.version().startsWith("005");
        if (x999 || v5) {
            w.segment("AK1", nonBlank(g.functionalId(), "PO"), nonBlank(g.controlNumber(), "0"), g.version());
        } else {
            w.segment("AK1", nonBlank(g.functionalId(), "PO"), nonBlank(g.controlNumber(), "0"));
        }
        int accepted = 0;
        for (EdiMessage m : g.messages()) {
            if (x999 || v5) {
                w.segment("AK2", nonBlank(m.type(), ""), nonBlank(m.controlNumber(), ""), m.association());
            } else {
                w.segment("AK2", nonBlank(m.type(), ""), nonBlank(m.controlNumber(), ""));
            }
            List<String> messageCodes = new ArrayList<>();
            Map<Integer, List<EdiError>> bySegment = new LinkedHashMap<>();
            for (EdiError e : m.errors()) {
                if (!e.isError()) {
                    continue;
                }
                boolean atEnvelope = e.type() == null || "ST".equals(e.segmentTag()) || "SE".equals(e.segmentTag());
                if (atEnvelope) {
                    addOnce(messageCodes, SyntaxCodes.x12Message(e));
                } else {
                    bySegment.computeIfAbsent(e.segmentPosition(), k -> new ArrayList<>()).add(e);
                }
            }
            for (List<EdiError> errors : bySegment.values()) {
                addOnce(messageCodes, "5");
                segmentNote(w, x999, errors);
            }
            AckStatus status = AckStatus.of(m);
            if (status != AckStatus.REJECTED) {
                accepted++;
            }
            List<Object> ak5 = new ArrayList<>();
            ak5.add(status.x12());
            messageCodes.stream().limit(5).forEach(ak5::add);
            w.segment(x999 ? "IK5" : "AK5", ak5.toArray());
        }
        AckStatus groupStatus = AckStatus.of(g);
        List<Object> ak9 = new ArrayList<>(List.of(groupStatus.x12(), Integer.toString(g.messages().size()),
                Integer.toString(g.messages().size()), Integer.toString(accepted)));
        g.errors().stream().filter(EdiError::isError).map(SyntaxCodes::x12Group).distinct().limit(5).forEach(ak9::add);
        w.segment("AK9", ak9.toArray());
        w.segment("SE", Integer.toString(w.count() + 1), control);
    }

    private static void segmentNote(Segments w, boolean x999, List<EdiError> errors) {
        EdiError first = errors.get(0);
        EdiError segmentLevel = errors.stream().filter(e -> e.elementPosition() == 0).findFirst().orElse(null);
        String tag = segmentLevel != null && segmentLevel.referenceCode() != null && !segmentLevel.referenceCode().isBlank()
                ? segmentLevel.referenceCode() : first.segmentTag();
        String code = segmentLevel != null ? SyntaxCodes.x12Segment(segmentLevel, x999) : "8";
        w.segment(x999 ? "IK3" : "AK3", tag, Integer.toString(first.segmentPosition()), null, code);
        for (EdiError e : errors) {
            if (e.elementPosition() <= 0) {
                continue;
            }
            String[] position = e.componentPosition() > 0
                    ? new String[]{Integer.toString(e.elementPosition()), Integer.toString(e.componentPosition())}
                    : new String[]{Integer.toString(e.elementPosition())};
            String bad = e.value() == null ? null : e.value().length() > 99 ? e.value().substring(0, 99) : e.value();
            w.segment(x999 ? "IK4" : "AK4", position, e.referenceCode(), SyntaxCodes.x12Element(e, x999), bad);
        }
    }

    private static String groupVersion(EdiInterchange in) {
        for (EdiGroup g : in.groups()) {
            if (g.version() != null && g.version().length() >= 6) {
                return g.version().substring(0, 6);
            }
        }
        return "004010";
    }

    private static void addOnce(List<String> codes, String code) {
        if (!codes.contains(code)) {
            codes.add(code);
        }
    }

    private static String nonBlank(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }

    static String pad(String s, int width) {
        String v = s == null ? "" : s;
        return v.length() >= width ? v.substring(0, width) : v + " ".repeat(width - v.length());
    }
}

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
 * Writes the EDIFACT CONTRL message answering one inbound interchange (syntax versions 3 and 4): UCI with the
 * interchange's action (7 acknowledged, 4 rejected) and, where the envelope has an error, its syntax error code;
 * UCF per functional group; UCM per message (7 or 4, with the error at UNH/UNT if any); UCS per segment in error and
 * UCD per element in error, each with the standard syntax error code (see {@link SyntaxCodes#edifact}).
 */
public final class EdifactContrl {

    private EdifactContrl() {
    }

    /**
     * @param duplicate true when the interchange's control number was received before from the same sender: the
     *                  whole interchange is answered rejected with code 26 (duplicate detected)
     */
    public static byte[] write(EdiInterchange in, Parties parties, ControlNumbers.Allocation numbers, Instant now,
                               boolean duplicate) {
        boolean v4 = "4".equals(in.syntaxVersion());
        String syntax = in.syntax() == null ? "UNOC" : in.syntax();
        String version = in.syntaxVersion() == null ? "3" : in.syntaxVersion();
        String reference = Long.toString(numbers.interchange());
        String messageRef = Long.toString(numbers.message(0));
        var utc = now.atOffset(ZoneOffset.UTC);
        String date = utc.format(DateTimeFormatter.ofPattern(v4 ? "yyyyMMdd" : "yyMMdd"));
        String time = utc.format(DateTimeFormatter.ofPattern("HHmm"));
        try (Segments w = new Segments("EDIFACT", syntax, version)) {
            w.segment("UNA");
            w.segment("UNB", new String[]{syntax, version}, new String[]{parties.ownId(), parties.ownQualifier()},
                    new String[]{parties.partnerId(), parties.partnerQualifier()}, new String[]{date, time}, reference,
                    null, null, null, null, null, in.test() ? "1" : null);
            w.resetCount();
            w.segment("UNH", messageRef, new String[]{"CONTRL", v4 ? "4" : "D", v4 ? "1" : "3", "UN"});
            AckStatus status = AckStatus.of(in, duplicate);
            List<Object> uci = new ArrayList<>(List.of(in.controlNumber(),
                    new String[]{in.senderId(), in.senderQualifier()}, new String[]{in.receiverId(), in.receiverQualifier()},
                    status.edifact()));
            if (duplicate) {
                uci.add(SyntaxCodes.EDIFACT_DUPLICATE);
                uci.add("UNB");
                uci.add(new String[]{"5"});
            } else {
                firstError(in.errors()).ifPresent(e -> addError(uci, e));
            }
            w.segment("UCI", uci.toArray());
            if (!duplicate) {
                for (EdiMessage m : in.messages()) {
                    if (m.group() == null) {
                        message(w, m);
                    }
                }
                for (EdiGroup g : in.groups()) {
                    List<Object> ucf = new ArrayList<>(List.of(g.controlNumber() == null ? "" : g.controlNumber(),
                            new String[]{g.applicationSender()}, new String[]{g.applicationReceiver()},
                            AckStatus.of(g).edifact()));
                    firstError(g.errors()).ifPresent(e -> addError(ucf, e));
                    w.segment("UCF", ucf.toArray());
                    for (EdiMessage m : g.messages()) {
                        message(w, m);
                    }
                }
            }
            w.segment("UNT", Integer.toString(w.count() + 1), messageRef);
            w.segment("UNZ", "1", reference);
            return w.finish();
        }
    }

    private static void message(Segments w, EdiMessage m) {
        AckStatus status = AckStatus.of(m);
        List<Object> ucm = new ArrayList<>(List.of(m.controlNumber() == null ? "" : m.controlNumber(),
                messageIdentifier(m), status.edifact()));
        Map<Integer, List<EdiError>> bySegment = new LinkedHashMap<>();
        EdiError envelope = null;
        for (EdiError e : m.errors()) {
            if (!e.isError()) {
                continue;
            }
            boolean atEnvelope = "UNH".equals(e.segmentTag()) || "UNT".equals(e.segmentTag()) || e.type() == null;
            if (atEnvelope) {
                if (envelope == null) {
                    envelope = e;
                }
            } else {
                bySegment.computeIfAbsent(e.segmentPosition(), k -> new ArrayList<>()).add(e);
            }
        }
        if (envelope != null) {
            addError(ucm, envelope);
        }
        w.segment("UCM", ucm.toArray());
        for (Map.Entry<Integer, List<EdiError>> s : bySegment.entrySet()) {
            EdiError segmentError = s.getValue().stream().filter(e -> e.elementPosition() == 0).findFirst().orElse(null);
            w.segment("UCS", Integer.toString(s.getKey()), segmentError == null ? null : SyntaxCodes.edifact(segmentError));
            for (EdiError e : s.getValue()) {
                if (e.elementPosition() > 0) {
                    w.segment("UCD", SyntaxCodes.edifact(e), elementId(e));
                }
            }
        }
    }

    private static String[] messageIdentifier(EdiMessage m) {
        String version = m.version() == null ? null : m.version().substring(0, Math.min(1, m.version().length()));
        return new String[]{m.type(), version, m.release(), m.agency(), m.association()};
    }

    private static String[] elementId(EdiError e) {
        return e.componentPosition() > 0
                ? new String[]{Integer.toString(e.elementPosition()), Integer.toString(e.componentPosition())}
                : new String[]{Integer.toString(e.elementPosition())};
    }

    /** 0085 syntax error, 0013 service segment tag, S011 data element identification. */
    private static void addError(List<Object> target, EdiError e) {
        target.add(SyntaxCodes.edifact(e));
        target.add(e.segmentTag());
        target.add(e.elementPosition() > 0 ? elementId(e) : null);
    }

    private static java.util.Optional<EdiError> firstError(List<EdiError> errors) {
        return errors.stream().filter(EdiError::isError).findFirst();
    }
}

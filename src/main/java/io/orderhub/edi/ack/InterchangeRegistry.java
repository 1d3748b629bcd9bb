package io.orderhub.edi.ack;

import io.orderhub.edi.EdiDocument;
import io.orderhub.edi.EdiInterchange;
import io.orderhub.edi.EdiMessage;
import io.orderhub.edi.EdiPartners;
import io.orderhub.model.Envelope;
import io.orderhub.model.Problem;
import io.orderhub.queue.CommitCheck;
import io.orderhub.queue.Intake;
import io.orderhub.queue.PlannedOrder;
import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerEdi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs in the pipeline's commit transaction ({@link CommitCheck}): registers every EDI interchange of the document
 * by standard, sender id and control number ({@code edi_interchanges}, unique key). An interchange whose key is
 * taken by an earlier document — or by an earlier interchange of the same file — is a duplicate: its orders get the
 * problem {@value #CODE} naming the control number, the earlier document and when it came, so they go to review and
 * not to the ERP. The same file read again (after a crash, by a second instance) never gets here: its idempotency key
 * replays the first outcome. For partners with order responses it also records which interchange and message each
 * order came from ({@code edi_order_sources}).
 */
public final class InterchangeRegistry implements CommitCheck {

    public static final String CODE = "duplicate-interchange";

    /** An interchange registered before. */
    public record Earlier(UUID documentId, Instant receivedAt) {
    }

    private final EdiPartners partners;

    public InterchangeRegistry(EdiPartners partners) {
        this.partners = partners;
    }

    @Override
    public Intake check(Connection c, Intake intake) throws SQLException {
        List<EdiDocument> edi = ediDocuments(intake.mapping().envelopes());
        if (edi.isEmpty()) {
            return intake;
        }
        UUID documentId = intake.document().id();
        Map<EdiInterchange, Problem> duplicates = new IdentityHashMap<>();
        Set<String> seenHere = new HashSet<>();
        for (EdiDocument d : edi) {
            for (EdiInterchange i : d.interchanges()) {
                registerOne(c, i, documentId, intake.document().receivedAt(), seenHere).ifPresent(p -> duplicates.put(i, p));
            }
        }
        List<PlannedOrder> planned = new ArrayList<>(intake.planned().size());
        for (PlannedOrder p : intake.planned()) {
            EdiMessage source = sourceOf(edi, p).orElse(null);
            Problem duplicate = source == null ? null : duplicates.get(source.interchange());
            if (source != null && wantsOrderResponse(source.interchange())) {
                recordSource(c, p.id(), documentId, source);
            }
            if (duplicate == null) {
                planned.add(p);
            } else {
                List<Problem> problems = new ArrayList<>(p.problems());
                problems.add(duplicate);
                planned.add(new PlannedOrder(p.id(), p.mapped(), problems, p.priority(), p.dueAt(), p.atRiskAt()));
            }
        }
        return duplicates.isEmpty() ? intake : new Intake(intake.document(), intake.mapping(), planned);
    }

    /**
     * Registers one interchange of a document in the document's commit transaction, as {@link #check} does for each;
     * used directly by the large-file way ({@code io.orderhub.intake.LargeEdiIntake}), which writes each order as
     * soon as it is read and so must know before the interchange's first order whether it is a repeat.
     *
     * @param seenHere the keys this document registered so far (updated here), to tell a repeat within the file
     * @return the problem the interchange's orders get if it is a repeat
     */
    public static Optional<Problem> registerOne(Connection c, EdiInterchange i, UUID documentId, Instant receivedAt,
                                                Set<String> seenHere) throws SQLException {
        if (!registrable(i)) {
            return Optional.empty();
        }
        String key = key(i);
        if (register(c, i, documentId, receivedAt)) {
            seenHere.add(key);
            return Optional.empty();
        }
        Earlier earlier = earlier(c, i).orElse(null);
        boolean repeatInFile = earlier != null && earlier.documentId().equals(documentId) && seenHere.contains(key);
        if (earlier != null && (!earlier.documentId().equals(documentId) || repeatInFile)) {
            return Optional.of(problem(i, earlier, repeatInFile));
        }
        return Optional.empty();
    }

    /** Records which interchange and message an order came from, for partners that get order responses. */
    public void recordSourceIfWanted(Connection c, UUID orderId, UUID documentId, EdiMessage m) throws SQLException {
        if (wantsOrderResponse(m.interchange())) {
            recordSource(c, orderId, documentId, m);
        }
    }

    /** The interchange registered under this one's key, if any (for acknowledgements after the commit). */
    public static Optional<Earlier> earlier(Connection c, EdiInterchange i) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select document_id, received_at from edi_interchanges"
                + " where standard = ? and sender_id = ? and control_number = ?")) {
            ps.setString(1, i.standard().format());
            ps.setString(2, i.senderId().strip());
            ps.setString(3, i.controlNumber().strip());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Earlier(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
                        : Optional.empty();
            }
        }
    }

    /** Whether an interchange has what its registry key needs: a sender id and a control number. */
    public static boolean registrable(EdiInterchange i) {
        return i.senderId() != null && !i.senderId().isBlank() && i.controlNumber() != null && !i.controlNumber().isBlank()
                && i.senderId().strip().length() <= 35 && i.controlNumber().strip().length() <= 35;
    }

    public static String key(EdiInterchange i) {
        return i.standard().format() + "|" + i.senderId().strip() + "|" + i.controlNumber().strip();
    }

    static List<EdiDocument> ediDocuments(List<Envelope> envelopes) {
        List<EdiDocument> edi = new ArrayList<>();
        for (Envelope e : envelopes) {
            if (e instanceof EdiDocument d) {
                edi.add(d);
            }
        }
        return edi;
    }

    private static boolean register(Connection c, EdiInterchange i, UUID documentId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into edi_interchanges (standard, sender_id, control_number,"
                + " document_id, received_at) values (?, ?, ?, ?, ?) on conflict do nothing")) {
            ps.setString(1, i.standard().format());
            ps.setString(2, i.senderId().strip());
            ps.setString(3, i.controlNumber().strip());
            ps.setObject(4, documentId);
            ps.setTimestamp(5, Timestamp.from(at));
            return ps.executeUpdate() == 1;
        }
    }

    static Problem problem(EdiInterchange i, Earlier earlier, boolean inSameFile) {
        String where = inSameFile ? "earlier in the same file" : "on " + earlier.receivedAt() + " in document " + earlier.documentId();
        return new Problem(i.path(), CODE, "interchange control number " + i.controlNumber().strip() + " from sender "
                + i.senderId().strip() + " was already received " + where
                + "; this repeat's orders are held for review and not sent to the ERP");
    }

    private static Optional<EdiMessage> sourceOf(List<EdiDocument> edi, PlannedOrder p) {
        for (EdiDocument d : edi) {
            Optional<EdiMessage> m = d.sourceOf(p.mapped().order());
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    private boolean wantsOrderResponse(EdiInterchange i) {
        return partners.bySender(i.senderId()).map(Partner::edi).map(PartnerEdi::orderResponse).orElse(false);
    }

    private static void recordSource(Connection c, UUID orderId, UUID documentId, EdiMessage m) throws SQLException {
        EdiInterchange i = m.interchange();
        try (PreparedStatement ps = c.prepareStatement("insert into edi_order_sources (order_id, document_id, standard,"
                + " sender_id, sender_qualifier, receiver_id, receiver_qualifier, syntax, syntax_version,"
                + " interchange_number, message_number, message_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict do nothing")) {
            ps.setObject(1, orderId);
            ps.setObject(2, documentId);
            ps.setString(3, i.standard().format());
            ps.setString(4, cut(i.senderId(), 35));
            ps.setString(5, cut(i.senderQualifier(), 4));
            ps.setString(6, cut(i.receiverId(), 35));
            ps.setString(7, cut(i.receiverQualifier(), 4));
            ps.setString(8, cut(i.syntax(), 8));
            ps.setString(9, cut(i.syntaxVersion(), 8));
            ps.setString(10, cut(i.controlNumber(), 35));
            ps.setString(11, cut(m.controlNumber(), 35));
            ps.setString(12, cut(m.version(), 20));
            ps.executeUpdate();
        }
    }

    static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        String v = s.strip();
        return v.length() <= max ? v : v.substring(0, max);
    }
}

package io.orderhub.edi.ack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.edi.EdiPartners;
import io.orderhub.model.CanonicalOrder;
import io.orderhub.model.OrderLine;
import io.orderhub.support.Ids;
import io.orderhub.validation.Partner;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/**
 * Order responses once the ERP has booked an order (route {@code edi-order-response}): an EDIFACT ORDRSP or an X12
 * 855 to partners with {@code edi.orderResponse: true}, quoting the customer's PO number and date, the ERP order
 * number, and each line as accepted with its quantity. Written with StAEDI's EDIStreamWriter in the directory /
 * version of the order's own message, enveloped with the hub's own id and the partner's, with the partner's next
 * control numbers; stored like acknowledgements (subject {@code order <id>}, so a repeated delivery event writes
 * nothing) and sent through the outbox to the partner's outbound folder, if it has one.
 */
public final class OrderResponses {

    private static final Logger LOG = LoggerFactory.getLogger(OrderResponses.class);
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** What the response is written from: where the order came from and what the ERP made of it. */
    record Source(UUID orderId, UUID documentId, String standard, String senderId, String senderQualifier,
                  String receiverId, String receiverQualifier, String syntax, String syntaxVersion,
                  String interchangeNumber, String messageNumber, String messageVersion, String erpOrderNumber,
                  CanonicalOrder order) {
    }

    private final AckStore store;
    private final EdiPartners partners;
    private final OwnId ownId;
    private final ObjectMapper json;
    private final Clock clock;
    /** False when no partner asks for order responses: then a delivered order costs no lookup. */
    private final boolean anyWanted;

    public OrderResponses(AckStore store, EdiPartners partners, OwnId ownId, ObjectMapper json, Clock clock) {
        this.store = store;
        this.partners = partners;
        this.ownId = ownId;
        this.json = json;
        this.clock = clock;
        this.anyWanted = partners.all().stream().anyMatch(p -> p.edi() != null && p.edi().orderResponse());
    }

    /** Called for every order the ERP accepted; writes a response if its partner wants one. */
    public void erpDelivered(@ExchangeProperty("orderhubOrderId") UUID orderId) {
        if (orderId == null || !anyWanted) {
            return;
        }
        Optional<Source> source = source(orderId);
        if (source.isEmpty()) {
            return;
        }
        Source s = source.get();
        Optional<Partner> partner = partners.bySender(s.senderId());
        if (partner.isEmpty() || partner.get().edi() == null || !partner.get().edi().orderResponse()) {
            return;
        }
        String subject = "order " + orderId;
        if (store.exists(s.documentId(), subject)) {
            return;
        }
        boolean edifact = "edifact".equals(s.standard());
        String kind = edifact ? "ORDRSP" : "855";
        Parties parties = parties(s, partner.get());
        Instant now = clock.instant();
        String destination = partner.get().drop() == null ? null : OutboundRoutes.endpointFor(partner.get().id());
        store.database().inTransaction(c -> {
            ControlNumbers.Allocation n = ControlNumbers.next(c, partner.get().id(), 1);
            byte[] content = edifact ? ordrsp(s, parties, n, now) : x855(s, parties, n, now);
            String control = edifact ? Long.toString(n.interchange()) : ControlNumbers.isa13(n.interchange());
            StoredAck a = new StoredAck(Ids.newId(), s.documentId(), subject, orderId, partner.get().id(), kind,
                    s.standard(), s.interchangeNumber(), control, AckStatus.ACCEPTED.name(),
                    Acknowledgements.fileName(kind, partner.get().id(), control,
                            edifact ? io.orderhub.edi.EdiStandard.EDIFACT : io.orderhub.edi.EdiStandard.X12),
                    destination, now, null, null, content);
            if (AckStore.insert(c, a)) {
                LOG.info("{} {} for order {} (PO {}, ERP {}){}", kind, control, orderId, s.order().poNumber(),
                        s.erpOrderNumber(), destination == null ? " (kept for the API)" : " (to " + destination + ")");
            }
            return null;
        });
    }

    private Parties parties(Source s, Partner partner) {
        String id = partner.edi().ownId() != null && !partner.edi().ownId().isBlank() ? partner.edi().ownId()
                : ownId.id() != null && !ownId.id().isBlank() ? ownId.id().strip() : s.receiverId();
        String q = partner.edi().ownQualifier() != null && !partner.edi().ownQualifier().isBlank()
                ? partner.edi().ownQualifier()
                : ownId.qualifier() != null && !ownId.qualifier().isBlank() ? ownId.qualifier().strip()
                : s.receiverQualifier() != null ? s.receiverQualifier() : "edifact".equals(s.standard()) ? "ZZZ" : "ZZ";
        return new Parties(id, q, s.senderId(), s.senderQualifier() == null && !"edifact".equals(s.standard())
                ? "ZZ" : s.senderQualifier());
    }

    static byte[] ordrsp(Source s, Parties p, ControlNumbers.Allocation n, Instant now) {
        CanonicalOrder o = s.order();
        boolean v4 = "4".equals(s.syntaxVersion());
        var utc = now.atOffset(ZoneOffset.UTC);
        String ref = Long.toString(n.interchange());
        String messageRef = Long.toString(n.message(0));
        String version = s.messageVersion() == null || s.messageVersion().length() < 2 ? "D96A" : s.messageVersion();
        String syntax = s.syntax() == null ? "UNOC" : s.syntax();
        String syntaxVersion = s.syntaxVersion() == null ? "3" : s.syntaxVersion();
        try (Segments w = new Segments("EDIFACT", syntax, syntaxVersion)) {
            w.segment("UNA");
            w.segment("UNB", new String[]{syntax, syntaxVersion},
                    new String[]{p.ownId(), p.ownQualifier()}, new String[]{p.partnerId(), p.partnerQualifier()},
                    new String[]{utc.format(DateTimeFormatter.ofPattern(v4 ? "yyyyMMdd" : "yyMMdd")),
                            utc.format(DateTimeFormatter.ofPattern("HHmm"))}, ref);
            w.resetCount();
            w.segment("UNH", messageRef, new String[]{"ORDRSP", version.substring(0, 1), version.substring(1), "UN"});
            // 231 purchase order response, 29 accepted without amendment
            w.segment("BGM", new String[]{"231"}, new String[]{s.erpOrderNumber()}, "29");
            w.segment("DTM", (Object) new String[]{"137", utc.format(CCYYMMDD), "102"});
            w.segment("RFF", (Object) new String[]{"ON", o.poNumber()});
            if (o.orderDate() != null) {
                w.segment("DTM", (Object) new String[]{"171", o.orderDate().format(CCYYMMDD), "102"});
            }
            if (o.buyer() != null && partyId(o.buyer()) != null) {
                w.segment("NAD", "BY", new String[]{partyId(o.buyer()), null, "9"});
            }
            int line = 0;
            for (OrderLine l : o.lines()) {
                line++;
                // 5: accepted without amendment
                w.segment("LIN", Integer.toString(l.lineNumber() == null ? line : l.lineNumber()), "5",
                        l.gtin() == null ? null : new String[]{l.gtin(), "EN"});
                if (l.buyerItem() != null) {
                    w.segment("PIA", "1", new String[]{l.buyerItem(), "IN"});
                }
                if (l.quantity() != null) {
                    w.segment("QTY", (Object) new String[]{"21", plain(l.quantity()), l.unit()});
                }
            }
            w.segment("UNS", "S");
            w.segment("CNT", (Object) new String[]{"2", Integer.toString(o.lines().size())});
            w.segment("UNT", Integer.toString(w.count() + 1), messageRef);
            w.segment("UNZ", "1", ref);
            return w.finish();
        }
    }

    static byte[] x855(Source s, Parties p, ControlNumbers.Allocation n, Instant now) {
        CanonicalOrder o = s.order();
        var utc = now.atOffset(ZoneOffset.UTC);
        String isaVersion = s.syntaxVersion() == null ? "00401" : s.syntaxVersion();
        String control = ControlNumbers.isa13(n.interchange());
        String group = Long.toString(n.group());
        String st = ControlNumbers.digits(n.message(0), 4);
        String version = s.messageVersion() == null ? "004010" : s.messageVersion();
        try (Segments w = new Segments("X12", isaVersion)) {
            w.segment("ISA", "00", " ".repeat(10), "00", " ".repeat(10), X12FunctionalAck.pad(p.ownQualifier(), 2),
                    X12FunctionalAck.pad(p.ownId(), 15), X12FunctionalAck.pad(p.partnerQualifier(), 2),
                    X12FunctionalAck.pad(p.partnerId(), 15), utc.format(DateTimeFormatter.ofPattern("yyMMdd")),
                    utc.format(DateTimeFormatter.ofPattern("HHmm")), isaVersion.compareTo("00402") >= 0 ? "^" : "U",
                    isaVersion, control, "0", "P", ":");
            w.segment("GS", "PR", p.ownId(), p.partnerId(), utc.format(CCYYMMDD),
                    utc.format(DateTimeFormatter.ofPattern("HHmm")), group, "X", version);
            w.resetCount();
            w.segment("ST", "855", st);
            // 00 original, AD acknowledge with detail, no change; BAK08 the seller's (ERP) order number
            w.segment("BAK", "00", "AD", o.poNumber(), date(o.orderDate(), now), null, null, null, s.erpOrderNumber(),
                    utc.format(CCYYMMDD));
            int line = 0;
            for (OrderLine l : o.lines()) {
                line++;
                String qty = l.quantity() == null ? null : plain(l.quantity());
                String unit = l.unit() == null ? "EA" : l.unit();
                java.util.List<Object> po1 = new java.util.ArrayList<>(java.util.List.of(
                        Integer.toString(l.lineNumber() == null ? line : l.lineNumber()), qty == null ? "" : qty, unit,
                        l.unitPrice() == null ? "" : plain(l.unitPrice()), ""));
                if (l.buyerItem() != null) {
                    po1.add("BP");
                    po1.add(l.buyerItem());
                }
                if (l.supplierItem() != null) {
                    po1.add("VP");
                    po1.add(l.supplierItem());
                }
                if (l.gtin() != null) {
                    po1.add("EN");
                    po1.add(l.gtin());
                }
                w.segment("PO1", po1.toArray());
                // IA: item accepted
                w.segment("ACK", "IA", qty, unit);
            }
            w.segment("CTT", Integer.toString(o.lines().size()));
            w.segment("SE", Integer.toString(w.count() + 1), st);
            w.segment("GE", "1", group);
            w.segment("IEA", "1", control);
            return w.finish();
        }
    }

    private Optional<Source> source(UUID orderId) {
        return store.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select s.document_id, s.standard, s.sender_id,"
                    + " s.sender_qualifier, s.receiver_id, s.receiver_qualifier, s.syntax, s.syntax_version,"
                    + " s.interchange_number, s.message_number, s.message_version, o.erp_order_number, oc.canonical"
                    + " from edi_order_sources s join orders o on o.id = s.order_id"
                    + " join order_content oc on oc.order_id = o.id"
                    + " where s.order_id = ? and o.status = 'DELIVERED'")) {
                ps.setObject(1, orderId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    CanonicalOrder order;
                    try {
                        order = json.readValue(rs.getString(13), CanonicalOrder.class);
                    } catch (IOException e) {
                        throw new UncheckedIOException("order " + orderId + " has unreadable canonical JSON", e);
                    }
                    return Optional.of(new Source(orderId, rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), order));
                }
            }
        });
    }

    private static String partyId(io.orderhub.model.Party party) {
        return party.gln() != null ? party.gln() : party.id();
    }

    private static String date(LocalDate d, Instant fallback) {
        return (d != null ? d : fallback.atOffset(ZoneOffset.UTC).toLocalDate()).format(CCYYMMDD);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}

package io.orderhub.mail;

import io.orderhub.intake.InboundDocument;
import io.orderhub.queue.IntakeOutcome;
import io.orderhub.support.Database;
import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerMail;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.camel.component.mail.MailConstants;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Confirmation mails to partners that asked for them ({@code mail.confirmReceipt}, {@code mail.confirmErpNumber}
 * in partners.yaml): receipt, quoting the PO numbers read, once a mail's orders are committed; and the ERP order
 * number once an order from a mail is booked. Both go to the mail's Reply-To (else From) address, only for mails
 * whose sender is a known partner, and only when mailboxes.yaml configures an SMTP server. They wait in the durable
 * {@link MailOutbox}, one per key: a mail read again after a crash is not confirmed twice, and {@link #sweep()}
 * enqueues what a crash between commit and enqueue left out.
 */
public final class MailConfirmations {

    /** Exchange property the intake route keeps the inbound mail document in. */
    public static final String DOCUMENT = "orderhubMailDocument";

    private final MailSenders senders;
    private final Database db;
    private final SmtpSettings smtp;
    private final MailOutbox outbox;
    private final Clock clock;
    private final Duration sweepWindow;

    /** @param sweepWindow how far back {@link #sweep()} looks for confirmations a crash left out */
    public MailConfirmations(MailSenders senders, Database db, SmtpSettings smtp, MailOutbox outbox, Clock clock,
                             Duration sweepWindow) {
        this.senders = senders;
        this.db = db;
        this.smtp = smtp;
        this.outbox = outbox;
        this.clock = clock;
        this.sweepWindow = sweepWindow;
    }

    /**
     * The receipt for a committed mail, or null when none is due. A mail read again after a crash gets the same key,
     * so the outbox keeps one receipt for it.
     */
    public Confirmation receipt(@ExchangeProperty(DOCUMENT) InboundDocument document, Exchange exchange) {
        IntakeOutcome outcome = exchange.getMessage().getBody(IntakeOutcome.class);
        if (smtp == null || outcome == null || document == null) {
            return null;
        }
        return receiptFor(outcome.documentId(), document.content(),
                outcome.orders().stream().map(IntakeOutcome.OrderOutcome::poNumber).toList());
    }

    private Confirmation receiptFor(UUID documentId, byte[] mail, List<String> poNumbers) {
        MailHeaders headers = MailHeaders.parse(mail);
        Optional<Partner> partner = senders.partnerFor(headers.from())
                .filter(p -> p.mail() != null && p.mail().confirmReceipt());
        if (partner.isEmpty() || headers.replyAddress().isEmpty()) {
            return null;
        }
        String pos = poNumbers.stream().map(po -> po == null ? "(no PO number)" : po).collect(Collectors.joining(", "));
        String text = poNumbers.isEmpty()
                ? "We received your mail. No order could be read from it automatically; it is being reviewed.\n"
                : "We received your mail with the order(s) " + pos + ". They are being processed.\n";
        return new Confirmation("receipt:" + documentId, headers.replyAddress().get(), "Order receipt: "
                + (pos.isEmpty() ? "your mail" : pos) + subjectSuffix(headers), text + "\nReference: " + documentId + "\n");
    }

    /** The ERP order number confirmation for a delivered order, or null when none is due. */
    public Confirmation erpDelivered(@ExchangeProperty("orderhubOrderId") UUID orderId) {
        if (smtp == null || orderId == null) {
            return null;
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select o.po_number, o.erp_order_number, d.content"
                    + " from orders o join documents d on d.id = o.document_id"
                    + " where o.id = ? and o.status = 'DELIVERED' and d.channel = 'mail'")) {
                ps.setObject(1, orderId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? erpConfirmationFor(orderId, rs.getString(1), rs.getString(2), rs.getBytes(3)) : null;
                }
            }
        });
    }

    private Confirmation erpConfirmationFor(UUID orderId, String po, String erpNumber, byte[] mail) {
        MailHeaders headers = MailHeaders.parse(mail);
        boolean wanted = senders.partnerFor(headers.from()).map(Partner::mail)
                .map(PartnerMail::confirmErpNumber).orElse(false);
        if (!wanted || headers.replyAddress().isEmpty()) {
            return null;
        }
        return new Confirmation("erp:" + orderId, headers.replyAddress().get(), "Order " + po + " booked as " + erpNumber,
                "Your order " + po + " has been booked under our order number " + erpNumber + ".\n");
    }

    /**
     * Enqueues what the intake and delivery routes should have enqueued but a crash (between the commit and the
     * enqueue) left out: receipts for mails received, and ERP numbers for mail orders delivered, within the window.
     * Returns how many confirmations were added.
     */
    public int sweep() {
        if (smtp == null) {
            return 0;
        }
        Instant since = clock.instant().minus(sweepWindow);
        List<Confirmation> due = new ArrayList<>();
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select d.id, d.content from documents d"
                    + " where d.channel = 'mail' and d.received_at >= ?")) {
                ps.setTimestamp(1, Timestamp.from(since));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        if (!outbox.known("receipt:" + id)) {
                            Optional.ofNullable(receiptFor(id, rs.getBytes(2), poNumbers(c, id))).ifPresent(due::add);
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select o.id, o.po_number, o.erp_order_number, d.content"
                    + " from orders o join documents d on d.id = o.document_id where d.channel = 'mail'"
                    + " and o.status = 'DELIVERED' and o.updated_at >= ?")) {
                ps.setTimestamp(1, Timestamp.from(since));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        if (!outbox.known("erp:" + id)) {
                            Optional.ofNullable(erpConfirmationFor(id, rs.getString(2), rs.getString(3), rs.getBytes(4)))
                                    .ifPresent(due::add);
                        }
                    }
                }
            }
            return null;
        });
        int added = 0;
        for (Confirmation c : due) {
            if (outbox.enqueue(c)) {
                added++;
            }
        }
        return added;
    }

    private static List<String> poNumbers(java.sql.Connection c, UUID documentId) throws java.sql.SQLException {
        List<String> pos = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select po_number from orders where document_id = ? order by position")) {
            ps.setObject(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pos.add(rs.getString(1));
                }
            }
        }
        return pos;
    }

    /** Body: a {@link MailOutbox.Pending}; afterwards the mail for the SMTP endpoint, its outbox id in a property. */
    public void prepare(Exchange exchange) {
        MailOutbox.Pending pending = exchange.getMessage().getBody(MailOutbox.Pending.class);
        Confirmation c = pending.confirmation();
        exchange.setProperty(MailOutbox.ID, pending.id());
        Message m = exchange.getMessage();
        m.removeHeaders("*");
        m.setHeader(MailConstants.MAIL_TO, c.to());
        m.setHeader(MailConstants.MAIL_FROM, smtp.from());
        m.setHeader(MailConstants.MAIL_SUBJECT, c.subject());
        m.setHeader("Content-Type", "text/plain; charset=UTF-8");
        m.setBody(c.text());
    }

    private static String subjectSuffix(MailHeaders headers) {
        return headers.subject() == null || headers.subject().isBlank() ? "" : " (Re: " + headers.subject() + ")";
    }
}

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
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Confirmation mails to partners that asked for them ({@code mail.confirmReceipt}, {@code mail.confirmErpNumber}
 * in partners.yaml): receipt, quoting the PO numbers read, once a mail's orders are committed; and the ERP order
 * number once an order from a mail is booked. Both go to the mail's Reply-To (else From) address, only for mails
 * whose sender is a known partner, and only when mailboxes.yaml configures an SMTP server. A replayed mail (read
 * again after a crash) is not confirmed again.
 */
public final class MailConfirmations {

    /** Exchange property the intake route keeps the inbound mail document in. */
    public static final String DOCUMENT = "orderhubMailDocument";

    private final MailSenders senders;
    private final Database db;
    private final SmtpSettings smtp;

    public MailConfirmations(MailSenders senders, Database db, SmtpSettings smtp) {
        this.senders = senders;
        this.db = db;
        this.smtp = smtp;
    }

    /** The receipt for a committed mail, or null when none is due. */
    public Confirmation receipt(@ExchangeProperty(DOCUMENT) InboundDocument document, Exchange exchange) {
        IntakeOutcome outcome = exchange.getMessage().getBody(IntakeOutcome.class);
        if (smtp == null || outcome == null || outcome.replayed() || document == null) {
            return null;
        }
        MailHeaders headers = MailHeaders.parse(document.content());
        Optional<Partner> partner = senders.partnerFor(headers.from())
                .filter(p -> p.mail() != null && p.mail().confirmReceipt());
        if (partner.isEmpty() || headers.replyAddress().isEmpty()) {
            return null;
        }
        String pos = outcome.orders().stream().map(o -> o.poNumber() == null ? "(no PO number)" : o.poNumber())
                .collect(Collectors.joining(", "));
        String text = outcome.orders().isEmpty()
                ? "We received your mail. No order could be read from it automatically; it is being reviewed.\n"
                : "We received your mail with the order(s) " + pos + ". They are being processed.\n";
        return new Confirmation(headers.replyAddress().get(), "Order receipt: " + (pos.isEmpty() ? "your mail" : pos)
                + subjectSuffix(headers), text + "\nReference: " + outcome.documentId() + "\n");
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
                    if (!rs.next()) {
                        return null;
                    }
                    MailHeaders headers = MailHeaders.parse(rs.getBytes(3));
                    boolean wanted = senders.partnerFor(headers.from()).map(Partner::mail)
                            .map(PartnerMail::confirmErpNumber).orElse(false);
                    if (!wanted || headers.replyAddress().isEmpty()) {
                        return null;
                    }
                    String po = rs.getString(1);
                    return new Confirmation(headers.replyAddress().get(), "Order " + po + " booked as "
                            + rs.getString(2), "Your order " + po + " has been booked under our order number "
                            + rs.getString(2) + ".\n");
                }
            }
        });
    }

    /** Body: a {@link Confirmation}; afterwards the mail for the SMTP endpoint. */
    public void prepare(Exchange exchange) {
        Confirmation c = exchange.getMessage().getBody(Confirmation.class);
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

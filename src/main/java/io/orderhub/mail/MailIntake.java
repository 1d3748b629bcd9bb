package io.orderhub.mail;

import io.orderhub.intake.InboundDocument;
import io.orderhub.model.Channel;
import io.orderhub.support.Ids;
import io.orderhub.validation.Partner;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.component.mail.MailMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a polled mail into an {@link InboundDocument} of format {@link MailMapper#FORMAT} for the common pipeline
 * (routes/mail-intake.camel.yaml): the raw message, unchanged, as {@code message/rfc822}. Only the raw bytes are
 * fetched (with IMAP's peek, so the mail stays unread); nothing here parses MIME, so no malformed mail can fail
 * the exchange.
 * <p>
 * The client is {@code mail:<partner>} when the From address identifies a partner (the partner speaks for itself),
 * else {@code mailbox:<name>}, whom no partner allows, so such orders go to review. The idempotency key is
 * {@code <mailbox>/<Message-ID>} (or the SHA-256 of the raw message when it has none): a mail read twice replays
 * the first outcome.
 */
public final class MailIntake {

    /** Exchange property the mail routes set from their template parameter. */
    public static final String MAILBOX = "orderhubMailbox";
    /** Content type of a document that holds only the headers of a mail over its mailbox's size limit. */
    public static final String HEADERS_ONLY = "text/rfc822-headers";
    /** The idempotency key column holds 200 characters. */
    static final int MAX_KEY = 200;

    private final Map<String, Mailbox> mailboxes;
    private final MailSenders senders;
    private final Clock clock;

    public MailIntake(Map<String, Mailbox> mailboxes, MailSenders senders, Clock clock) {
        this.mailboxes = Map.copyOf(mailboxes);
        this.senders = senders;
        this.clock = clock;
    }

    public InboundDocument document(Exchange exchange) throws MessagingException, IOException {
        Mailbox mailbox = mailbox(exchange.getProperty(MAILBOX, String.class));
        Message mail = exchange.getIn(MailMessage.class).getOriginalMessage();
        int size = mail.getSize();
        boolean tooLarge = size > mailbox.maxMessageBytes();
        byte[] raw = tooLarge ? headerBlock(mail) : rawBytes(mail);
        if (!tooLarge && raw.length > mailbox.maxMessageBytes()) {
            tooLarge = true;
            raw = headerBlock(mail);
        }
        serverSideAction(exchange, mailbox, tooLarge);
        return document(mailbox, raw, tooLarge ? Math.max(size, 0) : -1);
    }

    /** The document for these raw bytes read from this mailbox; {@code oversize} &ge; 0 for a headers-only one. */
    public InboundDocument document(Mailbox mailbox, byte[] raw, long oversize) {
        MailHeaders headers = MailHeaders.parse(raw);
        Optional<Partner> partner = senders.partnerFor(headers.from());
        String client = partner.map(p -> Partner.ownClient("mail", p.id())).orElse(mailbox.client());
        String senderHint = partner.map(Partner::id).orElse(mailbox.defaultPartner());
        String source = "mailbox " + mailbox.name() + " (" + mailbox.location() + ") Message-ID "
                + (headers.messageId() == null ? "(none)" : headers.messageId())
                + (oversize >= 0 ? ", " + oversize + " bytes, over the limit of " + mailbox.maxMessageBytes() : "");
        return new InboundDocument(Ids.newId(), clock.instant(), Channel.MAIL, source, client, senderHint,
                oversize >= 0 ? HEADERS_ONLY : "message/rfc822", MailMapper.FORMAT,
                idempotencyKey(mailbox.name(), headers.messageId(), raw), raw);
    }

    /**
     * Decides what the consumer does with the mail once the exchange completes, explicitly: the mail's own header
     * fields must never reach the consumer (a sender's "delete: true" or "moveTo: Trash" header would otherwise be
     * obeyed). A mail over the size limit, of which only the headers are stored, is never deleted.
     */
    static void serverSideAction(Exchange exchange, Mailbox mailbox, boolean tooLarge) {
        org.apache.camel.Message in = exchange.getIn();
        in.removeHeaders("*");
        in.setHeader(MailConstants.MAIL_DELETE, mailbox.afterCommit() == Mailbox.AfterCommit.DELETE && !tooLarge);
        if (mailbox.moveTo() != null) {
            in.setHeader(MailConstants.MAIL_MOVE_TO, mailbox.moveTo());
        }
    }

    static String idempotencyKey(String mailbox, String messageId, byte[] raw) {
        if (messageId == null) {
            return mailbox + "/sha256:" + sha256(raw);
        }
        String key = mailbox + "/" + messageId;
        return key.length() <= MAX_KEY ? key : mailbox + "/sha256-id:" + sha256(messageId.getBytes(StandardCharsets.UTF_8));
    }

    private Mailbox mailbox(String name) {
        Mailbox m = mailboxes.get(name);
        if (m == null) {
            throw new IllegalStateException("No mailbox " + name);
        }
        return m;
    }

    private static byte[] rawBytes(Message mail) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, mail.getSize()));
        mail.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] headerBlock(Message mail) throws MessagingException {
        StringBuilder b = new StringBuilder();
        for (Enumeration<Header> e = mail.getAllHeaders(); e.hasMoreElements(); ) {
            Header h = e.nextElement();
            b.append(h.getName()).append(": ").append(h.getValue()).append("\r\n");
        }
        return b.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.orderhub.mail;

import io.orderhub.intake.DocumentMapper;
import io.orderhub.intake.InboundDocument;
import io.orderhub.intake.Mappers;
import io.orderhub.model.Envelope;
import io.orderhub.model.MappedOrder;
import io.orderhub.model.MappingResult;
import io.orderhub.model.Problem;
import io.orderhub.model.SourceRef;
import io.orderhub.support.Ids;
import io.orderhub.validation.Partner;
import io.orderhub.validation.PartnerMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Maps a stored mail (format {@value #FORMAT}, the raw message): finds the partner by the From address, takes the
 * message apart, classifies each attachment by its content and hands it to the hub's mapper for that format. The
 * orders of all attachments become the document's orders (renumbered), their provenance locators prefixed with
 * the attachment ({@code attachment 2 'po.xml': /Order/cbc:ID}); problems name the attachment in their path. An
 * attachment no mapper reads (an unknown file, a PDF of a sender without a PDF template) is a problem; a mail
 * without any order is a REJECTED document with its problems, shown for review with the original beside it.
 */
public final class MailMapper implements DocumentMapper {

    public static final String FORMAT = "mail";

    private final Supplier<Mappers> mappers;
    private final MailSenders senders;
    private final MailLimits limits;
    private final BodyTemplates bodyTemplates;
    private final AttachmentFormats formats = new AttachmentFormats();
    private final Session session = Session.getInstance(new Properties());

    /**
     * @param mappers the hub's mappers, supplied late: they include this one
     */
    public MailMapper(Supplier<Mappers> mappers, MailSenders senders, MailLimits limits, BodyTemplates bodyTemplates) {
        this.mappers = mappers;
        this.senders = senders;
        this.limits = limits;
        this.bodyTemplates = bodyTemplates;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public MappingResult map(InboundDocument document) {
        MailHeaders headers = MailHeaders.parse(document.content());
        Optional<Partner> partner = senders.partnerFor(headers.from());
        Merge merge = new Merge(document, partner.map(Partner::id).orElse(document.senderHint()));
        if (partner.isEmpty()) {
            merge.senderProblem = unknownSender(headers.from(), document.senderHint());
            merge.problems.add(merge.senderProblem);
        } else if (partner.get().mail().requireDmarc() && !headers.authenticated()) {
            merge.senderProblem = new Problem("From", "sender-not-authenticated", "'" + headers.from()
                    + "' is an address of partner " + partner.get().id() + ", which requires DMARC, but the receiving"
                    + " server did not record dmarc=pass for this mail");
            merge.problems.add(merge.senderProblem);
        }
        if (MailIntake.HEADERS_ONLY.equals(document.contentType())) {
            merge.problems.add(new Problem("", "message-too-large", "the mail is over its mailbox's size limit ("
                    + document.source() + "): only its headers were stored; the mail was left on the server"));
            return merge.result();
        }
        readMessage(merge, "", document.content(), 0);
        if (merge.orders.isEmpty() && !merge.attachmentSeen) {
            bodyOnly(merge, partner);
        }
        return merge.result();
    }

    private void readMessage(Merge merge, String prefix, byte[] raw, int depth) {
        MailParts parts;
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            parts = MailParts.of(message, limits.maxAttachmentBytes(), limits.maxNesting());
        } catch (MessagingException | RuntimeException e) {
            merge.problems.add(new Problem(prefix.isEmpty() ? "message" : prefix, "broken-mime",
                    "the message cannot be parsed: " + e.getMessage()));
            return;
        }
        for (Problem p : parts.problems()) {
            merge.problems.add(new Problem(join(prefix, p.path()), p.code(), p.message()));
        }
        if (depth == 0) {
            merge.text = parts.text();
        }
        for (MailAttachment a : parts.attachments()) {
            attachment(merge, prefix, a, depth, true);
        }
    }

    private void attachment(Merge merge, String prefix, MailAttachment a, int depth, boolean mayUnzip) {
        merge.attachmentSeen = true;
        String label = join(prefix, a.label());
        if (a.content() == null) {
            merge.problems.add(new Problem(label, a.unreadable().startsWith("larger") ? "attachment-too-large"
                    : "needs-review", "unreadable attachment: " + a.unreadable() + "; it is kept in the stored mail"));
            return;
        }
        AttachmentFormats.Classified c = formats.classify(a.name(), a.declaredType(), a.content());
        switch (c.kind()) {
            case ZIP -> {
                if (!mayUnzip) {
                    unreadable(merge, label, "a zip inside a zip is not unpacked");
                    return;
                }
                ZipExpander.Result zip = new ZipExpander(limits.maxZipEntries(), limits.maxAttachmentBytes(),
                        limits.maxZipBytes()).expand(a.label(), a.content());
                for (String note : zip.notes()) {
                    merge.problems.add(new Problem(label, "needs-review", "zip attachment: " + note));
                }
                for (MailAttachment entry : zip.entries()) {
                    attachment(merge, prefix, entry, depth, false);
                }
            }
            case MAIL -> {
                if (depth + 1 >= limits.maxNesting()) {
                    unreadable(merge, label, "attached mails nested deeper than " + limits.maxNesting());
                } else {
                    readMessage(merge, label, a.content(), depth + 1);
                }
            }
            default -> {
                if (c.format() != null && !c.format().equals(FORMAT) && mappers.get().supports(c.format())) {
                    delegate(merge, label, a, c);
                } else {
                    unreadable(merge, label, c.description() + ", which no mapping reads yet");
                }
            }
        }
    }

    private void delegate(Merge merge, String label, MailAttachment a, AttachmentFormats.Classified c) {
        InboundDocument doc = merge.document;
        InboundDocument part = new InboundDocument(Ids.newId(), doc.receivedAt(), doc.channel(),
                doc.source() + " " + label, doc.client(), merge.senderHint,
                a.declaredType() == null ? "application/octet-stream" : a.declaredType(), c.format(), null,
                a.content());
        MappingResult result = mappers.get().map(part);
        for (MappedOrder m : result.orders()) {
            Map<String, SourceRef> provenance = new LinkedHashMap<>();
            m.provenance().forEach((pointer, ref) -> provenance.put(pointer,
                    new SourceRef(ref.kind(), label + ": " + ref.locator(), ref.confidence())));
            List<Problem> problems = new ArrayList<>(m.problems());
            if (merge.senderProblem != null) {
                problems.add(merge.senderProblem);
            }
            merge.orders.add(new MappedOrder(merge.orders.size(), m.order(), provenance, problems));
        }
        for (Problem p : result.problems()) {
            merge.problems.add(new Problem(join(label, p.path()), p.code(), p.message()));
        }
        merge.envelopes.addAll(result.envelopes());
    }

    private void bodyOnly(Merge merge, Optional<Partner> partner) {
        String template = partner.map(Partner::mail).map(PartnerMail::bodyTemplate).orElse(null);
        if (template != null && merge.text != null) {
            Optional<MappingResult> read = bodyTemplates.apply(template, partner.get().id(), merge.text);
            if (read.isPresent()) {
                for (MappedOrder m : read.get().orders()) {
                    Map<String, SourceRef> provenance = new LinkedHashMap<>();
                    m.provenance().forEach((pointer, ref) -> provenance.put(pointer,
                            new SourceRef(ref.kind(), "body: " + ref.locator(), ref.confidence())));
                    merge.orders.add(new MappedOrder(merge.orders.size(), m.order(), provenance, m.problems()));
                }
                read.get().problems().forEach(p -> merge.problems.add(new Problem(join("body", p.path()), p.code(),
                        p.message())));
                return;
            }
        }
        merge.problems.add(new Problem("body", "needs-review", merge.text == null || merge.text.isBlank()
                ? "the mail has no attachment and no plain-text body; it is kept for review"
                : "the mail has no attachment: an order typed into the text is kept in the stored mail for review"));
    }

    private static void unreadable(Merge merge, String label, String why) {
        merge.problems.add(new Problem(label, "needs-review", "unreadable attachment: " + why
                + "; it is kept in the stored mail"));
    }

    private static Problem unknownSender(String address, String defaultPartner) {
        String who = address == null ? "the mail has no readable From address" : "'" + address
                + "' is no partner's mail address or domain";
        return new Problem("From", "unknown-sender", who + (defaultPartner == null ? ""
                : "; attributed to the mailbox's default partner " + defaultPartner + " for review"));
    }

    private static String join(String prefix, String path) {
        if (prefix == null || prefix.isEmpty()) {
            return path == null ? "" : path;
        }
        return path == null || path.isEmpty() ? prefix : prefix + ": " + path;
    }

    /** What the mail yields so far. */
    private static final class Merge {
        final InboundDocument document;
        final String senderHint;
        final List<MappedOrder> orders = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        final List<Envelope> envelopes = new ArrayList<>();
        Problem senderProblem;
        boolean attachmentSeen;
        String text;

        Merge(InboundDocument document, String senderHint) {
            this.document = document;
            this.senderHint = senderHint;
        }

        MappingResult result() {
            return new MappingResult(FORMAT, orders, problems, envelopes);
        }
    }
}

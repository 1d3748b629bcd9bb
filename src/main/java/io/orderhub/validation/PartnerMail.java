package io.orderhub.validation;

import java.util.List;
import java.util.Locale;

/**
 * How a partner's e-mail is recognised and answered (the {@code mail:} block of a partner in partners.yaml).
 *
 * @param senders          sender addresses ({@code orders@acme.example}) or whole domains ({@code @acme.example}),
 *                         compared without regard to case
 * @param confirmReceipt   true: after a mail's orders are committed, the sender gets an e-mail confirming receipt
 *                         with the PO numbers read (needs the {@code confirmations:} block of mailboxes.yaml)
 * @param confirmErpNumber true: after an order from a mail is booked by the ERP, the sender gets an e-mail with
 *                         the ERP order number
 * @param bodyTemplate     the name of a body template that reads orders typed into the mail text; without one, a
 *                         body-only mail goes to review with its text kept
 * @param requireDmarc     true: a From address can be forged, so this partner's mails count as its own only when
 *                         the receiving server's topmost {@code Authentication-Results} header says {@code dmarc=pass}
 *                         (or {@code dkim=pass} for the sender's domain); otherwise their orders go to review with the
 *                         problem {@code sender-not-authenticated}
 */
public record PartnerMail(List<String> senders, boolean confirmReceipt, boolean confirmErpNumber, String bodyTemplate,
                          boolean requireDmarc) {

    public PartnerMail {
        senders = senders == null ? List.of()
                : senders.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }

    public PartnerMail(List<String> senders) {
        this(senders, false, false, null, false);
    }

    /** Whether this address (already lower case) is one of the senders, or in one of the sender domains. */
    public boolean matches(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String a = address.trim().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        String domain = at < 0 ? null : a.substring(at);
        return senders.stream().anyMatch(s -> s.equals(a) || (s.startsWith("@") && s.equals(domain)));
    }

    /** Whether an exact address (not a domain) is listed: exact addresses win over domains. */
    public boolean matchesExactly(String address) {
        return address != null && senders.contains(address.trim().toLowerCase(Locale.ROOT));
    }
}

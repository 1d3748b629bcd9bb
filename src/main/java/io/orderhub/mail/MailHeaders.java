package io.orderhub.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.util.Locale;
import java.util.Optional;

/**
 * The few header fields the hub needs from a raw message, read leniently: a header that cannot be parsed is
 * treated as absent, never as an error.
 */
public record MailHeaders(String messageId, String from, String replyTo, String subject, String authenticationResults) {

    /** Reads the header section of raw message bytes (everything up to the first empty line). */
    public static MailHeaders parse(byte[] raw) {
        InternetHeaders h;
        try {
            h = new InternetHeaders(new ByteArrayInputStream(raw), true);
        } catch (MessagingException | RuntimeException e) {
            return new MailHeaders(null, null, null, null, null);
        }
        return new MailHeaders(clean(h.getHeader("Message-ID", null)), address(h.getHeader("From", ",")),
                address(h.getHeader("Reply-To", ",")), text(h.getHeader("Subject", null)),
                clean(first(h.getHeader("Authentication-Results"))));
    }

    private static String first(String[] values) {
        return values == null || values.length == 0 ? null : values[0];
    }

    /**
     * Whether the topmost Authentication-Results header (the one the receiving server added last, in front of any a
     * sender may have forged further down) says DMARC passed, or DKIM passed for the From address's domain.
     */
    public boolean authenticated() {
        if (authenticationResults == null || from == null) {
            return false;
        }
        String results = authenticationResults.toLowerCase(Locale.ROOT);
        String domain = from.substring(from.lastIndexOf('@') + 1);
        return results.matches("(?s).*\\bdmarc=pass\\b.*")
                || results.matches("(?s).*\\bdkim=pass\\b[^;]*header\\.d=" + java.util.regex.Pattern.quote(domain) + "\\b.*");
    }

    /** The first address of a header value, lower case, or null. */
    static String address(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(value, false);
            if (parsed.length > 0 && parsed[0].getAddress() != null && parsed[0].getAddress().contains("@")) {
                return parsed[0].getAddress().trim().toLowerCase(Locale.ROOT);
            }
        } catch (AddressException | RuntimeException e) {
            // an unparsable From is no sender at all
        }
        return null;
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value)).strip();
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return value.strip();
        }
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : MimeUtility.unfold(value).strip();
    }

    public Optional<String> fromAddress() {
        return Optional.ofNullable(from);
    }

    /** Where confirmations go: Reply-To if given, else From. */
    public Optional<String> replyAddress() {
        return Optional.ofNullable(replyTo != null ? replyTo : from);
    }
}

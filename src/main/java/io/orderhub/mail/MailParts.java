package io.orderhub.mail;

import io.orderhub.model.Problem;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a parsed mail, walked leniently: the attachments (every part with a file name or an attachment
 * disposition, and every non-text leaf), the first plain-text body, and what could not be read. A broken part
 * becomes a problem and the walk goes on with the next one.
 */
public final class MailParts {

    private final List<MailAttachment> attachments = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final long maxAttachmentBytes;
    private final int maxNesting;
    private String text;
    private boolean html;

    private MailParts(long maxAttachmentBytes, int maxNesting) {
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.maxNesting = maxNesting;
    }

    public static MailParts of(Part message, long maxAttachmentBytes, int maxNesting) {
        MailParts parts = new MailParts(maxAttachmentBytes, maxNesting);
        parts.walk(message, 0);
        return parts;
    }

    public List<MailAttachment> attachments() {
        return attachments;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The first plain-text body, or null. */
    public String text() {
        return text;
    }

    /** Whether the mail has an HTML body (stored, never rendered). */
    public boolean hasHtml() {
        return html;
    }

    private void walk(Part part, int depth) {
        String type = mediaType(part);
        if (type.startsWith("multipart/")) {
            if (depth >= maxNesting) {
                problems.add(new Problem("body", "needs-review", "multipart nested deeper than " + maxNesting
                        + " levels: the inner parts were not read"));
                return;
            }
            try {
                Object content = part.getContent();
                if (!(content instanceof Multipart multipart)) {
                    problems.add(new Problem("body", "broken-mime", "a " + type + " part is not a multipart"));
                    return;
                }
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child, depth + 1);
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                problems.add(new Problem("body", "broken-mime", "the MIME structure cannot be read: " + e.getMessage()));
            }
            return;
        }
        String name = fileName(part);
        boolean attachment = name != null || Part.ATTACHMENT.equalsIgnoreCase(disposition(part));
        if (!attachment && type.equals("text/plain")) {
            if (text == null) {
                text = text(part);
            }
            return;
        }
        if (!attachment && type.equals("text/html")) {
            html = true;
            return;
        }
        if (!attachment && type.equals("application/pkcs7-signature")) {
            return;
        }
        attachments.add(read(attachments.size() + 1, name, type, part));
    }

    private MailAttachment read(int number, String name, String type, Part part) {
        String label = MailAttachment.label(number, name);
        try (InputStream in = part.getInputStream()) {
            byte[] content = ZipExpander.readAtMost(in, maxAttachmentBytes);
            if (content == null) {
                return new MailAttachment(label, name, type, null, "larger than " + maxAttachmentBytes + " bytes");
            }
            return new MailAttachment(label, name, type, content, null);
        } catch (MessagingException | IOException | RuntimeException e) {
            return new MailAttachment(label, name, type, null, "cannot be decoded: " + e.getMessage());
        }
    }

    private static String text(Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
        } catch (UnsupportedEncodingException e) {
            // an unknown charset: the bytes as Latin-1 keep every byte visible
            return raw(part, StandardCharsets.ISO_8859_1);
        } catch (MessagingException | IOException | RuntimeException e) {
            return raw(part, StandardCharsets.ISO_8859_1);
        }
        return raw(part, StandardCharsets.UTF_8);
    }

    private static String raw(Part part, java.nio.charset.Charset charset) {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), charset);
        } catch (MessagingException | IOException | RuntimeException e) {
            return null;
        }
    }

    static String mediaType(Part part) {
        try {
            String header = part.getContentType();
            if (header == null) {
                return "text/plain";
            }
            return new ContentType(header).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** The file name, decoded if it is encoded in a known charset, else as sent; null if none or unreadable. */
    static String fileName(Part part) {
        String name;
        try {
            name = part.getFileName();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            name = MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            // keep the name as sent
        }
        name = name.replaceAll("[\\p{Cntrl}]", "_").strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}

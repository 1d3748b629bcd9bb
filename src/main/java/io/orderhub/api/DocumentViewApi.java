package io.orderhub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.mail.MailAttachment;
import io.orderhub.mail.MailHeaders;
import io.orderhub.mail.MailParts;
import io.orderhub.queue.OrderViews;
import io.orderhub.queue.QueueReader;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.Exchange;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * {@code GET /api/documents/{id}/view}: an original document as the console shows it. Text formats (JSON, EDI, CSV,
 * XML) as their text; a mail as its header fields, its plain-text body and the list of its attachments (an HTML
 * body is never passed on); a PDF or image as a pointer to the original bytes. The console renders all of it as
 * text, never as HTML.
 */
public final class DocumentViewApi {

    static final int MAX_TEXT_BYTES = 2 * 1024 * 1024;
    private static final Session MAIL_SESSION = Session.getInstance(new Properties());

    private final QueueReader reader;
    private final ObjectMapper json;
    private final long maxAttachmentBytes;

    public DocumentViewApi(QueueReader reader, ObjectMapper json, long maxAttachmentBytes) {
        this.reader = reader;
        this.json = json;
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    public void view(Exchange exchange) {
        UUID id = ApiExchanges.idParam(exchange, "id", "a document");
        OrderViews.StoredDocument doc = reader.document(id)
                .orElseThrow(() -> new ApiException(404, "not-found", "no document " + id));
        ApiExchanges.respond(json, exchange, 200, view(doc));
    }

    Map<String, Object> view(OrderViews.StoredDocument doc) {
        String type = doc.meta().contentType() == null ? "" : doc.meta().contentType().toLowerCase(Locale.ROOT);
        String format = doc.meta().format() == null ? "" : doc.meta().format();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", doc.meta().id());
        v.put("format", format);
        v.put("contentType", doc.meta().contentType());
        v.put("url", "/api/documents/" + doc.meta().id());
        if (type.startsWith("message/rfc822") || "mail".equals(format)) {
            v.put("kind", "mail");
            v.put("mail", mail(doc.content()));
        } else if (type.startsWith("application/pdf")) {
            v.put("kind", "pdf");
        } else if (type.startsWith("image/")) {
            v.put("kind", "image");
        } else if (doc.content().length > MAX_TEXT_BYTES) {
            v.put("kind", "too-large");
        } else {
            v.put("kind", kindOf(format, type));
            v.put("text", new String(doc.content(), StandardCharsets.UTF_8));
        }
        return v;
    }

    static String kindOf(String format, String type) {
        if (format.contains("json") || type.contains("json") || "woocommerce".equals(format) || "shopify".equals(format)) {
            return "json";
        }
        if ("edifact".equals(format) || "x12".equals(format) || type.contains("edi")) {
            return "edi";
        }
        if (format.contains("csv") || type.contains("csv")) {
            return "csv";
        }
        if (format.contains("xml") || format.contains("ubl") || format.contains("cxml") || type.contains("xml")) {
            return "xml";
        }
        return "text";
    }

    Map<String, Object> mail(byte[] raw) {
        Map<String, Object> m = new LinkedHashMap<>();
        MailHeaders h = MailHeaders.parse(raw);
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("From", h.from());
        headers.put("Reply-To", h.replyTo());
        headers.put("Subject", h.subject());
        headers.put("Message-ID", h.messageId());
        m.put("headers", headers);
        try {
            MailParts parts = MailParts.of(new MimeMessage(MAIL_SESSION, new ByteArrayInputStream(raw)),
                    maxAttachmentBytes, 5);
            m.put("text", parts.text());
            m.put("hasHtml", parts.hasHtml());
            m.put("attachments", parts.attachments().stream().map(DocumentViewApi::attachment).toList());
            m.put("problems", parts.problems());
        } catch (MessagingException | RuntimeException e) {
            m.put("attachments", List.of());
            m.put("problems", List.of(Map.of("path", "message", "code", "broken-mime",
                    "message", "the message cannot be parsed: " + e.getMessage())));
        }
        return m;
    }

    private static Map<String, Object> attachment(MailAttachment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", a.label());
        m.put("name", a.name());
        m.put("type", a.declaredType());
        m.put("size", a.content() == null ? null : a.content().length);
        m.put("unreadable", a.unreadable());
        return m;
    }
}

package io.orderhub.xml;

import io.orderhub.model.Problem;
import io.orderhub.queue.IntakeOutcome;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The cXML Response a procurement system (Ariba, Coupa) expects for an OrderRequest posted over HTTP: an envelope
 * with its own payloadID and timestamp and a {@code Status} — 200 OK when the hub has committed the document's orders
 * (the content names the hub's document and order ids and statuses), 400 when the document could not be read (the
 * content lists the problems), 401/403 for authentication, 5xx when the hub failed.
 */
public final class CxmlResponses {

    static final String DTD = "<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/1.2.050/cXML.dtd\">";

    private static final Map<Integer, String> TEXTS = Map.of(
            200, "OK", 201, "Accepted", 400, "Bad Request", 401, "Unauthorized", 403, "Forbidden",
            406, "Not Acceptable", 409, "Conflict", 413, "Request Entity Too Large", 415, "Unsupported Media Type",
            500, "Internal Server Error");

    private final Clock clock;
    private final String host;

    /** @param host the host part of the payloadIDs this hub writes ({@code <time>.<id>@<host>}) */
    public CxmlResponses(Clock clock, String host) {
        this.clock = clock;
        this.host = host;
    }

    /** The answer to a committed document. */
    public CxmlResponse forOutcome(IntakeOutcome outcome) {
        if (outcome.rejected()) {
            String problems = outcome.problems().stream().map(CxmlResponses::describe)
                    .collect(Collectors.joining("; "));
            return build(400, "document " + outcome.documentId() + " could not be read: " + problems,
                    outcome.documentId());
        }
        String orders = outcome.orders().stream()
                .map(o -> "order " + o.id() + " (PO " + o.poNumber() + ") " + o.status())
                .collect(Collectors.joining("; "));
        return build(200, "received as document " + outcome.documentId() + ": " + orders
                + (outcome.replayed() ? " (repeated request; first outcome)" : ""), outcome.documentId());
    }

    /** The answer to a request that failed before a document was committed (authentication, limits, errors). */
    public CxmlResponse forError(int status, String message) {
        return build(status, message, UUID.randomUUID());
    }

    private CxmlResponse build(int code, String content, UUID id) {
        String text = TEXTS.getOrDefault(code, code >= 500 ? "Internal Server Error" : "Bad Request");
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String payloadId = now.toInstant().toEpochMilli() + "." + id + "@" + host;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeDTD(DTD);
            w.writeCharacters("\n");
            w.writeStartElement("cXML");
            w.writeAttribute("payloadID", payloadId);
            w.writeAttribute("timestamp", now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            w.writeAttribute("xml:lang", "en-US");
            w.writeStartElement("Response");
            w.writeStartElement("Status");
            w.writeAttribute("code", String.valueOf(code));
            w.writeAttribute("text", text);
            if (content != null && !content.isBlank()) {
                w.writeCharacters(content);
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a cXML Response", e);
        }
        return new CxmlResponse(code, text, payloadId, out.toByteArray());
    }

    private static String describe(Problem p) {
        return (p.path() == null || p.path().isBlank() ? "" : p.path() + ": ") + p.message();
    }
}

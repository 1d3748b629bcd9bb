package io.orderhub.edi.ack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.api.ApiException;
import io.orderhub.api.ApiExchanges;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP API of acknowledgements and order responses (routes/edi-acks.camel.yaml):
 * {@code GET /api/documents/{id}/acknowledgements} lists what the hub wrote for a document,
 * {@code GET /api/acknowledgements/{id}} returns its bytes, {@code POST /api/acknowledgements/{id}/resend} puts it
 * back in the outbox.
 */
public final class AcknowledgementsApi {

    private final AckStore store;
    private final ObjectMapper json;

    public AcknowledgementsApi(AckStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    public void listForDocument(Exchange exchange) {
        UUID id = ApiExchanges.idParam(exchange, "id", "an acknowledgement or document");
        List<Map<String, Object>> items = store.forDocument(id).stream().map(AcknowledgementsApi::view).toList();
        ApiExchanges.respond(json, exchange, 200, Map.of("documentId", id.toString(), "items", items));
    }

    public void content(Exchange exchange) {
        UUID id = ApiExchanges.idParam(exchange, "id", "an acknowledgement or document");
        StoredAck a = store.find(id).orElseThrow(() -> new ApiException(404, "not-found", "no acknowledgement " + id));
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(Exchange.CONTENT_TYPE, a.contentType());
        out.setHeader("Content-Disposition", "attachment; filename=\"" + a.fileName() + "\"");
        out.setBody(a.content());
    }

    public void resend(Exchange exchange) {
        UUID id = ApiExchanges.idParam(exchange, "id", "an acknowledgement or document");
        StoredAck a = store.find(id).orElseThrow(() -> new ApiException(404, "not-found", "no acknowledgement " + id));
        if (a.destination() == null) {
            throw new ApiException(409, "no-destination", a.kind() + " " + a.controlNumber()
                    + " has no outbound destination (its document did not come from a partner's drop); fetch it instead");
        }
        store.resend(id);
        ApiExchanges.respond(json, exchange, 202, view(store.find(id).orElseThrow()));
    }

    static Map<String, Object> view(StoredAck a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id().toString());
        m.put("url", "/api/acknowledgements/" + a.id());
        m.put("kind", a.kind());
        m.put("standard", a.standard());
        m.put("subject", a.subject());
        m.put("answers", a.answeredNumber());
        if (a.orderId() != null) {
            m.put("orderId", a.orderId().toString());
        }
        m.put("partner", a.partner());
        m.put("controlNumber", a.controlNumber());
        m.put("status", a.status());
        m.put("fileName", a.fileName());
        m.put("destination", a.destination());
        m.put("createdAt", text(a.createdAt()));
        m.put("sentAt", text(a.sentAt()));
        m.put("sendError", a.sendError());
        return m;
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}

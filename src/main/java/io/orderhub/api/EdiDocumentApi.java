package io.orderhub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.edi.EdiSniffer;
import io.orderhub.edi.view.EdiView;
import io.orderhub.queue.OrderViews;
import io.orderhub.queue.QueueReader;
import org.apache.camel.Exchange;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /api/documents/{id}/edi}: a stored EDIFACT or X12 document as a labelled tree (see {@link EdiView}),
 * with {@code messageOffset} / {@code messageLimit} to page through files with many messages.
 */
public final class EdiDocumentApi {

    private static final Set<String> EDI_FORMATS = Set.of("edifact", "x12");

    private final ObjectMapper json;
    private final QueueReader reader;
    private final EdiView view;
    private final int maxMessages;

    public EdiDocumentApi(ObjectMapper json, QueueReader reader, EdiView view, int maxMessages) {
        this.json = json;
        this.reader = reader;
        this.view = view;
        this.maxMessages = maxMessages;
    }

    public void getDocumentEdi(Exchange exchange) {
        UUID id = ApiExchanges.idParam(exchange, "id", "a document");
        OrderViews.StoredDocument doc = reader.document(id)
                .orElseThrow(() -> new ApiException(404, "not-found", "no document " + id));
        String format = doc.meta().format();
        boolean edi = format != null && EDI_FORMATS.contains(format)
                || EdiSniffer.detect(doc.content()).isPresent();
        if (!edi) {
            throw new ApiException(404, "not-edi", "document " + id + " is not an EDI document (format '" + format
                    + "', " + doc.meta().contentType() + "); only EDIFACT and X12 documents have an EDI view");
        }
        int offset = ApiExchanges.intParam(exchange.getMessage(), "messageOffset", 0, 0, Integer.MAX_VALUE);
        int limit = ApiExchanges.intParam(exchange.getMessage(), "messageLimit", Math.min(100, maxMessages), 1, maxMessages);
        Map<String, Object> tree = new java.util.LinkedHashMap<>();
        tree.put("documentId", id);
        tree.put("format", Optional.ofNullable(format).orElse(EdiSniffer.detect(doc.content()).orElse(null)));
        tree.putAll(view.tree(doc.content(), offset, limit));
        ApiExchanges.respond(json, exchange, 200, tree);
    }
}

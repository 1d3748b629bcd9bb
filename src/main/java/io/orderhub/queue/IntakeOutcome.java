package io.orderhub.queue;

import io.orderhub.model.OrderStatus;
import io.orderhub.model.Problem;

import java.util.List;
import java.util.UUID;

/**
 * What the pipeline committed for one document.
 *
 * @param replayed true when the document's Idempotency-Key was seen before and this is the first outcome again
 */
public record IntakeOutcome(UUID documentId, String documentStatus, String format, List<Problem> problems,
                            List<OrderOutcome> orders, boolean replayed) {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";

    public record OrderOutcome(UUID id, String poNumber, OrderStatus status, UUID duplicateOf, List<Problem> problems) {
    }

    public boolean rejected() {
        return REJECTED.equals(documentStatus);
    }

    public IntakeOutcome asReplay() {
        return new IntakeOutcome(documentId, documentStatus, format, problems, orders, true);
    }
}

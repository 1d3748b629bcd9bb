package io.orderhub.ops;

import io.orderhub.queue.IntakeOutcome;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says what the pipeline committed for each document and order, after the commit. */
public final class IntakeLog {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeLog.class);

    private final HubMetrics metrics;

    public IntakeLog(HubMetrics metrics) {
        this.metrics = metrics;
    }

    public IntakeOutcome committed(IntakeOutcome outcome, @ExchangeProperty(HubMetrics.CHANNEL) String channel) {
        metrics.intakeCommitted(channel, outcome);
        if (outcome.replayed()) {
            LOG.info("Document {} replayed for a repeated Idempotency-Key; nothing new committed", outcome.documentId());
            return outcome;
        }
        if (outcome.rejected()) {
            LOG.warn("Document {} ({}) rejected and kept: {}", outcome.documentId(), outcome.format(), outcome.problems());
        }
        for (IntakeOutcome.OrderOutcome o : outcome.orders()) {
            switch (o.status()) {
                case DUPLICATE -> LOG.warn("Order {} PO {} from document {} is a DUPLICATE of order {}", o.id(),
                        o.poNumber(), outcome.documentId(), o.duplicateOf());
                case NEEDS_REVIEW -> LOG.info("Order {} PO {} from document {} NEEDS_REVIEW: {}", o.id(), o.poNumber(),
                        outcome.documentId(), o.problems());
                default -> LOG.debug("Order {} PO {} from document {} {}", o.id(), o.poNumber(), outcome.documentId(),
                        o.status());
            }
        }
        return outcome;
    }
}

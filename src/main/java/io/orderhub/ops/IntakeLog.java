package io.orderhub.ops;

import io.orderhub.intake.DropIntake;
import io.orderhub.intake.InboundDocument;
import io.orderhub.queue.IntakeOutcome;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
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

    /*
     * The drop and mailbox routes call these instead of Simple method calls on the body in a log line: Simple looks
     * the method up by the body, and hashes the whole outcome (every order of a large file) to do it.
     */

    /** A drop's file committed; true if its document was rejected (the route then moves the file to the error folder). */
    public boolean fileCommitted(IntakeOutcome outcome, @ExchangeProperty(DropIntake.PARTNER) String partner,
                                 @Header(Exchange.FILE_NAME) String fileName) {
        LOG.info("Drop {}: {} committed as document {} ({}, replayed: {})", partner, fileName, outcome.documentId(),
                outcome.documentStatus(), outcome.replayed());
        return outcome.rejected();
    }

    /** A mail committed. */
    public void mailCommitted(IntakeOutcome outcome, @ExchangeProperty("orderhubMailbox") String mailbox,
                              @ExchangeProperty("orderhubMailDocument") InboundDocument mail) {
        LOG.info("Mailbox {}: {} committed as document {} ({}, replayed: {})", mailbox, mail.source(),
                outcome.documentId(), outcome.documentStatus(), outcome.replayed());
    }
}

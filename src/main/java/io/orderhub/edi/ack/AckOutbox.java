package io.orderhub.edi.ack;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The outbox of acknowledgements and order responses (route {@code edi-outbox}): claims the unsent ones, and
 * records each send's outcome. A send that fails (the partner's SFTP server is down) is tried again once its claim
 * is {@code retryAfter} old; a hub that dies while sending leaves the claim to expire the same way. A file sent twice
 * overwrites itself (same name, same bytes).
 */
public final class AckOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(AckOutbox.class);
    public static final String ACK_ID = "orderhubAckId";

    private final AckStore store;
    private final Clock clock;
    private final Duration retryAfter;
    private final int batch;

    public AckOutbox(AckStore store, Clock clock, Duration retryAfter, int batch) {
        this.store = store;
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.batch = batch;
    }

    public List<StoredAck> claim() {
        return store.claim(batch, clock.instant(), retryAfter);
    }

    /** Body: a claimed acknowledgement; afterwards its bytes, with the file name and its id as property. */
    public void prepare(Exchange exchange) {
        StoredAck a = exchange.getMessage().getBody(StoredAck.class);
        exchange.setProperty(ACK_ID, a.id());
        exchange.setProperty("orderhubAckDestination", a.destination());
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.FILE_NAME, a.fileName());
        exchange.getMessage().setBody(a.content());
    }

    public void sent(@ExchangeProperty(ACK_ID) UUID id, Exchange exchange) {
        store.sent(id, clock.instant());
        LOG.info("Sent {} to {}", exchange.getMessage().getHeader(Exchange.FILE_NAME),
                exchange.getProperty("orderhubAckDestination"));
    }

    public void failed(@ExchangeProperty(ACK_ID) UUID id, Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String why = e == null ? "unknown failure" : e.getClass().getSimpleName() + ": " + e.getMessage();
        store.failed(id, why);
        LOG.warn("Could not send {} to {} (tried again in {}): {}", exchange.getMessage().getHeader(Exchange.FILE_NAME),
                exchange.getProperty("orderhubAckDestination"), retryAfter, why);
    }
}

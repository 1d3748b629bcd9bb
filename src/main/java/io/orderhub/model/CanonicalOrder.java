package io.orderhub.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The one order model every channel and format is mapped to. Field names are the public JSON contract
 * ({@code mappings/canonical-order.schema.json}); fields may be added, never renamed.
 */
public record CanonicalOrder(
        String sender,
        String customerId,
        String poNumber,
        LocalDate orderDate,
        LocalDate requestedDeliveryDate,
        String currency,
        Party buyer,
        Party seller,
        Party shipTo,
        Party billTo,
        List<OrderLine> lines,
        List<String> notes) {

    public CanonicalOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The customer this order is for: the explicit customer id, else the buyer's best identifier. */
    public String effectiveCustomerId() {
        if (customerId != null && !customerId.isBlank()) {
            return customerId;
        }
        return buyer == null ? null : buyer.bestId();
    }

    public CanonicalOrder withSender(String newSender) {
        return new CanonicalOrder(newSender, customerId, poNumber, orderDate, requestedDeliveryDate, currency,
                buyer, seller, shipTo, billTo, lines, notes);
    }
}

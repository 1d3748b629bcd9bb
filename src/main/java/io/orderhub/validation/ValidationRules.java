package io.orderhub.validation;

import java.util.List;
import java.util.Set;

/**
 * Which business rules apply (configuration, {@code orderhub.validation.*}).
 *
 * @param requiredFields canonical fields that must be present: any of poNumber, orderDate, requestedDeliveryDate,
 *                       currency, buyer, shipTo, billTo, lines, lines.quantity, lines.item, lines.unitPrice
 * @param knownCustomer  the sender must be a partner and the customer one of its customers
 * @param catalogue      items are checked against the partner's catalogue where it has one
 */
public record ValidationRules(Set<String> requiredFields, boolean knownCustomer, boolean catalogue,
                              double defaultPriceTolerancePercent) {

    public static final List<String> KNOWN_FIELDS = List.of("poNumber", "orderDate", "requestedDeliveryDate",
            "currency", "buyer", "shipTo", "billTo", "lines", "lines.quantity", "lines.item", "lines.unitPrice");

    public ValidationRules {
        for (String f : requiredFields) {
            if (!KNOWN_FIELDS.contains(f)) {
                throw new IllegalArgumentException("orderhub.validation.required-fields: unknown field '" + f
                        + "'; known: " + KNOWN_FIELDS);
            }
        }
        requiredFields = Set.copyOf(requiredFields);
    }

    public static ValidationRules parse(String requiredCsv, boolean knownCustomer, boolean catalogue, double tolerance) {
        Set<String> fields = requiredCsv == null || requiredCsv.isBlank() ? Set.of()
                : Set.copyOf(List.of(requiredCsv.trim().split("\\s*,\\s*")));
        return new ValidationRules(fields, knownCustomer, catalogue, tolerance);
    }
}

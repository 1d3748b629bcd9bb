package io.orderhub.validation;

import java.util.List;
import java.util.Locale;

/**
 * A partner's EDI agreement (the {@code edi:} block of a partner in partners.yaml).
 *
 * @param interchangeIds the partner's sender identifiers in the interchange header (UNB S002 0004 / ISA06), which
 *                       identify the partner when a file or request does not
 * @param edifactMapping the Smooks mapping for the partner's EDIFACT ORDERS, relative to the mappings directory
 *                       (e.g. {@code edi/partners/acme.edifact.smooks.xml}); the default mapping when absent
 * @param x12Mapping     the Smooks mapping for the partner's X12 850, likewise
 * @param ack            the acknowledgement the partner gets for each interchange: {@code 997} or {@code 999} for
 *                       X12, {@code contrl} for EDIFACT, {@code none} for none; default CONTRL for EDIFACT
 *                       interchanges and 997 for X12 ones
 * @param ownId          the hub's interchange id towards this partner (sender of acknowledgements and order
 *                       responses); default {@code orderhub.edi.own-id}, else the id the partner addressed
 * @param ownQualifier   its qualifier (UNB S002 0007 / ISA05), likewise
 * @param orderResponse  true: the partner gets an ORDRSP (EDIFACT) or 855 (X12) once the ERP has accepted an order
 */
public record PartnerEdi(List<String> interchangeIds, String edifactMapping, String x12Mapping, String ack,
                         String ownId, String ownQualifier, Boolean orderResponse) {

    /** The acknowledgement choices of {@code ack}. */
    public static final List<String> ACKS = List.of("contrl", "997", "999", "none");

    public PartnerEdi {
        interchangeIds = interchangeIds == null ? List.of() : List.copyOf(interchangeIds);
        ack = ack == null || ack.isBlank() ? null : ack.strip().toLowerCase(Locale.ROOT);
        if (ack != null && !ACKS.contains(ack)) {
            throw new IllegalArgumentException("edi: 'ack' is '" + ack + "'; it must be one of " + ACKS);
        }
        orderResponse = Boolean.TRUE.equals(orderResponse);
    }

    public PartnerEdi(List<String> interchangeIds, String edifactMapping, String x12Mapping) {
        this(interchangeIds, edifactMapping, x12Mapping, null, null, null, false);
    }

    public PartnerEdi(List<String> interchangeIds) {
        this(interchangeIds, null, null);
    }
}

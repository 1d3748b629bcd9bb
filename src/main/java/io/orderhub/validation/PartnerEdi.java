package io.orderhub.validation;

import java.util.List;

/**
 * A partner's EDI agreement (the {@code edi:} block of a partner in partners.yaml).
 *
 * @param interchangeIds the partner's sender identifiers in the interchange header (UNB S002 0004 / ISA06), which
 *                       identify the partner when a file or request does not
 * @param edifactMapping the Smooks mapping for the partner's EDIFACT ORDERS, relative to the mappings directory
 *                       (e.g. {@code edi/partners/acme.edifact.smooks.xml}); the default mapping when absent
 * @param x12Mapping     the Smooks mapping for the partner's X12 850, likewise
 */
public record PartnerEdi(List<String> interchangeIds, String edifactMapping, String x12Mapping) {
    public PartnerEdi {
        interchangeIds = interchangeIds == null ? List.of() : List.copyOf(interchangeIds);
    }

    public PartnerEdi(List<String> interchangeIds) {
        this(interchangeIds, null, null);
    }
}

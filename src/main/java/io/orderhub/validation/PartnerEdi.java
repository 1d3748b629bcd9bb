package io.orderhub.validation;

import java.util.List;

/**
 * A partner's EDI agreement (the {@code edi:} block of a partner in partners.yaml).
 *
 * @param interchangeIds the partner's sender identifiers in the interchange header (UNB S002 / ISA06), which
 *                       identify the partner when a file or request does not
 */
public record PartnerEdi(List<String> interchangeIds) {
    public PartnerEdi {
        interchangeIds = interchangeIds == null ? List.of() : List.copyOf(interchangeIds);
    }
}

package io.orderhub.validation;

/**
 * The column layout of a partner's CSV order sheets (the {@code csv:} block of a partner in partners.yaml).
 *
 * @param mapping the Smooks CSV mapping under mappings/ that reads this partner's sheets
 */
public record PartnerCsv(String mapping) {
}

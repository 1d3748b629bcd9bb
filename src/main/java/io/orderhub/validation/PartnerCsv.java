package io.orderhub.validation;

/**
 * The column layout of a partner's CSV order sheets (the {@code csv:} block of a partner in partners.yaml).
 *
 * @param mapping the layout file under {@code mappings/csv/} that reads this partner's sheets, e.g.
 *                {@code acme-order-sheet.csv.yaml} (see io.orderhub.csv.CsvLayout)
 */
public record PartnerCsv(String mapping) {
}

package io.orderhub.validation;

/**
 * A service-level agreement: the {@code sla:} block of a partner, or of one of its customers, in partners.yaml.
 * Every field is optional; what a customer's block leaves out comes from its partner's, then from the partner's
 * {@code priority} / {@code slaHours}, then from the {@code orderhub.sla.*} defaults.
 *
 * @param priority      1 (most urgent) .. 9
 * @param window        processing window as an ISO-8601 duration ({@code PT2H}, {@code P1D}), counted in the
 *                      calendar's business hours
 * @param calendar      id of a calendar in mappings/calendars.yaml; none: the window runs around the clock
 * @param atRiskPercent an order is at risk when less than this share of its window is left ...
 * @param atRiskBefore  ... or less than this duration ({@code PT30M}); whichever comes first
 */
public record PartnerSla(Integer priority, String window, String calendar, Double atRiskPercent, String atRiskBefore) {
}

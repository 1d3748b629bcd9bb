package io.orderhub.validation;

/**
 * How a partner's PDF orders, faxes and scans are read (the {@code pdf:} block of a partner in partners.yaml).
 *
 * @param template            the extraction template under {@code mappings/}, e.g. {@code pdf/acme.pdf.yaml} (see
 *                            io.orderhub.pdf.PdfTemplate and mappings/pdf/README.md)
 * @param confidenceThreshold fields read by OCR with a lower confidence (0..1) send the order to review; default 0.80
 */
public record PartnerPdf(String template, Double confidenceThreshold) {

    public static final double DEFAULT_CONFIDENCE_THRESHOLD = 0.80;

    public double threshold() {
        return confidenceThreshold == null ? DEFAULT_CONFIDENCE_THRESHOLD : confidenceThreshold;
    }
}

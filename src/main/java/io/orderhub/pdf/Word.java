package io.orderhub.pdf;

/**
 * A word on a page, from a PDF's text layer or from OCR, in PDF points measured from the page's top-left corner.
 *
 * @param page       1-based page number
 * @param confidence 1.0 for a text layer; OCR's word confidence (0..1) for scans
 */
public record Word(int page, String text, double x, double y, double w, double h, double confidence) {

    public double right() {
        return x + w;
    }

    public double bottom() {
        return y + h;
    }

    public double centerX() {
        return x + w / 2;
    }

    public double centerY() {
        return y + h / 2;
    }
}

package io.orderhub.pdf;

import java.util.List;
import java.util.Locale;

/** A rectangle on a page in PDF points from the top-left corner; its locator is how provenance names it. */
public record Region(int page, double x, double y, double w, double h) {

    public boolean contains(Word word) {
        return word.page() == page && word.centerX() >= x && word.centerX() < x + w
                && word.centerY() >= y && word.centerY() < y + h;
    }

    /** The smallest region around these words (all on one page). */
    static Region around(List<Word> words) {
        double x1 = Double.MAX_VALUE;
        double y1 = Double.MAX_VALUE;
        double x2 = -Double.MAX_VALUE;
        double y2 = -Double.MAX_VALUE;
        for (Word word : words) {
            x1 = Math.min(x1, word.x());
            y1 = Math.min(y1, word.y());
            x2 = Math.max(x2, word.right());
            y2 = Math.max(y2, word.bottom());
        }
        return new Region(words.get(0).page(), x1, y1, x2 - x1, y2 - y1);
    }

    /** {@code page=1;x=400.0;y=96.5;w=150.0;h=14.0} (one decimal). */
    public String locator() {
        return String.format(Locale.ROOT, "page=%d;x=%.1f;y=%.1f;w=%.1f;h=%.1f", page, x, y, w, h);
    }
}

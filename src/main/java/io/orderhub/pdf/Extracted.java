package io.orderhub.pdf;

import java.util.List;

/**
 * The text a template found for one field, where it found it and how sure the reading is.
 *
 * @param locator        where in the original: {@code pdf:page=1;x=..;y=..;w=..;h=..}, {@code body: line 3, column 5}
 * @param confidence     the lowest confidence of the words read (1.0 for a text layer)
 * @param meanConfidence the mean confidence of the words read
 * @param format         how the text is read into the field's type
 */
public record Extracted(String text, String locator, double confidence, double meanConfidence, FieldFormat format) {

    /** A value from words, with their lowest and mean confidence. */
    static Extracted of(List<Word> words, String locator, FieldFormat format) {
        double min = 1.0;
        double sum = 0;
        for (Word w : words) {
            min = Math.min(min, w.confidence());
            sum += w.confidence();
        }
        return new Extracted(TextLines.text(words), locator, min, words.isEmpty() ? 1.0 : sum / words.size(), format);
    }

    /** This value with more text after it (a table cell continued on the next row). */
    Extracted append(Extracted more, String mergedLocator) {
        return new Extracted(text + " " + more.text, mergedLocator, Math.min(confidence, more.confidence),
                (meanConfidence + more.meanConfidence) / 2, format);
    }
}

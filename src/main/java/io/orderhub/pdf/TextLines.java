package io.orderhub.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Words grouped into text lines by their vertical position, and lines back into text. */
final class TextLines {

    private TextLines() {
    }

    /**
     * The words as lines, top to bottom, each left to right: a word belongs to the line whose first word's vertical
     * centre is within {@code tolerance} points of its own.
     */
    static List<List<Word>> of(List<Word> words, double tolerance) {
        List<Word> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingInt(Word::page).thenComparingDouble(Word::centerY));
        List<List<Word>> lines = new ArrayList<>();
        List<Word> line = null;
        for (Word w : sorted) {
            if (line == null || line.get(0).page() != w.page()
                    || w.centerY() - line.get(0).centerY() > tolerance) {
                line = new ArrayList<>();
                lines.add(line);
            }
            line.add(w);
        }
        lines.forEach(l -> l.sort(Comparator.comparingDouble(Word::x)));
        return lines;
    }

    /** A tolerance for lines of these words: half the median word height, at least 2 points. */
    static double tolerance(List<Word> words) {
        if (words.isEmpty()) {
            return 2;
        }
        double[] heights = words.stream().mapToDouble(Word::h).sorted().toArray();
        return Math.max(2, heights[heights.length / 2] / 2);
    }

    /** The words' text in reading order, separated by single spaces. */
    static String text(List<Word> words) {
        StringBuilder s = new StringBuilder();
        for (List<Word> line : of(words, tolerance(words))) {
            for (Word w : line) {
                if (s.length() > 0) {
                    s.append(' ');
                }
                s.append(w.text());
            }
        }
        return s.toString();
    }

    /** Text as anchors compare it: lower case, without trailing colons and full stops (OCR adds and drops them). */
    static String normalise(String token) {
        return token.toLowerCase(Locale.ROOT).strip().replaceAll("[:.]+$", "");
    }
}

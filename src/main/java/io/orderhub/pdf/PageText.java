package io.orderhub.pdf;

import java.util.List;

/**
 * The words of one page, however they were read.
 *
 * @param ocr true when the words come from OCR of an image of the page (a scan or fax)
 */
public record PageText(int page, double width, double height, boolean ocr, List<Word> words) {

    public PageText {
        words = List.copyOf(words);
    }
}

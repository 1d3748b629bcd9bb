package io.orderhub.pdf;

import org.junit.jupiter.api.Assumptions;

/**
 * Whether the OCR tests can run: they need tesseract. Without it they are skipped with a message saying so, unless
 * ORDERHUB_TEST_REQUIRE_OCR=true (set by .ci/run, which installs tesseract-ocr), in which case they fail.
 */
public final class OcrSupport {

    public static final String REQUIRE = "ORDERHUB_TEST_REQUIRE_OCR";

    private OcrSupport() {
    }

    /** The engine the tests use, after making sure tesseract is there (or skipping). */
    public static OcrEngine requireTesseract() {
        OcrEngine ocr = PdfFixtures.ocr();
        if (!ocr.available()) {
            String why = "tesseract is not installed (apt-get install tesseract-ocr): OCR tests cannot run";
            if (Boolean.parseBoolean(System.getenv(REQUIRE))) {
                throw new AssertionError(why + ", and " + REQUIRE + "=true");
            }
            Assumptions.abort(why + "; skipped (set " + REQUIRE + "=true to make this a failure)");
        }
        return ocr;
    }
}

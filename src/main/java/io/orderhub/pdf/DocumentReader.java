package io.orderhub.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Turns a PDF or a TIFF into positioned words per page. A PDF page with a text layer is read by PDFBox (each
 * {@link TextPosition} of a word gives its box); a page without one (a scan or fax wrapped in a PDF) is rendered by
 * PDFBox at {@code dpi} and read by OCR, as is every page of a TIFF.
 */
public final class DocumentReader {

    /** Longest side of a page image for OCR, in pixels: a huge page is rendered at a lower resolution. */
    static final int MAX_IMAGE_SIDE = 7000;

    private final OcrEngine ocr;
    private final float dpi;
    private final int maxOcrPages;
    private final boolean despeckle;

    /**
     * @param dpi         resolution pages without a text layer are rendered at for OCR
     * @param maxOcrPages a document with more pages to OCR is not read (each page takes seconds of CPU)
     * @param despeckle   remove isolated pixels (a 3 x 3 median filter) from page images before OCR
     */
    public DocumentReader(OcrEngine ocr, float dpi, int maxOcrPages, boolean despeckle) {
        this.ocr = ocr;
        this.dpi = dpi;
        this.maxOcrPages = maxOcrPages;
        this.despeckle = despeckle;
    }

    /** The document could not be read; the message says why, for a person. */
    public static final class UnreadableException extends Exception {
        public final String code;

        UnreadableException(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    public List<PageText> readPdf(byte[] content) throws UnreadableException {
        try (PDDocument doc = Loader.loadPDF(content)) {
            List<PageText> pages = new ArrayList<>();
            PDFRenderer renderer = null;
            int ocrPages = 0;
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                PDPage page = doc.getPage(i);
                PDRectangle box = page.getCropBox();
                List<Word> words = textLayer(doc, i + 1);
                if (!words.isEmpty()) {
                    pages.add(new PageText(i + 1, box.getWidth(), box.getHeight(), false, words));
                    continue;
                }
                if (++ocrPages > maxOcrPages) {
                    throw new UnreadableException("too-many-pages", "more than " + maxOcrPages + " pages without a"
                            + " text layer to read by OCR (orderhub.ocr.max-pages)");
                }
                if (renderer == null) {
                    renderer = new PDFRenderer(doc);
                }
                float pageDpi = Math.min(dpi, MAX_IMAGE_SIDE * 72f / Math.max(box.getWidth(), box.getHeight()));
                BufferedImage image = renderer.renderImageWithDPI(i, pageDpi, ImageType.GRAY);
                pages.add(new PageText(i + 1, box.getWidth(), box.getHeight(), true, ocr(image, pageDpi, i + 1)));
            }
            return pages;
        } catch (IOException e) {
            throw new UnreadableException("bad-pdf", "not a readable PDF: " + e.getMessage());
        }
    }

    public List<PageText> readTiff(byte[] content) throws UnreadableException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("tiff");
        if (!readers.hasNext()) {
            throw new UnreadableException("bad-tiff", "this Java runtime has no TIFF reader");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            reader.setInput(in);
            int count = reader.getNumImages(true);
            if (count > maxOcrPages) {
                throw new UnreadableException("too-many-pages", "the TIFF has " + count + " pages, more than the "
                        + maxOcrPages + " read by OCR (orderhub.ocr.max-pages)");
            }
            List<PageText> pages = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if ((long) reader.getWidth(i) * reader.getHeight(i) > (long) MAX_IMAGE_SIDE * MAX_IMAGE_SIDE) {
                    throw new UnreadableException("bad-tiff", "page " + (i + 1) + " of the TIFF is "
                            + reader.getWidth(i) + " x " + reader.getHeight(i) + " pixels, too large to read by OCR");
                }
                BufferedImage image = reader.read(i);
                double pageDpi = resolution(reader.getImageMetadata(i));
                double scale = 72.0 / pageDpi;
                pages.add(new PageText(i + 1, image.getWidth() * scale, image.getHeight() * scale, true,
                        ocr(image, pageDpi, i + 1)));
            }
            return pages;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableException("bad-tiff", "not a readable TIFF image: " + e.getMessage());
        } finally {
            reader.dispose();
        }
    }

    private List<Word> ocr(BufferedImage image, double imageDpi, int page) throws UnreadableException {
        if (!ocr.available()) {
            throw new UnreadableException("ocr-unavailable", "page " + page + " has no text layer (a scan or fax)"
                    + " and OCR is " + ocr.status());
        }
        try {
            return ocr.read(despeckle ? Despeckle.median(image) : image, imageDpi, page);
        } catch (OcrEngine.OcrException e) {
            throw new UnreadableException("ocr-failed", e.getMessage());
        }
    }

    /** The horizontal resolution in dots per inch from the image's standard metadata; 300 if it has none. */
    static double resolution(IIOMetadata metadata) {
        try {
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
            var nodes = root.getElementsByTagName("HorizontalPixelSize");
            if (nodes.getLength() > 0) {
                double mmPerPixel = Double.parseDouble(((IIOMetadataNode) nodes.item(0)).getAttribute("value"));
                if (mmPerPixel > 0) {
                    return Math.round(25.4 / mmPerPixel);
                }
            }
        } catch (RuntimeException e) {
            // no standard metadata: assume the usual scan resolution
        }
        return 300;
    }

    /** The words of a page's text layer, each with the box of its glyphs. */
    private static List<Word> textLayer(PDDocument doc, int page) throws IOException {
        List<Word> words = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                List<TextPosition> run = new ArrayList<>();
                for (TextPosition p : positions) {
                    if (p.getUnicode().isBlank()) {
                        add(words, page, run);
                        run.clear();
                    } else {
                        run.add(p);
                    }
                }
                add(words, page, run);
            }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.writeText(doc, new StringWriter());
        return words;
    }

    private static void add(List<Word> words, int page, List<TextPosition> run) {
        if (run.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        double x1 = Double.MAX_VALUE;
        double x2 = -Double.MAX_VALUE;
        double top = Double.MAX_VALUE;
        double base = -Double.MAX_VALUE;
        for (TextPosition p : run) {
            text.append(p.getUnicode());
            x1 = Math.min(x1, p.getXDirAdj());
            x2 = Math.max(x2, p.getXDirAdj() + p.getWidthDirAdj());
            top = Math.min(top, p.getYDirAdj() - p.getHeightDir());
            base = Math.max(base, p.getYDirAdj());
        }
        words.add(new Word(page, text.toString(), x1, top, x2 - x1, base - top, 1.0));
    }
}

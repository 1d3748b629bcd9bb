package io.orderhub.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates order PDFs from known data with PDFBox, in the two layouts of the shipped templates
 * {@code mappings/pdf/acme.pdf.yaml} (English, labels left of values, line numbers, table header repeated on each
 * page) and {@code mappings/pdf/nordlicht.pdf.yaml} (German, labels above values, buyer GLN at a fixed place, decimal
 * comma, quantity with unit, long descriptions wrapped onto a second row, no header on continuation pages); and
 * scanned-style copies: the pages rendered to images and wrapped into an image-only PDF, or written as a TIFF.
 * Positions are baselines in points from the top of an A4 page.
 */
public final class OrderPdfs {

    public enum Layout { ACME, NORDLICHT }

    private static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    private static final PDType1Font FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private OrderPdfs() {
    }

    /** The order as a text PDF; a page holds at most {@code rowsPerPage} table rows. */
    public static byte[] pdf(SampleOrder order, Layout layout, int rowsPerPage) {
        return pdf(order, layout, rowsPerPage, Map.of());
    }

    /** The same, with some printed texts replaced (to make unreadable values): printed text to what is printed instead. */
    public static byte[] pdf(SampleOrder order, Layout layout, int rowsPerPage, Map<String, String> misprints) {
        try (PDDocument doc = new PDDocument()) {
            List<List<String[]>> pages = paginate(rows(order, layout), rowsPerPage);
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    Writer w = new Writer(cs, misprints);
                    float y = layout == Layout.ACME ? acmePage(w, order, p) : nordlichtPage(w, order, p);
                    float step = layout == Layout.ACME ? 16 : 14;
                    float[] columns = layout == Layout.ACME ? new float[] {50, 80, 160, 360, 400, 440, 510}
                            : new float[] {50, 130, 350, 430, 500};
                    for (String[] row : pages.get(p)) {
                        for (int c = 0; c < row.length; c++) {
                            if (row[c] != null) {
                                w.text(FONT, 10, columns[c], y, row[c]);
                            }
                        }
                        y += step;
                    }
                    if (p == pages.size() - 1) {
                        String total = number(order.total(), layout);
                        w.text(BOLD, 10, layout == Layout.ACME ? 440 : 430, y + 6, layout == Layout.ACME ? "Total"
                                : "Summe");
                        w.text(BOLD, 10, layout == Layout.ACME ? 510 : 500, y + 6, total);
                    }
                    w.text(FONT, 8, 270, 815, layout == Layout.ACME ? "Page " + (p + 1) + " of " + pages.size()
                            : "Seite " + (p + 1) + "/" + pages.size());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float acmePage(Writer w, SampleOrder o, int pageIndex) throws IOException {
        DateTimeFormatter iso = DateTimeFormatter.ISO_LOCAL_DATE;
        if (pageIndex == 0) {
            w.text(BOLD, 16, 50, 60, "PURCHASE ORDER");
            w.text(FONT, 9, 50, 78, "ACME Retail GmbH, Hafenstr. 1, 20457 Hamburg");
            w.text(FONT, 10, 50, 110, "Order No.:");
            w.text(FONT, 10, 150, 110, o.poNumber());
            w.text(FONT, 10, 320, 110, "Buyer GLN:");
            w.text(FONT, 10, 400, 110, o.buyerGln());
            w.text(FONT, 10, 50, 126, "Order Date:");
            w.text(FONT, 10, 150, 126, o.orderDate().format(iso));
            w.text(FONT, 10, 320, 126, "Ship-to GLN:");
            w.text(FONT, 10, 400, 126, o.shipToGln());
            w.text(FONT, 10, 50, 142, "Delivery Date:");
            w.text(FONT, 10, 150, 142, o.deliveryDate().format(iso));
            w.text(FONT, 10, 320, 142, "Currency: " + o.currency());
        }
        float header = pageIndex == 0 ? 180 : 60;
        String[] labels = {"Pos", "Item", "Description", "Qty", "Unit", "Unit Price", "Amount"};
        float[] x = {50, 80, 160, 360, 400, 440, 510};
        for (int i = 0; i < labels.length; i++) {
            w.text(BOLD, 10, x[i], header, labels[i]);
        }
        return header + 18;
    }

    private static float nordlichtPage(Writer w, SampleOrder o, int pageIndex) throws IOException {
        if (pageIndex > 0) {
            return 70;
        }
        DateTimeFormatter german = DateTimeFormatter.ofPattern("dd.MM.yyyy");
        w.text(FONT, 10, 400, 50, "Kunde");
        w.text(FONT, 10, 440, 50, o.buyerGln());
        w.text(BOLD, 14, 50, 60, "Nordlicht Handels GmbH");
        w.text(BOLD, 10, 50, 100, "Bestellnummer");
        w.text(BOLD, 10, 200, 100, "Datum");
        w.text(BOLD, 10, 330, 100, "Liefertermin");
        w.text(FONT, 10, 50, 114, o.poNumber());
        w.text(FONT, 10, 200, 114, o.orderDate().format(german));
        w.text(FONT, 10, 330, 114, o.deliveryDate().format(german));
        w.text(FONT, 10, 50, 140, "Lieferanschrift: GLN " + o.shipToGln());
        String[] labels = {"Artikel", "Bezeichnung", "Menge", "Einzelpreis", "Gesamt"};
        float[] x = {50, 130, 350, 430, 500};
        for (int i = 0; i < labels.length; i++) {
            w.text(BOLD, 10, x[i], 180, labels[i]);
        }
        return 198;
    }

    /** The table rows of the order in the layout's columns; a null cell is left empty. */
    static List<String[]> rows(SampleOrder o, Layout layout) {
        List<String[]> rows = new ArrayList<>();
        int n = 0;
        for (SampleOrder.Line l : o.lines()) {
            n++;
            if (layout == Layout.ACME) {
                rows.add(new String[] {String.valueOf(n), l.item(), l.description(), l.quantity().toPlainString(),
                        l.unit(), number(l.unitPrice(), layout), number(l.amount(), layout)});
            } else {
                String[] wrapped = wrap(l.description(), 18);
                rows.add(new String[] {l.item(), wrapped[0], l.quantity().toPlainString() + " " + l.unit(),
                        number(l.unitPrice(), layout), number(l.amount(), layout)});
                if (wrapped[1] != null) {
                    rows.add(new String[] {null, wrapped[1], null, null, null});
                }
            }
        }
        return rows;
    }

    /** Splits a description after the last space before {@code max} characters, if it is longer. */
    private static String[] wrap(String s, int max) {
        if (s.length() <= max || s.lastIndexOf(' ', max) < 0) {
            return new String[] {s, null};
        }
        int cut = s.lastIndexOf(' ', max);
        return new String[] {s.substring(0, cut), s.substring(cut + 1)};
    }

    /** Keeps a wrapped description row on the page of its line. */
    private static List<List<String[]>> paginate(List<String[]> rows, int rowsPerPage) {
        List<List<String[]>> pages = new ArrayList<>();
        List<String[]> page = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            boolean continuation = rows.get(i)[0] == null;
            boolean nextIsContinuation = i + 1 < rows.size() && rows.get(i + 1)[0] == null;
            if (!continuation && page.size() + (nextIsContinuation ? 2 : 1) > rowsPerPage && !page.isEmpty()) {
                pages.add(page);
                page = new ArrayList<>();
            }
            page.add(rows.get(i));
        }
        pages.add(page);
        return pages;
    }

    /** Amounts as the layout prints them: {@code 1234.50} (ACME) or {@code 1.234,50} (Nordlicht). */
    public static String number(BigDecimal n, Layout layout) {
        DecimalFormat f = layout == Layout.ACME ? new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
                : new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        return f.format(n);
    }

    /** The pages rendered at {@code dpi} (grey) and wrapped into a PDF without a text layer, as a scanner makes. */
    public static byte[] scannedPdf(byte[] pdf, int dpi) {
        return scannedPdf(pdf, dpi, 0, 0);
    }

    /**
     * The same with speckle noise, as a dusty scanner glass or a bad fax line makes: {@code noise} is the share of
     * pixels (0..1) set to black or white at random (seeded).
     */
    public static byte[] scannedPdf(byte[] pdf, int dpi, double noise, long seed) {
        java.util.Random random = new java.util.Random(seed);
        try (PDDocument scan = new PDDocument()) {
            for (BufferedImage image : render(pdf, dpi)) {
                if (noise > 0) {
                    int speckles = (int) (noise * image.getWidth() * image.getHeight());
                    for (int i = 0; i < speckles; i++) {
                        image.setRGB(random.nextInt(image.getWidth()), random.nextInt(image.getHeight()),
                                random.nextBoolean() ? 0xFF000000 : 0xFFFFFFFF);
                    }
                }
                PDPage page = new PDPage(PDRectangle.A4);
                scan.addPage(page);
                PDImageXObject x = LosslessFactory.createFromImage(scan, image);
                try (PDPageContentStream cs = new PDPageContentStream(scan, page)) {
                    cs.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            scan.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pages rendered at {@code dpi} as a multi-page TIFF that records its resolution, as a fax server sends. */
    public static byte[] tiff(byte[] pdf, int dpi) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (BufferedImage image : render(pdf, dpi)) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                        param);
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
                IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
                for (String name : new String[] {"HorizontalPixelSize", "VerticalPixelSize"}) {
                    IIOMetadataNode size = new IIOMetadataNode(name);
                    size.setAttribute("value", String.valueOf(25.4 / dpi));
                    dimension.appendChild(size);
                }
                root.appendChild(dimension);
                meta.mergeTree("javax_imageio_1.0", root);
                writer.writeToSequence(new IIOImage(image, null, meta), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static List<BufferedImage> render(byte[] pdf, int dpi) {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            List<BufferedImage> images = new ArrayList<>();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                images.add(renderer.renderImageWithDPI(i, dpi, ImageType.GRAY));
            }
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes text with its baseline at (x, y) measured from the page's top-left corner. */
    private record Writer(PDPageContentStream cs, Map<String, String> misprints) {
        void text(PDType1Font font, float size, float x, float y, String text) throws IOException {
            String s = misprints.getOrDefault(text, text);
            if (s.isEmpty()) {
                return;
            }
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, PAGE_HEIGHT - y);
            cs.showText(s);
            cs.endText();
        }
    }
}

package io.orderhub.pdf;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * A 3 x 3 median filter over a grey page image before OCR: isolated black or white pixels (dust on the scanner glass,
 * a noisy fax line) are removed, strokes of letters (several pixels wide at 200-300 dpi) stay. Java2D has only linear
 * filters, which would smear the speckles instead of removing them.
 */
final class Despeckle {

    private Despeckle() {
    }

    static BufferedImage median(BufferedImage image) {
        BufferedImage grey = image;
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            grey.getGraphics().drawImage(image, 0, 0, null);
        }
        int w = grey.getWidth();
        int h = grey.getHeight();
        Raster in = grey.getRaster();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster o = out.getRaster();
        int[][] rows = new int[3][w];
        int[] window = new int[9];
        for (int y = 0; y < h; y++) {
            for (int k = 0; k < 3; k++) {
                in.getSamples(0, Math.min(h - 1, Math.max(0, y + k - 1)), w, 1, 0, rows[k]);
            }
            for (int x = 0; x < w; x++) {
                int n = 0;
                for (int k = 0; k < 3; k++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        window[n++] = rows[k][Math.min(w - 1, Math.max(0, x + dx))];
                    }
                }
                java.util.Arrays.sort(window);
                o.setSample(x, y, 0, window[4]);
            }
        }
        return out;
    }
}

package io.orderhub.pdf;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

/** The median filter removes isolated pixels and keeps strokes. */
class DespeckleTest {

    @Test
    void isolatedPixelsGoStrokesStay() {
        BufferedImage image = new BufferedImage(60, 40, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 60, 40);
        g.setColor(Color.BLACK);
        g.fillRect(30, 5, 4, 30);          // a stroke 4 pixels wide
        g.dispose();
        image.getRaster().setSample(10, 10, 0, 0);     // black speck on white
        image.getRaster().setSample(31, 20, 0, 255);   // white speck in the stroke

        BufferedImage clean = Despeckle.median(image);

        assertThat(clean.getRaster().getSample(10, 10, 0)).isEqualTo(255);
        assertThat(clean.getRaster().getSample(31, 20, 0)).isEqualTo(0);
        for (int x = 30; x < 34; x++) {
            assertThat(clean.getRaster().getSample(x, 15, 0)).as("stroke at x=" + x).isEqualTo(0);
        }
        assertThat(clean.getRaster().getSample(29, 15, 0)).isEqualTo(255);
    }
}

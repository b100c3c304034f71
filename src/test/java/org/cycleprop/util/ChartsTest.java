package org.cycleprop.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChartsTest {
    @TempDir
    Path tmp;

    // the layout of Charts.barChart: plot 360 pixels high below a 40-pixel title band, bars 40 wide from x = 70
    private static final int TOP = 40;
    private static final int HEIGHT = 360;
    private static final int LEFT = 70;
    private static final int BAR = 40;

    @Test
    void signedBarsGoUpAndDownFromTheZeroLine() throws Exception {
        Path png = tmp.resolve("signed.png");
        Charts.barChart("t", List.of("up", "down"), new double[] {30, -30}, -60, 60, "%", png);
        BufferedImage img = ImageIO.read(png.toFile());
        int zero = TOP + HEIGHT / 2;
        int up = LEFT + BAR / 2;
        int down = LEFT + BAR + BAR / 2;
        // +30 on a ±60 axis fills a quarter of the plot above the zero line and nothing below it
        assertBar(img, up, zero - HEIGHT / 4 + 2);
        assertNoBar(img, up, zero - HEIGHT / 4 - 3);
        assertNoBar(img, up, zero + 3);
        // -30 the same below, in the colour of negative bars
        assertEquals(Charts.NEGATIVE.getRGB(), img.getRGB(down, zero + HEIGHT / 4 - 2));
        assertNoBar(img, down, zero - 3);
        assertNoBar(img, down, zero + HEIGHT / 4 + 3);
    }

    @Test
    void unsignedBarsStandOnTheAxis() throws Exception {
        Path png = tmp.resolve("plain.png");
        Charts.barChart("t", List.of("a"), new double[] {50}, 100, "", png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertBar(img, LEFT + BAR / 2, TOP + HEIGHT - 3);
        assertBar(img, LEFT + BAR / 2, TOP + HEIGHT / 2 + 2);
        assertNoBar(img, LEFT + BAR / 2, TOP + HEIGHT / 2 - 3);
    }

    @Test
    void anEmptyAxisIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Charts.barChart("t", List.of("a"), new double[] {1}, 5, 5, "", tmp.resolve("x.png")));
    }

    private static void assertBar(BufferedImage img, int x, int y) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        assertNotEquals(0xffffff, rgb, "bar expected at " + x + "," + y);
        assertNotEquals(0xdddddd, rgb, "bar expected at " + x + "," + y);
    }

    private static void assertNoBar(BufferedImage img, int x, int y) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        assertEquals(0xffffff, rgb, String.format("background expected at %d,%d, got %06x", x, y, rgb));
    }
}

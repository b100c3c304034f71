package org.cycleprop.util;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Small PNG charts drawn with Java2D (no GUI needed: runs headless). */
public final class Charts {
    private static final Color[] SERIES = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b)};
    /** Colour of bars below zero. */
    static final Color NEGATIVE = SERIES[3];

    private Charts() {
    }

    /** Vertical bars, one per category, values on a 0..{@code yMax} axis. */
    public static void barChart(String title, List<String> categories, double[] values, double yMax, String yLabel,
                                Path png) {
        barChart(title, categories, values, 0, yMax, yLabel, png);
    }

    /**
     * Vertical bars, one per category, on a {@code yMin}..{@code yMax} axis; each bar starts at 0 (or the nearer end
     * of the axis when 0 is outside it), so signed values such as relative changes go up or down from a zero line;
     * negative bars have a colour of their own.
     */
    public static void barChart(String title, List<String> categories, double[] values, double yMin, double yMax,
                                String yLabel, Path png) {
        if (!(yMax > yMin)) throw new IllegalArgumentException("empty axis " + yMin + " .. " + yMax);
        int n = values.length;
        int barWidth = Math.max(6, Math.min(40, 1200 / Math.max(1, n)));
        int left = 70;
        int bottom = 120;
        int top = 40;
        int plotW = barWidth * n;
        int plotH = 360;
        BufferedImage img = new BufferedImage(left + plotW + 30, top + plotH + bottom, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, title);
        axes(g, left, top, plotW, plotH, yMin, yMax, yLabel);
        int zero = yPixel(Math.max(yMin, Math.min(0, yMax)), yMin, yMax, top, plotH);
        if (yMin < 0 && yMax > 0) {
            g.setColor(Color.BLACK);
            g.drawLine(left, zero, left + plotW, zero);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int i = 0; i < n; i++) {
            int end = yPixel(Math.max(yMin, Math.min(values[i], yMax)), yMin, yMax, top, plotH);
            int x = left + i * barWidth;
            g.setColor(values[i] < 0 ? NEGATIVE : SERIES[0]);
            g.fillRect(x + 1, Math.min(zero, end), barWidth - 2, Math.abs(zero - end));
            g.setColor(Color.DARK_GRAY);
            AffineTransform keep = g.getTransform();
            g.translate(x + barWidth / 2.0 + 3, top + plotH + 6);
            g.rotate(Math.PI / 2);
            String name = categories.get(i);
            g.drawString(name.length() > 18 ? name.substring(0, 18) : name, 0, 0);
            g.setTransform(keep);
        }
        write(img, png);
    }

    /** The image row of value {@code v} on a {@code yMin}..{@code yMax} axis {@code h} pixels high below {@code top}. */
    private static int yPixel(double v, double yMin, double yMax, int top, int h) {
        return top + h - (int) Math.round((v - yMin) / (yMax - yMin) * h);
    }

    /** Lines over a shared x axis, one per series; NaN values leave gaps. */
    public static void lineChart(String title, double[] x, List<String> names, List<double[]> series, String xLabel,
                                 Path png) {
        int left = 70;
        int top = 40;
        int plotW = 800;
        int plotH = 360;
        BufferedImage img = new BufferedImage(left + plotW + 180, top + plotH + 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, title);
        double xMin = x.length == 0 ? 0 : x[0];
        double xMax = x.length == 0 ? 1 : Math.max(x[x.length - 1], xMin + 1e-9);
        double yMax = 1e-9;
        for (double[] s : series) for (double v : s) if (!Double.isNaN(v)) yMax = Math.max(yMax, v);
        axes(g, left, top, plotW, plotH, 0, yMax, "");
        g.drawString(xLabel + " (" + fmt(xMin) + " .. " + fmt(xMax) + ")", left + plotW / 2 - 60, top + plotH + 35);
        g.setStroke(new BasicStroke(1.5f));
        for (int s = 0; s < series.size(); s++) {
            g.setColor(SERIES[s % SERIES.length]);
            double[] y = series.get(s);
            int px = -1;
            int py = -1;
            for (int i = 0; i < x.length; i++) {
                if (Double.isNaN(y[i])) {
                    px = -1;
                    continue;
                }
                int cx = left + (int) Math.round((x[i] - xMin) / (xMax - xMin) * plotW);
                int cy = top + plotH - (int) Math.round(y[i] / yMax * plotH);
                if (px >= 0) g.drawLine(px, py, cx, cy);
                px = cx;
                py = cy;
            }
            g.drawString(names.get(s), left + plotW + 15, top + 20 + 18 * s);
        }
        write(img, png);
    }

    private static Graphics2D canvas(BufferedImage img, String title) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 10, 22);
        return g;
    }

    private static void axes(Graphics2D g, int left, int top, int w, int h, double yMin, double yMax, String yLabel) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int t = 0; t <= 4; t++) {
            int y = top + h - h * t / 4;
            g.setColor(new Color(0xdddddd));
            g.drawLine(left, y, left + w, y);
            g.setColor(Color.BLACK);
            g.drawString(fmt(yMin + (yMax - yMin) * t / 4), 8, y + 4);
        }
        g.drawLine(left, top, left, top + h);
        g.drawLine(left, top + h, left + w, top + h);
        g.drawString(yLabel, 8, top - 6);
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 100 || v == Math.rint(v) ? String.format("%.0f", v) : String.format("%.3g", v);
    }

    private static void write(BufferedImage img, Path png) {
        try {
            ImageIO.write(img, "png", png.toFile());
        } catch (IOException e) {
            throw new UserException(png + ": cannot write the chart (" + e.getMessage() + ")");
        }
    }
}

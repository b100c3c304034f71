package org.cycleprop.fiji;

import ij.gui.Plot;
import ij.gui.PlotWindow;
import org.cycleprop.util.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A live plot of the training loss, fed by the trainer's {@link Progress} callbacks (whose message starts with
 * {@code loss <value>}) and passing them on. The window is redrawn at most twice a second.
 */
public final class LossPlot implements Progress {
    private static final Pattern LOSS = Pattern.compile("loss (\\S+)");

    private final Progress next;
    private final boolean show;
    private final List<double[]> points = new ArrayList<>();
    private final Plot plot = new Plot("CycleProp training loss", "iteration", "loss");
    private PlotWindow window;
    private long lastDraw;

    /** @param show open and update a plot window (false in batch mode) */
    public LossPlot(Progress next, boolean show) {
        this.next = next;
        this.show = show;
        plot.add("line", new double[0], new double[0]);
    }

    @Override
    public void update(long done, long total, String message) {
        next.update(done, total, message);
        Matcher m = message == null ? null : LOSS.matcher(message);
        if (m == null || !m.find()) return;
        try {
            points.add(new double[] {done, Double.parseDouble(m.group(1))});
        } catch (NumberFormatException e) {
            return;
        }
        long now = System.nanoTime();
        if (done >= total || now - lastDraw > 500_000_000L) {
            lastDraw = now;
            redraw();
        }
    }

    private void redraw() {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        plot.replace(0, "line", x, y);
        plot.setLimitsToFit(false);
        if (!show) return;
        if (window == null) window = plot.show();
        else plot.updateImage();
    }

    @Override
    public boolean isCancelled() {
        return next.isCancelled();
    }

    /** (iteration, loss) pairs seen so far. */
    public List<double[]> points() {
        return points;
    }

    public Plot plot() {
        return plot;
    }
}

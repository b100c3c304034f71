package org.cycleprop.cli;

import org.cycleprop.util.Progress;

import java.io.PrintStream;

/** A one-line progress bar on stderr, redrawn at most a few times a second. */
final class TerminalProgress implements Progress {
    private final PrintStream out;
    private final String label;
    private final boolean interactive = System.console() != null;
    private long lastDraw;
    private boolean drawn;
    private int lastDecile = -1;

    TerminalProgress(String label) {
        this(System.err, label);
    }

    TerminalProgress(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public void update(long done, long total, String message) {
        long now = System.nanoTime();
        boolean last = done >= total;
        if (!interactive) {
            // logs and pipes get one line per tenth instead of carriage-return redraws
            int decile = total <= 0 ? 10 : (int) (10 * Math.min(1.0, done / (double) total));
            if (decile != lastDecile) {
                out.printf("%s %d/%d%n", label, done, total);
                lastDecile = decile;
            }
            return;
        }
        if (!last && now - lastDraw < 200_000_000L) return;
        lastDraw = now;
        int width = 30;
        int filled = total <= 0 ? 0 : (int) (width * Math.min(1.0, done / (double) total));
        String bar = "#".repeat(filled) + "-".repeat(width - filled);
        String text = String.format("\r%s [%s] %d/%d %s", label, bar, done, total, message == null ? "" : message);
        out.print(text.length() > 110 ? text.substring(0, 110) : String.format("%-110s", text));
        drawn = true;
        if (last) finish();
    }

    /** Ends the bar's line so later output starts on a fresh one. */
    void finish() {
        if (drawn) out.println();
        drawn = false;
    }
}

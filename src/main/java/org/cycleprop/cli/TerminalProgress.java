package org.cycleprop.cli;

import org.cycleprop.util.Progress;

import java.io.PrintStream;

/** A one-line progress bar on stderr, redrawn at most a few times a second. */
final class TerminalProgress implements Progress {
    private final PrintStream out;
    private final String label;
    private long lastDraw;
    private boolean drawn;

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

package org.cycleprop.fiji;

import ij.IJ;
import org.cycleprop.util.Progress;

/**
 * {@link Progress} for ImageJ: ImageJ's progress bar and status line (at most a few updates a second), an
 * optional listener (the cancel window's bar), and cancellation by {@link #cancel()} or by Esc, which ImageJ
 * records in {@link IJ#escapePressed()}.
 */
public final class ImageJProgress implements Progress {
    /** Receives every update, e.g. to move a progress bar. */
    public interface Listener {
        void progressed(long done, long total, String message);
    }

    private final String label;
    private final Listener listener;
    private volatile boolean cancelled;
    private long lastStatus;

    public ImageJProgress(String label, Listener listener) {
        this.label = label;
        this.listener = listener;
        IJ.resetEscape(); // an Esc pressed before this job must not cancel it
    }

    @Override
    public void update(long done, long total, String message) {
        if (listener != null) listener.progressed(done, total, message);
        IJ.showProgress(total <= 0 ? 1 : done / (double) total);
        long now = System.nanoTime();
        if (done >= total || now - lastStatus > 200_000_000L) {
            lastStatus = now;
            IJ.showStatus(label + ": " + done + "/" + total + (message == null ? "" : " (" + message + ")"));
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled || IJ.escapePressed();
    }

    public void cancel() {
        cancelled = true;
    }
}

package org.cycleprop.fiji;

import ij.IJ;
import ij.macro.Interpreter;
import org.cycleprop.util.Progress;
import org.cycleprop.util.UserException;

import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs long work off the Event Dispatch Thread with a {@link CancelWindow}, or, in a macro, in batch mode or
 * headless, synchronously on the calling thread (the macro's next line must see the result). Cancelling or a
 * failure hands nothing to the result consumer, so no half-made output appears. User errors become one
 * {@code IJ.error} line (which aborts a running macro); cancelling only clears the status line.
 */
public final class JobRunner {
    static final String TITLE = "CycleProp";

    private JobRunner() {
    }

    /** True where no window may be opened and the caller waits for the result: macros, batch mode, headless. */
    public static boolean synchronous() {
        return GraphicsEnvironment.isHeadless() || IJ.isMacro() || Interpreter.isBatchMode();
    }

    /**
     * Starts {@code task}: synchronously where {@link #synchronous()}, else on a new thread. {@code onResult}
     * gets the task's result (on the worker thread, or the caller's when synchronous).
     */
    public static <T> void start(String label, Function<Progress, T> task, Consumer<T> onResult) {
        if (synchronous()) {
            T result = runReporting(label, task, false);
            if (result != null) onResult.accept(result);
            return;
        }
        Thread worker = new Thread(() -> {
            T result = runReporting(label, task, true);
            if (result != null) onResult.accept(result);
        }, "CycleProp " + label);
        worker.start();
    }

    /**
     * Runs {@code task} on the calling thread (never the Event Dispatch Thread) with a cancel window unless
     * {@link #synchronous()}; returns its result or null after cancelling or an error (already reported).
     */
    public static <T> T runHere(String label, Function<Progress, T> task) {
        if (EventQueue.isDispatchThread()) throw new IllegalStateException("long work must not run on the EDT");
        return runReporting(label, task, !synchronous());
    }

    private static <T> T runReporting(String label, Function<Progress, T> task, boolean window) {
        ImageJProgress[] progress = new ImageJProgress[1];
        CancelWindow cancel = window ? new CancelWindow(TITLE + ": " + label, () -> progress[0].cancel()) : null;
        progress[0] = new ImageJProgress(label, cancel);
        try {
            return task.apply(progress[0]);
        } catch (Progress.Cancelled e) {
            IJ.showStatus(label + ": cancelled");
            return null;
        } catch (UserException e) {
            error(e.getMessage());
            return null;
        } catch (RuntimeException | OutOfMemoryError e) {
            IJ.log(TITLE + ": " + label + " failed:\n" + stackTrace(e));
            error(label + " failed: " + e + " (details in the Log window)");
            return null;
        } finally {
            IJ.showProgress(1.0);
            if (cancel != null) cancel.close();
        }
    }

    /** One error line for the user; in a macro it aborts the macro with that message. */
    public static void error(String message) {
        IJ.error(TITLE, message);
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}

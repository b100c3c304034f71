package org.cycleprop.fiji;

import javax.imageio.ImageIO;
import java.awt.AWTException;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Small helpers for tests that drive real windows (under Xvfb in CI): waiting, finding, clicking, screenshots. */
final class Gui {
    private Gui() {
    }

    static void waitFor(String what, long timeoutMillis, BooleanSupplier condition) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                try {
                    screenshot(Path.of("target", "gui-timeout-" + what.replaceAll("[^A-Za-z0-9]+", "-") + ".png"));
                } catch (AWTException | IOException e) {
                    // the timeout is the failure to report
                }
                throw new AssertionError("timed out waiting for " + what + " (screenshot in target/)");
            }
            Thread.sleep(10);
        }
    }

    /** The visible dialog titled {@code title}, or null. */
    static Dialog dialog(String title) {
        for (Window w : Window.getWindows()) {
            if (w instanceof Dialog d && d.isShowing() && title.equals(d.getTitle())) return d;
        }
        return null;
    }

    /** The first component under {@code root} (depth first) matching {@code test}, or null. */
    static <T extends Component> T find(Container root, Class<T> type, Predicate<T> test) {
        for (Component c : root.getComponents()) {
            if (type.isInstance(c) && test.test(type.cast(c))) return type.cast(c);
            if (c instanceof Container inner) {
                T found = find(inner, type, test);
                if (found != null) return found;
            }
        }
        return null;
    }

    /** A real mouse click in the middle of {@code c}. */
    static void click(Component c) throws AWTException {
        Point p = c.getLocationOnScreen();
        Robot robot = new Robot();
        robot.mouseMove(p.x + c.getWidth() / 2, p.y + c.getHeight() / 2);
        robot.delay(50);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.waitForIdle();
    }

    /**
     * Presses the OK button of {@code dialog} with a real click; if the dialog is still open after a few seconds
     * (a click can get lost on a loaded X server without a window manager), delivers the button's action instead.
     */
    static void pressOk(Dialog dialog) throws Exception {
        java.awt.Button ok = find(dialog, java.awt.Button.class, b -> b.getLabel().trim().equals("OK"));
        clickUntilClosed(ok, dialog, () -> ok.dispatchEvent(new java.awt.event.ActionEvent(ok,
                java.awt.event.ActionEvent.ACTION_PERFORMED, ok.getActionCommand())));
    }

    /** Clicks {@code button}; if {@code window} is still open a few seconds later, runs {@code action} on the EDT. */
    static void clickUntilClosed(Component button, Window window, Runnable action) throws Exception {
        click(button);
        long end = System.currentTimeMillis() + 5_000;
        while (window.isShowing() && System.currentTimeMillis() < end) Thread.sleep(20);
        if (window.isShowing()) {
            System.err.println("Gui: a click got lost; delivering the button's action");
            java.awt.EventQueue.invokeLater(action);
        }
    }

    /** Saves the whole screen as a PNG. */
    static void screenshot(Path png) throws AWTException, IOException {
        Files.createDirectories(png.getParent());
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        ImageIO.write(new Robot().createScreenCapture(screen), "png", png.toFile());
    }
}

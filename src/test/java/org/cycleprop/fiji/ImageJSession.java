package org.cycleprop.fiji;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.frame.RoiManager;

import java.awt.EventQueue;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One ImageJ for the GUI tests of a test JVM, started with {@code target/fiji} as its folder so that its menus
 * come from the packaged plugin jar, exactly as in an installed Fiji.
 */
final class ImageJSession {
    static final Path FIJI = Path.of("target", "fiji");

    private ImageJSession() {
    }

    static synchronized void start() throws Exception {
        if (IJ.getInstance() != null) return;
        assertTrue(Files.exists(FIJI.resolve("plugins").resolve("cycleprop_.jar")),
                "target/fiji/plugins/cycleprop_.jar is missing: run mvn package (or mvn verify) first");
        System.setProperty("plugins.dir", FIJI.toAbsolutePath().toString());
        EventQueue.invokeAndWait(() -> new ImageJ(ImageJ.EMBEDDED)); // embedded: quitting must not exit the JVM
    }

    /** Closes every image without asking and empties the ROI Manager. */
    static void clear() {
        IJ.redirectErrorMessages(false);
        while (WindowManager.getImageCount() > 0) {
            ImagePlus imp = WindowManager.getImage(WindowManager.getIDList()[0]);
            imp.changes = false;
            imp.close();
        }
        if (RoiManager.getInstance() != null) RoiManager.getInstance().reset();
    }
}

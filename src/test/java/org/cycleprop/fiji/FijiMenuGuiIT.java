package org.cycleprop.fiji;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Menus;
import ij.Prefs;
import ij.WindowManager;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;
import org.cycleprop.util.Progress;
import org.cycleprop.volume.Axis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.JButton;
import java.awt.Dialog;
import java.awt.EventQueue;
import java.awt.Menu;
import java.awt.MenuBar;
import java.awt.MenuItem;
import java.awt.event.ActionEvent;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin in a real ImageJ window (run under Xvfb by CI, after {@code mvn package}): ImageJ starts with
 * {@code target/fiji} as its folder, so the menu comes from the packaged {@code plugins/cycleprop_.jar}; the
 * sample is opened, a ROI is added to the ROI Manager, the menu command is chosen, its dialog's OK button is
 * clicked with the mouse, and the label image must equal the PropagationJob result for the same seed.
 * Screenshots go to {@code target/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(300)
class FijiMenuGuiIT {
    static final String COMMAND = "Propagate Segmentation...";

    @TempDir
    static Path tmp;
    static Path model;

    @BeforeAll
    static void startImageJ() throws Exception {
        ImageJSession.start();
        model = TinyModel.write(tmp);
    }

    @AfterEach
    void closeImages() {
        ImageJSession.clear();
    }

    @Test
    @Order(1)
    void theMenuComesFromThePackagedPluginJar() {
        assertEquals(PropagateSegmentationPlugin.class.getName(), Menus.getCommands().get(COMMAND));
        assertEquals(EvaluateSegmentationPlugin.class.getName(), Menus.getCommands().get("Evaluate Segmentation..."));
        assertEquals(TrainPropagationModelPlugin.class.getName(), Menus.getCommands().get("Train Propagation Model..."));
        assertNotNull(menuItem(COMMAND), "Plugins > Segmentation > CycleProp > " + COMMAND);
    }

    @Test
    @Order(2)
    void propagatesFromTheRoiManagerThroughTheMenuAndDialog() throws Exception {
        ImagePlus source = TestImages.sample();
        source.show();
        String hash = TestImages.pixelHash(source);
        Gui.waitFor("the image window", 10_000, () -> source.getWindow() != null && source.getWindow().isShowing());
        source.setSlice(36);
        source.setRoi(new Roi(30, 40, 12, 9));
        RoiManager rm = RoiManager.getRoiManager();
        rm.addRoi(source.getRoi()); // what pressing t does
        assertEquals(36, RoiSeeds.sliceOf(rm.getRoi(0), source, 0), "the ROI Manager records the slice");
        Prefs.set("cycleprop.propagate.method", "model");
        Prefs.set("cycleprop.propagate.model", model.toString());
        Prefs.set("cycleprop.propagate.seeds", PropagateRequest.ROI_MANAGER);
        Prefs.set("cycleprop.propagate.axis", "Z");
        Prefs.set("cycleprop.propagate.device", "cpu");
        Prefs.set("cycleprop.propagate.overlay", true);

        choose(menuItem(COMMAND));
        Gui.waitFor("the dialog", 20_000, () -> Gui.dialog("Propagate Segmentation") != null);
        Dialog dialog = Gui.dialog("Propagate Segmentation");
        Thread.sleep(300); // let it paint
        Gui.screenshot(Path.of("target", "fiji-gui-dialog.png"));
        boolean[] sawCancelWindow = {false};
        Gui.pressOk(dialog);
        String title = "colin27_t1_2mm-labels";
        Gui.waitFor("the label image", 240_000, () -> {
            if (Gui.dialog(JobRunner.TITLE + ": propagation") != null) sawCancelWindow[0] = true;
            ImagePlus labels = WindowManager.getImage(title);
            return labels != null && labels.getWindow() != null && labels.getWindow().isShowing();
        });
        arrange(source, WindowManager.getImage(title));
        Gui.screenshot(Path.of("target", "fiji-gui-propagate.png"));
        assertTrue(sawCancelWindow[0], "the propagation ran with its cancel window");

        ImagePlus labels = WindowManager.getImage(title);
        ImagePlus expected = new PropagationJob(TestImages.sample(),
                RoiSeeds.fromRois(source, List.of(rm.getRoi(0)), null),
                new PropagationSettings(PropagationMethod.MODEL, model, Axis.Z, 0, 0, "cpu", false)).run(Progress.NONE);
        assertEquals(TestImages.pixelHash(expected), TestImages.pixelHash(labels), "the menu gives the job's labels");
        assertEquals(16, labels.getBitDepth());
        assertEquals(2.0, labels.getCalibration().pixelDepth);
        assertEquals(hash, TestImages.pixelHash(source), "the source is not modified");
        assertTrue(source.getOverlay() != null && source.getOverlay().size() > 0, "outlines overlaid on the source");
    }

    @Test
    @Order(3)
    void theCancelButtonStopsAndLeavesNoImage() throws Exception {
        Started started = startLongPropagation();
        int images = started.imagesBefore();
        Dialog window = started.cancelWindow();
        Gui.waitFor("a few slices", 120_000, () -> ImageJ.getStatusBarText().contains("slice"));
        Gui.screenshot(Path.of("target", "fiji-gui-cancel-window.png"));
        JButton cancel = Gui.find(window, JButton.class, b -> b.getText().equals("Cancel"));
        Gui.clickUntilClosed(cancel, window, cancel::doClick);
        Gui.waitFor("the cancel window to close", 60_000, () -> Gui.dialog(JobRunner.TITLE + ": propagation") == null);
        Thread.sleep(300);
        assertEquals(images, WindowManager.getImageCount(), "no output image");
        assertNull(WindowManager.getImage("tall-labels"));
        assertTrue(ImageJ.getStatusBarText().contains("cancelled"),
                ImageJ.getStatusBarText());
    }

    @Test
    @Order(4)
    void escapeInTheCancelWindowStopsToo() throws Exception {
        Started started = startLongPropagation();
        int images = started.imagesBefore();
        Dialog window = started.cancelWindow();
        Gui.click(window); // focus it, as a user would
        java.awt.Robot robot = new java.awt.Robot();
        robot.keyPress(java.awt.event.KeyEvent.VK_ESCAPE);
        robot.keyRelease(java.awt.event.KeyEvent.VK_ESCAPE);
        Gui.waitFor("the cancel window to close", 60_000, () -> Gui.dialog(JobRunner.TITLE + ": propagation") == null);
        Thread.sleep(300);
        assertEquals(images, WindowManager.getImageCount(), "no output image");
        assertTrue(ImageJ.getStatusBarText().contains("cancelled"), ImageJ.getStatusBarText());
    }

    /** A running propagation: its cancel window, and how many images were open when it started. */
    private record Started(Dialog cancelWindow, int imagesBefore) {
    }

    /**
     * Opens a tall stack (so that the propagation lasts long enough to be cancelled by hand), puts a ROI into the
     * ROI Manager, runs the command from the menu and waits for its cancel window.
     */
    private static Started startLongPropagation() throws Exception {
        ImagePlus tall = IJ.createImage("tall", "8-bit noise", 64, 64, 1500);
        tall.show();
        tall.setSlice(3);
        tall.setRoi(new Roi(20, 20, 20, 20));
        RoiManager.getRoiManager().addRoi(tall.getRoi());
        int images = WindowManager.getImageCount();
        choose(menuItem(COMMAND));
        Gui.waitFor("the dialog", 20_000, () -> Gui.dialog("Propagate Segmentation") != null);
        Gui.pressOk(Gui.dialog("Propagate Segmentation"));
        Gui.waitFor("the cancel window", 60_000, () -> Gui.dialog(JobRunner.TITLE + ": propagation") != null);
        return new Started(Gui.dialog(JobRunner.TITLE + ": propagation"), images);
    }

    /** Image and result side by side at 3x on the seed slice, the ROI Manager beside them (a readable screenshot). */
    private static void arrange(ImagePlus source, ImagePlus labels) throws Exception {
        source.setSlice(36);
        labels.setSlice(36);
        EventQueue.invokeAndWait(() -> {
            int x = 0;
            for (ImagePlus imp : new ImagePlus[] {source, labels}) {
                imp.getWindow().setLocationAndSize(x, 100, 3 * imp.getWidth(), 3 * imp.getHeight());
                x += imp.getWindow().getWidth() + 10;
            }
            RoiManager.getInstance().setLocation(x, 100);
        });
        Thread.sleep(700);
        source.updateAndDraw();
        labels.updateAndDraw();
        Thread.sleep(300);
    }

    /** Plugins > Segmentation > CycleProp > {@code label} in ImageJ's menu bar. */
    static MenuItem menuItem(String label) {
        MenuBar bar = Menus.getMenuBar();
        Menu plugins = null;
        for (int i = 0; i < bar.getMenuCount(); i++) if (bar.getMenu(i).getLabel().equals("Plugins")) plugins = bar.getMenu(i);
        Menu segmentation = submenu(plugins, "Segmentation");
        Menu cycleprop = submenu(segmentation, "CycleProp");
        if (cycleprop == null) return null;
        for (int i = 0; i < cycleprop.getItemCount(); i++) {
            if (cycleprop.getItem(i).getLabel().equals(label)) return cycleprop.getItem(i);
        }
        return null;
    }

    private static Menu submenu(Menu menu, String label) {
        if (menu == null) return null;
        for (int i = 0; i < menu.getItemCount(); i++) {
            if (menu.getItem(i) instanceof Menu m && m.getLabel().equals(label)) return m;
        }
        return null;
    }

    /** Chooses a menu item as a click does: its action event, delivered on the Event Dispatch Thread. */
    static void choose(MenuItem item) {
        EventQueue.invokeLater(() -> item.dispatchEvent(new ActionEvent(item, ActionEvent.ACTION_PERFORMED,
                item.getActionCommand())));
    }
}

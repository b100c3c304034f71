package org.cycleprop.fiji;

import ij.Macro;
import ij.ImagePlus;
import ij.Prefs;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import org.cycleprop.model.BundledModel;
import org.cycleprop.util.UserException;

import java.util.ArrayList;
import java.util.List;

/**
 * Plugins > Segmentation > CycleProp > Propagate Segmentation...: segments the current 3D image from seeds
 * (ROI Manager, current selection or a label image) and opens the result as a new label image. Every dialog
 * field is a macro option with the key in brackets:
 * <pre>run("Propagate Segmentation...", "method=model model=[/path/small.json] seeds=[ROI Manager]
 *      seed_image=- axis=Z first_slice=0 last_slice=0 device=auto locality=model windows=pieces refine=None overlay add_rois");</pre>
 * (checkboxes: {@code whole_slices}, {@code overlay}, {@code add_rois} present = on). Last choices are remembered
 * outside macros.
 */
public final class PropagateSegmentationPlugin implements PlugIn {
    static final String NONE = "None";
    private static final String PREFS = "cycleprop.propagate.";

    @Override
    public void run(String arg) {
        ImagePlus image = WindowManager.getCurrentImage();
        if (image == null) {
            JobRunner.error("no image: open a 3D image first");
            return;
        }
        PropagateRequest request = new PropagateRequest();
        PropagationJob job;
        try {
            if (!ask(request, image)) return;
            job = request.job(image);
        } catch (UserException e) {
            JobRunner.error(e.getMessage());
            return;
        }
        JobRunner.start("propagation", job::run, labels -> request.deliver(image, labels, true));
    }

    /** Fills {@code r} from the dialog (or the macro options); false if cancelled. */
    static boolean ask(PropagateRequest r, ImagePlus image) {
        boolean macro = Macro.getOptions() != null; // called with options: take nothing from the last session
        String[] images = titlesExcept(image, "-");
        String[] previous = titlesExcept(image, NONE);
        GenericDialog gd = new GenericDialog("Propagate Segmentation");
        gd.addChoice("Method", PropagationMethod.keys(), macro ? r.method : Prefs.get(PREFS + "method", r.method));
        gd.addFileField("Model", macro ? "" : Prefs.get(PREFS + "model", ""), 40);
        gd.addMessage(BundledModel.available() ? "Model left empty: the bundled model " + BundledModel.name()
                + " (trained with the cycle loss)." : "This build carries no model: choose a NAME.json.");
        gd.addChoice("Seeds", PropagateRequest.SEED_SOURCES, macro ? r.seeds : Prefs.get(PREFS + "seeds", r.seeds));
        gd.addChoice("Seed_image", images, images[0]);
        gd.addChoice("Axis", PropagateRequest.AXES, macro ? r.axis : Prefs.get(PREFS + "axis", r.axis));
        gd.addNumericField("First_slice (0 = first)", 0, 0);
        gd.addNumericField("Last_slice (0 = last)", 0, 0);
        gd.addChoice("Device", PropagateRequest.DEVICES, macro ? r.device : Prefs.get(PREFS + "device", r.device));
        gd.addCheckbox("Whole_slices (no window around the object)", false);
        gd.addStringField("Locality (model = the model's own; else prior width in 16-pixel cells, 0 = off)",
                r.locality, 8);
        gd.addChoice("Windows (pieces: distant pieces of one object apart; each: every object too)",
                PropagateRequest.WINDOWS, r.windows);
        gd.addChoice("Refine (earlier result)", previous, NONE);
        gd.addCheckbox("Overlay outlines on the image", macro ? false : Prefs.get(PREFS + "overlay", false));
        gd.addCheckbox("Add_ROIs of every slice to the ROI Manager", false);
        gd.showDialog();
        if (gd.wasCanceled()) return false;
        r.method = gd.getNextChoice();
        r.model = gd.getNextString();
        r.seeds = gd.getNextChoice();
        r.seedImage = imageNamed(gd.getNextChoice());
        r.axis = gd.getNextChoice();
        r.firstSlice = (int) gd.getNextNumber();
        r.lastSlice = (int) gd.getNextNumber();
        r.device = gd.getNextChoice();
        r.wholeSlices = gd.getNextBoolean();
        r.locality = gd.getNextString();
        r.windows = gd.getNextChoice();
        r.refine = imageNamed(gd.getNextChoice());
        r.overlay = gd.getNextBoolean();
        r.addRois = gd.getNextBoolean();
        if (!macro) {
            Prefs.set(PREFS + "method", r.method);
            Prefs.set(PREFS + "model", r.model);
            Prefs.set(PREFS + "seeds", r.seeds);
            Prefs.set(PREFS + "axis", r.axis);
            Prefs.set(PREFS + "device", r.device);
            Prefs.set(PREFS + "overlay", r.overlay);
        }
        return true;
    }

    /** Titles of the open images other than {@code image}, after {@code first} (the "none" entry). */
    static String[] titlesExcept(ImagePlus image, String first) {
        List<String> titles = new ArrayList<>();
        titles.add(first);
        int[] ids = WindowManager.getIDList();
        if (ids != null) {
            for (int id : ids) {
                ImagePlus imp = WindowManager.getImage(id);
                if (imp != null && imp != image) titles.add(imp.getTitle());
            }
        }
        return titles.toArray(new String[0]);
    }

    /** The open image of that title, or null for "-" / "None". */
    static ImagePlus imageNamed(String title) {
        if (title == null || title.equals("-") || title.equals(NONE)) return null;
        ImagePlus imp = WindowManager.getImage(title);
        if (imp == null) throw new UserException("no open image is called '" + title + "'");
        return imp;
    }
}

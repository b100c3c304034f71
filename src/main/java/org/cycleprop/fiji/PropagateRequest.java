package org.cycleprop.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;
import org.cycleprop.propagation.PropagationOptions;
import org.cycleprop.propagation.WindowParts;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The choices of "Propagate Segmentation", shared by the ImageJ 1 plugin (dialog and macro options) and the
 * SciJava command, so both faces build the same {@link PropagationJob} and deliver its result the same way.
 * The seeds are read when the job is made, on the caller's thread, so a bad seed is reported at once.
 */
final class PropagateRequest {
    static final String ROI_MANAGER = "ROI Manager";
    static final String SELECTION = "Current selection";
    static final String LABEL_IMAGE = "Label image";
    static final String[] SEED_SOURCES = {ROI_MANAGER, SELECTION, LABEL_IMAGE};
    static final String[] AXES = {"Z", "X", "Y"};
    static final String[] DEVICES = {"auto", "cpu", "gpu"};
    static final String[] WINDOWS = {"pieces", "one", "each"};

    String method = PropagationMethod.MODEL.key;
    String model = "";
    String seeds = ROI_MANAGER;
    ImagePlus seedImage;
    String axis = "Z";
    int firstSlice;
    int lastSlice;
    String device = "auto";
    boolean wholeSlices;
    String locality = "model";
    String windows = "pieces";
    ImagePlus refine;
    boolean overlay;
    boolean addRois;

    /** The job for {@code image} with these choices; seeds and the earlier result are read and checked here. */
    PropagationJob job(ImagePlus image) {
        ImagePlusImg.check(image);
        Axis ax = Axis.parse(axis);
        PropagationMethod m = PropagationMethod.parse(method);
        // no model file: the method falls back to the model bundled with the plugin (or says there is none)
        Path modelPath = model == null || model.isBlank() ? null : Path.of(model.trim());
        PreviousResult previous = refine == null ? null : PreviousResult.of(refine, image);
        SeedSlices seedSlices = seeds(image, ax, previous);
        PropagationSettings settings = new PropagationSettings(m, modelPath, ax, firstSlice, lastSlice, device, wholeSlices,
                PropagationOptions.parseLocality(locality), WindowParts.parse(windows));
        PropagationJob job = new PropagationJob(image, seedSlices, settings);
        return previous == null ? job : job.refining(previous);
    }

    private SeedSlices seeds(ImagePlus image, Axis ax, PreviousResult previous) {
        switch (seeds) {
            case ROI_MANAGER: {
                RoiManager rm = RoiManager.getInstance();
                List<Roi> rois = rm == null ? List.of() : Arrays.asList(rm.getRoisAsArray());
                if (ax != Axis.Z) throw roisOnZ(ax);
                return RoiSeeds.fromRois(image, rois, previous);
            }
            case SELECTION:
                if (ax != Axis.Z) throw roisOnZ(ax);
                return RoiSeeds.fromSelection(image, previous);
            case LABEL_IMAGE:
                return LabelImageSeeds.from(seedImage, image, ax);
            default:
                throw new UserException("seeds: unknown seed source '" + seeds + "' (use " + String.join(", ", SEED_SOURCES) + ")");
        }
    }

    private static UserException roisOnZ(Axis ax) {
        return new UserException("seeds: ROIs lie on Z slices and cannot seed a propagation along " + ax
                + "; give the seeds as a label image (seeds=[Label image]) or propagate along Z");
    }

    /** Shows the label image and adds the outlines where asked. Never changes the image's pixels. */
    void deliver(ImagePlus image, ImagePlus labels, boolean show) {
        if (overlay) image.setOverlay(LabelOutlines.overlay(image, labels));
        if (addRois) {
            RoiManager rm = IJ.isMacro() && RoiManager.getInstance() != null ? RoiManager.getInstance() : RoiManager.getRoiManager();
            for (Roi roi : LabelOutlines.perSlice(labels)) rm.add(roi, -1);
        }
        if (show) labels.show();
    }
}

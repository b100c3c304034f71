package org.cycleprop.fiji;

import ij.ImagePlus;
import org.cycleprop.util.UserException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.io.File;

/**
 * The SciJava face of "Propagate Segmentation" for scripts and Fiji's command finder: the same choices, with
 * the same names as the macro options, handed to {@link PropagateRequest}; the label image is the output.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Segmentation>CycleProp>Scripting>Propagate Segmentation (SciJava)")
public final class PropagateSegmentationCommand implements Command {
    @Parameter(label = "Image")
    ImagePlus image;

    @Parameter(label = "Method", choices = {"model", "copy", "interpolate"})
    String method = "model";

    @Parameter(label = "Model", required = false,
            description = "NAME.json written by training; empty = the model bundled with the plugin")
    File model;

    @Parameter(label = "Seeds", choices = {PropagateRequest.ROI_MANAGER, PropagateRequest.SELECTION,
        PropagateRequest.LABEL_IMAGE})
    String seeds = PropagateRequest.ROI_MANAGER;

    @Parameter(label = "Seed image", required = false)
    ImagePlus seed_image;

    @Parameter(label = "Axis", choices = {"Z", "X", "Y"})
    String axis = "Z";

    @Parameter(label = "First slice (0 = first)", min = "0")
    int first_slice;

    @Parameter(label = "Last slice (0 = last)", min = "0")
    int last_slice;

    @Parameter(label = "Device", choices = {"auto", "cpu", "gpu"})
    String device = "auto";

    @Parameter(label = "Whole slices")
    boolean whole_slices;

    @Parameter(label = "Locality prior (model = the model's own, 0 = off)", required = false,
            description = "model: the setting the model was trained or chosen with; else the width in network cells (16 "
                    + "pixels of the window) of a prior that makes the readout prefer memory near each position")
    String locality = "model";

    @Parameter(label = "Windows", choices = {"pieces", "one", "each"}, required = false,
            description = "pieces: a single object drawn as distant pieces (a bilateral structure) gets a window per "
                    + "group of pieces; each: every object too; one: one window around everything")
    String windows = "pieces";

    @Parameter(label = "Refine (earlier result)", required = false)
    ImagePlus refine;

    @Parameter(label = "Overlay outlines on the image")
    boolean overlay;

    @Parameter(label = "Add ROIs to the ROI Manager")
    boolean add_rois;

    @Parameter(type = ItemIO.OUTPUT)
    ImagePlus labels;

    @Override
    public void run() {
        PropagateRequest r = new PropagateRequest();
        r.method = method;
        r.model = model == null ? "" : model.getPath();
        r.seeds = seeds;
        r.seedImage = seed_image;
        r.axis = axis;
        r.firstSlice = first_slice;
        r.lastSlice = last_slice;
        r.device = device;
        r.wholeSlices = whole_slices;
        r.locality = locality;
        r.windows = windows == null ? "pieces" : windows;
        r.refine = refine;
        r.overlay = overlay;
        r.addRois = add_rois;
        PropagationJob job;
        try {
            job = r.job(image);
        } catch (UserException e) {
            JobRunner.error(e.getMessage());
            return;
        }
        ImagePlus result = JobRunner.runHere("propagation", job::run);
        if (result == null) return;
        r.deliver(image, result, false); // Fiji displays the output itself
        labels = result;
    }
}

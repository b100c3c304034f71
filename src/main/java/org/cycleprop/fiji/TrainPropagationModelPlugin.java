package org.cycleprop.fiji;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import org.cycleprop.util.UserException;

/**
 * Plugins > Segmentation > CycleProp > Train Propagation Model...: trains (or fine-tunes) a network on an open
 * image and its label image, with the cycle-consistency loss of weight {@code cycle_weight} (0 = without),
 * showing the loss as it goes. Macro:
 * <pre>run("Train Propagation Model...", "image=ct.tif labels=ct-labels axes=z preset=small initial_model=[]
 *      cycle_weight=0.1 iterations=1000 batch=4 frames=3 output=[/home/me/models/ct-cycle]");</pre>
 */
public final class TrainPropagationModelPlugin implements PlugIn {
    @Override
    public void run(String arg) {
        String[] titles = PropagateSegmentationPlugin.titlesExcept(null, "-");
        if (titles.length < 3) {
            JobRunner.error("training needs two open images: the image and its label image");
            return;
        }
        String[] choices = java.util.Arrays.copyOfRange(titles, 1, titles.length);
        ImagePlus current = WindowManager.getCurrentImage();
        TrainRequest r = new TrainRequest();
        GenericDialog gd = new GenericDialog("Train Propagation Model");
        String imageTitle = current != null ? current.getTitle() : choices[0];
        gd.addChoice("Image", choices, imageTitle);
        gd.addChoice("Labels (label image)", choices,
                java.util.Arrays.stream(choices).filter(t -> !t.equals(imageTitle)).findFirst().orElse(choices[0]));
        gd.addStringField("Axes to slice along (x, y, z)", r.axes);
        gd.addChoice("Preset", TrainRequest.PRESETS, r.preset);
        gd.addFileField("Initial_model (fine-tune; empty = new network)", r.initialModel, 40);
        gd.addNumericField("Cycle_weight (0 = no cycle loss)", r.cycleWeight, 3);
        gd.addNumericField("Iterations", r.iterations, 0);
        gd.addNumericField("Batch", r.batch, 0);
        gd.addNumericField("Frames per sample (3 = the paper's triplets)", r.frames, 0);
        gd.addFileField("Output model (NAME, in a models folder)", r.output, 40);
        gd.addCheckbox("Overwrite an existing model", false);
        gd.showDialog();
        if (gd.wasCanceled()) return;
        TrainingJob job;
        try {
            r.image = PropagateSegmentationPlugin.imageNamed(gd.getNextChoice());
            r.labels = PropagateSegmentationPlugin.imageNamed(gd.getNextChoice());
            r.axes = gd.getNextString().trim();
            r.preset = gd.getNextChoice();
            r.initialModel = gd.getNextString();
            r.cycleWeight = gd.getNextNumber();
            r.iterations = (int) gd.getNextNumber();
            r.batch = (int) gd.getNextNumber();
            r.frames = (int) gd.getNextNumber();
            r.output = gd.getNextString();
            r.overwrite = gd.getNextBoolean();
            job = r.job();
        } catch (UserException e) {
            JobRunner.error(e.getMessage());
            return;
        }
        // the loss plot is a window: shown everywhere but in batch mode and headless
        boolean show = !ij.macro.Interpreter.isBatchMode() && !java.awt.GraphicsEnvironment.isHeadless();
        JobRunner.start("training", p -> job.run(new LossPlot(p, show)), info -> TrainRequest.report(info, job));
    }
}

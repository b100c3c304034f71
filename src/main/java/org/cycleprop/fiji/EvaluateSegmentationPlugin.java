package org.cycleprop.fiji;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;

/**
 * Plugins > Segmentation > CycleProp > Evaluate Segmentation...: a label image against a ground-truth label
 * image of the same size; shows a results table (J, F, J&amp;F, DSC per label and their means) and a plot of J
 * per slice. Macro: {@code run("Evaluate Segmentation...", "prediction=[a-labels] ground_truth=[truth] axis=Z");}
 */
public final class EvaluateSegmentationPlugin implements PlugIn {
    static final String TABLE = "CycleProp evaluation";

    @Override
    public void run(String arg) {
        int[] ids = WindowManager.getIDList();
        if (ids == null || ids.length < 2) {
            JobRunner.error("evaluation needs two open images: the label image and the ground truth");
            return;
        }
        String[] titles = PropagateSegmentationPlugin.titlesExcept(null, "-");
        String[] choices = java.util.Arrays.copyOfRange(titles, 1, titles.length);
        ImagePlus current = WindowManager.getCurrentImage();
        GenericDialog gd = new GenericDialog("Evaluate Segmentation");
        String predicted = current != null ? current.getTitle() : choices[0];
        String other = java.util.Arrays.stream(choices).filter(t -> !t.equals(predicted)).findFirst().orElse(choices[0]);
        gd.addChoice("Prediction (label image)", choices, predicted);
        gd.addChoice("Ground_truth (label image)", choices, other);
        gd.addChoice("Axis", PropagateRequest.AXES, "Z");
        gd.showDialog();
        if (gd.wasCanceled()) return;
        ImagePlus prediction;
        ImagePlus truth;
        Axis axis;
        try {
            prediction = PropagateSegmentationPlugin.imageNamed(gd.getNextChoice());
            truth = PropagateSegmentationPlugin.imageNamed(gd.getNextChoice());
            axis = Axis.parse(gd.getNextChoice());
        } catch (UserException e) {
            JobRunner.error(e.getMessage());
            return;
        }
        JobRunner.start("evaluation", p -> SegmentationEvaluation.evaluate(prediction, truth, axis, p), scores -> {
            SegmentationEvaluation.table(scores).show(TABLE);
            SegmentationEvaluation.perSlicePlot(scores, axis).show();
        });
    }
}

package org.cycleprop.fiji;

import ij.ImagePlus;
import org.cycleprop.evaluation.MeanScore;
import org.cycleprop.evaluation.StructureScore;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.util.ArrayList;
import java.util.List;

/** The SciJava face of "Evaluate Segmentation": shows the table and plot, returns the mean J&amp;F and DSC. */
@Plugin(type = Command.class, menuPath = "Plugins>Segmentation>CycleProp>Scripting>Evaluate Segmentation (SciJava)")
public final class EvaluateSegmentationCommand implements Command {
    @Parameter(label = "Prediction (label image)")
    ImagePlus prediction;

    @Parameter(label = "Ground truth (label image)")
    ImagePlus ground_truth;

    @Parameter(label = "Axis", choices = {"Z", "X", "Y"})
    String axis = "Z";

    @Parameter(type = ItemIO.OUTPUT)
    double mean_jf;

    @Parameter(type = ItemIO.OUTPUT)
    double mean_dsc;

    @Override
    public void run() {
        Axis ax;
        try {
            ax = Axis.parse(axis);
        } catch (UserException e) {
            JobRunner.error(e.getMessage());
            return;
        }
        List<SegmentationEvaluation.LabelScore> scores = JobRunner.runHere("evaluation",
                p -> SegmentationEvaluation.evaluate(prediction, ground_truth, ax, p));
        if (scores == null) return;
        SegmentationEvaluation.table(scores).show(EvaluateSegmentationPlugin.TABLE);
        if (!JobRunner.synchronous()) SegmentationEvaluation.perSlicePlot(scores, ax).show();
        List<StructureScore> all = new ArrayList<>();
        for (SegmentationEvaluation.LabelScore s : scores) all.add(s.score());
        MeanScore mean = MeanScore.of(all);
        mean_jf = mean.jf();
        mean_dsc = mean.dsc();
    }
}

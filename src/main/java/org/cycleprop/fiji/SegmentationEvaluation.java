package org.cycleprop.fiji;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;
import org.cycleprop.evaluation.MeanScore;
import org.cycleprop.evaluation.StructureEvaluator;
import org.cycleprop.evaluation.StructureScore;
import org.cycleprop.util.Progress;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.LabelStack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Scores a label image against a ground-truth label image of the same size, label by label (every value of the
 * ground truth is one structure, compared with the same value of the prediction), with the benchmark's
 * {@link StructureEvaluator}: J and F per slice along the axis, their means, and the volumetric Dice.
 */
public final class SegmentationEvaluation {
    /** The scores of one label value. */
    public record LabelScore(int label, String name, StructureScore score) {
    }

    private SegmentationEvaluation() {
    }

    public static List<LabelScore> evaluate(ImagePlus prediction, ImagePlus truth, Axis axis, Progress progress) {
        if (prediction == truth) {
            throw new UserException("ground truth: '" + truth.getTitle() + "' is the prediction itself; choose another image");
        }
        LabelImages.checkSameSize(prediction, truth);
        LabelStack p = LabelImages.read(prediction, axis);
        LabelStack t = LabelImages.read(truth, axis);
        TreeSet<Integer> labels = new TreeSet<>();
        for (int z = 0; z < t.depth(); z++) {
            short[] s = t.slice(z);
            if (s != null) for (short v : s) if (v != 0) labels.add(Short.toUnsignedInt(v));
        }
        if (labels.isEmpty()) throw new UserException("ground truth: '" + truth.getTitle() + "' holds no label");
        Map<Integer, String> names = PreviousResult.objectNames(prediction);
        List<LabelScore> scores = new ArrayList<>();
        int done = 0;
        for (int label : labels) {
            progress.checkCancelled();
            scores.add(new LabelScore(label, names.getOrDefault(label, "label " + label),
                    StructureEvaluator.evaluate(t, label, p, label)));
            progress.update(++done, labels.size(), "label " + label);
        }
        return scores;
    }

    /** One row per label (J, F, J&amp;F, DSC, scored slices) and a last row with the means. */
    public static ResultsTable table(List<LabelScore> scores) {
        ResultsTable rt = new ResultsTable();
        for (LabelScore s : scores) {
            rt.incrementCounter();
            rt.addValue("Label", s.label());
            rt.addValue("Name", s.name());
            rt.addValue("J", s.score().j());
            rt.addValue("F", s.score().f());
            rt.addValue("J&F", s.score().jf());
            rt.addValue("DSC", s.score().dsc());
            rt.addValue("Slices", s.score().evaluatedSlices());
        }
        List<StructureScore> all = new ArrayList<>();
        for (LabelScore s : scores) all.add(s.score());
        MeanScore mean = MeanScore.of(all);
        rt.incrementCounter();
        rt.addValue("Label", Double.NaN);
        rt.addValue("Name", "mean");
        rt.addValue("J", mean.j());
        rt.addValue("F", mean.f());
        rt.addValue("J&F", mean.jf());
        rt.addValue("DSC", mean.dsc());
        rt.addValue("Slices", Double.NaN);
        rt.setDecimalPlaces(rt.getColumnIndex("J"), 4);
        return rt;
    }

    /** J per slice (1-based along the axis) of every label, one line each in the label's colour. */
    public static Plot perSlicePlot(List<LabelScore> scores, Axis axis) {
        Plot plot = new Plot("CycleProp J per slice", "slice along " + axis, "J");
        plot.setLimits(1, Math.max(2, scores.isEmpty() ? 2 : scores.get(0).score().perSliceJ().length), 0, 1);
        StringBuilder legend = new StringBuilder();
        for (LabelScore s : scores) {
            double[] j = s.score().perSliceJ();
            double[] x = new double[j.length];
            for (int i = 0; i < x.length; i++) x[i] = i + 1;
            plot.setColor(GlasbeyLut.colour(s.label()));
            plot.add("line", x, j);
            legend.append(legend.length() == 0 ? "" : "\n").append(s.name());
        }
        if (scores.size() <= 12) plot.addLegend(legend.toString());
        return plot;
    }
}

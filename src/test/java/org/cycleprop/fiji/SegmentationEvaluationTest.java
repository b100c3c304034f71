package org.cycleprop.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import org.cycleprop.util.Progress;
import org.cycleprop.volume.Axis;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Evaluate Segmentation's core: hand-computed J and DSC per label, the means row, refusals. */
class SegmentationEvaluationTest {

    private static void square(ImagePlus imp, int value, int x0, int y0, int side, int fromSlice, int toSlice) {
        for (int z = fromSlice; z <= toSlice; z++) {
            for (int y = y0; y < y0 + side; y++) for (int x = x0; x < x0 + side; x++) imp.getStack().getProcessor(z).set(x, y, value);
        }
    }

    @Test
    void scoresEveryLabelOfTheGroundTruth() {
        ImagePlus truth = IJ.createImage("truth", "16-bit black", 20, 16, 6);
        ImagePlus prediction = IJ.createImage("prediction", "16-bit black", 20, 16, 6);
        square(truth, 1, 2, 2, 4, 2, 4);       // 16 pixels on slices 2-4
        square(prediction, 1, 3, 2, 4, 2, 4); // shifted by one column: 12 shared, union 20
        square(truth, 2, 12, 10, 3, 3, 3);     // 9 pixels: too small to score J and F, missed by the prediction
        List<SegmentationEvaluation.LabelScore> scores = SegmentationEvaluation.evaluate(prediction, truth, Axis.Z,
                Progress.NONE);
        assertEquals(2, scores.size());
        assertEquals(1, scores.get(0).label());
        assertEquals(0.6, scores.get(0).score().j(), 1e-12);
        assertEquals(2.0 * 36 / (48 + 48), scores.get(0).score().dsc(), 1e-12);
        assertEquals(3, scores.get(0).score().evaluatedSlices());
        assertEquals(0.6, scores.get(0).score().perSliceJ()[2], 1e-12);
        assertTrue(Double.isNaN(scores.get(0).score().perSliceJ()[0]), "slice without truth is not scored");
        assertTrue(Double.isNaN(scores.get(1).score().j()));
        assertEquals(0, scores.get(1).score().dsc());

        ResultsTable rt = SegmentationEvaluation.table(scores);
        assertEquals(3, rt.size());
        assertEquals(0.6, rt.getValue("J", 0), 1e-6);
        assertEquals("mean", rt.getStringValue("Name", 2));
        assertEquals(0.6, rt.getValue("J", 2), 1e-6, "mean J over the scored label only");
        assertEquals((0.75 + 0) / 2, rt.getValue("DSC", 2), 1e-6, "mean DSC over both labels");
        ImagePlus plot = SegmentationEvaluation.perSlicePlot(scores, Axis.Z).getImagePlus();
        assertTrue(plot.getWidth() > 0 && plot.getHeight() > 0, "the J-per-slice plot draws");
    }

    @Test
    void aPerfectPredictionScoresOne() {
        ImagePlus truth = IJ.createImage("truth", "8-bit black", 30, 30, 4);
        square(truth, 5, 4, 4, 10, 1, 4);
        ImagePlus same = truth.duplicate();
        same.setTitle("same");
        var s = SegmentationEvaluation.evaluate(same, truth, Axis.X, Progress.NONE).get(0).score();
        assertEquals(1.0, s.j());
        assertEquals(1.0, s.f());
        assertEquals(1.0, s.dsc());
    }

    @Test
    void refusesOtherSizesEmptyTruthAndTheSameImage() {
        ImagePlus truth = IJ.createImage("truth", "8-bit black", 20, 16, 6);
        ImagePlus other = IJ.createImage("other", "8-bit black", 20, 16, 5);
        RoiSeedsTest.assertMessage(() -> SegmentationEvaluation.evaluate(other, truth, Axis.Z, Progress.NONE),
                "'other' is 20x16x5 but 'truth' is 20x16x6");
        ImagePlus empty = IJ.createImage("prediction", "8-bit black", 20, 16, 6);
        RoiSeedsTest.assertMessage(() -> SegmentationEvaluation.evaluate(empty, truth, Axis.Z, Progress.NONE),
                "ground truth: 'truth' holds no label");
        RoiSeedsTest.assertMessage(() -> SegmentationEvaluation.evaluate(truth, truth, Axis.Z, Progress.NONE),
                "ground truth: 'truth' is the prediction itself");
    }
}

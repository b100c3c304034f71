package org.cycleprop.evaluation;

import org.cycleprop.propagation.Propagator;
import org.cycleprop.propagation.Seeds;
import org.cycleprop.util.Progress;
import org.cycleprop.volume.LabelNames;
import org.cycleprop.volume.LabelStack;
import org.cycleprop.volume.SliceStack;

import java.util.ArrayList;
import java.util.List;

/**
 * The paper's evaluation protocol for any propagator: each structure separately, seeded on the slice(s) the
 * {@link SeedPolicy} picks (the paper: the largest slice), one round of propagation through the whole stack,
 * scored against the ground truth with {@link StructureEvaluator}.
 */
public final class Benchmark {
    private final Propagator propagator;
    private final SeedPolicy seedPolicy;

    public Benchmark(Propagator propagator, SeedPolicy seedPolicy) {
        this.propagator = propagator;
        this.seedPolicy = seedPolicy;
    }

    /** One structure's outcome. */
    public record StructureResult(int label, String name, int slices, List<Integer> seeds, StructureScore score,
                                  long propagationNanos) {
    }

    /** All structures' outcomes plus what the run cost. */
    public record Result(String method, List<StructureResult> structures, MeanScore mean, long propagatedSlices,
                         long propagationNanos) {
        public double millisPerSlice() {
            return propagatedSlices == 0 ? 0 : propagationNanos / 1e6 / propagatedSlices;
        }
    }

    public Result run(SliceStack image, LabelStack truth, List<Integer> labels, LabelNames names,
                      Progress progress) {
        StructureIndex index = new StructureIndex(truth);
        List<StructureResult> results = new ArrayList<>();
        long slices = 0;
        long nanos = 0;
        for (int n = 0; n < labels.size(); n++) {
            progress.checkCancelled();
            int label = labels.get(n);
            progress.update(n, labels.size(), "structure " + label + " " + names.nameOf(label));
            List<Integer> seedSlices = seedPolicy.seedSlices(index, label);
            Seeds seeds = new Seeds(truth.width(), truth.height(), 1);
            for (int z : seedSlices) {
                short[] s = new short[truth.pixelsPerSlice()];
                short[] src = truth.slice(z);
                for (int i = 0; i < s.length; i++) s[i] = (short) (Short.toUnsignedInt(src[i]) == label ? 1 : 0);
                seeds.put(z, s);
            }
            long t0 = System.nanoTime();
            LabelStack prediction = propagator.propagate(image, seeds, Progress.NONE);
            long dt = System.nanoTime() - t0;
            nanos += dt;
            slices += image.depth();
            StructureScore score = StructureEvaluator.evaluate(truth, label, prediction, 1);
            results.add(new StructureResult(label, names.nameOf(label), index.sliceCount(label), seedSlices,
                    score, dt));
        }
        progress.update(labels.size(), labels.size(), "done");
        List<StructureScore> scores = new ArrayList<>();
        for (StructureResult r : results) scores.add(r.score());
        return new Result(propagator.name(), results, MeanScore.of(scores), slices, nanos);
    }
}

package org.cycleprop.training;

import org.cycleprop.model.Preset;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Developer tool (not a test): replays the batches a labelled training run draws — they depend only on the
 * data, the seed, the iteration and the curriculum — and prints the copy baseline's IoU per block of
 * iterations, to set beside the iou_1 / iou_2 columns of a log written before those had copy columns.
 *
 * <p>Usage: {@code java -cp 'target/cycleprop.jar:target/lib/*' org.cycleprop.training.CopyBaselineReplay
 * DATA SEED ITERATIONS [PRESET] [BATCH] [MAX_JUMP] [BLOCK] [EVERY]} (defaults small, 4, 5, 250, 5: every 5th
 * batch of each block of 250).
 */
public final class CopyBaselineReplay {
    private CopyBaselineReplay() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        int iterations = Integer.parseInt(args[2]);
        Preset preset = Preset.byName(args.length > 3 ? args[3] : "small");
        int batchSize = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        int maxJump = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        int block = args.length > 6 ? Integer.parseInt(args[6]) : 250;
        int every = args.length > 7 ? Integer.parseInt(args[7]) : 5;
        List<TrainingVolume> volumes = TrainingDataList.read(data).load();
        // the same sampler and curriculum as Trainer for a run without end triplets
        TripletSampler sampler = new TripletSampler(volumes, preset.workingSize(), seed, TripletSampler.Options.defaults());
        CurriculumSchedule curriculum = CurriculumSchedule.standard(iterations, maxJump);
        System.out.println("iterations,max_jump,copy_iou_1,copy_iou_2,batches");
        for (int start = 0; start < iterations; start += block) {
            double sum1 = 0;
            double sum2 = 0;
            int n = 0;
            for (int it = start; it < Math.min(iterations, start + block); it += every) {
                sampler.reseed(seed * 1_000_003L + it);
                Batch batch = sampler.nextBatch(batchSize, curriculum.maxJumpAt(it));
                sum1 += batch.copyIou(1);
                sum2 += batch.copyIou(2);
                n++;
            }
            System.out.printf(Locale.ROOT, "%d-%d,%d,%.4f,%.4f,%d%n", start + 1, Math.min(iterations, start + block),
                    curriculum.maxJumpAt(start), sum1 / n, sum2 / n, n);
        }
    }
}

package org.cycleprop.fiji;

import ij.ImagePlus;
import org.cycleprop.propagation.Propagator;
import org.cycleprop.propagation.Seeds;
import org.cycleprop.util.Progress;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.LabelStack;
import org.cycleprop.volume.SliceStack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One propagation in ImageJ, free of dialogs: the source stack (seen through {@link ImagePlusImg}, never
 * modified), the seeds, the {@link PropagationSettings}; {@link #run} returns a new 16-bit label image with the
 * source's calibration. Nothing is made until the propagation has finished, so a cancelled or failed run leaves
 * nothing behind.
 *
 * <p>Refining ({@link #refining}): the seeds are laid over an earlier result; every seed slice that then differs
 * from it is a new seed, and only the stretch between its neighbouring seed slices (old or new, or the ends of
 * the stack) is propagated again, with {@code PropagationOptions.withRange}. The rest of the earlier result is
 * kept as it is. On a new seed slice, the objects drawn there replace their earlier outline and the other
 * objects keep theirs.
 */
public final class PropagationJob {
    private final ImagePlus source;
    private final SeedSlices seeds;
    private final PropagationSettings settings;
    private final PreviousResult previous;

    public PropagationJob(ImagePlus source, SeedSlices seeds, PropagationSettings settings) {
        this(source, seeds, settings, null);
    }

    private PropagationJob(ImagePlus source, SeedSlices seeds, PropagationSettings settings, PreviousResult previous) {
        this.source = source;
        this.seeds = seeds;
        this.settings = settings;
        this.previous = previous;
    }

    /** This job as a refinement of {@code earlier}, a result of the same source. */
    public PropagationJob refining(PreviousResult earlier) {
        return new PropagationJob(source, seeds, settings, earlier);
    }

    /** Runs the propagation and returns the new label image (not shown). */
    public ImagePlus run(Progress progress) {
        Axis axis = settings.axis();
        SliceStack image = ImagePlusImg.slices(source, axis);
        if (seeds.axis() != axis) {
            throw new UserException("seeds: ROIs lie on Z slices and cannot seed a propagation along " + axis
                    + "; give the seeds as a label image (seeds=[Label image]) or propagate along Z");
        }
        int[] range = settings.range(image.depth());
        Map<Integer, String> names = new LinkedHashMap<>();
        LabelStack result;
        NavigableSet<Integer> seedSlices;
        if (previous == null) {
            checkSeedsInside(seeds.slices(), range);
            result = propagate(image, seeds.slices(), range, progress);
            seedSlices = new TreeSet<>(seeds.slices().keySet());
        } else {
            if (previous.axis() != axis) {
                throw new UserException("previous: '" + previous.image().getTitle() + "' was propagated along "
                        + previous.axis() + "; choose axis " + previous.axis() + " to refine it");
            }
            names.putAll(previous.names());
            LabelStack earlier = previous.values(axis);
            NavigableMap<Integer, short[]> all = new TreeMap<>();
            for (int z : previous.seedSlices()) all.put(z, copy(earlier, z));
            NavigableSet<Integer> changed = overlay(seeds.slices(), earlier, all);
            if (changed.isEmpty()) {
                throw new UserException("seeds: nothing new to refine: the seeds match '" + previous.image().getTitle()
                        + "' on every seed slice");
            }
            result = earlier;
            for (int[] stretch : stretches(changed, all.navigableKeySet(), range)) {
                LabelStack part = propagate(image, all.subMap(stretch[0], true, stretch[1], true), stretch, progress);
                for (int z = stretch[0]; z <= stretch[1]; z++) result.setSlice(z, part.slice(z));
            }
            seedSlices = new TreeSet<>(all.keySet());
        }
        names.putAll(seeds.names());
        ImagePlus out = LabelImages.create(titleFor(source), source, result, axis);
        PreviousResult.describe(out, source, axis, seedSlices, names);
        return out;
    }

    /** Propagates value-space {@code seedSlices} within {@code range}; slices outside it stay empty. */
    private LabelStack propagate(SliceStack image, NavigableMap<Integer, short[]> seedSlices, int[] range,
                                 Progress progress) {
        SeedSlices inRange = new SeedSlices(image.axis(), image.width(), image.height());
        seedSlices.subMap(range[0], true, range[1], true).forEach(inRange::put);
        int[] values = inRange.values().stream().mapToInt(Integer::intValue).toArray();
        Seeds ids = inRange.toSeeds(values);
        Propagator propagator = settings.method().create(settings.model(), settings.device(),
                settings.options().withRange(range[0], range[1]));
        LabelStack labels = propagator.propagate(image, ids, progress);
        LabelStack out = new LabelStack(labels.width(), labels.height(), labels.depth());
        for (int z = range[0]; z <= range[1]; z++) {
            short[] s = labels.slice(z);
            if (s == null) continue;
            short[] v = new short[s.length];
            for (int i = 0; i < s.length; i++) if (s[i] != 0) v[i] = (short) values[Short.toUnsignedInt(s[i]) - 1];
            out.setSlice(z, v);
        }
        return out;
    }

    /**
     * Lays the new seed slices over the earlier result into {@code all} (seed slice → values) and returns the
     * slices where that changed the earlier labels.
     */
    private static NavigableSet<Integer> overlay(NavigableMap<Integer, short[]> drawn, LabelStack earlier,
                                                 NavigableMap<Integer, short[]> all) {
        NavigableSet<Integer> changed = new TreeSet<>();
        drawn.forEach((z, s) -> {
            short[] before = copy(earlier, z);
            short[] merged = before.clone();
            TreeSet<Integer> redrawn = new TreeSet<>();
            for (short v : s) if (v != 0) redrawn.add(Short.toUnsignedInt(v));
            for (int i = 0; i < merged.length; i++) {
                if (s[i] != 0) merged[i] = s[i];
                else if (redrawn.contains(Short.toUnsignedInt(merged[i]))) merged[i] = 0;
            }
            all.put(z, merged);
            if (!Arrays.equals(before, merged)) changed.add(z);
        });
        return changed;
    }

    /**
     * For each changed seed slice, the stretch from the nearest other seed slice below (or the start of the range)
     * to the nearest above (or its end); overlapping stretches are merged.
     */
    static List<int[]> stretches(NavigableSet<Integer> changed, NavigableSet<Integer> seedSlices, int[] range) {
        List<int[]> out = new ArrayList<>();
        for (int z : changed) {
            if (z < range[0] || z > range[1]) continue;
            Integer below = seedSlices.lower(z);
            Integer above = seedSlices.higher(z);
            int lo = below == null ? range[0] : Math.max(range[0], below);
            int hi = above == null ? range[1] : Math.min(range[1], above);
            if (!out.isEmpty() && lo <= out.get(out.size() - 1)[1]) out.get(out.size() - 1)[1] = hi;
            else out.add(new int[] {lo, hi});
        }
        return out;
    }

    private static void checkSeedsInside(NavigableMap<Integer, short[]> slices, int[] range) {
        if (slices.isEmpty()) throw new UserException("no seed: nothing is drawn on any slice");
        if (slices.subMap(range[0], true, range[1], true).isEmpty()) {
            throw new UserException("slices: no seed slice lies within " + (range[0] + 1) + "-" + (range[1] + 1)
                    + " (seeds on slices " + oneBased(slices.navigableKeySet()) + ")");
        }
    }

    private static String oneBased(NavigableSet<Integer> slices) {
        StringBuilder b = new StringBuilder();
        for (int z : slices) b.append(b.length() == 0 ? "" : ", ").append(z + 1);
        return b.toString();
    }

    private static short[] copy(LabelStack stack, int z) {
        short[] s = stack.slice(z);
        return s == null ? new short[stack.pixelsPerSlice()] : s.clone();
    }

    static String titleFor(ImagePlus source) {
        String t = source.getTitle();
        for (String ext : new String[] {".nii.gz", ".nii", ".tiff", ".tif"}) {
            if (t.toLowerCase().endsWith(ext)) return t.substring(0, t.length() - ext.length()) + "-labels";
        }
        return t + "-labels";
    }
}

package org.cycleprop.fiji;

import ij.ImagePlus;
import ij.process.ImageProcessor;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.LabelStack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * A label image made by an earlier propagation of the same source, to be refined with further seeds. The
 * propagation records in the image's properties what refining needs: the source's title, the axis, the seed
 * slices and the object names (see {@link #describe}).
 */
public final class PreviousResult {
    static final String SOURCE = "CycleProp.source";
    static final String AXIS = "CycleProp.axis";
    static final String SEEDS = "CycleProp.seeds";
    static final String OBJECTS = "CycleProp.objects";

    private final ImagePlus labels;
    private final Axis axis;
    private final NavigableSet<Integer> seedSlices;
    private final Map<Integer, String> names;

    private PreviousResult(ImagePlus labels, Axis axis, NavigableSet<Integer> seedSlices, Map<Integer, String> names) {
        this.labels = labels;
        this.axis = axis;
        this.seedSlices = seedSlices;
        this.names = names;
    }

    /** The earlier result {@code labels} of propagating {@code source}; refused if it is not one. */
    public static PreviousResult of(ImagePlus labels, ImagePlus source) {
        String title = "'" + labels.getTitle() + "'";
        String from = labels.getProp(SOURCE);
        String seeds = labels.getProp(SEEDS);
        if (from == null || seeds == null || labels.getProp(AXIS) == null) {
            throw new UserException("previous: " + title + " is not a CycleProp result (it has no record of its seeds)");
        }
        if (!from.equals(source.getTitle())) {
            throw new UserException("previous: " + title + " was propagated from '" + from + "', not from '"
                    + source.getTitle() + "'");
        }
        LabelImages.checkSameSize(labels, source);
        NavigableSet<Integer> slices = new TreeSet<>();
        for (String s : seeds.split(",")) if (!s.isBlank()) slices.add(Integer.parseInt(s.trim()) - 1);
        return new PreviousResult(labels, Axis.parse(labels.getProp(AXIS)), slices, objectNames(labels));
    }

    /** The object names a propagation recorded in {@code labels} (value → name); empty if none. */
    static Map<Integer, String> objectNames(ImagePlus labels) {
        Map<Integer, String> names = new LinkedHashMap<>();
        String objects = labels.getProp(OBJECTS);
        if (objects == null) return names;
        for (String entry : objects.split("\t")) {
            int eq = entry.indexOf('=');
            if (eq > 0) names.put(Integer.parseInt(entry.substring(0, eq)), entry.substring(eq + 1));
        }
        return names;
    }

    /** Records how {@code result} was made so that it can be refined later. */
    static void describe(ImagePlus result, ImagePlus source, Axis axis, NavigableSet<Integer> seedSlices,
                         Map<Integer, String> names) {
        result.setProp(SOURCE, source.getTitle());
        result.setProp(AXIS, axis.name());
        StringBuilder seeds = new StringBuilder();
        for (int z : seedSlices) seeds.append(seeds.length() == 0 ? "" : ",").append(z + 1);
        result.setProp(SEEDS, seeds.toString());
        StringBuilder objects = new StringBuilder();
        names.forEach((v, n) -> objects.append(objects.length() == 0 ? "" : "\t").append(v).append('=')
                .append(n.replace('\t', ' ')));
        result.setProp(OBJECTS, objects.toString());
    }

    public ImagePlus image() {
        return labels;
    }

    public Axis axis() {
        return axis;
    }

    /** Seed slices of the earlier propagation, 0-based along {@link #axis()}. */
    public NavigableSet<Integer> seedSlices() {
        return seedSlices;
    }

    public Map<Integer, String> names() {
        return names;
    }

    /** The label values along {@code axis}. */
    public LabelStack values(Axis along) {
        return LabelImages.read(labels, along);
    }

    /** The value of the object called {@code name}, or 0. */
    int valueNamed(String name) {
        for (Map.Entry<Integer, String> e : names.entrySet()) if (e.getValue().equals(name)) return e.getKey();
        return 0;
    }

    /** The object covering most of {@code mask} on Z slice {@code z} (0-based), or 0 over background. */
    int mostCovered(int z, boolean[] mask) {
        ImageProcessor ip = labels.getStack().getProcessor(z + 1);
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < mask.length; i++) {
            if (!mask[i]) continue;
            int v = (int) ip.getf(i);
            if (v != 0) counts.merge(v, 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
    }

    /** The largest label value present (0 if none). */
    int maxValue() {
        int max = 0;
        for (int z = 1; z <= labels.getStackSize(); z++) {
            ImageProcessor ip = labels.getStack().getProcessor(z);
            for (int i = 0; i < ip.getPixelCount(); i++) max = Math.max(max, (int) ip.getf(i));
        }
        for (int v : names.keySet()) max = Math.max(max, v);
        return max;
    }
}

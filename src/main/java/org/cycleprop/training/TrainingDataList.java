package org.cycleprop.training;

import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.LabelStack;
import org.cycleprop.volume.LabelStacks;
import org.cycleprop.volume.SliceStack;
import org.cycleprop.volume.Volume;
import org.cycleprop.volume.VolumeIO;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * The volumes a training run learns from, listed in a text file, one volume per line:
 * <pre>IMAGE LABELS AXES [LABELS-TO-USE]</pre>
 * AXES is any of {@code x}, {@code y}, {@code z} (e.g. {@code xyz}: the volume is sliced along each);
 * LABELS-TO-USE is {@code all} (default) or values and ranges, e.g. {@code 1,3,5-9}. Paths are relative to
 * the list file. Blank lines and {@code #} comments are skipped.
 */
public final class TrainingDataList {
    /** One line of the list. */
    public record Entry(Path image, Path labels, List<Axis> axes, Set<Integer> labelValues) {
        IntPredicate filter() {
            return labelValues == null ? v -> true : labelValues::contains;
        }
    }

    private final Path file;
    private final List<Entry> entries;

    private TrainingDataList(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    public static TrainingDataList read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException(file + ": cannot read the training data list (" + e.getMessage() + ")");
        }
        Path dir = file.toAbsolutePath().getParent();
        List<Entry> entries = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).replaceAll("#.*", "").trim();
            if (line.isEmpty()) continue;
            String[] f = line.split("\\s+");
            String where = file + ": line " + (n + 1);
            if (f.length < 3 || f.length > 4) {
                throw new UserException(where + ": expected 'IMAGE LABELS AXES [LABELS-TO-USE]', got '" + line + "'");
            }
            List<Axis> axes = new ArrayList<>();
            for (char c : f[2].toCharArray()) {
                try {
                    axes.add(Axis.parse(String.valueOf(c)));
                } catch (UserException e) {
                    throw new UserException(where + ": unknown axis '" + c + "' (use x, y, z)");
                }
            }
            Set<Integer> values = f.length == 4 && !f[3].equals("all") ? parseValues(f[3], where) : null;
            entries.add(new Entry(dir.resolve(f[0]), dir.resolve(f[1]), axes, values));
        }
        if (entries.isEmpty()) throw new UserException(file + ": the training data list names no volume");
        return new TrainingDataList(file, entries);
    }

    static Set<Integer> parseValues(String spec, String where) {
        Set<Integer> values = new TreeSet<>();
        for (String part : spec.split(",")) {
            try {
                String[] r = part.split("-");
                int a = Integer.parseInt(r[0]);
                int b = r.length > 1 ? Integer.parseInt(r[1]) : a;
                for (int v = a; v <= b; v++) values.add(v);
            } catch (NumberFormatException e) {
                throw new UserException(where + ": '" + part + "' is not a label value or range");
            }
        }
        return values;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Reads every volume and slices it along each listed axis. */
    public List<TrainingVolume> load() {
        List<TrainingVolume> volumes = new ArrayList<>();
        for (Entry e : entries) {
            Volume image = VolumeIO.read(e.image());
            Volume labels = VolumeIO.read(e.labels());
            if (!Arrays.equals(image.dimensions(), labels.dimensions())) {
                throw new UserException(e.labels() + ": labels are not on the grid of " + e.image() + " (listed in "
                        + file + ")");
            }
            for (Axis axis : e.axes()) {
                SliceStack slices = new SliceStack(image.intensities(), axis);
                LabelStack labelStack = LabelStacks.fromVolume(labels, axis);
                TrainingVolume v = TrainingVolume.from(e.image().getFileName() + "@" + axis, slices, labelStack, e.filter(),
                        TrainingVolume.DEFAULT_MIN_PIXELS);
                if (v.objectLabels().length == 0) {
                    throw new UserException(e.labels() + ": none of the chosen labels is present (listed in " + file + ")");
                }
                volumes.add(v);
            }
        }
        return volumes;
    }
}

package org.cycleprop.fiji;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.process.ImageProcessor;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;

import java.awt.Rectangle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds drawn as area selections on Z slices. From the ROI Manager, each ROI's slice position is its seed
 * slice; ROIs of one group (when they have a group) or else of one name are one object, different names are
 * different objects, and object values 1, 2, … follow the order of first appearance. Where ROIs overlap on a
 * slice the later one wins. When refining a previous result, a ROI whose name matches one of its objects
 * continues that object, and any other ROI continues the object it mostly covers (so a correction drawn over
 * an object and added with its automatic name refines that object); a ROI over background starts a new object.
 */
public final class RoiSeeds {
    private RoiSeeds() {
    }

    /** Seeds from the ROI Manager's ROIs, in its order. {@code previous} may be null. */
    public static SeedSlices fromRois(ImagePlus imp, List<Roi> rois, PreviousResult previous) {
        ImagePlusImg.check(imp);
        if (rois.isEmpty()) {
            throw new UserException("no ROI: draw the object on a slice and add it to the ROI Manager (press t)");
        }
        Painter painter = new Painter(imp, previous);
        for (int i = 0; i < rois.size(); i++) {
            Roi roi = rois.get(i);
            painter.paint(roi, sliceOf(roi, imp, i), key(roi, i), displayName(roi, i));
        }
        return painter.seeds;
    }

    /** Seeds from the current selection alone, on the current slice. {@code previous} may be null. */
    public static SeedSlices fromSelection(ImagePlus imp, PreviousResult previous) {
        ImagePlusImg.check(imp);
        Roi roi = imp.getRoi();
        if (roi == null) throw new UserException("no selection on '" + imp.getTitle() + "': outline the object on a slice first");
        Painter painter = new Painter(imp, previous);
        String name = roi.getName() != null ? roi.getName() : "object";
        painter.paint(roi, imp.getCurrentSlice(), "name:" + name, name);
        return painter.seeds;
    }

    /** The 1-based Z slice a ROI was added on. */
    static int sliceOf(Roi roi, ImagePlus imp, int index) {
        int z = roi.hasHyperStackPosition() ? roi.getZPosition() : roi.getPosition();
        if (z == 0) {
            throw new UserException("ROI " + describe(roi, index) + " is not on a slice (position 0): select its slice, "
                    + "then add it to the ROI Manager again (or set its position with Properties...)");
        }
        if (z > imp.getNSlices()) {
            throw new UserException("ROI " + describe(roi, index) + " is on slice " + z + " but '" + imp.getTitle()
                    + "' has " + imp.getNSlices() + " slices");
        }
        return z;
    }

    /** Objects are keyed by group when the ROI has one, else by name (an unnamed ROI is its own object). */
    private static String key(Roi roi, int index) {
        if (roi.getGroup() > 0) return "group:" + roi.getGroup();
        return roi.getName() != null ? "name:" + roi.getName() : "roi:" + index;
    }

    private static String displayName(Roi roi, int index) {
        if (roi.getGroup() > 0) {
            String group = Roi.getGroupName(roi.getGroup());
            return group != null && !group.isEmpty() ? group : "group " + roi.getGroup();
        }
        return roi.getName() != null ? roi.getName() : "ROI " + (index + 1);
    }

    private static String describe(Roi roi, int index) {
        return roi.getName() != null ? "'" + roi.getName() + "'" : "#" + (index + 1);
    }

    /** Paints ROIs into seed slices, assigning each object key its label value on first sight. */
    private static final class Painter {
        final ImagePlus imp;
        final PreviousResult previous;
        final SeedSlices seeds;
        final Map<String, Integer> values = new LinkedHashMap<>();
        int nextValue;

        Painter(ImagePlus imp, PreviousResult previous) {
            this.imp = imp;
            this.previous = previous;
            this.seeds = new SeedSlices(Axis.Z, imp.getWidth(), imp.getHeight());
            this.nextValue = previous == null ? 1 : previous.maxValue() + 1;
        }

        void paint(Roi roi, int z, String key, String name) {
            String what = roi.getName() != null ? "'" + roi.getName() + "'" : "(unnamed)";
            if (!roi.isArea()) {
                throw new UserException("ROI " + what + " on slice " + z + " is a " + roi.getTypeAsString().toLowerCase()
                        + " selection; seeds need area selections (rectangle, oval, polygon, freehand)");
            }
            boolean[] mask = mask(roi, imp.getWidth(), imp.getHeight());
            if (mask == null) {
                throw new UserException("ROI " + what + " on slice " + z + " lies outside '" + imp.getTitle() + "' ("
                        + imp.getWidth() + "x" + imp.getHeight() + ")");
            }
            int value = values.computeIfAbsent(key, k -> valueFor(name, z - 1, mask));
            // an object keeps the name it first had (here or in the earlier result)
            boolean named = seeds.names().containsKey(value) || previous != null && previous.names().containsKey(value);
            if (!named) seeds.name(value, name);
            short[] slice = seeds.slices().get(z - 1);
            if (slice == null) {
                slice = new short[mask.length];
                seeds.put(z - 1, slice);
            }
            for (int i = 0; i < mask.length; i++) if (mask[i]) slice[i] = (short) value;
        }

        private int valueFor(String name, int z, boolean[] mask) {
            if (previous != null) {
                int named = previous.valueNamed(name);
                if (named > 0) return named;
                int covered = previous.mostCovered(z, mask);
                if (covered > 0) return covered;
            }
            int v = nextValue++;
            while (values.containsValue(v)) v = nextValue++;
            return v;
        }
    }

    /** The pixels of the image inside {@code roi}, or null if none is. */
    static boolean[] mask(Roi roi, int width, int height) {
        Rectangle r = roi.getBounds();
        ImageProcessor m = roi.getMask();
        boolean[] out = new boolean[width * height];
        boolean any = false;
        for (int y = Math.max(0, r.y); y < Math.min(height, r.y + r.height); y++) {
            for (int x = Math.max(0, r.x); x < Math.min(width, r.x + r.width); x++) {
                if (m == null || m.get(x - r.x, y - r.y) != 0) {
                    out[x + y * width] = true;
                    any = true;
                }
            }
        }
        return any ? out : null;
    }
}

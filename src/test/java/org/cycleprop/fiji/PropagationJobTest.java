package org.cycleprop.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.process.LUT;
import net.imglib2.img.array.ArrayImgs;
import org.cycleprop.propagation.WindowParts;
import org.cycleprop.cli.Main;
import org.cycleprop.util.Progress;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.NiftiReader;
import org.cycleprop.volume.NiftiWriter;
import org.cycleprop.volume.SyntheticVolume;
import org.cycleprop.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PropagationJob: the label image it makes, the CLI's labels for the same seeds, cancel, refinement, refusals. */
class PropagationJobTest {
    @TempDir
    Path tmp;

    private static Roi rect(String name, int x, int y, int w, int h, int slice) {
        Roi r = new Roi(x, y, w, h);
        r.setName(name);
        r.setPosition(slice);
        return r;
    }

    @Test
    void copyGivesEverySliceTheSeedInANewCalibratedLabelImage() throws Exception {
        ImagePlus source = TestImages.ramp(16, 20, 16, 8);
        String before = TestImages.pixelHash(source);
        SeedSlices seeds = RoiSeeds.fromRois(source, List.of(rect("a", 2, 3, 4, 5, 3), rect("b", 10, 10, 3, 3, 3)), null);
        ImagePlus labels = new PropagationJob(source, seeds, PropagationSettings.baseline(PropagationMethod.COPY, Axis.Z))
                .run(Progress.NONE);
        assertEquals(before, TestImages.pixelHash(source), "the source is not modified");
        assertEquals(16, labels.getBitDepth());
        assertEquals(8, labels.getStackSize());
        assertEquals("ramp16-labels", labels.getTitle());
        assertEquals(0.5, labels.getCalibration().pixelWidth);
        assertEquals(0.75, labels.getCalibration().pixelHeight);
        assertEquals(2, labels.getCalibration().pixelDepth);
        assertEquals("mm", labels.getCalibration().getUnit());
        for (int z = 1; z <= 8; z++) {
            var ip = labels.getStack().getProcessor(z);
            assertEquals(1, ip.get(2, 3));
            assertEquals(1, ip.get(5, 7));
            assertEquals(0, ip.get(6, 7));
            assertEquals(2, ip.get(12, 12));
            assertEquals(0, ip.get(0, 0));
        }
        LUT lut = labels.getProcessor().getLut();
        assertEquals(0, lut.getRGB(0) & 0xffffff, "background is black");
        assertEquals(255, labels.getDisplayRangeMax());
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int i = 0; i < 256; i++) colours.add(lut.getRGB(i) & 0xffffff);
        assertEquals(256, colours.size(), "every label value has its own colour");
        assertEquals("ramp16", labels.getProp(PreviousResult.SOURCE));
        assertEquals("3", labels.getProp(PreviousResult.SEEDS));
    }

    @Test
    void aModelGivesTheCliLabelsForTheSameSeedsAlongZAndX() throws Exception {
        Path model = TinyModel.write(tmp);
        SyntheticVolume v = SyntheticVolume.generate(40, 32, 12, 2, 5);
        Path image = tmp.resolve("img.nii.gz");
        NiftiWriter.write(v.image(), image, false);
        for (Axis axis : new Axis[] {Axis.Z, Axis.X}) {
            // seed: the synthetic labels on one slice along the axis, stored as 20 and 30
            var ra = v.labels().stored().randomAccess();
            int seedSlice = fullestSlice(v, axis);
            byte[] s = new byte[40 * 32 * 12];
            for (int z = 0; z < 12; z++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 40; x++) {
                        int l = (int) ra.setPositionAndGet(x, y, z).getRealDouble();
                        if ((axis == Axis.Z ? z : x) == seedSlice && l != 0) s[x + y * 40 + z * 40 * 32] = (byte) (10 + 10 * l);
                    }
                }
            }
            Volume seedVolume = Volume.of(ArrayImgs.unsignedBytes(s, 40, 32, 12), new double[] {1, 1, 1}, "seeds");
            Path seeds = tmp.resolve("seeds" + axis + ".nii");
            NiftiWriter.write(seedVolume, seeds, false);
            Path out = tmp.resolve("cli" + axis + ".nii");
            assertEquals(0, Main.run("propagate", "--image", image.toString(), "--seeds", seeds.toString(), "--out",
                    out.toString(), "--model", model.toString(), "--axis", axis.name().toLowerCase()));
            Volume cli = NiftiReader.read(out);

            ImagePlus source = TestImages.fromVolume(v.image(), "img.nii.gz");
            ImagePlus seedImage = TestImages.fromVolume(seedVolume, "seeds");
            PropagationSettings settings = new PropagationSettings(PropagationMethod.MODEL, model, axis, 0, 0, "cpu", false);
            ImagePlus labels = new PropagationJob(source, LabelImageSeeds.from(seedImage, source, axis), settings)
                    .run(Progress.NONE);
            var c = cli.stored().randomAccess();
            int objectVoxels = 0;
            for (int z = 0; z < 12; z++) {
                var ip = labels.getStack().getProcessor(z + 1);
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 40; x++) {
                        int expected = (int) c.setPositionAndGet(x, y, z).getRealDouble();
                        assertEquals(expected, ip.get(x, y), axis + " at " + x + "," + y + "," + z);
                        if (expected != 0) objectVoxels++;
                    }
                }
            }
            assertTrue(objectVoxels > 0, "the comparison is not between two empty volumes");
        }
    }

    /** The slice along {@code axis} (Z or X) with the most labelled voxels. */
    private static int fullestSlice(SyntheticVolume v, Axis axis) {
        long[] dims = v.labels().dimensions();
        int[] counts = new int[(int) dims[axis.dimension]];
        var ra = v.labels().stored().randomAccess();
        for (int z = 0; z < dims[2]; z++) {
            for (int y = 0; y < dims[1]; y++) {
                for (int x = 0; x < dims[0]; x++) {
                    if (ra.setPositionAndGet(x, y, z).getRealDouble() != 0) counts[axis == Axis.Z ? z : x]++;
                }
            }
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) if (counts[i] > counts[best]) best = i;
        return best;
    }

    @Test
    void roiSeedsOnTheSampleGiveTheCliLabels() throws Exception {
        Path model = TinyModel.write(tmp);
        ImagePlus source = TestImages.sample();
        SeedSlices seeds = RoiSeeds.fromRois(source, List.of(rect("blob", 30, 40, 12, 9, 36)), null);
        ImagePlus labels = new PropagationJob(source, seeds,
                new PropagationSettings(PropagationMethod.MODEL, model, Axis.Z, 0, 0, "cpu", false)).run(Progress.NONE);

        byte[] s = new byte[77 * 94 * 71];
        for (int y = 40; y < 49; y++) for (int x = 30; x < 42; x++) s[x + y * 77 + 35 * 77 * 94] = 1;
        Path seedFile = tmp.resolve("seeds.nii");
        NiftiWriter.write(Volume.of(ArrayImgs.unsignedBytes(s, 77, 94, 71), new double[] {2, 2, 2}, "s"), seedFile, false);
        Path out = tmp.resolve("cli.nii");
        assertEquals(0, Main.run("propagate", "--image", TestImages.SAMPLE.toString(), "--seeds", seedFile.toString(),
                "--out", out.toString(), "--model", model.toString()));
        assertEquals(TestImages.pixelHash(TestImages.fromVolume(NiftiReader.read(out), "cli")), TestImages.pixelHash(
                toFloat(labels)), "same labels voxel for voxel");
    }

    @Test
    void noModelChosenUsesTheModelBundledInTheJarLikeTheCliDefault() throws Exception {
        ImagePlus source = TestImages.sample();
        SeedSlices seeds = RoiSeeds.fromRois(source, List.of(rect("blob", 30, 40, 12, 9, 36)), null);
        ImagePlus labels = new PropagationJob(source, seeds,
                new PropagationSettings(PropagationMethod.MODEL, null, Axis.Z, 0, 0, "cpu", false)).run(Progress.NONE);
        Path bundled = Path.of("models", org.cycleprop.model.BundledModel.name() + ".json");
        ImagePlus withFile = new PropagationJob(source, seeds,
                new PropagationSettings(PropagationMethod.MODEL, bundled, Axis.Z, 0, 0, "cpu", false)).run(Progress.NONE);
        assertEquals(TestImages.pixelHash(toFloat(withFile)), TestImages.pixelHash(toFloat(labels)));
        assertTrue(labels.getStack().getProcessor(36).getStatistics().max > 0, "the seed slice is labelled");
    }

    @Test
    void aRequestWithAnEmptyModelFieldRunsTheBundledModelAndPassesTheLocalityPriorOn() throws Exception {
        ImagePlus source = TestImages.sample();
        ImagePlus seedImage = IJ.createImage("seeds", "8-bit black", source.getWidth(), source.getHeight(),
                source.getStackSize());
        for (int y = 40; y < 49; y++) for (int x = 30; x < 42; x++) seedImage.getStack().getProcessor(36).set(x, y, 1);
        PropagateRequest r = new PropagateRequest();
        r.method = PropagationMethod.MODEL.key;
        r.model = "";
        r.seeds = PropagateRequest.LABEL_IMAGE;
        r.seedImage = seedImage;
        r.device = "cpu";
        SeedSlices seeds = LabelImageSeeds.from(seedImage, source, Axis.Z);
        Path bundled = Path.of("models", org.cycleprop.model.BundledModel.name() + ".json");
        ImagePlus plain = r.job(source).run(Progress.NONE);
        assertEquals(TestImages.pixelHash(toFloat(new PropagationJob(source, seeds, new PropagationSettings(
                PropagationMethod.MODEL, bundled, Axis.Z, 0, 0, "cpu", false)).run(Progress.NONE))),
                TestImages.pixelHash(toFloat(plain)), "empty model field = the bundled model");
        r.locality = "1";
        ImagePlus local = r.job(source).run(Progress.NONE);
        assertEquals(TestImages.pixelHash(toFloat(new PropagationJob(source, seeds, new PropagationSettings(
                PropagationMethod.MODEL, bundled, Axis.Z, 0, 0, "cpu", false, 1, WindowParts.PIECES)).run(Progress.NONE))),
                TestImages.pixelHash(toFloat(local)));
        r.locality = "0";
        assertNotEquals(TestImages.pixelHash(toFloat(r.job(source).run(Progress.NONE))),
                TestImages.pixelHash(toFloat(local)), "the prior changes the result");
        r.locality = "-1";
        UserException e = assertThrows(UserException.class, () -> r.job(source));
        assertTrue(e.getMessage().startsWith("locality"), e.getMessage());
    }

    /** The label image's values as an 8-bit copy, to hash like the CLI's 8-bit output. */
    private static ImagePlus toFloat(ImagePlus labels) {
        ij.ImageStack out = ij.ImageStack.create(labels.getWidth(), labels.getHeight(), labels.getStackSize(), 8);
        for (int z = 1; z <= labels.getStackSize(); z++) {
            var src = labels.getStack().getProcessor(z);
            var dst = out.getProcessor(z);
            for (int i = 0; i < src.getPixelCount(); i++) dst.setf(i, src.getf(i));
        }
        return new ImagePlus("copy", out);
    }

    @Test
    void cancellingStopsWithoutAResult() {
        ImagePlus source = TestImages.ramp(8, 20, 16, 30);
        SeedSlices seeds = RoiSeeds.fromRois(source, List.of(rect("a", 2, 3, 4, 5, 3)), null);
        List<Long> seen = new ArrayList<>();
        Progress cancelAfterThree = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                seen.add(done);
            }

            @Override
            public boolean isCancelled() {
                return seen.size() >= 3;
            }
        };
        PropagationJob job = new PropagationJob(source, seeds, PropagationSettings.baseline(PropagationMethod.COPY, Axis.Z));
        assertThrows(Progress.Cancelled.class, () -> job.run(cancelAfterThree));
        assertEquals(3, seen.size(), "stopped at the first check after the request");
    }

    @Test
    void aRangeLeavesTheOtherSlicesEmpty() {
        ImagePlus source = TestImages.ramp(8, 20, 16, 10);
        SeedSlices seeds = RoiSeeds.fromRois(source, List.of(rect("a", 2, 3, 4, 5, 5)), null);
        ImagePlus labels = new PropagationJob(source, seeds,
                PropagationSettings.baseline(PropagationMethod.COPY, Axis.Z).withRange(3, 7)).run(Progress.NONE);
        for (int z = 1; z <= 10; z++) {
            assertEquals(z >= 3 && z <= 7 ? 1 : 0, labels.getStack().getProcessor(z).get(3, 4), "slice " + z);
        }
        RoiSeedsTest.assertMessage(() -> new PropagationJob(source, seeds,
                        PropagationSettings.baseline(PropagationMethod.COPY, Axis.Z).withRange(6, 9)).run(Progress.NONE),
                "slices: no seed slice lies within 6-9 (seeds on slices 5)");
        RoiSeedsTest.assertMessage(() -> new PropagationJob(source, seeds,
                        PropagationSettings.baseline(PropagationMethod.COPY, Axis.Z).withRange(4, 12)).run(Progress.NONE),
                "slices: the range 4-12 is not within 1-10");
        RoiSeedsTest.assertMessage(() -> new PropagationJob(source, seeds,
                        PropagationSettings.baseline(PropagationMethod.COPY, Axis.X)).run(Progress.NONE),
                "seeds: ROIs lie on Z slices");
    }

    @Test
    void refiningRecomputesOnlyTheStretchesNextToTheNewSeed() {
        ImagePlus source = TestImages.ramp(8, 20, 16, 12);
        PropagationSettings copy = PropagationSettings.baseline(PropagationMethod.COPY, Axis.Z);
        Roi first = rect("organ", 2, 2, 4, 4, 3);
        Roi last = rect("organ", 2, 2, 4, 4, 10);
        ImagePlus earlier = new PropagationJob(source, RoiSeeds.fromRois(source, List.of(first, last), null), copy)
                .run(Progress.NONE);
        // mark slice 1 and slice 11 of the earlier result: outside the refined stretch they must survive
        earlier.getStack().getProcessor(1).set(19, 15, 7);
        earlier.getStack().getProcessor(11).set(19, 15, 7);
        earlier.getStack().getProcessor(5).set(19, 15, 7);
        // a correction on slice 6, added with an automatic ROI Manager name, over the object
        Roi correction = rect("0006-0004-0004", 3, 3, 6, 6, 6);
        PreviousResult previous = PreviousResult.of(earlier, source);
        SeedSlices seeds = RoiSeeds.fromRois(source, List.of(first, last, correction), previous);
        ImagePlus refined = new PropagationJob(source, seeds, copy).refining(previous).run(Progress.NONE);
        assertEquals(7, refined.getStack().getProcessor(1).get(19, 15), "slice 1 is kept");
        assertEquals(7, refined.getStack().getProcessor(11).get(19, 15), "slice 11 is kept");
        assertEquals(0, refined.getStack().getProcessor(5).get(19, 15), "slice 5 lies in the stretch 3..10: recomputed");
        for (int z = 4; z <= 9; z++) {
            var ip = refined.getStack().getProcessor(z);
            int nearest = z - 3 <= Math.abs(6 - z) ? 3 : z - 6 <= 10 - z ? 6 : 10; // copy: nearest seed, lower on a tie
            assertEquals(nearest == 6 ? 1 : 0, ip.get(8, 8), "slice " + z + " from seed " + nearest);
            assertEquals(nearest == 6 ? 0 : 1, ip.get(2, 2), "slice " + z + " from seed " + nearest);
        }
        assertEquals("3,6,10", refined.getProp(PreviousResult.SEEDS));
        assertEquals("1=organ", refined.getProp(PreviousResult.OBJECTS), "the correction keeps the object's name");
        assertEquals(7, earlier.getStack().getProcessor(5).get(19, 15), "the earlier result is not modified");
        // the same ROIs again: nothing new
        PreviousResult again = PreviousResult.of(refined, source);
        RoiSeedsTest.assertMessage(() -> new PropagationJob(source,
                RoiSeeds.fromRois(source, List.of(first, last, correction), again), copy).refining(again).run(Progress.NONE),
                "seeds: nothing new to refine");
    }

    @Test
    void refiningWithAModelRunsOnlyTheStretch() throws Exception {
        Path model = TinyModel.write(tmp);
        ImagePlus source = TestImages.fromVolume(SyntheticVolume.generate(40, 32, 16, 2, 9).image(), "synthetic");
        PropagationSettings settings = new PropagationSettings(PropagationMethod.MODEL, model, Axis.Z, 0, 0, "cpu", false);
        Roi seed = rect("a", 10, 10, 12, 10, 4);
        ImagePlus earlier = new PropagationJob(source, RoiSeeds.fromRois(source, List.of(seed), null), settings)
                .run(Progress.NONE);
        earlier.getStack().getProcessor(2).set(0, 0, 5);
        PreviousResult previous = PreviousResult.of(earlier, source);
        Roi added = rect("a", 12, 12, 10, 8, 12);
        long[] total = {0};
        Progress count = (done, all, message) -> total[0] = all;
        ImagePlus refined = new PropagationJob(source, RoiSeeds.fromRois(source, List.of(seed, added), previous), settings)
                .refining(previous).run(count);
        // slices 5..11 from both seeds (2 x 7 steps) and 13..16 upward (4); a whole run would also walk 3..1 (3 more)
        assertEquals(2 * 7 + 4, total[0]);
        assertEquals(5, refined.getStack().getProcessor(2).get(0, 0), "slice 2 lies below the old seed: kept");
        assertEquals(1, refined.getStack().getProcessor(12).get(15, 15), "the new seed slice holds the new ROI");
        assertNotEquals(refined.getStack().getProcessor(12).get(11, 11), 1, "and not the old outline there");
    }

    @Test
    void refusesAPreviousResultOfAnotherImage() {
        ImagePlus source = TestImages.ramp(8, 20, 16, 10);
        ImagePlus other = TestImages.ramp(8, 20, 16, 10);
        other.setTitle("other");
        ImagePlus earlier = new PropagationJob(source, RoiSeeds.fromRois(source, List.of(rect("a", 1, 1, 3, 3, 2)), null),
                PropagationSettings.baseline(PropagationMethod.COPY, Axis.Z)).run(Progress.NONE);
        RoiSeedsTest.assertMessage(() -> PreviousResult.of(earlier, other),
                "previous: 'ramp8-labels' was propagated from 'ramp8', not from 'other'");
        RoiSeedsTest.assertMessage(() -> PreviousResult.of(source, source), "previous: 'ramp8' is not a CycleProp result");
    }

    @Test
    void aLabelImageOfAnotherSizeOrEmptyIsRefused() {
        ImagePlus source = TestImages.ramp(8, 20, 16, 10);
        ImagePlus small = ij.IJ.createImage("small", "8-bit black", 20, 15, 10);
        RoiSeedsTest.assertMessage(() -> LabelImageSeeds.from(small, source, Axis.Z),
                "'small' is 20x15x10 but 'ramp8' is 20x16x10");
        ImagePlus empty = ij.IJ.createImage("empty", "8-bit black", 20, 16, 10);
        RoiSeedsTest.assertMessage(() -> LabelImageSeeds.from(empty, source, Axis.Z), "seed image: 'empty' is empty");
        ImagePlus twoSlices = ij.IJ.createImage("lab", "16-bit black", 20, 16, 10);
        twoSlices.getStack().getProcessor(3).set(4, 4, 300);
        twoSlices.getStack().getProcessor(8).set(5, 5, 2);
        SeedSlices s = LabelImageSeeds.from(twoSlices, source, Axis.Z);
        assertEquals(java.util.Set.of(2, 7), s.slices().keySet());
        assertEquals(300, s.slices().get(2)[4 + 4 * 20]);
        SeedSlices alongY = LabelImageSeeds.from(twoSlices, source, Axis.Y);
        assertEquals(java.util.Set.of(4, 5), alongY.slices().keySet(), "y = 4 and y = 5");
        assertEquals(Axis.Y, alongY.axis());
        UserException e = assertThrows(UserException.class, () -> LabelImageSeeds.from(source, source, Axis.Z));
        assertTrue(e.getMessage().contains("is the image itself"), e.getMessage());
    }

    @Test
    void theWindowChoiceReachesThePropagationOptions() {
        PropagationSettings each = new PropagationSettings(PropagationMethod.MODEL, null, Axis.Z, 0, 0, "cpu", false, 0,
                WindowParts.EACH);
        assertEquals(WindowParts.EACH, each.options().windowParts());
        assertEquals(WindowParts.EACH, each.withRange(2, 5).options().windowParts(), "kept by withRange");
        assertEquals(WindowParts.PIECES, PropagationSettings.model(Path.of("m.json")).options().windowParts(),
                "pieces by default");
        PropagateRequest r = new PropagateRequest();
        r.windows = "sideways";
        UserException e = assertThrows(UserException.class, () -> WindowParts.parse(r.windows));
        assertEquals("windows: 'sideways' is not one of one, pieces, each", e.getMessage());
    }
}

package org.cycleprop.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;
import ij.text.TextWindow;
import org.cycleprop.util.Progress;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.NiftiReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugins driven as macros drive them, in a real ImageJ (under Xvfb in CI): the two macro files of
 * {@code macros/}, every macro option of the propagate command, the one-line errors, and the evaluate and
 * train commands. The sample is converted to an ImagePlus (ImageJ alone has no NIfTI reader) or saved as TIFF.
 */
@Timeout(300)
class MacroGuiIT {
    static final String PROPAGATE = "Propagate Segmentation...";

    @TempDir
    static Path tmp;
    static Path model;

    @BeforeAll
    static void start() throws Exception {
        ImageJSession.start();
        model = TinyModel.write(tmp);
    }

    @AfterEach
    void clear() {
        ImageJSession.clear();
    }

    private static Roi rect(int x, int y, int w, int h) {
        return new Roi(x, y, w, h);
    }

    private static ImagePlus expectedFromRoi(Roi roi, int slice) {
        ImagePlus sample = TestImages.sample();
        Roi r = (Roi) roi.clone();
        r.setPosition(slice);
        r.setName("blob");
        return new PropagationJob(sample, RoiSeeds.fromRois(sample, List.of(r), null),
                new PropagationSettings(PropagationMethod.MODEL, model, Axis.Z, 0, 0, "auto", false)).run(Progress.NONE);
    }

    @Test
    void propagateOpenImageMacroUsesTheRoiManager() throws Exception {
        ImagePlus source = TestImages.sample();
        source.show();
        source.setSlice(36);
        source.setRoi(rect(30, 40, 12, 9));
        RoiManager.getRoiManager().addRoi(source.getRoi());
        source.deleteRoi();
        IJ.runMacroFile(Path.of("macros", "propagate_open_image.ijm").toAbsolutePath().toString(), model.toString());
        ImagePlus labels = WindowManager.getCurrentImage();
        assertEquals("colin27_t1_2mm-labels", labels.getTitle());
        assertEquals(TestImages.pixelHash(expectedFromRoi(rect(30, 40, 12, 9), 36)), TestImages.pixelHash(labels));
        assertTrue(IJ.getLog().contains("CycleProp: colin27_t1_2mm-labels from colin27_t1_2mm.nii.gz"), IJ.getLog());
        assertTrue(source.getOverlay() != null && source.getOverlay().size() > 0, "the macro asks for the overlay");
    }

    @Test
    void batchMacroPropagatesEveryVolumeWithSeedsAndSkipsTheRest() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        ImagePlus sample = TestImages.sample();
        IJ.saveAsTiff(sample, in.resolve("vol1.tif").toString());
        ImagePlus seeds = IJ.createImage("vol1_seeds", "16-bit black", 77, 94, 71);
        for (int y = 40; y < 49; y++) for (int x = 30; x < 42; x++) seeds.getStack().getProcessor(36).set(x, y, 3);
        for (int y = 20; y < 30; y++) for (int x = 20; x < 28; x++) seeds.getStack().getProcessor(20).set(x, y, 700);
        IJ.saveAsTiff(seeds, in.resolve("vol1_seeds.tif").toString());
        IJ.saveAsTiff(TestImages.ramp(8, 10, 10, 4), in.resolve("vol2.tif").toString());
        String macro = Path.of("macros", "batch_propagate_folder.ijm").toAbsolutePath().toString();
        IJ.log("\\Clear");
        IJ.runMacroFile(macro, in + "|" + out + "|" + model + ".json");

        Path result = out.resolve("vol1_labels.tif");
        assertTrue(Files.exists(result));
        assertFalse(Files.exists(out.resolve("vol2_labels.tif")));
        ImagePlus expected = new PropagationJob(sample, LabelImageSeeds.from(seeds, sample, Axis.Z),
                new PropagationSettings(PropagationMethod.MODEL, model, Axis.Z, 0, 0, "auto", false)).run(Progress.NONE);
        ImagePlus saved = IJ.openImage(result.toString());
        assertEquals(TestImages.pixelHash(expected), TestImages.pixelHash(saved), "label values 3 and 700 kept");
        assertEquals(2.0, saved.getCalibration().pixelWidth);
        List<String> csv = Files.readAllLines(out.resolve("timings.csv"));
        assertEquals(2, csv.size(), csv.toString());
        assertEquals("name,slices,seconds", csv.get(0));
        assertTrue(csv.get(1).matches("vol1,71,[0-9.]+"), csv.get(1));
        assertTrue(IJ.getLog().contains("skipped vol2.tif: no vol2_seeds file"), IJ.getLog());
        assertEquals(0, WindowManager.getImageCount(), "the macro closes what it opened");

        IJ.runMacroFile(macro, in + "|" + out + "|" + model + ".json");
        assertTrue(IJ.getLog().contains("skipped vol1.tif: " + result + " exists"), IJ.getLog());
        assertEquals(2, Files.readAllLines(out.resolve("timings.csv")).size(), "nothing overwritten or appended");
    }

    @Test
    void everyMacroOptionReachesThePropagation() throws Exception {
        ImagePlus source = TestImages.sample();
        source.show();
        ImagePlus seeds = IJ.createImage("seed image", "8-bit black", 77, 94, 71);
        for (int z = 10; z <= 60; z++) for (int y = 30; y < 50; y++) seeds.getStack().getProcessor(z).set(40, y, 5);
        seeds.show();
        WindowManager.setCurrentWindow(source.getWindow());
        IJ.run(source, PROPAGATE, "method=copy model=[] seeds=[Label image] seed_image=[seed image] axis=X "
                + "first_slice=3 last_slice=60 device=cpu whole_slices refine=None add_rois");
        ImagePlus labels = WindowManager.getImage("colin27_t1_2mm-labels");
        assertNotNull(labels);
        ImagePlus expected = new PropagationJob(TestImages.sample(), LabelImageSeeds.from(seeds, source, Axis.X),
                PropagationSettings.baseline(PropagationMethod.COPY, Axis.X).withRange(3, 60)).run(Progress.NONE);
        assertEquals(TestImages.pixelHash(expected), TestImages.pixelHash(labels));
        assertEquals(5, labels.getStack().getProcessor(30).get(10, 40), "copied along x into column 10 (slice 11)");
        assertEquals(0, labels.getStack().getProcessor(30).get(1, 40), "column 1 lies outside the range 3-60");
        assertEquals(LabelOutlines.perSlice(labels).size(), RoiManager.getInstance().getCount(), "add_rois");
        assertEquals(null, source.getOverlay(), "no overlay unless asked");
    }

    @Test
    void everyDialogFieldIsAMacroOption() throws Exception {
        ImagePlus source = TestImages.sample();
        source.show();
        IJ.createImage("seed image", "8-bit black", 77, 94, 71).show();
        IJ.createImage("earlier", "16-bit black", 77, 94, 71).show();
        StringBuilder options = new StringBuilder();
        for (String key : MacroKeys.PROPAGATE) {
            options.append(switch (key) {
                case "method" -> "method=interpolate";
                case "model" -> "model=[/models/m.json]";
                case "seeds" -> "seeds=[Label image]";
                case "seed_image" -> "seed_image=[seed image]";
                case "axis" -> "axis=Y";
                case "first_slice" -> "first_slice=2";
                case "last_slice" -> "last_slice=9";
                case "device" -> "device=gpu";
                case "locality" -> "locality=1.5";
                case "windows" -> "windows=each";
                case "refine" -> "refine=earlier";
                default -> key; // checkboxes: present = on
            }).append(' ');
        }
        PropagateRequest r = new PropagateRequest();
        boolean[] ok = new boolean[1];
        // ImageJ hands macro options to threads named Run$_...
        Thread run = new Thread(() -> {
            ij.Macro.setOptions(Thread.currentThread(), options.toString());
            ok[0] = PropagateSegmentationPlugin.ask(r, source);
            ij.Macro.setOptions(Thread.currentThread(), null);
        }, "Run$_dialog-test");
        run.start();
        run.join(30_000);
        assertTrue(ok[0]);
        assertEquals("interpolate", r.method);
        assertEquals("/models/m.json", r.model);
        assertEquals(PropagateRequest.LABEL_IMAGE, r.seeds);
        assertEquals("seed image", r.seedImage.getTitle());
        assertEquals("Y", r.axis);
        assertEquals(2, r.firstSlice);
        assertEquals(9, r.lastSlice);
        assertEquals("gpu", r.device);
        assertTrue(r.wholeSlices && r.overlay && r.addRois);
        assertEquals("each", r.windows);
        assertEquals("1.5", r.locality);
        assertEquals("earlier", r.refine.getTitle());
    }

    @Test
    void errorsAreOneLineAndMakeNothing() throws Exception {
        ImagePlus source = TestImages.sample();
        source.show();
        String hash = TestImages.pixelHash(source);
        int images = WindowManager.getImageCount();
        assertEquals("seeds: ROIs lie on Z slices and cannot seed a propagation along X; give the seeds as a label "
                + "image (seeds=[Label image]) or propagate along Z", errorOf(source, "method=copy seeds=[ROI Manager] axis=X"));
        assertTrue(errorOf(source, "method=copy seeds=[ROI Manager] axis=Z").startsWith("no ROI"));
        source.setSlice(5);
        source.setRoi(new Roi(200, 200, 5, 5));
        RoiManager.getRoiManager().addRoi(source.getRoi());
        assertTrue(errorOf(source, "method=copy seeds=[ROI Manager] axis=Z").contains("lies outside"));
        RoiManager.getInstance().reset();
        source.deleteRoi();
        ImagePlus small = IJ.createImage("small", "8-bit black", 20, 20, 71);
        small.show();
        WindowManager.setCurrentWindow(source.getWindow());
        assertEquals("'small' is 20x20x71 but 'colin27_t1_2mm.nii.gz' is 77x94x71; the label image must have the same size",
                errorOf(source, "method=copy seeds=[Label image] seed_image=small axis=Z"));
        assertTrue(errorOf(source, "method=copy seeds=[Current selection] axis=Z").startsWith("no selection"));
        source.setSlice(30);
        source.setRoi(new Roi(10, 10, 5, 5));
        assertEquals("model: " + tmp.resolve("absent.json") + " does not exist", errorOf(source, "method=model model=["
                + tmp.resolve("absent.json") + "] seeds=[Current selection] axis=Z"), "reported when the job runs");
        assertEquals(images + 1, WindowManager.getImageCount(), "only the image opened by the test");
        assertEquals(hash, TestImages.pixelHash(source));
    }

    /** The one error line the propagate command reports for {@code options} (logged, since errors are redirected). */
    private static String errorOf(ImagePlus imp, String options) {
        IJ.getErrorMessage(); // forget earlier ones
        IJ.redirectErrorMessages(true);
        // the error aborts the command like a macro error: IJ.run ends with ImageJ's "Macro canceled"
        RuntimeException e = assertThrows(RuntimeException.class, () -> IJ.run(imp, PROPAGATE, options));
        assertTrue(e.getMessage().contains("Macro canceled"), e.getMessage());
        String message = IJ.getErrorMessage();
        assertNotNull(message, "an error was reported");
        assertFalse(message.contains("\n"), "one line: " + message);
        return message;
    }

    @Test
    void evaluateShowsATableAndAPlot() throws Exception {
        ImagePlus truth = TestImages.fromVolume(NiftiReader.read(Path.of("data/sample/brodmann_2mm.nii.gz")), "brodmann");
        ImagePlus seed = IJ.createImage("seed", "8-bit black", 77, 94, 71);
        seed.getStack().setProcessor(truth.getStack().getProcessor(36).duplicate(), 36);
        ImagePlus prediction = new PropagationJob(truth, LabelImageSeeds.from(seed, truth, Axis.Z),
                PropagationSettings.baseline(PropagationMethod.COPY, Axis.Z)).run(Progress.NONE);
        prediction.show();
        truth.show();
        IJ.run("Evaluate Segmentation...", "prediction=[" + prediction.getTitle() + "] ground_truth=brodmann axis=Z");
        TextWindow table = (TextWindow) WindowManager.getWindow(EvaluateSegmentationPlugin.TABLE);
        assertNotNull(table, "the results table");
        ResultsTable rt = table.getResultsTable();
        List<SegmentationEvaluation.LabelScore> direct = SegmentationEvaluation.evaluate(prediction, truth, Axis.Z,
                Progress.NONE);
        assertEquals(direct.size() + 1, rt.size(), "one row per Brodmann area and the means");
        assertEquals(direct.get(0).score().j(), rt.getValue("J", 0), 1e-6);
        assertEquals(direct.get(0).score().dsc(), rt.getValue("DSC", 0), 1e-6);
        assertNotNull(WindowManager.getImage("CycleProp J per slice"), "the plot");
    }

    @Test
    void trainWritesAModelAndShowsTheLoss() throws Exception {
        var v = org.cycleprop.volume.SyntheticVolume.generate(48, 40, 16, 2, 3);
        TestImages.fromVolume(v.image(), "train-image").show();
        TestImages.fromVolume(v.labels(), "train-labels").show();
        Path out = tmp.resolve("models").resolve("gui-tiny");
        IJ.run("Train Propagation Model...", "image=train-image labels=train-labels axes=z preset=tiny initial_model=[] "
                + "cycle_weight=0.1 iterations=2 batch=1 frames=4 output=[" + out + "]");
        assertTrue(Files.exists(Path.of(out + ".json")), "model written");
        assertTrue(Files.readString(Path.of(out + ".json")).matches("(?s).*\"frames\"\\s*:\\s*4\\b.*"),
                "the frames field reaches the trainer");
        assertNotNull(WindowManager.getImage("CycleProp training loss"), "the live loss plot");
        assertTrue(IJ.getLog().contains("CycleProp: trained model written"), IJ.getLog());
    }
}

package org.cycleprop.fiji;

import ij.ImagePlus;
import ij.measure.Calibration;
import org.cycleprop.model.ModelInfo;
import org.cycleprop.model.Preset;
import org.cycleprop.training.Trainer;
import org.cycleprop.training.TrainingConfig;
import org.cycleprop.util.Progress;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.NiftiWriter;
import org.cycleprop.volume.Volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Training from two open images: the image and its label image are written as NIfTI files into a temporary
 * folder with a one-line training data list, and {@link Trainer} runs on them (its checkpoints, CSV log and loss
 * curve go to {@code runs/NAME} beside the models folder). The temporary folder is removed afterwards.
 */
public final class TrainingJob {
    /**
     * @param preset       architecture (small on a CPU; paper for the published network)
     * @param axes         axes to slice the volume along for training, e.g. {@code z} or {@code xyz}
     * @param cycleWeight  λ of the cycle-consistency loss; 0 = standard training
     * @param iterations   training iterations
     * @param batch        training samples per iteration
     * @param frames       slices per sample: 3 = the paper's triplets; more chains each sample's propagation
     *                     further from the network's own predictions (training against drift)
     * @param init         model to fine-tune, or null for a fresh network
     * @param out          model to write (NAME → NAME.json + NAME.params), e.g. models/my-model
     * @param overwrite    replace an existing model of that name
     */
    public record Settings(Preset preset, String axes, float cycleWeight, int iterations, int batch, int frames, Path init,
                           Path out, boolean overwrite) {
    }

    private final ImagePlus image;
    private final ImagePlus labels;
    private final Settings settings;

    public TrainingJob(ImagePlus image, ImagePlus labels, Settings settings) {
        ImagePlusImg.check(image);
        LabelImages.checkSameSize(labels, image);
        if (settings.iterations() < 1) throw new UserException("iterations: at least 1, got " + settings.iterations());
        if (settings.batch() < 1) throw new UserException("batch: at least 1, got " + settings.batch());
        if (settings.frames() < 3) throw new UserException("frames: at least 3 (seed, intermediate, query), got " + settings.frames());
        if (!(settings.cycleWeight() >= 0)) throw new UserException("cycle_weight: must be >= 0, got " + settings.cycleWeight());
        if (!settings.axes().matches("[xyzXYZ]+")) {
            throw new UserException("axes: '" + settings.axes() + "' is not a combination of x, y and z");
        }
        this.image = image;
        this.labels = labels;
        this.settings = settings;
    }

    /** The folder for checkpoints and logs: {@code runs/NAME} beside the folder of the model. */
    public Path runDir() {
        Path out = settings.out().toAbsolutePath();
        Path models = out.getParent();
        Path base = models.getParent() != null ? models.getParent() : models;
        return base.resolve("runs").resolve(out.getFileName().toString());
    }

    public ModelInfo run(Progress progress) {
        Path json = Path.of(settings.out() + ".json");
        if (!settings.overwrite() && Files.exists(json)) {
            throw new UserException("output: " + json + " already exists (choose another name, or overwrite)");
        }
        Path tmp;
        try {
            tmp = Files.createTempDirectory("cycleprop-train");
        } catch (IOException e) {
            throw new UserException("cannot create a temporary folder for the training data (" + e.getMessage() + ")");
        }
        try {
            NiftiWriter.write(volume(image), tmp.resolve("image.nii.gz"), false);
            NiftiWriter.write(volume(labels), tmp.resolve("labels.nii.gz"), false);
            Path list = tmp.resolve("data.list");
            Files.writeString(list, "# " + image.getTitle() + " with " + labels.getTitle() + "\nimage.nii.gz labels.nii.gz "
                    + settings.axes().toLowerCase() + " all\n");
            TrainingConfig config = new TrainingConfig(settings.preset(), list, false, settings.cycleWeight(),
                    TrainingConfig.DEFAULT_DICE_WEIGHT, settings.iterations(), settings.batch(),
                    TrainingConfig.DEFAULT_LEARNING_RATE, List.of(0.7), 5, 0, settings.frames(), 0, 1, settings.init(), settings.out(), runDir(),
                    Math.max(1, Math.min(250, settings.iterations() / 4)), false, "Fiji: Train Propagation Model on "
                    + image.getTitle() + " with " + labels.getTitle());
            return new Trainer(config).run(false, settings.overwrite(), progress);
        } catch (IOException e) {
            throw new UserException(tmp + ": cannot write the training data list (" + e.getMessage() + ")");
        } finally {
            deleteTree(tmp);
        }
    }

    private static Volume volume(ImagePlus imp) {
        Calibration c = imp.getCalibration();
        return Volume.of(ImagePlusImg.wrap(imp), new double[] {c.pixelWidth, c.pixelHeight, c.pixelDepth},
                "'" + imp.getTitle() + "'");
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}

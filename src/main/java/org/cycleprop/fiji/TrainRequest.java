package org.cycleprop.fiji;

import ij.IJ;
import ij.ImagePlus;
import org.cycleprop.model.ModelInfo;
import org.cycleprop.model.Preset;
import org.cycleprop.util.UserException;

import java.nio.file.Path;

/** The choices of "Train Propagation Model", shared by the ImageJ 1 plugin and the SciJava command. */
final class TrainRequest {
    static final String[] PRESETS = {"small", "tiny", "paper"};

    ImagePlus image;
    ImagePlus labels;
    String axes = "z";
    String preset = "small";
    String initialModel = "";
    double cycleWeight = 0.1;
    int iterations = 1000;
    int batch = 4;
    int frames = 3;
    String output = "models/my-model";
    boolean overwrite;

    TrainingJob job() {
        if (image == null) throw new UserException("image: no image chosen");
        if (labels == null) throw new UserException("labels: no label image chosen");
        if (labels == image) throw new UserException("labels: the label image must differ from the image");
        if (output == null || output.isBlank()) throw new UserException("output: no model name given (e.g. models/my-model)");
        Path init = initialModel == null || initialModel.isBlank() ? null : Path.of(initialModel.trim());
        String out = output.trim();
        if (out.endsWith(".json")) out = out.substring(0, out.length() - ".json".length());
        return new TrainingJob(image, labels, new TrainingJob.Settings(Preset.byName(preset), axes, (float) cycleWeight,
                iterations, batch, frames, init, Path.of(out), overwrite));
    }

    static void report(ModelInfo info, TrainingJob job) {
        IJ.log("CycleProp: trained model written (" + info.parameterCount() + " parameters, " + info.iterations()
                + " iterations); log and loss curve in " + job.runDir());
    }
}

package org.cycleprop.fiji;

import ij.ImagePlus;
import org.cycleprop.model.ModelInfo;
import org.cycleprop.util.UserException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.io.File;

/** The SciJava face of "Train Propagation Model"; the output is the written model's .json file. */
@Plugin(type = Command.class, menuPath = "Plugins>Segmentation>CycleProp>Scripting>Train Propagation Model (SciJava)")
public final class TrainPropagationModelCommand implements Command {
    @Parameter(label = "Image")
    ImagePlus image;

    @Parameter(label = "Labels (label image)")
    ImagePlus labels;

    @Parameter(label = "Axes to slice along (x, y, z)")
    String axes = "z";

    @Parameter(label = "Preset", choices = {"small", "tiny", "paper"})
    String preset = "small";

    @Parameter(label = "Initial model (fine-tune)", required = false)
    File initial_model;

    @Parameter(label = "Cycle weight (0 = no cycle loss)", min = "0")
    double cycle_weight = 0.1;

    @Parameter(label = "Iterations", min = "1")
    int iterations = 1000;

    @Parameter(label = "Batch", min = "1")
    int batch = 4;

    @Parameter(label = "Frames per sample (3 = the paper's triplets)", min = "3")
    int frames = 3;

    @Parameter(label = "Output model (NAME, in a models folder)")
    File output;

    @Parameter(label = "Overwrite an existing model")
    boolean overwrite;

    @Parameter(type = ItemIO.OUTPUT)
    File model;

    @Override
    public void run() {
        TrainRequest r = new TrainRequest();
        r.image = image;
        r.labels = labels;
        r.axes = axes;
        r.preset = preset;
        r.initialModel = initial_model == null ? "" : initial_model.getPath();
        r.cycleWeight = cycle_weight;
        r.iterations = iterations;
        r.batch = batch;
        r.frames = frames;
        r.output = output == null ? "" : output.getPath();
        r.overwrite = overwrite;
        TrainingJob job;
        try {
            job = r.job();
        } catch (UserException e) {
            JobRunner.error(e.getMessage());
            return;
        }
        ModelInfo info = JobRunner.runHere("training", p -> job.run(new LossPlot(p, !JobRunner.synchronous())));
        if (info == null) return;
        TrainRequest.report(info, job);
        String out = r.output.trim();
        model = new File(out.endsWith(".json") ? out : out + ".json");
    }
}

package org.cycleprop.fiji;

import ij.IJ;
import ij.ImagePlus;
import org.cycleprop.util.Progress;
import org.cycleprop.volume.Axis;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.ItemIO;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.plugin.Parameter;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The SciJava commands: found through the plugin index, named like the macro options, and running the job. */
class SciJavaCommandsTest {

    @Test
    void parametersAreNamedLikeTheMacroOptions() {
        assertEquals(MacroKeys.PROPAGATE, inputs(PropagateSegmentationCommand.class, "image"));
        assertEquals(MacroKeys.EVALUATE, inputs(EvaluateSegmentationCommand.class));
        assertEquals(MacroKeys.TRAIN, inputs(TrainPropagationModelCommand.class));
    }

    private static List<String> inputs(Class<?> command, String... skipped) {
        List<String> names = new ArrayList<>();
        for (Field f : command.getDeclaredFields()) {
            Parameter p = f.getAnnotation(Parameter.class);
            if (p == null || p.type() == ItemIO.OUTPUT || List.of(skipped).contains(f.getName())) continue;
            names.add(f.getName());
        }
        return names;
    }

    @Test
    void theCommandsAreIndexedAndPropagateRunsTheJob() throws Exception {
        try (Context context = new Context(CommandService.class)) {
            CommandService commands = context.service(CommandService.class);
            for (Class<?> c : List.of(PropagateSegmentationCommand.class, EvaluateSegmentationCommand.class,
                    TrainPropagationModelCommand.class)) {
                CommandInfo info = commands.getCommand(c.getName());
                assertNotNull(info, c + " is in the plugin index");
                assertEquals("Plugins", info.getMenuPath().get(0).getName());
            }
            ImagePlus image = TestImages.ramp(16, 20, 16, 10);
            ImagePlus seeds = IJ.createImage("seeds", "8-bit black", 20, 16, 10);
            for (int y = 4; y < 9; y++) for (int x = 3; x < 7; x++) seeds.getStack().getProcessor(4).set(x, y, 9);
            Module done = commands.run(PropagateSegmentationCommand.class, false, "image", image, "method", "copy",
                    "seeds", PropagateRequest.LABEL_IMAGE, "seed_image", seeds, "axis", "Z", "device", "cpu").get();
            ImagePlus labels = (ImagePlus) done.getOutput("labels");
            assertNotNull(labels);
            ImagePlus expected = new PropagationJob(image, LabelImageSeeds.from(seeds, image, Axis.Z),
                    PropagationSettings.baseline(PropagationMethod.COPY, Axis.Z)).run(Progress.NONE);
            assertEquals(TestImages.pixelHash(expected), TestImages.pixelHash(labels));
            assertEquals(9, labels.getStack().getProcessor(8).get(4, 5));
        }
    }
}

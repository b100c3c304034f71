package org.cycleprop.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.cycleprop.util.UserException;

import java.util.Locale;

/** Turns the user's device option into a DJL device. */
public final class Devices {
    private Devices() {
    }

    /**
     * {@code auto}: the first GPU if PyTorch sees one, else the CPU; {@code cpu}; {@code gpu}: the first GPU,
     * or a {@link UserException} when there is none.
     */
    public static Device choose(String option) {
        String choice = option == null ? "auto" : option.trim().toLowerCase(Locale.ROOT);
        int gpus = Engine.getInstance().getGpuCount();
        return switch (choice) {
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new UserException("device 'gpu': PyTorch sees no GPU on this machine; use 'cpu' or 'auto'");
                }
                yield Device.gpu();
            }
            default -> throw new UserException("unknown device '" + option + "' (use auto, cpu or gpu)");
        };
    }
}

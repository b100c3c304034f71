package org.cycleprop.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.cycleprop.util.UserException;

/** The device a network runs on, from a user's choice: auto (a GPU if DJL finds one), cpu or gpu. */
public final class Devices {
    private Devices() {
    }

    public static Device choose(String choice) {
        String c = choice == null ? "auto" : choice.trim().toLowerCase(java.util.Locale.ROOT);
        int gpus = Engine.getInstance().getGpuCount();
        switch (c) {
            case "auto":
                return gpus > 0 ? Device.gpu() : Device.cpu();
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (gpus == 0) throw new UserException("--device gpu: no GPU is available to PyTorch here (use cpu or auto)");
                return Device.gpu();
            default:
                throw new UserException("--device: unknown device '" + choice + "' (use auto, cpu or gpu)");
        }
    }
}

package org.cycleprop.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.cycleprop.util.UserException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DevicesTest {
    private final boolean hasGpu = Engine.getInstance().getGpuCount() > 0;

    @Test
    void cpuIsAlwaysAvailable() {
        assertEquals(Device.cpu(), Devices.choose("cpu"));
        assertEquals(Device.cpu(), Devices.choose(" CPU "));
    }

    @Test
    void autoTakesTheGpuOnlyWhenThereIsOne() {
        assertEquals(hasGpu ? Device.gpu() : Device.cpu(), Devices.choose("auto"));
        assertEquals(hasGpu ? Device.gpu() : Device.cpu(), Devices.choose(null));
    }

    @Test
    void gpuWithoutAGpuIsAUserError() {
        if (hasGpu) {
            assertEquals(Device.gpu(), Devices.choose("gpu"));
        } else {
            UserException e = assertThrows(UserException.class, () -> Devices.choose("gpu"));
            assertEquals("device 'gpu': PyTorch sees no GPU on this machine; use 'cpu' or 'auto'", e.getMessage());
        }
    }

    @Test
    void unknownDeviceIsAUserError() {
        UserException e = assertThrows(UserException.class, () -> Devices.choose("tpu"));
        assertEquals("unknown device 'tpu' (use auto, cpu or gpu)", e.getMessage());
    }
}

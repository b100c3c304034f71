package org.cycleprop.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IntraOpThreadsTest {
    @Test
    void narrowNetworksInferOnOneThreadWideOnesOnAllCores() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(1, IntraOpThreads.forInference(Preset.SMALL));
        assertEquals(1, IntraOpThreads.forInference(Preset.TINY));
        assertEquals(cores, IntraOpThreads.forInference(Preset.PAPER));
        assertEquals(cores, IntraOpThreads.forTraining());
    }

    @Test
    void theSettingReachesPyTorch() {
        int before = IntraOpThreads.current();
        try {
            IntraOpThreads.use(1);
            assertEquals(1, IntraOpThreads.current());
            IntraOpThreads.use(2);
            assertEquals(2, IntraOpThreads.current());
        } finally {
            IntraOpThreads.use(before);
        }
    }
}

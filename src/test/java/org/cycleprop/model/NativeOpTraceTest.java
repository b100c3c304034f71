package org.cycleprop.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NativeOpTraceTest {
    @Test
    void sumsTopLevelOperatorsByNameWithoutCountingNestedCallsTwice(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.json");
        // thread 1: conv2d [0, 10) enclosing mkldnn_convolution [1, 9); relu [10, 12); conv2d [20, 26)
        // thread 2: relu [5, 8) overlaps thread 1's conv but is top level on its own thread
        Files.writeString(trace, """
                {"traceEvents": [
                 {"name": "aten::conv2d", "ph": "X", "ts": 0, "dur": 10000, "tid": 1},
                 {"name": "aten::mkldnn_convolution", "ph": "X", "ts": 1000, "dur": 8000, "tid": 1},
                 {"name": "aten::relu", "ph": "X", "ts": 10000, "dur": 2000, "tid": 1},
                 {"name": "aten::conv2d", "ph": "X", "ts": 20000, "dur": 6000, "tid": 1},
                 {"name": "aten::relu", "ph": "X", "ts": 5000, "dur": 3000, "tid": 2},
                 {"name": "marker", "ph": "i", "ts": 0, "tid": 1}
                ]}""");
        List<NativeOpTrace.OpTime> ops = NativeOpTrace.topLevel(trace);
        assertEquals(2, ops.size());
        assertEquals(new NativeOpTrace.OpTime("aten::conv2d", 2, 16), ops.get(0));
        assertEquals(new NativeOpTrace.OpTime("aten::relu", 2, 5), ops.get(1));
    }

    @Test
    void recordsARealTraceOfNativeWork(@TempDir Path dir) {
        Path trace = dir.resolve("real.json");
        List<NativeOpTrace.OpTime> ops;
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            ai.djl.ndarray.NDArray a = m.ones(new ai.djl.ndarray.types.Shape(64, 64));
            ops = NativeOpTrace.record(trace, () -> a.matMul(a).toFloatArray());
        }
        assertEquals(true, Files.exists(trace));
        assertEquals(true, ops.stream().anyMatch(o -> o.name().contains("matmul") || o.name().contains("mm")),
                ops.toString());
    }
}

package org.cycleprop.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory readings of this process (resident memory includes native PyTorch allocations, unlike the heap). */
public final class Memory {
    private Memory() {
    }

    /** Peak resident set size (Linux VmHWM) in bytes, or -1 where /proc is not available. */
    public static long peakResidentBytes() {
        return procStatus("VmHWM:");
    }

    /** Current resident set size (Linux VmRSS) in bytes, or -1 where /proc is not available. */
    public static long residentBytes() {
        return procStatus("VmRSS:");
    }

    private static long procStatus(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    public static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.0f MiB", bytes / 1048576.0);
    }
}

package org.cycleprop.model;

import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyTorch's own operator profiler around a piece of work: writes a Chrome trace (chrome://tracing, Perfetto) and
 * sums the time of the top-level operators by name, so that "where does a step's time go" can be answered at the
 * level of convolutions, normalisations and element-wise passes rather than of our blocks.
 */
public final class NativeOpTrace {
    private NativeOpTrace() {
    }

    /** Time of one operator name summed over its top-level calls. */
    public record OpTime(String name, long calls, double milliseconds) {
    }

    /** Runs {@code work} under the profiler, writes the trace to {@code file} and returns the top-level op times. */
    public static List<OpTime> record(Path file, Runnable work) {
        JniUtils.startProfile(false, true, false); // with input shapes
        try {
            work.run();
        } finally {
            JniUtils.stopProfile(file.toAbsolutePath().toString());
        }
        return topLevel(file);
    }

    /**
     * The complete ("X") events of a Chrome trace that no other event of the same thread encloses, summed by name,
     * longest first. Nested events (a convolution's backend call inside aten::conv2d) are not counted twice.
     */
    public static List<OpTime> topLevel(Path trace) {
        JsonElement root;
        try (Reader r = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trace " + trace, e);
        }
        JsonArray events = root.isJsonArray() ? root.getAsJsonArray()
                : root.getAsJsonObject().getAsJsonArray("traceEvents");
        Map<String, List<double[]>> byThread = new LinkedHashMap<>();
        Map<double[], String> names = new java.util.IdentityHashMap<>();
        for (JsonElement e : events) {
            JsonObject o = e.getAsJsonObject();
            if (!o.has("ph") || !"X".equals(o.get("ph").getAsString()) || !o.has("dur")) continue;
            double[] span = {o.get("ts").getAsDouble(), o.get("dur").getAsDouble()};
            String thread = o.has("tid") ? o.get("tid").getAsString() : "";
            byThread.computeIfAbsent(thread, t -> new ArrayList<>()).add(span);
            names.put(span, o.get("name").getAsString());
        }
        Map<String, double[]> totals = new LinkedHashMap<>(); // name → {calls, microseconds}
        for (List<double[]> spans : byThread.values()) {
            // by start, the longer first, so an enclosing event precedes what it encloses
            spans.sort(Comparator.<double[]>comparingDouble(s -> s[0]).thenComparingDouble(s -> -s[1]));
            double openUntil = Double.NEGATIVE_INFINITY;
            for (double[] s : spans) {
                if (s[0] < openUntil) continue; // inside the last top-level event
                openUntil = s[0] + s[1];
                double[] t = totals.computeIfAbsent(names.get(s), n -> new double[2]);
                t[0]++;
                t[1] += s[1];
            }
        }
        List<OpTime> out = new ArrayList<>();
        totals.forEach((name, t) -> out.add(new OpTime(name, (long) t[0], t[1] / 1000)));
        out.sort(Comparator.comparingDouble(OpTime::milliseconds).reversed());
        return out;
    }
}

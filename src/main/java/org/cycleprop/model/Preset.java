package org.cycleprop.model;

import org.cycleprop.util.UserException;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Everything that fixes an STCN architecture plus its inference defaults, as plain data: the blocks are
 * built from it ({@link StcnNetwork#create}) and it is stored beside trained weights ({@link ModelFile}).
 *
 * @param name            short name ({@code paper}, {@code small}, {@code tiny} or a custom one)
 * @param imageChannels   channels of an input frame (3 for RGB, 1 for a grey medical slice)
 * @param keyTrunk        ResNet trunk of the key encoder (gives f16, f8, f4 of the query)
 * @param valueTrunk      ResNet trunk of the value encoder (input: image + mask + other-objects mask)
 * @param keyChannels     channels of the key k16 used for the affinity
 * @param valueChannels   channels of the value v16 read out of the memory
 * @param f16ThinChannels channels of the compressed query feature f16_thin concatenated to the readout
 * @param decoderWidths   output channels of the decoder's compress block, its 1/16→1/8 and its 1/8→1/4
 *                        upsampling blocks
 * @param cbamReduction   channel reduction of the CBAM gate's MLP in the value fusion block
 * @param norm            normalisation inside the trunks
 * @param normGroups      groups of {@link NormKind#GROUP} (ignored for batch normalisation)
 * @param workingSize     frames are resized so that their longer side is this many pixels (a multiple
 *                        of 16) before they enter the network
 * @param topK            memory entries kept per query position at inference (0 = all)
 * @param memEvery        a propagated frame is added to the memory every this many frames
 * @param refinerWidth    channels of the full-resolution {@link MaskRefiner} that corrects the decoder's
 *                        logits with the frame and the previous slice's mask (0 = none, as STCN)
 */
public record Preset(
        String name,
        int imageChannels,
        TrunkSpec keyTrunk,
        TrunkSpec valueTrunk,
        int keyChannels,
        int valueChannels,
        int f16ThinChannels,
        List<Integer> decoderWidths,
        int cbamReduction,
        NormKind norm,
        int normGroups,
        int workingSize,
        int topK,
        int memEvery,
        int refinerWidth) {

    /**
     * The published STCN (Cheng et al. 2021): ResNet-50 key encoder, ResNet-18 value encoder with a 5-channel
     * first convolution, 64-channel keys, 512-channel values; 54,434,180 trainable parameters.
     */
    public static final Preset PAPER = new Preset("paper", 3,
            new TrunkSpec(TrunkKind.BOTTLENECK, 64, List.of(64, 128, 256), List.of(3, 4, 6), false),
            new TrunkSpec(TrunkKind.BASIC, 64, List.of(64, 128, 256), List.of(2, 2, 2), true),
            64, 512, 512, List.of(512, 256, 256), 16, NormKind.BATCH, 0, 480, 20, 5, 0);

    /**
     * The CPU default for grey slices. Group normalisation instead of batch normalisation because CPU training
     * runs with a handful of frames per step: batch statistics of so few samples are noisy and the running
     * averages seen at inference then differ from what the network was trained with; group statistics are
     * per sample and identical in training and inference.
     */
    public static final Preset SMALL = new Preset("small", 1,
            new TrunkSpec(TrunkKind.BASIC, 16, List.of(16, 32, 64), List.of(2, 2, 2), false),
            new TrunkSpec(TrunkKind.BASIC, 16, List.of(16, 32, 64), List.of(1, 1, 1), false),
            64, 128, 64, List.of(128, 64, 32), 16, NormKind.GROUP, 8, 160, 20, 5, 0);

    /** A very small network for tests: a forward pass at 64×64 takes a few milliseconds. */
    public static final Preset TINY = new Preset("tiny", 1,
            new TrunkSpec(TrunkKind.BASIC, 8, List.of(8, 16, 16), List.of(1, 1, 1), false),
            new TrunkSpec(TrunkKind.BASIC, 8, List.of(8, 16, 16), List.of(1, 1, 1), false),
            16, 32, 16, List.of(32, 16, 16), 16, NormKind.GROUP, 4, 64, 20, 5, 0);

    /**
     * {@link #SMALL} with a 16-channel {@link MaskRefiner}: the decoder stops at 1/4 resolution and the key grid
     * has one cell per 16 pixels, so on its own the network redraws even an unchanged slice coarsely (J 0.88 for
     * an exact copy of the seed slice); the refiner sees the full-resolution frame and the previous slice's mask.
     */
    public static final Preset SMALL_REFINED = SMALL.withRefiner("small-refined", 16);

    /** The built-in presets, in the order they are listed to users. */
    public static final List<Preset> BUILT_IN = List.of(PAPER, SMALL, SMALL_REFINED, TINY);

    public Preset {
        decoderWidths = List.copyOf(decoderWidths);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a preset needs a name");
        if (decoderWidths.size() != 3) {
            throw new IllegalArgumentException("preset " + name + ": decoderWidths needs 3 entries, got " + decoderWidths);
        }
        if (imageChannels < 1 || keyChannels < 1 || valueChannels < 1 || f16ThinChannels < 1 || cbamReduction < 1
                || decoderWidths.stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("preset " + name + ": channel counts must be positive");
        }
        if (workingSize < 16 || workingSize % 16 != 0) {
            throw new IllegalArgumentException("preset " + name + ": workingSize must be a positive multiple of 16, got "
                    + workingSize);
        }
        if (topK < 0 || memEvery < 1 || refinerWidth < 0) {
            throw new IllegalArgumentException("preset " + name + ": topK must be >= 0, memEvery >= 1 and refinerWidth"
                    + " >= 0");
        }
        if (norm == NormKind.GROUP) {
            for (TrunkSpec t : List.of(keyTrunk, valueTrunk)) {
                for (int c : normalisedWidths(t)) {
                    if (normGroups < 1 || c % normGroups != 0) {
                        throw new IllegalArgumentException("preset " + name + ": " + normGroups
                                + " normalisation groups do not divide " + c + " channels");
                    }
                }
            }
        }
    }

    /** The built-in preset called {@code name} (case-insensitive). */
    public static Preset byName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Preset p : BUILT_IN) {
            if (p.name.equals(wanted)) return p;
        }
        throw new UserException("unknown preset '" + name + "' (known presets: "
                + BUILT_IN.stream().map(Preset::name).collect(Collectors.joining(", ")) + ")");
    }

    /** This preset named {@code newName} with a refiner of {@code width} channels (0 = none). */
    public Preset withRefiner(String newName, int width) {
        return new Preset(newName, imageChannels, keyTrunk, valueTrunk, keyChannels, valueChannels, f16ThinChannels,
                decoderWidths, cbamReduction, norm, normGroups, workingSize, topK, memEvery, width);
    }

    public boolean hasRefiner() {
        return refinerWidth > 0;
    }

    /**
     * Whether {@code grown} is this preset with a refiner added and nothing else changed (name aside): a model of
     * this preset can then start a model of {@code grown} ({@link ModelFile#loadGrown}).
     */
    public boolean growsInto(Preset grown) {
        return !hasRefiner() && grown.hasRefiner() && grown.withRefiner(name, 0).equals(this);
    }

    /** Channels of the readout concatenated with f16_thin, the decoder's input. */
    public int readoutChannels() {
        return valueChannels + f16ThinChannels;
    }

    /** Input channels of the value encoder's first convolution: image, object mask, other-objects mask. */
    public int valueInputChannels() {
        return imageChannels + 2;
    }

    /**
     * The first field in which {@code other} differs from this preset, as "field: this-value vs other-value",
     * or null when they are equal.
     */
    public String firstDifference(Preset other) {
        for (java.lang.reflect.RecordComponent c : Preset.class.getRecordComponents()) {
            try {
                Object mine = c.getAccessor().invoke(this);
                Object theirs = c.getAccessor().invoke(other);
                if (!java.util.Objects.equals(mine, theirs)) return c.getName() + ": " + mine + " vs " + theirs;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    private static List<Integer> normalisedWidths(TrunkSpec t) {
        List<Integer> widths = new java.util.ArrayList<>();
        widths.add(t.stemWidth());
        for (int s = 0; s < 3; s++) {
            widths.add(t.planes().get(s));
            widths.add(t.outChannels(s));
        }
        return widths;
    }
}

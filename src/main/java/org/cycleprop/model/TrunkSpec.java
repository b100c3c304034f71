package org.cycleprop.model;

import java.util.List;

/**
 * Shape of a ResNet trunk cut after its third stage (stride 16): a 7×7 stride-2 stem convolution,
 * normalisation, ReLU, 3×3 stride-2 max pooling, then three stages of residual units.
 *
 * @param kind     residual unit
 * @param stemWidth channels of the stem convolution
 * @param planes   planes of stage 1, 2, 3 (output channels are planes × expansion)
 * @param blocks   number of residual units in stage 1, 2, 3
 * @param convBias whether convolutions carry a bias (torchvision's ResNet does not; STCN's modified
 *                 ResNet used for the value encoder does)
 */
public record TrunkSpec(TrunkKind kind, int stemWidth, List<Integer> planes, List<Integer> blocks, boolean convBias) {

    public TrunkSpec {
        planes = List.copyOf(planes);
        blocks = List.copyOf(blocks);
        if (planes.size() != 3 || blocks.size() != 3) {
            throw new IllegalArgumentException("a trunk needs 3 stages, got planes " + planes + " blocks " + blocks);
        }
        if (stemWidth < 1 || planes.stream().anyMatch(p -> p < 1) || blocks.stream().anyMatch(b -> b < 1)) {
            throw new IllegalArgumentException("trunk widths and block counts must be positive: " + this);
        }
    }

    /** Channels of the stage-{@code stage} output (0 → f4, 1 → f8, 2 → f16). */
    public int outChannels(int stage) {
        return planes.get(stage) * kind.expansion();
    }

    /** Channels of f4 (stride 4). */
    public int f4Channels() {
        return outChannels(0);
    }

    /** Channels of f8 (stride 8). */
    public int f8Channels() {
        return outChannels(1);
    }

    /** Channels of f16 (stride 16). */
    public int f16Channels() {
        return outChannels(2);
    }
}

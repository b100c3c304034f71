package org.cycleprop.model;

/** The residual unit a ResNet trunk is built from. */
public enum TrunkKind {
    /** Two 3×3 convolutions (ResNet-18/34); output width = planes. */
    BASIC(1),
    /** 1×1 → 3×3 → 1×1 convolutions (ResNet-50); output width = 4 × planes. */
    BOTTLENECK(4);

    private final int expansion;

    TrunkKind(int expansion) {
        this.expansion = expansion;
    }

    /** Output channels of one unit divided by its planes. */
    public int expansion() {
        return expansion;
    }
}

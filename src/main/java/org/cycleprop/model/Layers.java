package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/** Small factories and tensor helpers shared by the STCN blocks. */
final class Layers {
    private Layers() {
    }

    /** A square convolution with "same" padding ({@code kernel / 2}); stride 2 halves odd sizes upwards. */
    static Conv2d conv(int outChannels, int kernel, int stride, boolean bias) {
        return Conv2d.builder()
                .setFilters(outChannels)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .optBias(bias)
                .build();
    }

    /** The trunk normalisation of a preset. */
    static Block norm(NormKind kind, int groups) {
        return switch (kind) {
            case BATCH -> BatchNorm.builder().optEpsilon(1e-5f).build();
            case GROUP -> new GroupNorm(groups);
        };
    }

    /** Bilinear resampling of [B, C, h, w] to [B, C, height, width] (PyTorch's align_corners=false). */
    static NDArray resize(NDArray x, long height, long width) {
        Shape s = x.getShape();
        if (s.get(2) == height && s.get(3) == width) return x;
        // interpolation mode 1 is bilinear in DJL's PyTorch engine
        return x.getNDArrayInternal().interpolation(new long[] {height, width}, 1, false);
    }

    /** Copy of {@code s} with the channel axis (1) replaced. */
    static Shape withChannels(Shape s, long channels) {
        return new Shape(s.get(0), channels, s.get(2), s.get(3));
    }

    /** Spatial size after a stride-2 "same" convolution or pooling: ceil(n / 2). */
    static long half(long n) {
        return (n + 1) / 2;
    }

    /** Initialises {@code block} for {@code input} and returns its first output shape (to chain children). */
    static Shape initialize(Block block, NDManager manager, DataType dataType, Shape... input) {
        block.initialize(manager, dataType, input);
        return block.getOutputShapes(input)[0];
    }

    /**
     * The projection shortcut of a residual block (1×1 convolution + normalisation), or null when the block keeps
     * its input's size and channels and the identity serves.
     */
    static Block shortcut(int inChannels, int outChannels, int stride, boolean bias, NormKind norm, int groups) {
        if (stride == 1 && inChannels == outChannels) return null;
        return new SequentialBlock().add(conv(outChannels, 1, stride, bias)).add(norm(norm, groups));
    }
}

package org.cycleprop.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Group normalisation (Wu &amp; He 2018) of [B, C, H, W]: each sample's channels are split into
 * {@code groups} groups, each group is normalised to zero mean and unit variance, then every channel is
 * scaled by gamma and shifted by beta. DJL has no such block; it is computed with PyTorch's fused layer norm
 * over each group (viewed as [B, G, C/G·H·W]), which is one kernel instead of the six element-wise passes of
 * mean, centring, variance and scaling: on CPU a propagation step is dominated by many small operations.
 */
public final class GroupNorm extends AbstractBlock {
    private static final float EPSILON = 1e-5f;

    private final int groups;
    private final Parameter gamma;
    private final Parameter beta;
    /** Unit weight and zero bias of the per-group layer norm, by group size and device, made once. */
    private final Map<String, NDArray[]> unitAffine = new ConcurrentHashMap<>();

    public GroupNorm(int groups) {
        if (groups < 1) throw new IllegalArgumentException("groups must be positive: " + groups);
        this.groups = groups;
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        long channels = inputShapes[0].get(1);
        if (channels % groups != 0) {
            throw new IllegalArgumentException(groups + " groups do not divide " + channels + " channels");
        }
        // stored as [1, C, 1, 1] so that no reshaped copy of a parameter is made per call
        gamma.setShape(new Shape(1, channels, 1, 1));
        beta.setShape(new Shape(1, channels, 1, 1));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // [B, C, H, W]
        Shape shape = x.getShape();
        long groupSize = shape.size() / shape.get(0) / groups;
        NDArray grouped = x.reshape(shape.get(0), groups, groupSize); // [B, G, C/G·H·W]
        NDArray g = ps.getValue(gamma, x.getDevice(), training); // [1, C, 1, 1]
        NDArray[] unit = unitAffine(groupSize, x.getDevice(), g.getManager());
        NDArray normalised = grouped.getNDArrayInternal()
                .layerNorm(grouped, new Shape(groupSize), unit[0], unit[1], EPSILON).singletonOrThrow()
                .reshape(shape); // [B, C, H, W]
        NDArray b = ps.getValue(beta, x.getDevice(), training);
        return new NDList(normalised.mul(g).add(b));
    }

    /**
     * Ones and zeros of {@code size} elements on {@code device}, owned by the parameters' manager so that they
     * live as long as the network (a handful of sizes per working resolution).
     */
    private NDArray[] unitAffine(long size, Device device, NDManager owner) {
        return unitAffine.computeIfAbsent(size + "@" + device, key -> {
            NDArray ones = owner.ones(new Shape(size));
            NDArray zeros = owner.zeros(new Shape(size));
            return new NDArray[] {ones, zeros};
        });
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}

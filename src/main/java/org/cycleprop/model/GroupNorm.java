package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Group normalisation (Wu &amp; He 2018) of [B, C, H, W]: each sample's channels are split into
 * {@code groups} groups, each group is normalised to zero mean and unit variance, then every channel is
 * scaled by gamma and shifted by beta. DJL has no such block.
 */
public final class GroupNorm extends AbstractBlock {
    private static final float EPSILON = 1e-5f;

    private final int groups;
    private final Parameter gamma;
    private final Parameter beta;

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
        gamma.setShape(new Shape(channels));
        beta.setShape(new Shape(channels));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // [B, C, H, W]
        Shape shape = x.getShape();
        long channels = shape.get(1);
        NDArray grouped = x.reshape(shape.get(0), groups, -1); // [B, G, C/G·H·W]
        NDArray centred = grouped.sub(grouped.mean(new int[] {2}, true));
        NDArray variance = centred.square().mean(new int[] {2}, true); // [B, G, 1]
        NDArray normalised = centred.div(variance.add(EPSILON).sqrt()).reshape(shape); // [B, C, H, W]
        NDArray g = ps.getValue(gamma, x.getDevice(), training).reshape(1, channels, 1, 1);
        NDArray b = ps.getValue(beta, x.getDevice(), training).reshape(1, channels, 1, 1);
        g.attach(x.getManager()); b.attach(x.getManager()); // the reshaped views would otherwise pile up in the model's manager
        return new NDList(normalised.mul(g).add(b));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}

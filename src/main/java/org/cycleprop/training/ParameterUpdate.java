package org.cycleprop.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.util.ArrayList;
import java.util.List;

/**
 * Adam on every trainable parameter of a block (all of a network's parameters, one set shared by every
 * path of the training step). Use per step:
 * <pre>
 *   try (NDManager step = modelManager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
 *       StepLosses l = trainingStep.compute(TrainingBatch.fromArrays(step, ...), iteration);
 *       gc.backward(l.total());
 *       update.apply(learningRate);
 *   }
 * </pre>
 * DJL's Adam (PyTorch's update rule with bias correction; weight decay as an L2 term added to the gradient,
 * like torch.optim.Adam's weight_decay) keeps its moment estimates per parameter id in the parameters'
 * manager. The learning rate is read from {@link #apply}'s argument at every update.
 */
public final class ParameterUpdate {
    /** Weight decay of the authors' Adam. */
    public static final float PAPER_WEIGHT_DECAY = 1e-7f;

    private final List<Parameter> parameters = new ArrayList<>();
    private final Optimizer optimizer;
    private float learningRate = Float.NaN;

    /** Adam (β = 0.9, 0.999, ε = 1e-8) with the given weight decay (0 for none). */
    public ParameterUpdate(Block block, float weightDecay) {
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weight decay must be >= 0: " + weightDecay);
        for (Parameter p : block.getParameters().values()) {
            if (p.requiresGradient()) parameters.add(p);
        }
        Tracker rate = numUpdate -> learningRate;
        optimizer = Optimizer.adam().optLearningRateTracker(rate).optWeightDecays(weightDecay).build();
        requireGradients();
    }

    /**
     * Makes every trainable parameter's array record gradients. Done at construction; call again after
     * parameter arrays were replaced (e.g. weights loaded).
     */
    public void requireGradients() {
        for (Parameter p : parameters) {
            NDArray array = p.getArray();
            if (!array.hasGradient()) array.setRequiresGradient(true);
        }
    }

    /** Trainable parameters updated, in the block's order. */
    public List<Parameter> parameters() {
        return List.copyOf(parameters);
    }

    /** One Adam step with the gradients accumulated since the last call; then all gradients are zero. */
    public void apply(float learningRate) {
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive: " + learningRate);
        }
        this.learningRate = learningRate;
        for (Parameter p : parameters) {
            NDArray weight = p.getArray();
            // getGradient wraps the gradient in a new array of the parameters' manager: close it
            try (NDArray gradient = weight.getGradient()) {
                optimizer.update(p.getId(), weight, gradient);
            }
        }
        zeroGradients(); // DJL's PyTorch Adam zeroes them too; explicit so the contract does not rest on that
    }

    /** Sets every trainable parameter's gradient to zero (e.g. after a backward pass used only for inspection). */
    public void zeroGradients() {
        for (Parameter p : parameters) {
            try (NDArray gradient = p.getArray().getGradient()) {
                gradient.subi(gradient);
            }
        }
    }
}

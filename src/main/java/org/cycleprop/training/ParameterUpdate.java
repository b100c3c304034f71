package org.cycleprop.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import org.cycleprop.util.AtomicOutputFile;
import org.cycleprop.util.UserException;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam on every trainable parameter of a block (all of a network's parameters, one set shared by every
 * path of the training step). Use per step:
 * <pre>
 *   try (NDManager step = modelManager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
 *       StepLosses l = trainingStep.compute(TrainingBatch.fromArrays(step, ...), iteration);
 *       gc.backward(l.total());
 *   }
 *   update.apply(learningRate);
 * </pre>
 * The update is PyTorch's Adam (bias correction; weight decay as an L2 term added to the gradient, like
 * torch.optim.Adam's weight_decay), computed by the same fused native kernel DJL's Adam calls. The moment
 * estimates and the step count are kept here rather than inside DJL's optimizer so that a checkpoint can save
 * them ({@link #saveState}) and a resumed run continue exactly where it stopped ({@link #loadState}).
 */
public final class ParameterUpdate {
    /** Weight decay of the authors' Adam. */
    public static final float PAPER_WEIGHT_DECAY = 1e-7f;
    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-8f;
    private static final int STATE_MAGIC = 0x41444d31; // "ADM1"

    private final List<Parameter> parameters = new ArrayList<>();
    private final List<Float> rateScales = new ArrayList<>(); // per parameter, 1 unless scaled
    private final float weightDecay;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private long steps;

    /** Adam (β = 0.9, 0.999, ε = 1e-8) with the given weight decay (0 for none). */
    public ParameterUpdate(Block block, float weightDecay) {
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weight decay must be >= 0: " + weightDecay);
        this.weightDecay = weightDecay;
        for (Parameter p : block.getParameters().values()) {
            if (p.requiresGradient()) {
                parameters.add(p);
                rateScales.add(1f);
            }
        }
        requireGradients();
    }

    /**
     * Multiplies the learning rate of the parameters of {@code block}'s child {@code child} (matched by DJL's child
     * name, e.g. "refiner" for "06refiner") by {@code factor}.
     *
     * @return the number of parameters scaled
     */
    public int scaleRate(Block block, String child, float factor) {
        if (!(factor > 0) || Float.isInfinite(factor)) throw new IllegalArgumentException("scale must be positive: " + factor);
        int scaled = 0;
        for (var entry : block.getChildren()) {
            if (!entry.getKey().replaceFirst("^\\d+", "").equals(child)) continue;
            for (Parameter p : entry.getValue().getParameters().values()) {
                int i = parameters.indexOf(p);
                if (i < 0) continue;
                rateScales.set(i, factor);
                scaled++;
            }
        }
        return scaled;
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

    /** Adam steps taken so far (restored by {@link #loadState}). */
    public long steps() {
        return steps;
    }

    /** One Adam step with the gradients accumulated since the last call; then all gradients are zero. */
    public void apply(float learningRate) {
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive: " + learningRate);
        }
        ensureMoments();
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        float corrected = (float) (learningRate * Math.sqrt(correction2) / correction1);
        for (int i = 0; i < parameters.size(); i++) {
            NDArray weight = parameters.get(i).getArray();
            float scale = rateScales.get(i);
            // getGradient wraps the gradient in a new array of the parameters' manager: close it
            try (NDArray gradient = weight.getGradient()) {
                weight.getNDArrayInternal().adamUpdate(
                        new NDList(weight, gradient, means.get(i), variances.get(i)), new NDList(weight),
                        learningRate * scale, corrected * scale, weightDecay, 1f, -1f, BETA1, BETA2, EPSILON, true, false);
            }
        }
        zeroGradients(); // the kernel may leave them; explicit so the contract does not rest on it
    }

    /** Sets every trainable parameter's gradient to zero (e.g. after a backward pass used only for inspection). */
    public void zeroGradients() {
        for (Parameter p : parameters) {
            try (NDArray gradient = p.getArray().getGradient()) {
                gradient.subi(gradient);
            }
        }
    }

    /** Writes the step count and every parameter's moment estimates (atomically) to {@code file}. */
    public void saveState(Path file) {
        ensureMoments();
        NDList moments = new NDList();
        moments.addAll(means);
        moments.addAll(variances);
        AtomicOutputFile.write(file, true, os -> {
            DataOutputStream data = new DataOutputStream(os);
            data.writeInt(STATE_MAGIC);
            data.writeLong(steps);
            data.writeInt(parameters.size());
            data.flush();
            moments.encode(os);
        });
    }

    /**
     * Restores what {@link #saveState} wrote, for the same network (parameters matched by order and shape).
     *
     * @throws UserException naming the file if it is unreadable or belongs to another network
     */
    public void loadState(Path file) {
        NDManager owner = parameters.get(0).getArray().getManager();
        try (InputStream is = Files.newInputStream(file); DataInputStream data = new DataInputStream(is)) {
            if (data.readInt() != STATE_MAGIC) throw new IOException("not a CycleProp optimiser state");
            long savedSteps = data.readLong();
            int count = data.readInt();
            if (count != parameters.size()) {
                throw new IOException("it holds " + count + " parameters, the network has " + parameters.size());
            }
            NDList moments = NDList.decode(owner, data.readAllBytes());
            if (moments.size() != 2 * count) throw new IOException("it holds " + moments.size() + " arrays, expected " + 2 * count);
            for (int i = 0; i < count; i++) {
                if (!moments.get(i).getShape().equals(parameters.get(i).getArray().getShape())
                        || !moments.get(count + i).getShape().equals(parameters.get(i).getArray().getShape())) {
                    throw new IOException("the moments of " + parameters.get(i).getName() + " have shape "
                            + moments.get(i).getShape() + ", the parameter " + parameters.get(i).getArray().getShape());
                }
            }
            closeMoments();
            for (int i = 0; i < count; i++) {
                means.add(moments.get(i));
                variances.add(moments.get(count + i));
            }
            steps = savedSteps;
        } catch (IOException | RuntimeException e) {
            throw new UserException(file + ": cannot restore the optimiser state (" + e.getMessage() + ")");
        }
    }

    private void ensureMoments() {
        if (!means.isEmpty()) return;
        for (Parameter p : parameters) {
            NDArray w = p.getArray();
            means.add(w.getManager().zeros(w.getShape(), w.getDataType(), w.getDevice()));
            variances.add(w.getManager().zeros(w.getShape(), w.getDataType(), w.getDevice()));
        }
    }

    private void closeMoments() {
        for (NDArray a : means) a.close();
        for (NDArray a : variances) a.close();
        means.clear();
        variances.clear();
    }
}

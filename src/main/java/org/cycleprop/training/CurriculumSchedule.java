package org.cycleprop.training;

/**
 * The largest slice gap (max_jump) to sample at each iteration: starts at {@code startJump} and grows in equal
 * steps to {@code maxJump}, reached at {@code rampEndFraction} of training and kept to the end. Like the
 * authors' train.py, which raises the skip in steps during the first part of training, so the network first
 * learns from near-identical neighbours and then from harder, distant slices. Never decreases.
 */
public final class CurriculumSchedule {
    private final long totalIterations;
    private final int startJump;
    private final int maxJump;
    private final double rampEndFraction;

    public CurriculumSchedule(long totalIterations, int startJump, int maxJump, double rampEndFraction) {
        if (totalIterations < 1) throw new IllegalArgumentException("totalIterations must be positive");
        if (startJump < 1 || maxJump < startJump) {
            throw new IllegalArgumentException("need 1 <= startJump <= maxJump, got " + startJump + ", " + maxJump);
        }
        if (!(rampEndFraction > 0 && rampEndFraction <= 1)) {
            throw new IllegalArgumentException("rampEndFraction must be in (0, 1], got " + rampEndFraction);
        }
        this.totalIterations = totalIterations;
        this.startJump = startJump;
        this.maxJump = maxJump;
        this.rampEndFraction = rampEndFraction;
    }

    /** From min(2, maxJump) at the start to {@code maxJump} at 60 % of training. */
    public static CurriculumSchedule standard(long totalIterations, int maxJump) {
        return new CurriculumSchedule(totalIterations, Math.min(2, maxJump), maxJump, 0.6);
    }

    /** The max_jump for {@code iteration} (0-based; iterations past the end keep {@code maxJump}). */
    public int maxJumpAt(long iteration) {
        double progress = Math.max(0, iteration) / (rampEndFraction * totalIterations);
        if (progress >= 1) return maxJump;
        return startJump + (int) Math.floor((maxJump - startJump) * progress);
    }

    public long totalIterations() {
        return totalIterations;
    }

    public int startJump() {
        return startJump;
    }

    public int maxJump() {
        return maxJump;
    }
}

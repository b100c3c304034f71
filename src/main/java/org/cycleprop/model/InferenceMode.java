package org.cycleprop.model;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Switches PyTorch's autograd recording off for the current thread until closed, so that inference does
 * not build gradient graphs (parameters require gradients for training). Use with try-with-resources;
 * the previous mode is restored on close.
 */
public final class InferenceMode implements AutoCloseable {
    private final boolean previous;

    private InferenceMode() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    /** Turns gradient recording off for this thread. */
    public static InferenceMode enter() {
        return new InferenceMode();
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}

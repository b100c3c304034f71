package org.cycleprop.model;

/** Normalisation used inside the ResNet trunks (the decoder and fusion blocks of STCN have none). */
public enum NormKind {
    /** Batch statistics while training, running statistics at inference (the published STCN). */
    BATCH,
    /** Statistics per sample and channel group, identical in training and inference. */
    GROUP
}

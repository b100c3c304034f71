package org.cycleprop.model;

import ai.djl.ndarray.NDArray;

/**
 * What the key encoder gives for frames [B, imageChannels, H, W] (H, W multiples of 16):
 *
 * @param k16     key [B, keyChannels, H/16, W/16]
 * @param f16Thin compressed feature [B, f16ThinChannels, H/16, W/16], concatenated to the memory readout
 * @param f16     trunk feature [B, C16, H/16, W/16], input of the value encoder's fusion
 * @param f8      trunk feature [B, C8, H/8, W/8], decoder skip
 * @param f4      trunk feature [B, C4, H/4, W/4], decoder skip
 */
public record KeyFeatures(NDArray k16, NDArray f16Thin, NDArray f16, NDArray f8, NDArray f4) {
}

package org.cycleprop.model;

/** A network read by {@link ModelFile#load} together with its description. */
public record LoadedModel(StcnNetwork network, ModelInfo info) {
}

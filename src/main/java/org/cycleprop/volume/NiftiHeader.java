package org.cycleprop.volume;

/** Placeholder: the NIfTI-1 header, filled in by the volume I/O work. */
public final class NiftiHeader {
}

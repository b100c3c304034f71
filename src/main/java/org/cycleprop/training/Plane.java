package org.cycleprop.training;

import org.cycleprop.volume.PlaneSampler;

/**
 * A 2D float image, row-major ({@code x + y * width}), with pixel centres at integer coordinates. Used for
 * resampling slices and masks into training windows.
 */
record Plane(float[] pixels, int width, int height) {

    Plane {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException(pixels.length + " pixels for a " + width + "x" + height + " plane");
        }
    }

    /** Bilinear value at (x, y); pixels outside the plane count as 0, so the border fades to black. */
    float zeroOutside(double x, double y) {
        return PlaneSampler.bilinearZeroOutside(pixels, width, height, x, y);
    }

    /** Bilinear value at (x, y) with coordinates clamped to the plane (edge pixels repeat outward). */
    float clamped(double x, double y) {
        return PlaneSampler.bilinearClamped(pixels, width, height, x, y);
    }
}

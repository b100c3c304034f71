package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * Orthogonal initialisation (Saxe et al. 2014) of a weight seen as a matrix [out, rest]: a Gaussian matrix
 * whose rows (or columns, if there are more rows than columns) are made orthonormal by Gram–Schmidt.
 * STCN initialises its key projection this way so that the keys of different positions start out spread.
 */
final class OrthogonalInitializer implements Initializer {
    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        int rows = Math.toIntExact(shape.get(0));
        int cols = Math.toIntExact(shape.size() / rows);
        float[] values;
        try (NDArray gaussian = manager.randomNormal(new Shape(rows, cols))) {
            values = gaussian.toFloatArray();
        }
        boolean byRows = rows <= cols;
        int vectors = byRows ? rows : cols;
        int length = byRows ? cols : rows;
        double[][] v = new double[vectors][length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (byRows) v[r][c] = values[r * cols + c];
                else v[c][r] = values[r * cols + c];
            }
        }
        for (int i = 0; i < vectors; i++) {
            for (int j = 0; j < i; j++) {
                double dot = 0;
                for (int k = 0; k < length; k++) dot += v[i][k] * v[j][k];
                for (int k = 0; k < length; k++) v[i][k] -= dot * v[j][k];
            }
            double norm = 0;
            for (int k = 0; k < length; k++) norm += v[i][k] * v[i][k];
            norm = Math.sqrt(norm);
            for (int k = 0; k < length; k++) v[i][k] /= norm;
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) values[r * cols + c] = (float) (byRows ? v[r][c] : v[c][r]);
        }
        return manager.create(values, shape).toType(dataType, false);
    }
}

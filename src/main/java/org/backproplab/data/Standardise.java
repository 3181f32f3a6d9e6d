package org.backproplab.data;

/**
 * Standardises input columns with statistics of the training rows only: {@code x' = (x − μ) / s}, where
 * {@code μ} and {@code s} (the population standard deviation, {@code 1/n}) are each column's mean and spread
 * over the training rows; a column that is constant there ({@code s = 0}, e.g. a pixel that is always blank) is
 * only centred. The held-out rows never influence {@code μ} or {@code s}.
 */
public final class Standardise {
    private Standardise() {
    }

    /**
     * @param x         one row per sample (not changed)
     * @param trainRows the rows whose statistics are used
     * @return a standardised copy of every row
     */
    public static double[][] byTrainingRows(double[][] x, int[] trainRows) {
        int m = x[0].length;
        double[] mean = new double[m];
        double[] sd = new double[m];
        for (int r : trainRows) {
            for (int c = 0; c < m; c++) {
                mean[c] += x[r][c];
            }
        }
        for (int c = 0; c < m; c++) {
            mean[c] /= trainRows.length;
        }
        for (int r : trainRows) {
            for (int c = 0; c < m; c++) {
                double d = x[r][c] - mean[c];
                sd[c] += d * d;
            }
        }
        for (int c = 0; c < m; c++) {
            sd[c] = Math.sqrt(sd[c] / trainRows.length);
        }
        double[][] out = new double[x.length][m];
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < m; c++) {
                out[r][c] = (x[r][c] - mean[c]) / (sd[c] > 0 ? sd[c] : 1.0);
            }
        }
        return out;
    }
}

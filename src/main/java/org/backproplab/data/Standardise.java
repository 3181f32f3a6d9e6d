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
     * Each column's {@code μ} and {@code s} over some rows.
     *
     * @param mean {@code μ_c}
     * @param sd   {@code s_c}, 0 for a constant column
     */
    public record Statistics(double[] mean, double[] sd) {
        public Statistics {
            mean = mean.clone();
            sd = sd.clone();
        }

        /**
         * @param row raw values, one per column (not changed)
         * @return {@code x'_c = (x_c − μ_c) / s_c} ({@code x_c − μ_c} where {@code s_c = 0})
         * @throws IllegalArgumentException if {@code row} does not have one value per column
         */
        public double[] apply(double[] row) {
            check(row);
            double[] out = new double[row.length];
            for (int c = 0; c < row.length; c++) {
                out[c] = (row[c] - mean[c]) / (sd[c] > 0 ? sd[c] : 1.0);
            }
            return out;
        }

        /**
         * @param row standardised values, one per column (not changed)
         * @return the raw values again: {@code x_c = x'_c · s_c + μ_c} ({@code x'_c + μ_c} where {@code s_c = 0})
         * @throws IllegalArgumentException if {@code row} does not have one value per column
         */
        public double[] invert(double[] row) {
            check(row);
            double[] out = new double[row.length];
            for (int c = 0; c < row.length; c++) {
                out[c] = row[c] * (sd[c] > 0 ? sd[c] : 1.0) + mean[c];
            }
            return out;
        }

        private void check(double[] row) {
            if (row.length != mean.length) {
                throw new IllegalArgumentException("a row of " + row.length + " values was given, but the statistics"
                        + " are of " + mean.length + " columns");
            }
        }
    }

    /**
     * @param x         one row per sample (not changed)
     * @param trainRows the rows whose statistics are used
     * @return each column's {@code μ} and {@code s} over {@code trainRows}
     */
    public static Statistics statistics(double[][] x, int[] trainRows) {
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
        return new Statistics(mean, sd);
    }

    /**
     * @param x         one row per sample (not changed)
     * @param trainRows the rows whose statistics are used
     * @return a standardised copy of every row
     */
    public static double[][] byTrainingRows(double[][] x, int[] trainRows) {
        Statistics s = statistics(x, trainRows);
        double[][] out = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            out[r] = s.apply(x[r]);
        }
        return out;
    }
}

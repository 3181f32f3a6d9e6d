package org.backproplab.engine;

/**
 * The in-place loops of the hot path, on the backing arrays of the layers' {@code RealMatrix} objects.
 * Every forward and backward computation in the engine goes through these, so the same inputs always
 * give bit-identical results whichever way they are stepped.
 */
final class Kernels {
    private Kernels() {
    }

    /** {@code z = a W + b} for one sample (row vector {@code a}); {@code b} may be null. */
    static void affine(double[] a, double[][] w, double[] b, double[] z) {
        int m = z.length;
        if (b == null) {
            java.util.Arrays.fill(z, 0.0);
        } else {
            System.arraycopy(b, 0, z, 0, m);
        }
        for (int i = 0; i < a.length; i++) {
            double ai = a[i];
            double[] wi = w[i];
            for (int j = 0; j < m; j++) {
                z[j] += ai * wi[j];
            }
        }
    }

    /** {@code a = f(z)} element-wise. */
    static void activate(Activation f, double[] z, double[] a) {
        switch (f) {
            case SIGMOID -> {
                for (int j = 0; j < z.length; j++) {
                    a[j] = 1.0 / (1.0 + Math.exp(-z[j]));
                }
            }
            default -> {
                for (int j = 0; j < z.length; j++) {
                    a[j] = f.value(z[j]);
                }
            }
        }
    }

    /** {@code δ = g ⊙ f'(z)} element-wise, where {@code g = ∂L/∂a}. */
    static void delta(Activation f, double[] g, double[] z, double[] a, double[] d) {
        if (f == Activation.SIGMOID) {
            for (int j = 0; j < d.length; j++) {
                d[j] = g[j] * (a[j] * (1.0 - a[j]));
            }
        } else {
            for (int j = 0; j < d.length; j++) {
                d[j] = g[j] * f.derivative(z[j], a[j]);
            }
        }
    }

    /** {@code g = δ Wᵀ} for one sample: {@code g_i = Σ_j δ_j W_ij}. */
    static void backThrough(double[] d, double[][] w, double[] g) {
        for (int i = 0; i < g.length; i++) {
            double[] wi = w[i];
            double s = 0.0;
            for (int j = 0; j < d.length; j++) {
                s += d[j] * wi[j];
            }
            g[i] = s;
        }
    }

    /**
     * {@code ∂L/∂W = (a^{l-1})ᵀ δ^l} and {@code ∂L/∂b = Σ_samples δ^l} over the first {@code rows} samples;
     * {@code gb} may be null.
     */
    static void gradients(double[][] aPrev, double[][] d, int rows, double[][] gw, double[] gb) {
        for (double[] row : gw) {
            java.util.Arrays.fill(row, 0.0);
        }
        for (int r = 0; r < rows; r++) {
            double[] ar = aPrev[r];
            double[] dr = d[r];
            for (int i = 0; i < ar.length; i++) {
                double ai = ar[i];
                double[] gi = gw[i];
                for (int j = 0; j < dr.length; j++) {
                    gi[j] += ai * dr[j];
                }
            }
        }
        if (gb != null) {
            java.util.Arrays.fill(gb, 0.0);
            for (int r = 0; r < rows; r++) {
                double[] dr = d[r];
                for (int j = 0; j < gb.length; j++) {
                    gb[j] += dr[j];
                }
            }
        }
    }

    /** @return a deep copy of the first {@code rows} rows */
    static double[][] copy(double[][] m, int rows) {
        double[][] c = new double[rows][];
        for (int r = 0; r < rows; r++) {
            c[r] = m[r].clone();
        }
        return c;
    }

    /** @return a deep copy */
    static double[][] copy(double[][] m) {
        return copy(m, m.length);
    }
}

package org.backproplab.engine;

/**
 * The in-place loops of the hot path, on the backing arrays of the layers' {@code RealMatrix} objects.
 * Every forward and backward computation in the engine goes through these, so the same inputs always
 * give bit-identical results whichever way they are stepped.
 */
final class Kernels {
    private Kernels() {
    }

    /**
     * {@code z = a W + b} for one sample (row vector {@code a}); {@code b} may be null. The rows of
     * {@code W} are taken four at a time, {@code z_j += ((a_i W_ij + a_{i+1} W_{i+1,j}) + a_{i+2} W_{i+2,j})
     * + a_{i+3} W_{i+3,j}}, so that {@code z} is loaded and stored once per four rows (the inner loop
     * vectorises); this fixes the rounding order, and every caller shares it.
     */
    static void affine(double[] a, double[][] w, double[] b, double[] z) {
        int m = z.length;
        if (b == null) {
            java.util.Arrays.fill(z, 0.0);
        } else {
            System.arraycopy(b, 0, z, 0, m);
        }
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double a0 = a[i];
            double a1 = a[i + 1];
            double a2 = a[i + 2];
            double a3 = a[i + 3];
            double[] w0 = w[i];
            double[] w1 = w[i + 1];
            double[] w2 = w[i + 2];
            double[] w3 = w[i + 3];
            for (int j = 0; j < m; j++) {
                z[j] += a0 * w0[j] + a1 * w1[j] + a2 * w2[j] + a3 * w3[j];
            }
        }
        for (; i < n; i++) {
            double ai = a[i];
            double[] wi = w[i];
            for (int j = 0; j < m; j++) {
                z[j] += ai * wi[j];
            }
        }
    }

    /** {@code a = f(z)} element-wise, or {@code a = softmax(z)} over the whole layer. */
    static void activate(Activation f, double[] z, double[] a) {
        switch (f) {
            case SOFTMAX -> softmax(z, a);
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

    /**
     * {@code a_j = e^{z_j − m} / Σ_k e^{z_k − m}} with {@code m = max_k z_k}: the largest exponential is
     * {@code e^0 = 1}, so the sum lies in {@code [1, n]} and nothing overflows or divides by zero.
     */
    static void softmax(double[] z, double[] a) {
        double m = max(z);
        double s = 0.0;
        for (int j = 0; j < z.length; j++) {
            a[j] = Math.exp(z[j] - m);
            s += a[j];
        }
        for (int j = 0; j < z.length; j++) {
            a[j] /= s;
        }
    }

    /** @return {@code ln Σ_k e^{z_k} = m + ln Σ_k e^{z_k − m}} with {@code m = max_k z_k} (log-sum-exp) */
    static double logSumExp(double[] z) {
        double m = max(z);
        double s = 0.0;
        for (double v : z) {
            s += Math.exp(v - m);
        }
        return m + Math.log(s);
    }

    private static double max(double[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * {@code δ = g ⊙ f'(z)} element-wise, where {@code g = ∂L/∂a}; for softmax the full Jacobian–vector
     * product {@code δ_j = Σ_i g_i ∂a_i/∂z_j = a_j (g_j − Σ_k g_k a_k)}.
     */
    static void delta(Activation f, double[] g, double[] z, double[] a, double[] d) {
        if (f == Activation.SOFTMAX) {
            double ga = 0.0;
            for (int k = 0; k < d.length; k++) {
                ga += g[k] * a[k];
            }
            for (int j = 0; j < d.length; j++) {
                d[j] = a[j] * (g[j] - ga);
            }
        } else if (f == Activation.SIGMOID) {
            for (int j = 0; j < d.length; j++) {
                d[j] = g[j] * (a[j] * (1.0 - a[j]));
            }
        } else {
            for (int j = 0; j < d.length; j++) {
                d[j] = g[j] * f.derivative(z[j], a[j]);
            }
        }
    }

    /**
     * {@code δ = (ŷ Σ_k y_k − y)·c}: softmax followed by cross-entropy, whose Jacobian product simplifies to this
     * ({@code = (ŷ − y)·c} for one-hot {@code y}); {@code c} is the batch factor {@code 1/n}. Computed
     * directly, it stays finite where {@code ∂L/∂ŷ = −y/ŷ} would not.
     */
    static void softmaxCrossEntropyDelta(double[] yHat, double[] y, double c, double[] d) {
        double sy = 0.0;
        for (double v : y) {
            sy += v;
        }
        for (int j = 0; j < d.length; j++) {
            d[j] = (yHat[j] * sy - y[j]) * c;
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
     * {@code gb} may be null. Samples are taken four at a time,
     * {@code ∂L/∂W_ij += ((a_ri δ_rj + a_{r+1,i} δ_{r+1,j}) + a_{r+2,i} δ_{r+2,j}) + a_{r+3,i} δ_{r+3,j}},
     * so that each row of {@code ∂L/∂W} is loaded and stored once per four samples.
     */
    static void gradients(double[][] aPrev, double[][] d, int rows, double[][] gw, double[] gb) {
        for (double[] row : gw) {
            java.util.Arrays.fill(row, 0.0);
        }
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            double[] a0 = aPrev[r];
            double[] a1 = aPrev[r + 1];
            double[] a2 = aPrev[r + 2];
            double[] a3 = aPrev[r + 3];
            double[] d0 = d[r];
            double[] d1 = d[r + 1];
            double[] d2 = d[r + 2];
            double[] d3 = d[r + 3];
            for (int i = 0; i < gw.length; i++) {
                double x0 = a0[i];
                double x1 = a1[i];
                double x2 = a2[i];
                double x3 = a3[i];
                double[] gi = gw[i];
                for (int j = 0; j < gi.length; j++) {
                    gi[j] += x0 * d0[j] + x1 * d1[j] + x2 * d2[j] + x3 * d3[j];
                }
            }
        }
        for (; r < rows; r++) {
            double[] ar = aPrev[r];
            double[] dr = d[r];
            for (int i = 0; i < gw.length; i++) {
                double ai = ar[i];
                double[] gi = gw[i];
                for (int j = 0; j < gi.length; j++) {
                    gi[j] += ai * dr[j];
                }
            }
        }
        if (gb != null) {
            java.util.Arrays.fill(gb, 0.0);
            for (int k = 0; k < rows; k++) {
                double[] dk = d[k];
                for (int j = 0; j < gb.length; j++) {
                    gb[j] += dk[j];
                }
            }
        }
    }

    /**
     * {@code θ ← θ − η g} element-wise.
     *
     * @return a number that is finite if and only if every new {@code θ} is (the sum of {@code 0·θ})
     */
    static double descend(double[] theta, double[] g, double eta) {
        for (int j = 0; j < theta.length; j++) {
            theta[j] -= eta * g[j];
        }
        return finiteness(theta);
    }

    /**
     * {@code v ← μ v − η g}, {@code θ ← θ + v} element-wise.
     *
     * @return a number that is finite if and only if every new {@code θ} is
     */
    static double descend(double[] theta, double[] v, double[] g, double eta, double mu) {
        for (int j = 0; j < theta.length; j++) {
            v[j] = mu * v[j] - eta * g[j];
            theta[j] += v[j];
        }
        return finiteness(theta);
    }

    /**
     * @return {@code Σ 0·θ_j} in four independent sums: 0 if every {@code θ_j} is finite, NaN otherwise
     *         (cheaper than a serial sum of the values, and it cannot overflow)
     */
    static double finiteness(double[] theta) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int j = 0;
        for (; j + 3 < theta.length; j += 4) {
            s0 += theta[j] * 0.0;
            s1 += theta[j + 1] * 0.0;
            s2 += theta[j + 2] * 0.0;
            s3 += theta[j + 3] * 0.0;
        }
        for (; j < theta.length; j++) {
            s0 += theta[j] * 0.0;
        }
        return s0 + s1 + s2 + s3;
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

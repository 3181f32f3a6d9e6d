package org.backproplab.engine;

/**
 * The element-wise updates of the optimisers with memory beyond momentum (momentum and plain gradient descent are
 * {@link Kernels#descend}). Each step is computed by the same function of {@link Optimizer} that the trace uses to
 * show it, so the step shown is the step taken, bit for bit.
 */
final class OptimizerKernels {
    private OptimizerKernels() {
    }

    /**
     * Nesterov: {@code v ← μ v − η g}, {@code θ ← θ + μ v − η g} element-wise.
     *
     * @return a number that is finite if and only if every new {@code θ} is
     */
    static double nesterov(double[] theta, double[] v, double[] g, double eta, double mu) {
        for (int j = 0; j < theta.length; j++) {
            v[j] = mu * v[j] - eta * g[j];
            theta[j] += Optimizer.nesterovStep(v[j], g[j], eta, mu);
        }
        return Kernels.finiteness(theta);
    }

    /**
     * RMSProp: {@code s ← ρ s + (1 − ρ) g²}, {@code θ ← θ − η g / (√s + ε)} element-wise.
     *
     * @return a number that is finite if and only if every new {@code θ} is
     */
    static double rmsprop(double[] theta, double[] s, double[] g, double eta, double rho, double epsilon) {
        for (int j = 0; j < theta.length; j++) {
            s[j] = rho * s[j] + (1 - rho) * (g[j] * g[j]);
            theta[j] += Optimizer.rmspropStep(s[j], g[j], eta, epsilon);
        }
        return Kernels.finiteness(theta);
    }

    /**
     * Adam: {@code m ← β1 m + (1 − β1) g}, {@code v ← β2 v + (1 − β2) g²},
     * {@code θ ← θ − η m̂ / (√v̂ + ε)} with {@code m̂ = m / c1}, {@code v̂ = v / c2} element-wise.
     *
     * @param c1 {@code 1 − β1^t}
     * @param c2 {@code 1 − β2^t}
     * @return a number that is finite if and only if every new {@code θ} is
     */
    static double adam(double[] theta, double[] m, double[] v, double[] g, double eta, Optimizer o, double c1,
                       double c2) {
        double b1 = o.beta1();
        double b2 = o.beta2();
        for (int j = 0; j < theta.length; j++) {
            m[j] = b1 * m[j] + (1 - b1) * g[j];
            v[j] = b2 * v[j] + (1 - b2) * (g[j] * g[j]);
            theta[j] += Optimizer.adamStep(m[j], v[j], eta, o.epsilon(), c1, c2);
        }
        return Kernels.finiteness(theta);
    }
}

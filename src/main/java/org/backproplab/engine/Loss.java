package org.backproplab.engine;

import java.util.Arrays;
import java.util.Locale;

/**
 * A loss function with its gradient. Each loss is a sum over the outputs of one sample, combined over the
 * {@code n} samples of a batch either by a sum ({@link #SSE}) or by a mean ({@link #MSE}, {@link #BCE}).
 */
public enum Loss {
    /**
     * Sum of squares, as the XOR tutorial: {@code L = Σ_samples Σ_outputs (y − ŷ)²};
     * {@code ∂L/∂ŷ = −2(y − ŷ)}.
     */
    SSE("sse", false) {
        @Override public double sampleValue(double yHat, double y) { double e = y - yHat; return e * e; }
        @Override public double sampleGradient(double yHat, double y) { return -2.0 * (y - yHat); }
    },
    /**
     * Mean squared error: {@code L = (1/n) Σ_samples Σ_outputs (ŷ − y)²} (summed over the outputs of a
     * sample, averaged over the samples: with one output this is numpy's {@code mean((ŷ − y)²)});
     * {@code ∂L/∂ŷ = 2(ŷ − y)/n}.
     */
    MSE("mse", true) {
        @Override public double sampleValue(double yHat, double y) { double e = yHat - y; return e * e; }
        @Override public double sampleGradient(double yHat, double y) { return 2.0 * (yHat - y); }
    },
    /**
     * Binary cross-entropy: {@code L = −(1/n) Σ_samples Σ_outputs [y ln ŷ + (1 − y) ln(1 − ŷ)]};
     * {@code ∂L/∂ŷ = (ŷ − y) / (ŷ(1 − ŷ)) / n}. {@code ŷ} is clamped to {@code [ε, 1 − ε]} with
     * {@code ε = 1e-12} so that the value and the gradient stay finite near 0 and 1. Targets must lie in
     * {@code [0, 1]}.
     */
    BCE("bce", true) {
        @Override public double sampleValue(double yHat, double y) {
            double p = clamp(yHat);
            return -(y * Math.log(p) + (1.0 - y) * Math.log(1.0 - p));
        }
        @Override public double sampleGradient(double yHat, double y) {
            double p = clamp(yHat);
            return (p - y) / (p * (1.0 - p));
        }
    },
    /**
     * Categorical cross-entropy over a {@link Activation#SOFTMAX} output:
     * {@code L = −(1/n) Σ_samples Σ_outputs y ln ŷ}, computed from the pre-activations as
     * {@code ln ŷ_k = z_k − ln Σ_j e^{z_j}} (log-sum-exp) so that it stays finite however sure the network is;
     * {@code ∂L/∂ŷ = −y/ŷ / n} and, through the softmax, {@code δ^L = ∂L/∂z^L = (ŷ − y)/n} for one-hot targets
     * (in general {@code (ŷ Σ_k y_k − y)/n}). Targets must lie in {@code [0, 1]}: one-hot rows, one column per class.
     * Refused with any other output activation.
     */
    CROSS_ENTROPY("cross-entropy", true) {
        @Override public double sampleValue(double yHat, double y) { return y == 0.0 ? 0.0 : -y * Math.log(clamp(yHat)); }
        @Override public double sampleGradient(double yHat, double y) { return -y / clamp(yHat); }
        @Override public boolean needsSoftmax() { return true; }
    };

    /** The clamp that keeps {@link #BCE} (and the per-output {@link #CROSS_ENTROPY} gradient) finite. */
    public static final double EPSILON = 1e-12;

    private final String id;
    private final boolean mean;

    Loss(String id, boolean mean) {
        this.id = id;
        this.mean = mean;
    }

    /** @return the contribution of one output of one sample, before combining over samples */
    public abstract double sampleValue(double yHat, double y);

    /** @return {@code ∂/∂ŷ} of {@link #sampleValue}, before the {@code 1/n} of a mean */
    public abstract double sampleGradient(double yHat, double y);

    /**
     * @return true if the loss is defined only over a {@link Activation#SOFTMAX} output ({@link #CROSS_ENTROPY}:
     *         with any other output {@code −Σ y ln ŷ} falls by pushing every output to 1)
     */
    public boolean needsSoftmax() {
        return false;
    }

    /**
     * @throws IllegalArgumentException naming both if this loss cannot train a network whose output layer has
     *                                  {@code output}
     */
    public void checkOutput(Activation output) {
        if (needsSoftmax() && output != Activation.SOFTMAX) {
            throw new IllegalArgumentException("the " + id + " loss needs a softmax output layer, but the output "
                    + "layer is " + output.id() + ": choose softmax for the output layer or another loss");
        }
    }

    /** @return true if samples are averaged ({@code 1/n}), false if summed */
    public boolean isMean() {
        return mean;
    }

    /** @return the factor that combines per-sample values into the batch loss: {@code 1/n} or {@code 1} */
    public double batchFactor(int n) {
        return mean ? 1.0 / n : 1.0;
    }

    /** @return true if {@code y} is an admissible target for this loss (BCE needs {@code 0 ≤ y ≤ 1}) */
    public boolean acceptsTarget(double y) {
        return (this != BCE && this != CROSS_ENTROPY) || (y >= 0.0 && y <= 1.0);
    }

    /** @return the name used in files and on the command line */
    public String id() {
        return id;
    }

    /**
     * @return the loss named {@code id} (case-insensitive)
     * @throws IllegalArgumentException naming the value and the known names if there is none
     */
    public static Loss fromId(String id) {
        if (id != null) {
            String key = id.trim().toLowerCase(Locale.ROOT);
            for (Loss l : values()) {
                if (l.id.equals(key)) {
                    return l;
                }
            }
        }
        throw new IllegalArgumentException("unknown loss '" + id + "': expected one of "
                + Arrays.stream(values()).map(Loss::id).toList());
    }

    private static double clamp(double p) {
        return Math.min(1.0 - EPSILON, Math.max(EPSILON, p));
    }
}

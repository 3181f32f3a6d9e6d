package org.backproplab.engine.exercise;

import java.util.HashMap;
import java.util.Map;
import org.backproplab.engine.Activation;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;

/**
 * One iteration recomputed from its inputs with the engine's functions ({@link Activation}, {@link Loss}), with the
 * student's earlier answers for the sample on show put in place of the true values ("carry my value"), and at most
 * one {@link Mistake} made. Without answers and without a mistake it gives the trace's numbers.
 *
 * <p>Batch rows are {@code k}; the sample on show is row {@code r}. Weights {@code W} are the ones the iteration
 * used (before its update).
 */
final class Calc {
    private final Network w;
    private final IterationTrace t;
    private final Loss loss;
    private final double eta;
    /** The penalty on the weights, whose gradient is part of {@code ∂L/∂W}. */
    private final org.backproplab.engine.Regularization penalty;
    private final int r;
    private final int n;
    private final Mistake m;
    private final Map<Quantity, Double> carried;
    private final Map<String, Double> memo = new HashMap<>();

    Calc(Network weightsUsed, IterationTrace t, org.backproplab.engine.TrainingConfig config, int row, Mistake m,
         Map<Quantity, Double> carried) {
        this.w = weightsUsed;
        this.t = t;
        this.loss = config.loss();
        this.eta = config.learningRate();
        this.penalty = config.regularization();
        this.r = row;
        this.n = t.samples().length;
        this.m = m;
        this.carried = carried;
    }

    double value(Quantity q) {
        return switch (q.kind()) {
            case Z -> z(q.layer(), q.to(), r);
            case A -> a(q.layer(), q.to(), r);
            case LOSS -> sampleLoss();
            case DELTA -> delta(q.layer(), q.to(), r);
            case DLDW -> dLdw(q.layer(), q.from(), q.to());
            case DW -> dw(q.layer(), q.from(), q.to());
            case NEW_W -> newW(q.layer(), q.from(), q.to());
            case DLDB -> dLdb(q.layer(), q.to());
            case NEW_B -> newB(q.layer(), q.to());
        };
    }

    private Double carry(Quantity q, int k) {
        return k == r || q.kind().onEdge() ? carried.get(q) : null;
    }

    /** {@code z_j = Σ_i a_i·W_ij + b_j}; with {@link Mistake#TRANSPOSED_INDEX}, {@code W_ji}. */
    double z(int l, int j, int k) {
        Double c = carry(Quantity.z(l, j), k);
        if (c != null) {
            return c;
        }
        return memo("z", l, j, k, () -> {
            Layer layer = w.layer(l);
            double s = layer.hasBias() ? layer.bias(j) : 0;
            for (int i = 0; i < layer.inputSize(); i++) {
                s += a(l - 1, i, k) * weight(l, i, j, m == Mistake.TRANSPOSED_INDEX);
            }
            return s;
        });
    }

    /** {@code a_j = f(z_j)}; {@code a^0 = x}. */
    double a(int l, int j, int k) {
        if (l == 0) {
            return t.inputs().getEntry(k, j);
        }
        Double c = carry(Quantity.a(l, j), k);
        if (c != null) {
            return c;
        }
        return memo("a", l, j, k, () -> {
            Activation f = w.layer(l).activation();
            if (f.isElementwise()) {
                return f.value(z(l, j, k));
            }
            // softmax: every z of the layer (the student's own where carried)
            double[] zs = new double[w.layer(l).size()];
            for (int o = 0; o < zs.length; o++) {
                zs[o] = z(l, o, k);
            }
            return f.apply(zs)[j];
        });
    }

    /** {@code ℓ = Σ_outputs ℓ(ŷ, y)} of the sample on show. */
    double sampleLoss() {
        Double c = carried.get(Quantity.loss(w.depth()));
        if (c != null) {
            return c;
        }
        int depth = w.depth();
        if (crossEntropyOnLogits()) {
            // as the engine: ℓ = Σ_o y_o (log Σ_k e^{z_k} − z_o), finite however small ŷ_o is
            int m = w.outputSize();
            double max = Double.NEGATIVE_INFINITY;
            for (int o = 0; o < m; o++) {
                max = Math.max(max, z(depth, o, r));
            }
            double sum = 0;
            for (int o = 0; o < m; o++) {
                sum += Math.exp(z(depth, o, r) - max);
            }
            double lse = max + Math.log(sum);
            double s = 0;
            for (int o = 0; o < m; o++) {
                double y = t.targets().getEntry(r, o);
                s += y == 0 ? 0 : y * (lse - z(depth, o, r));
            }
            return s;
        }
        double s = 0;
        for (int o = 0; o < w.outputSize(); o++) {
            s += loss.sampleValue(a(depth, o, r), t.targets().getEntry(r, o));
        }
        return s;
    }

    /**
     * @return true for a softmax output with cross-entropy whose ŷ the student has not given: the engine then works
     *         from z (log-sum-exp, and δ = (ŷ·Σy − y)/n) rather than from a clamped ŷ
     */
    private boolean crossEntropyOnLogits() {
        int depth = w.depth();
        if (loss != Loss.CROSS_ENTROPY || w.layer(depth).activation().isElementwise()) {
            return false;
        }
        for (int o = 0; o < w.outputSize(); o++) {
            if (carry(Quantity.a(depth, o), r) != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code δ^L = ∂L/∂ŷ ⊙ f'(z^L)} with {@code ∂L/∂ŷ} including the loss's {@code 1/n} (a softmax output:
     * {@code δ_j = a_j (g_j − Σ_o g_o a_o)} with {@code g = ∂L/∂ŷ});
     * {@code δ_j = (Σ_k δ_k·W_jk)·f'(z_j)} below.
     */
    double delta(int l, int j, int k) {
        Double c = carry(Quantity.delta(l, j), k);
        if (c != null) {
            return c;
        }
        return memo("d", l, j, k, () -> {
            Activation f = w.layer(l).activation();
            double zj = z(l, j, k);
            double aj = a(l, j, k);
            if (!f.isElementwise()) {
                // a softmax output: δ_j = a_j (g_j − Σ_o g_o a_o), g = ∂L/∂ŷ (with cross-entropy: (ŷ_j − y_j)/n)
                if (m == Mistake.ACTIVATION_FOR_DERIVATIVE) {
                    return Double.NaN;
                }
                if (loss == Loss.CROSS_ENTROPY) {
                    // the pair's δ as the engine computes it, (ŷ_j·Σy − y_j)/n: no 1/ŷ to blow up or clamp
                    double sumY = 0;
                    for (int o = 0; o < w.layer(l).size(); o++) {
                        sumY += t.targets().getEntry(k, o);
                    }
                    double d = (aj * sumY - t.targets().getEntry(k, j)) * loss.batchFactor(n);
                    return m == Mistake.SIGN_FLIPPED ? -d
                            : m == Mistake.FACTOR_2_DROPPED || m == Mistake.FACTOR_2_DOUBLED ? Double.NaN : d;
                }
                double dot = 0;
                for (int o = 0; o < w.layer(l).size(); o++) {
                    double ao = a(l, o, k);
                    dot += outputGradient(o, k, ao) * ao;
                }
                return aj * (outputGradient(j, k, aj) - dot);
            }
            double slope = m == Mistake.ACTIVATION_FOR_DERIVATIVE ? f.value(zj) : f.derivative(zj, aj);
            if (l == w.depth()) {
                return outputGradient(j, k, aj) * slope;
            }
            Layer above = w.layer(l + 1);
            double back = 0;
            for (int o = 0; o < above.size(); o++) {
                double wjo = m == Mistake.UPDATED_BEFORE_BACKPROP ? weight(l + 1, j, o, false) + dw(l + 1, j, o)
                        : weight(l + 1, j, o, m == Mistake.TRANSPOSED_INDEX);
                back += delta(l + 1, o, k) * wjo;
            }
            return back * slope;
        });
    }

    /** {@code ∂L/∂ŷ_j} of row {@code k}, the batch factor included; the sign and the 2 as the mistake makes them. */
    private double outputGradient(int j, int k, double yHat) {
        double g = loss.sampleGradient(yHat, t.targets().getEntry(k, j)) * loss.batchFactor(n);
        boolean squared = loss == Loss.SSE || loss == Loss.MSE;
        return switch (m == null ? Mistake.TRANSPOSED_INDEX : m) {
            case SIGN_FLIPPED -> -g;
            case FACTOR_2_DROPPED -> squared ? g / 2 : Double.NaN;
            case FACTOR_2_DOUBLED -> squared ? g * 2 : Double.NaN;
            default -> g;
        };
    }

    /**
     * {@code ∂L/∂W_ij = Σ_k a_i·δ_j + ∂Ω/∂W_ij}: over the batch (the loss's {@code 1/n}, if any, is in δ), plus the
     * penalty's term ({@code λ·W_ij} for L2, {@code λ·sign(W_ij)} for L1, 0 without a penalty) as the engine adds it.
     */
    double dLdw(int l, int i, int j) {
        Double c = carry(Quantity.dLdw(l, i, j), r);
        if (c != null) {
            return c;
        }
        return memo("g", l, i, j, () -> overBatch(k -> a(l - 1, i, k) * delta(l, j, k))
                + penalty.gradient(weight(l, i, j, false)));
    }

    /**
     * {@code ∂L/∂b_j = Σ_k δ_j} over the batch (the bias's input is 1); with {@link Mistake#BIAS_AS_WEIGHT},
     * {@code Σ_k δ_j·a_j}.
     */
    double dLdb(int l, int j) {
        Double c = carry(Quantity.dLdb(l, j), r);
        if (c != null) {
            return c;
        }
        return memo("gb", l, j, 0, () -> overBatch(k -> delta(l, j, k)
                * (m == Mistake.BIAS_AS_WEIGHT ? a(l, j, k) : 1)));
    }

    /**
     * {@code Σ_k term(k)} over the batch; with {@link Mistake#NOT_SUMMED} the sample on show's term only, with
     * {@link Mistake#BATCH_COMBINED_WRONGLY} averaged where the loss sums or summed where it averages (NaN for a
     * batch of one, where neither can be made).
     */
    private double overBatch(java.util.function.IntToDoubleFunction term) {
        if (m == Mistake.NOT_SUMMED) {
            return n > 1 ? term.applyAsDouble(r) : Double.NaN;
        }
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += term.applyAsDouble(k);
        }
        if (m == Mistake.BATCH_COMBINED_WRONGLY) {
            return n > 1 ? (loss.isMean() ? s * n : s / n) : Double.NaN;
        }
        return s;
    }

    /** {@code ΔW_ij = μ·ΔW_prev − η·∂L/∂W_ij} (the momentum part read from the trace, 0 before UPDATE). */
    double dw(int l, int i, int j) {
        Double c = carry(Quantity.dw(l, i, j), r);
        if (c != null) {
            return c;
        }
        return momentumPart(l, i, j) - rate() * dLdw(l, i, j);
    }

    /** @return η, or 1 with {@link Mistake#ETA_FORGOTTEN}, η² with {@link Mistake#ETA_TWICE} */
    private double rate() {
        return m == Mistake.ETA_FORGOTTEN ? 1 : m == Mistake.ETA_TWICE ? eta * eta : eta;
    }

    /** {@code b_j + Δb_j} with {@code Δb_j = μ·Δb_prev − η·∂L/∂b_j} (the momentum part read from the trace). */
    double newB(int l, int j) {
        Double c = carry(Quantity.newB(l, j), r);
        if (c != null) {
            return c;
        }
        return w.layer(l).bias(j) + biasMomentumPart(l, j) - rate() * dLdb(l, j);
    }

    /** {@code W_ij + ΔW_ij}; with {@link Mistake#TRANSPOSED_INDEX}, {@code W_ji + ΔW_ij}. */
    double newW(int l, int i, int j) {
        Double c = carry(Quantity.newW(l, i, j), r);
        if (c != null) {
            return c;
        }
        return weight(l, i, j, m == Mistake.TRANSPOSED_INDEX) + dw(l, i, j);
    }

    /** {@code μ·ΔW_prev = ΔW + η·∂L/∂W} as the engine applied them, 0 if UPDATE has not run. */
    private double momentumPart(int l, int i, int j) {
        if (!t.isComplete()) {
            return 0;
        }
        return rest(t.weightUpdates().get(l).getEntry(i, j), t.weightGradients().get(l).getEntry(i, j));
    }

    /** {@code μ·Δb_prev = Δb + η·∂L/∂b} of bias {@code j} as the engine applied them, 0 if UPDATE has not run. */
    private double biasMomentumPart(int l, int j) {
        if (!t.isComplete() || t.biasUpdates().get(l) == null) {
            return 0;
        }
        return rest(t.biasUpdates().get(l).getEntry(j), t.biasGradients().get(l).getEntry(j));
    }

    /** @return {@code Δ + η·g}, the part of the step that is not {@code −η·g} (0 where it is rounding only) */
    private double rest(double update, double gradient) {
        double part = update + eta * gradient;
        return Math.abs(part) < 1e-15 * Math.abs(eta * gradient) ? 0 : part;
    }

    /** @return {@code W_ij}, or {@code W_ji} if {@code transposed} (NaN where that weight does not exist) */
    private double weight(int l, int i, int j, boolean transposed) {
        Layer layer = w.layer(l);
        if (!transposed) {
            return layer.weight(i, j);
        }
        return j < layer.inputSize() && i < layer.size() ? layer.weight(j, i) : Double.NaN;
    }

    private double memo(String what, int l, int i, int k, java.util.function.DoubleSupplier f) {
        String key = what + l + ',' + i + ',' + k;
        Double v = memo.get(key);
        if (v == null) {
            v = f.getAsDouble();
            memo.put(key, v);
        }
        return v;
    }
}

package org.backproplab.ui.inspector;

import static org.backproplab.text.NumberText.format;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Loss;

/**
 * The lines a softmax output layer and the cross-entropy loss add to the derivation, with the engine's numbers.
 * Softmax has no per-neuron {@code f'(z)}: its δ is the Jacobian product, which with cross-entropy collapses to
 * {@code ŷ − y}.
 */
final class SoftmaxFormulas {
    private SoftmaxFormulas() {
    }

    /**
     * @param z the layer's pre-activations for the sample
     * @param j the neuron followed
     * @param a {@code ŷ_j} as the engine computed it
     */
    static List<String> forward(double[] z, int j, double a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            m = Math.max(m, v);
        }
        StringBuilder sum = new StringBuilder();
        for (int k = 0; k < z.length; k++) {
            sum.append(k > 0 ? " + " : "").append("e^").append(Formulas.paren(z[k] - m));
        }
        List<String> out = new ArrayList<>();
        out.add("a_j = softmax(z)_j = e^(z_j) / Σ_k e^(z_k)   (each z minus max z = " + format(m) + ", so nothing overflows)");
        out.add("    = e^" + Formulas.paren(z[j] - m) + " / (" + sum + ") = " + format(a));
        return out;
    }

    /** @return the per-sample terms of {@code ℓ = −Σ_k y_k ln ŷ_k}, those with {@code y_k = 0} left out */
    static String crossEntropyTerms(double[] y, double[] yHat) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < y.length; k++) {
            if (y[k] != 0) {
                s.append(s.length() > 0 ? " + " : "").append("−").append(Formulas.paren(y[k])).append("·ln")
                        .append(Formulas.paren(yHat[k]));
            }
        }
        return s.length() == 0 ? "0" : s.toString();
    }

    /**
     * δ of output neuron {@code j}: {@code (ŷ_j − y_j)/n} with cross-entropy, otherwise the Jacobian product
     * {@code ŷ_j (g_j − Σ_k g_k ŷ_k)} with {@code g = ∂L/∂ŷ}.
     */
    static List<String> outputDelta(Loss loss, int j, double[] yHat, double[] y, double[] g, int n, double delta) {
        List<String> out = new ArrayList<>();
        if (loss == Loss.CROSS_ENTROPY) {
            out.add("δ_j = ∂L/∂z_j = (ŷ_j − y_j)/n   (softmax with cross-entropy: −y/ŷ and the softmax Jacobian cancel)");
            out.add("    = (" + format(yHat[j]) + " − " + format(y[j]) + ")/" + n + " = " + format(delta));
            return out;
        }
        double ga = 0;
        for (int k = 0; k < g.length; k++) {
            ga += g[k] * yHat[k];
        }
        out.add("δ_j = Σ_k ∂L/∂ŷ_k·∂ŷ_k/∂z_j = ŷ_j (∂L/∂ŷ_j − Σ_k ∂L/∂ŷ_k·ŷ_k)   (softmax: every output depends on every z)");
        out.add("    = " + Formulas.paren(yHat[j]) + "·(" + format(g[j]) + " − " + Formulas.paren(ga) + ") = " + format(delta));
        return out;
    }
}

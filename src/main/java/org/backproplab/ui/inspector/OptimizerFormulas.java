package org.backproplab.ui.inspector;

import static org.backproplab.text.NumberText.format;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.OptimizerState;
import org.backproplab.engine.Regularization;

/**
 * The lines of an optimiser's update of one weight with the engine's numbers: the memory after the update is
 * read from the trace's {@link OptimizerState}, the step from its {@code ΔW}; only the bias corrections
 * {@code m̂ = m/(1 − β1^t)}, {@code v̂ = v/(1 − β2^t)} are recomputed, with the engine's own
 * {@link Optimizer#correction}. Also the penalty's term of {@code ∂L/∂W} and of the loss.
 */
final class OptimizerFormulas {
    private OptimizerFormulas() {
    }

    /** The weight followed: {@code W^l[i][j]}, or {@code b^l[j]} for {@code i = −1}; named {@code w} or {@code b}. */
    record Param(int l, int i, int j, String name) {
        double of(OptimizerState s, OptimizerState.Slot slot) {
            return i < 0 ? s.bias(slot, l, j) : s.weight(slot, l, i, j);
        }
    }

    /**
     * @param after the optimiser's memory after the update
     * @param g     {@code ∂L/∂w} the update used
     * @param dw    the step it took
     * @return the lines of a Nesterov, RMSProp or Adam update that has run (gradient descent and momentum are
     *         {@link Formulas#update}'s own)
     */
    static List<String> applied(Optimizer o, double eta, OptimizerState after, Param p, double g, double dw) {
        String w = p.name();
        String grad = "∂L/∂" + w;
        List<String> out = new ArrayList<>();
        switch (o.kind()) {
            case NESTEROV -> {
                double v = p.of(after, OptimizerState.Slot.VELOCITY);
                out.add("v = μ·v_prev − η·" + grad + " = " + format(v) + "   (μ: " + format(o.mu()) + ", η: "
                        + format(eta) + ")");
                out.add("Δ" + w + " = μ·v − η·" + grad + " = " + paren(o.mu()) + paren(v) + " − " + paren(eta)
                        + paren(g) + " = " + signed(dw));
            }
            case RMSPROP -> {
                double s = p.of(after, OptimizerState.Slot.MEAN_SQUARE);
                out.add("s = ρ·s_prev + (1 − ρ)·(" + grad + ")² = " + format(s) + "   (ρ: " + format(o.rho()) + ")");
                out.add("Δ" + w + " = −η·" + grad + "/(√s + ε) = −" + paren(eta) + paren(g) + "/(√" + paren(s)
                        + " + " + format(o.epsilon()) + ") = " + signed(dw));
            }
            case ADAM -> {
                long t = after.adamStep();
                double m = p.of(after, OptimizerState.Slot.FIRST_MOMENT);
                double v = p.of(after, OptimizerState.Slot.SECOND_MOMENT);
                double c1 = Optimizer.correction(o.beta1(), t);
                double c2 = Optimizer.correction(o.beta2(), t);
                double mHat = m / c1;
                double vHat = v / c2;
                out.add("g = " + grad + " = " + format(g) + "   (update t = " + t + ")");
                out.add("m = β1·m_prev + (1 − β1)·g = " + format(m) + "   (β1: " + format(o.beta1()) + ")");
                out.add("v = β2·v_prev + (1 − β2)·g² = " + format(v) + "   (β2: " + format(o.beta2()) + ")");
                out.add("m̂ = m/(1 − β1^t) = " + paren(m) + "/" + paren(c1) + " = " + format(mHat));
                out.add("v̂ = v/(1 − β2^t) = " + paren(v) + "/" + paren(c2) + " = " + format(vHat));
                out.add("Δ" + w + " = −η·m̂/(√v̂ + ε) = −" + paren(eta) + paren(mHat) + "/(√" + paren(vHat) + " + "
                        + format(o.epsilon()) + ") = " + signed(dw));
            }
            default -> throw new IllegalArgumentException(o.kind() + " is drawn by Formulas");
        }
        return out;
    }

    /** @return the planned update of an optimiser with memory: its formula; the numbers come when UPDATE runs */
    static String planned(Optimizer o, String w) {
        String grad = "∂L/∂" + w;
        return switch (o.kind()) {
            case NESTEROV -> "Δ" + w + " = μ·v − η·" + grad + ",  v = μ·v_prev − η·" + grad;
            case RMSPROP -> "Δ" + w + " = −η·" + grad + "/(√s + ε),  s = ρ·s_prev + (1 − ρ)·(" + grad + ")²";
            case ADAM -> "Δ" + w + " = −η·m̂/(√v̂ + ε)  (" + o.describe(org.backproplab.text.NumberText::format) + ")";
            default -> throw new IllegalArgumentException(o.kind() + " is drawn by Formulas");
        } + "   (its numbers show once UPDATE has run: they depend on the optimiser's memory)";
    }

    /** @return the penalty's term of {@code ∂L/∂w}, e.g. "λ·w_ij" (L2) or "λ·sign(w_ij)" (L1) */
    static String penaltyTerm(Regularization r, String w) {
        return r.kind() == Regularization.Kind.L2 ? "λ·" + w : "λ·sign(" + w + ")";
    }

    /** @return {@code ∂L/∂w = ∂L_data/∂w + penalty term} with the numbers, for a weight {@code w} (not a bias) */
    static String gradientLine(Regularization r, String what, String w, double weight, double g) {
        double pen = r.gradient(weight);
        String factor = r.kind() == Regularization.Kind.L2 ? paren(weight) : "sign" + paren(weight);
        return what + " = ∂L_data/∂" + w + " + " + penaltyTerm(r, w) + " = " + paren(g - pen) + " + "
                + paren(r.lambda()) + "·" + factor + " = " + format(g) + "   (" + r.kind().title() + ")";
    }

    /** @return {@code L = L_data + Ω} with the numbers, e.g. "L = L_data + (λ/2)·Σ W² = 0.25 + 0.01 = 0.26" */
    static String lossLine(Regularization r, double dataLoss, double penalty, double loss) {
        String omega = r.kind() == Regularization.Kind.L2 ? "(λ/2)·Σ W²" : "λ·Σ |W|";
        return "L = L_data + " + omega + " = " + format(dataLoss) + " + " + format(penalty) + " = " + format(loss)
                + "   (λ: " + format(r.lambda()) + ")";
    }

    private static String paren(double v) {
        return Sums.paren(v);
    }

    private static String signed(double v) {
        return Formulas.signed(v);
    }
}

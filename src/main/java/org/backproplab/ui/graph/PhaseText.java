package org.backproplab.ui.graph;

import static org.backproplab.ui.graph.GraphText.num;
import static org.backproplab.ui.graph.GraphText.sup;

import org.backproplab.engine.Activation;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.backproplab.engine.Phase;
import org.backproplab.engine.TrainingConfig;

/** The captions of the phases, with the glossary's symbols: {@code Forward 1: z¹ = a⁰·W¹ + b¹, a¹ = σ(z¹)}. */
final class PhaseText {
    private PhaseText() {
    }

    /**
     * @param loss the batch loss of the trace (shown by the LOSS caption)
     * @return the caption of {@code p} on {@code net}
     */
    static String caption(Phase p, Network net, TrainingConfig config, double loss) {
        int l = p.layer();
        return switch (p.kind()) {
            case FORWARD -> "Forward " + l + ":  z" + sup(l) + " = a" + sup(l - 1) + "·W" + sup(l)
                    + (net.layer(l).hasBias() ? " + b" + sup(l) : "") + ",   a" + sup(l) + " = "
                    + apply(net.layer(l).activation(), "z" + sup(l));
            case LOSS -> "Loss:  L = " + lossFormula(config.loss()) + penalty(config.regularization()) + " = " + num(loss);
            case BACKWARD -> "Backward " + l + ":  δ" + sup(l) + " = " + delta(net, l, config.loss())
                    + ",   ∂L/∂W" + sup(l) + " = (a" + sup(l - 1) + ")ᵀ·δ" + sup(l);
            case UPDATE -> switch (config.optimizer().kind()) {
                case SGD -> "Update:  W ← W − η·∂L/∂W   (η = " + num(config.learningRate()) + ")";
                case MOMENTUM -> "Update:  ΔW = μ·ΔW − η·∂L/∂W,  W ← W + ΔW   (η = " + num(config.learningRate())
                        + ", μ = " + num(config.momentum()) + ")";
                case NESTEROV -> "Update:  v = μ·v − η·∂L/∂W,  W ← W + μ·v − η·∂L/∂W   (η = "
                        + num(config.learningRate()) + ", μ = " + num(config.momentum()) + ")";
                case RMSPROP -> "Update:  s = ρ·s + (1 − ρ)·g²,  W ← W − η·g/(√s + ε)   (η = "
                        + num(config.learningRate()) + ", " + config.optimizer().describe(GraphText::num) + ")";
                case ADAM -> "Update:  W ← W − η·m̂/(√v̂ + ε)   (η = " + num(config.learningRate()) + ", "
                        + config.optimizer().describe(GraphText::num) + ")";
            };
        };
    }

    /** @return the penalty's term of the loss, e.g. " + (λ/2)·Σ W²", or nothing without regularization */
    private static String penalty(org.backproplab.engine.Regularization r) {
        if (r.isOff()) {
            return "";
        }
        return (r.kind() == org.backproplab.engine.Regularization.Kind.L2 ? " + (λ/2)·Σ W²" : " + λ·Σ |W|")
                + " (λ = " + num(r.lambda()) + ")";
    }

    /**
     * @param samples the samples the gradients on the edges are summed over
     * @return what the numbers of a highlighted phase mean, for the second caption line: a gradient summed over
     *         a batch is marked Σ, the neurons' values are one sample's
     */
    static String numbersNote(Phase p, int samples) {
        return switch (p.kind()) {
            case FORWARD -> "edges: w   ·   neurons: z and a";
            case LOSS -> "output: ŷ, target y and the sample's loss ℓ";
            case BACKWARD -> samples > 1 ? "edges: Σ ∂L/∂w over " + samples + " samples   ·   neurons: δ of one sample"
                    : "edges: ∂L/∂w   ·   neurons: δ = ∂L/∂z";
            case UPDATE -> "edges: Δw, the change just applied";
        };
    }

    /** @return the phase's name without its formula (lecture mode: the derivation panel has it), e.g. "Backward 2" */
    static String shortCaption(Phase p, double loss) {
        return switch (p.kind()) {
            case FORWARD -> "Forward " + p.layer();
            case LOSS -> "Loss  L = " + num(loss);
            case BACKWARD -> "Backward " + p.layer();
            case UPDATE -> "Update";
        };
    }

    /** @return the right-hand side of {@code δ^l = …}: softmax has no element-wise {@code f'} */
    private static String delta(Network net, int l, Loss loss) {
        Activation f = net.layer(l).activation();
        if (f == Activation.SOFTMAX) {
            return loss == Loss.CROSS_ENTROPY ? "(ŷ − y)/n   (softmax with cross-entropy)"
                    : "ŷ ⊙ (∂L/∂ŷ − (∂L/∂ŷ·ŷ))   (softmax Jacobian)";
        }
        return (l == net.depth() ? "∂L/∂ŷ" : "(δ" + sup(l + 1) + "·(W" + sup(l + 1) + ")ᵀ)")
                + " ⊙ " + derivative(f, "z" + sup(l));
    }

    static String apply(Activation f, String arg) {
        return f == Activation.LINEAR ? arg : f.symbol() + "(" + arg + ")";
    }

    static String derivative(Activation f, String arg) {
        return f == Activation.LINEAR ? "1" : f.symbol() + "'(" + arg + ")";
    }

    static String lossFormula(Loss loss) {
        return switch (loss) {
            case SSE -> "Σ (y − ŷ)²";
            case MSE -> "mean (ŷ − y)²";
            case BCE -> "−mean [y·ln ŷ + (1 − y)·ln(1 − ŷ)]";
            case CROSS_ENTROPY -> "−mean Σ_k y_k·ln ŷ_k";
        };
    }

    /**
     * @return e.g. "σ sigmoid", "tanh", "ReLU", "LReLU leaky ReLU" for a column header: the symbol and the name the
     *         legends and the Runs table use ({@link Activation#title()})
     */
    static String activationName(Activation f) {
        return f.symbol().equalsIgnoreCase(f.title()) ? f.title() : f.symbol() + " " + f.title();
    }
}

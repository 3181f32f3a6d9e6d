package org.backproplab.io;

import java.util.List;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.text.NumberText;

/**
 * The UPDATE phase of an exported script, in one place: each optimiser is one {@link Optimiser} constant holding
 * its Python snippet, each regulariser one {@link Penalty} constant. A new optimiser or regulariser of the engine
 * is a new constant here and one more case in {@link #optimiser} or {@link #penalty}; nothing else in the exporter
 * changes. The snippets work on one parameter array {@code p} (a {@code W[l]} or a {@code b[l]}) with its gradient
 * {@code g = ∂L/∂p} and a dictionary {@code state} of arrays shaped like {@code p} (the optimiser's memory, e.g.
 * the momentum's {@code v}), and must compute exactly what the engine's UPDATE computes, in the same order.
 */
final class PythonUpdateRules {
    private PythonUpdateRules() {
    }

    /** An optimiser as Python: its constants, the state it keeps per parameter, and its update of {@code p}. */
    enum Optimiser {
        /** {@code w ← w − η g}. */
        SGD("plain gradient descent: w ← w − η ∂L/∂w",
                List.of(),
                List.of(
                        PythonSnippets.line("    p -= ETA * g", "w ← w − η ∂L/∂w"))),
        /** {@code v ← μ v − η g; w ← w + v}. */
        MOMENTUM("momentum: v ← μ v − η ∂L/∂w, then w ← w + v",
                List.of("v"),
                List.of(
                        PythonSnippets.line("    state[\"v\"] = MU * state[\"v\"] - ETA * g", "v ← μ v − η ∂L/∂w (ΔW, the step, remembered)"),
                        PythonSnippets.line("    p += state[\"v\"]", "w ← w + v")));

        final String description;
        /** The names of the arrays it keeps per parameter, each starting at 0 (or the app's values). */
        final List<String> state;
        /** The body of {@code update(p, g, state)}, one statement per line, indented by four spaces. */
        final List<String> body;

        Optimiser(String description, List<String> state, List<String> body) {
            this.description = description;
            this.state = state;
            this.body = body;
        }

        /** @return the constants this optimiser reads besides {@code ETA}, one assignment per line */
        List<String> constants(TrainingConfig c) {
            return this == MOMENTUM ? List.of(PythonSnippets.line("MU = " + NumberText.editable(c.momentum()),
                    "momentum μ: how much of the last step is kept")) : List.of();
        }
    }

    /** A regulariser as Python: its term of the loss and its term of {@code ∂L/∂W} (weights only, never biases). */
    enum Penalty {
        /** No penalty: the loss is the data loss. */
        NONE("none", "0.0", null);

        final String description;
        /** A Python expression of the penalty over the list {@code W} (index 0 unused). */
        final String loss;
        /** A Python expression of {@code W[l]} added to {@code ∂L/∂W[l]} (e.g. {@code LAMBDA * W[l]}), or null for none. */
        final String gradient;

        Penalty(String description, String loss, String gradient) {
            this.description = description;
            this.loss = loss;
            this.gradient = gradient;
        }
    }

    /** @return the optimiser {@code c} trains with: momentum when {@code μ > 0}, else plain gradient descent */
    static Optimiser optimiser(TrainingConfig c) {
        return c.momentum() != 0.0 ? Optimiser.MOMENTUM : Optimiser.SGD;
    }

    /** @return the penalty {@code c} adds to the loss (none: the engine has no regularisation yet) */
    static Penalty penalty(TrainingConfig c) {
        return Penalty.NONE;
    }
}

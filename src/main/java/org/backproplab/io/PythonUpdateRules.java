package org.backproplab.io;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.OptimizerState;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.TrainingConfig;

import static org.backproplab.io.PythonSnippets.line;

/**
 * The UPDATE phase of an exported script, in one place: each optimiser of the engine ({@link Optimizer.Kind}) is one
 * {@link Optimiser} constant holding its Python snippet, each penalty ({@link Regularization.Kind}) one
 * {@link Penalty} constant. A new optimiser or regulariser of the engine is a new constant here and one more case in
 * {@link #optimiser} or {@link #penalty} (the switches do not compile without it); nothing else in the exporter
 * changes. The snippets work on one parameter array {@code p} (a {@code W[l]} or a {@code b[l]}) with its gradient
 * {@code g = ∂L/∂p} (the penalty's part included) and a dictionary {@code state} of what the optimiser remembers
 * for that parameter (arrays shaped like {@code p}, e.g. the momentum's {@code v}, and Adam's update count
 * {@code t}), and compute exactly what the engine's UPDATE computes ({@code Optimizer}, {@code OptimizerKernels}),
 * in the same order, so that the numbers agree to the last bit or nearly.
 */
final class PythonUpdateRules {
    private PythonUpdateRules() {
    }

    /**
     * One thing an optimiser remembers per parameter.
     *
     * @param name    its key in {@code state}
     * @param slot    the engine's buffer it copies when the export starts mid-run, or null for Adam's count {@code t}
     * @param meaning what it is, for the script's comment
     */
    record Memory(String name, OptimizerState.Slot slot, String meaning) {
    }

    /** An optimiser as Python: its constants, what it remembers per parameter, and its update of {@code p}. */
    enum Optimiser {
        /** {@code w ← w − η g}. */
        SGD("plain gradient descent", List.of("w ← w − η ∂L/∂w"),
                List.of(),
                List.of(
                        line("    p -= ETA * g", "w ← w − η ∂L/∂w"))),
        /** {@code v ← μ v − η g; w ← w + v}. */
        MOMENTUM("momentum", List.of("v ← μ v − η ∂L/∂w", "w ← w + v"),
                List.of(new Memory("v", OptimizerState.Slot.VELOCITY, "v, the last step ΔW")),
                List.of(
                        line("    state[\"v\"] = MU * state[\"v\"] - ETA * g", "v ← μ v − η ∂L/∂w (ΔW, the step, remembered)"),
                        line("    p += state[\"v\"]", "w ← w + v"))),
        /** {@code v ← μ v − η g; w ← w + μ v − η g}. */
        NESTEROV("Nesterov momentum", List.of("v ← μ v − η ∂L/∂w", "w ← w + μ v − η ∂L/∂w"),
                List.of(new Memory("v", OptimizerState.Slot.VELOCITY, "v, the velocity")),
                List.of(
                        line("    state[\"v\"] = MU * state[\"v\"] - ETA * g", "v ← μ v − η ∂L/∂w (the velocity)"),
                        line("    p += MU * state[\"v\"] - ETA * g", "w ← w + μ v − η ∂L/∂w (a step looking ahead along v)"))),
        /** {@code s ← ρ s + (1 − ρ) g²; w ← w − η g / (√s + ε)}. */
        RMSPROP("RMSProp", List.of("s ← ρ s + (1 − ρ) (∂L/∂w)²", "w ← w − η ∂L/∂w / (√s + ε)"),
                List.of(new Memory("s", OptimizerState.Slot.MEAN_SQUARE, "s, the running mean of (∂L/∂w)²")),
                List.of(
                        line("    state[\"s\"] = RHO * state[\"s\"] + (1.0 - RHO) * (g * g)", "s ← ρ s + (1 − ρ) (∂L/∂w)²"),
                        line("    p -= ETA * g / (np.sqrt(state[\"s\"]) + EPS)", "w ← w − η ∂L/∂w / (√s + ε): big gradients take smaller steps"))),
        /** {@code m ← β1 m + (1 − β1) g; v ← β2 v + (1 − β2) g²; w ← w − η m̂ / (√v̂ + ε)}. */
        ADAM("Adam", List.of("t ← t + 1", "m ← β1 m + (1 − β1) ∂L/∂w", "v ← β2 v + (1 − β2) (∂L/∂w)²",
                "m̂ = m / (1 − β1^t),  v̂ = v / (1 − β2^t)", "w ← w − η m̂ / (√v̂ + ε)"),
                List.of(new Memory("m", OptimizerState.Slot.FIRST_MOMENT, "m, the running mean of ∂L/∂w"),
                        new Memory("v", OptimizerState.Slot.SECOND_MOMENT, "v, the running mean of (∂L/∂w)²"),
                        new Memory("t", null, "t, how many Adam updates there have been")),
                List.of(
                        line("    state[\"t\"] += 1", "t: the number of this update, counting from 1"),
                        line("    state[\"m\"] = BETA1 * state[\"m\"] + (1.0 - BETA1) * g", "m ← β1 m + (1 − β1) ∂L/∂w"),
                        line("    state[\"v\"] = BETA2 * state[\"v\"] + (1.0 - BETA2) * (g * g)", "v ← β2 v + (1 − β2) (∂L/∂w)²"),
                        line("    m_hat = state[\"m\"] / (1.0 - BETA1 ** state[\"t\"])", "m̂ = m / (1 − β1^t): m without its bias towards 0"),
                        line("    v_hat = state[\"v\"] / (1.0 - BETA2 ** state[\"t\"])", "v̂ = v / (1 − β2^t)"),
                        line("    p -= ETA * m_hat / (np.sqrt(v_hat) + EPS)", "w ← w − η m̂ / (√v̂ + ε)")));

        /** Its name, e.g. {@code Adam}. */
        final String title;
        /** Its formulas per weight {@code w} (and bias), in the order they are computed. */
        final List<String> formulas;
        /** What it keeps per parameter: arrays starting at 0 (or the app's values), and Adam's {@code t}. */
        final List<Memory> state;
        /** The body of {@code update(p, g, state)}, one statement per line, indented by four spaces. */
        final List<String> body;

        Optimiser(String title, List<String> formulas, List<Memory> state, List<String> body) {
            this.title = title;
            this.formulas = formulas;
            this.state = state;
            this.body = body;
        }

        /** @return the constants this optimiser reads besides {@code ETA}, one assignment per line */
        List<String> constants(TrainingConfig c) {
            Optimizer o = c.optimizer();
            List<String> lines = new ArrayList<>();
            for (Optimizer.Parameter p : o.kind().parameters()) {
                String value = PythonExport.literal(p.of(o));
                lines.add(switch (p) {
                    case MU -> line("MU = " + value, "momentum μ: how much of the last step is kept");
                    case RHO -> line("RHO = " + value, "ρ: how much of the running mean s is kept");
                    case BETA1 -> line("BETA1 = " + value, "β1: how much of the running mean m is kept");
                    case BETA2 -> line("BETA2 = " + value, "β2: how much of the running mean v is kept");
                    case EPSILON -> line("EPS = " + value, "ε: keeps the step finite where √s or √v̂ is 0");
                });
            }
            return lines;
        }
    }

    /**
     * A regulariser as Python: its term {@code Ω} of the loss and its term {@code ∂Ω/∂W} of {@code ∂L/∂W}, on the
     * weights only, never the biases.
     */
    enum Penalty {
        /** No penalty: the loss is the data loss. */
        NONE("none", null, null, null),
        /** {@code Ω = (λ/2) Σ W²}, {@code ∂Ω/∂W = λ W}. */
        L2("L2 (weight decay): Ω = (λ/2) Σ W², ∂Ω/∂W = λ W",
                List.of(line("            total += w * w", "Σ W², weight by weight"),
                        line("    return LAMBDA / 2 * total", "Ω = (λ/2) Σ W²")),
                "LAMBDA * W[l]", "∂L/∂W += ∂Ω/∂W = λ W"),
        /** {@code Ω = λ Σ |W|}, {@code ∂Ω/∂W = λ sign(W)}. */
        L1("L1: Ω = λ Σ |W|, ∂Ω/∂W = λ sign(W)",
                List.of(line("            total += abs(w)", "Σ |W|, weight by weight"),
                        line("    return LAMBDA * total", "Ω = λ Σ |W|")),
                "LAMBDA * np.sign(W[l])", "∂L/∂W += ∂Ω/∂W = λ sign(W), sign(0) = 0");

        final String description;
        /** The end of the body of {@code penalty()}: the sum's step inside the loop over the weights, then the return. */
        private final List<String> sum;
        /** A Python expression of {@code W[l]} added to {@code ∂L/∂W[l]} (e.g. {@code LAMBDA * W[l]}), or null for none. */
        final String gradient;
        /** The formula of {@link #gradient}, for its comment. */
        final String gradientFormula;

        Penalty(String description, List<String> sum, String gradient, String gradientFormula) {
            this.description = description;
            this.sum = sum;
            this.gradient = gradient;
            this.gradientFormula = gradientFormula;
        }

        /** @return {@code penalty()}, the term Ω of the loss over every weight, summed in the app's order */
        List<String> function() {
            List<String> f = new ArrayList<>(List.of(
                    line("def penalty():", description),
                    "    total = 0.0",
                    "    for l in range(1, L + 1):",
                    line("        for w in W[l].flat:", "row by row, as the app adds them (never the biases)")));
            f.add(sum.get(0));
            f.add(sum.get(1));
            return f;
        }

        /** @return {@code LAMBDA = λ} (nothing without a penalty) */
        List<String> constants(TrainingConfig c) {
            return this == NONE ? List.of() : List.of(line("LAMBDA = " + PythonExport.literal(c.regularization().lambda()),
                    "λ: the strength of the penalty on the weights"));
        }
    }

    /** @return the optimiser {@code c} trains with */
    static Optimiser optimiser(TrainingConfig c) {
        return switch (c.optimizer().kind()) {
            case SGD -> Optimiser.SGD;
            case MOMENTUM -> Optimiser.MOMENTUM;
            case NESTEROV -> Optimiser.NESTEROV;
            case RMSPROP -> Optimiser.RMSPROP;
            case ADAM -> Optimiser.ADAM;
        };
    }

    /** @return the penalty {@code c} adds to the loss: none when it is off (no penalty, or {@code λ = 0}) */
    static Penalty penalty(TrainingConfig c) {
        Regularization r = c.regularization();
        if (r.isOff()) {
            return Penalty.NONE;
        }
        return switch (r.kind()) {
            case NONE -> Penalty.NONE;
            case L1 -> Penalty.L1;
            case L2 -> Penalty.L2;
        };
    }
}

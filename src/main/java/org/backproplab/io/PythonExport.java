package org.backproplab.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.engine.OptimizerState;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainerState;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.text.NumberText;

import static org.backproplab.io.PythonSnippets.line;

/**
 * File → Export as code: a self-contained Python 3 script, NumPy its only import, that rebuilds a network from the
 * weights of a {@link TrainerState} and trains it as the engine does (the same samples in the same order, loss,
 * activations, batch mode, η and optimiser), printing the training loss every {@code every} iterations and every
 * sample's output at the end: the numbers the app shows. Weights and data are written as exact literals
 * ({@link NumberText#editable}: every double reads back as itself). The script is commented with the app's
 * glossary ({@code W, b, z, a, δ}). The optimiser's and the regulariser's part come from {@link PythonUpdateRules}.
 *
 * <p>What the script prints, one line each, ASCII only: {@code iteration K  loss L[  test loss T]} at the start and
 * every {@code every} iterations (and after the last), then {@code sample R  y_hat v1 v2 …} for every sample
 * (numbered from 1, in data-set order; {@code (test)} after a held-out one). Numbers are Python's {@code repr}:
 * exact.
 */
public final class PythonExport {
    /** The file name ending the save dialog suggests. */
    public static final String EXTENSION = ".py";

    private static final int INTS_PER_LINE = 20;

    private final List<String> out = new ArrayList<>();

    private PythonExport() {
    }

    /**
     * @param title      a name for the header comment, e.g. the preset's ({@code "xor"}); anything that is not
     *                   printable is written as a space, so a title can never end the comment
     * @param start      where the script starts: weights, data, configuration, iteration count, momentum
     * @param iterations how many iterations the script runs from there
     * @param every      print the loss every this many iterations
     * @return the script
     * @throws IllegalArgumentException naming the value if {@code iterations} is negative or would pass
     *                                  {@link Trainer#MAX_ITERATION}, or {@code every} is below 1
     */
    public static String script(String title, TrainerState start, long iterations, long every) {
        if (iterations < 0 || iterations > Trainer.MAX_ITERATION - start.iteration()) {
            throw new IllegalArgumentException("iterations " + iterations + " are not allowed: expected 0 to "
                    + (Trainer.MAX_ITERATION - start.iteration()) + " from iteration " + start.iteration());
        }
        if (every < 1) {
            throw new IllegalArgumentException("printing the loss every " + every
                    + " iterations is not allowed: expected 1 or more");
        }
        PythonExport e = new PythonExport();
        e.header(printable(title), start, iterations, every);
        e.data(start);
        e.network(start);
        e.settings(start, iterations, every);
        e.functions(start);
        e.schedule();
        e.training(start);
        return String.join("\n", e.out) + "\n";
    }

    // ---- sections ---------------------------------------------------------------------------------

    private void header(String title, TrainerState s, long iterations, long every) {
        TrainingConfig c = s.config();
        Network net = s.network();
        add("#!/usr/bin/env python3",
                "# " + title + ": a network exported from Backprop Lab (File → Export as code).",
                "#",
                "# This script rebuilds the network " + org.backproplab.engine.WorkLimits.shape(net.inputSize(), net.specs()) + " with the weights it had at iteration "
                        + s.iteration() + " and trains it",
                "# for " + iterations + " iterations as Backprop Lab does: the same samples in the same order, "
                        + "the same loss (" + c.loss().id() + "),",
                "# activations, batch mode (" + batchText(c) + ") and learning rate η,",
                "# " + penaltyText(c) + ",",
                "# and the optimiser " + PythonUpdateRules.optimiser(c).title + ", per weight w (and bias):");
        for (String f : PythonUpdateRules.optimiser(c).formulas) {
            add("#   " + f);
        }
        add("# It prints the training loss every " + every + " iterations and, at the end, the output ŷ of every "
                        + "sample: the",
                "# numbers the app shows (they agree to about 12 significant digits). It needs only Python 3 "
                        + "and NumPy.",
                "#",
                "# The names are the app's glossary:",
                "#   x = a[0]  the inputs of the samples of a batch, one row per sample",
                "#   W[l]      the weights of layer l: one row per neuron of layer l−1, one column per neuron of layer l",
                "#   b[l]      the biases of layer l (None where the layer has no bias)",
                "#   z[l]      the pre-activations  z[l] = a[l−1] W[l] + b[l]",
                "#   a[l]      the activations      a[l] = f(z[l]);  a[L] = ŷ is the prediction, y the target",
                "#   δ[l]      the deltas           δ[l] = ∂L/∂z[l]  (written delta below)",
                "#   gW[l]     ∂L/∂W[l] = a[l−1]ᵀ δ[l];   gb[l] = ∂L/∂b[l] = Σ over the samples of δ[l]",
                "#   η, ETA    the learning rate",
                "",
                "import numpy as np",
                "");
    }

    private void data(TrainerState s) {
        double[][] x = s.inputs();
        double[][] y = s.targets();
        int[] test = s.testRows();
        section("The samples: X holds the inputs x, Y the targets y, one row per sample");
        add("X = " + matrix(x), "Y = " + matrix(y));
        if (test.length == 0) {
            add(line("TRAIN_ROWS = np.arange(" + x.length + ")", "every sample trains, in this order"),
                    line("TEST_ROWS = np.arange(0)", "none held out"));
        } else {
            add("# the rows that train, in this order", "TRAIN_ROWS = " + ints(org.backproplab.data.StratifiedSplit.trainRows(x.length, test)),
                    "# the rows held out: never trained on, only evaluated (the test loss)", "TEST_ROWS = " + ints(test));
        }
        add("");
    }

    private void network(TrainerState s) {
        Network net = s.network();
        int depth = net.depth();
        section("The network at iteration " + s.iteration());
        add(line("L = " + depth, "weight layers 1..L; layer 0 is the inputs"),
                line("W = [None] * (L + 1)", "W[0] and b[0] stay None: the inputs have no weights"),
                "b = [None] * (L + 1)");
        for (int l = 1; l <= depth; l++) {
            Layer layer = net.layer(l);
            add("# layer " + l + ": " + layer.size() + " neuron" + (layer.size() == 1 ? "" : "s") + ", "
                    + layer.activation().id() + (layer.hasBias() ? "" : ", no bias"));
            add("W[" + l + "] = " + matrix(layer.weights().getData()));
            if (layer.hasBias()) {
                add("b[" + l + "] = " + vector(layer.bias().toArray()));
            }
        }
        add("");
    }

    private void settings(TrainerState s, long iterations, long every) {
        TrainingConfig c = s.config();
        section("How it trains");
        add(line("ETA = " + NumberText.editable(c.learningRate()), "learning rate η"));
        add(PythonUpdateRules.optimiser(c).constants(c));
        add(PythonUpdateRules.penalty(c).constants(c));
        add(line("BATCH_SIZE = " + c.batch().size(), "samples per update; 0: all training rows at once (full batch)"),
                line("SHUFFLE = " + (c.shuffle() ? "True" : "False"), "True: every epoch visits the training rows in a new order"),
                line("SEED = " + c.seed(), "the seed of that order"),
                line("START = " + s.iteration(), "how many updates the weights above had had"),
                line("ITERATIONS = " + iterations, "updates to run (one iteration = one update)"),
                line("EVERY = " + every, "print the loss every EVERY iterations"),
                "");
    }

    private void functions(TrainerState s) {
        Network net = s.network();
        TrainingConfig c = s.config();
        Set<Activation> used = new LinkedHashSet<>();
        StringJoiner fs = new StringJoiner(", ", "f = [None, ", "]");
        StringJoiner ds = new StringJoiner(", ", "f_derivative = [None, ", "]");
        for (Layer layer : net.layers()) {
            used.add(layer.activation());
            fs.add(PythonSnippets.name(layer.activation()));
            ds.add(layer.activation().isElementwise() ? PythonSnippets.name(layer.activation()) + "_derivative" : "None");
        }
        section("Activations f and their derivatives f' (softmax's is in output_delta)");
        for (Activation f : used) {
            add(PythonSnippets.activation(f));
            add("");
        }
        add(line(fs.toString(), "f[l]: the activation of layer l"), ds.toString(), "");

        section("FORWARD: a[0] = x, then z[l] = a[l−1] W[l] + b[l] and a[l] = f(z[l]) for l = 1 … L");
        add("def forward(x):",
                "    z = [None] * (L + 1)",
                "    a = [None] * (L + 1)",
                line("    a[0] = x", "the inputs, one row per sample"),
                "    for l in range(1, L + 1):",
                line("        z[l] = a[l - 1] @ W[l]", "each neuron sums its inputs times their weights …"),
                "        if b[l] is not None:",
                line("            z[l] = z[l] + b[l]", "… plus its bias"),
                line("        a[l] = f[l](z[l])", "a = f(z)"),
                "    return z, a",
                "");

        section("LOSS L and its gradient");
        add(PythonSnippets.loss(c.loss()));
        add("");
        PythonUpdateRules.Penalty penalty = PythonUpdateRules.penalty(c);
        if (penalty != PythonUpdateRules.Penalty.NONE) {
            add(penalty.function());
            add("");
        }

        section("BACKWARD: δ[L] at the output, then δ[l] = (δ[l+1] W[l+1]ᵀ) ⊙ f'(z[l]) down to layer 1");
        add("def output_delta(z_out, y_hat, y):");
        add(PythonSnippets.outputDelta(c.loss(), net.layer(net.depth()).activation()));
        add("",
                "def backward(z, a, y):",
                "    gW = [None] * (L + 1)",
                "    gb = [None] * (L + 1)",
                line("    delta = output_delta(z[L], a[L], y)", "δ[L] = ∂L/∂z[L]"),
                "    for l in range(L, 0, -1):",
                line("        gW[l] = a[l - 1].T @ delta", "∂L/∂W[l] = a[l−1]ᵀ δ[l]: summed over the batch"));
        if (penalty.gradient != null) {
            add(line("        gW[l] = gW[l] + " + penalty.gradient, penalty.gradientFormula));
        }
        add("        if b[l] is not None:",
                line("            gb[l] = delta.sum(axis=0)", "∂L/∂b[l] = Σ over the samples of δ[l]"),
                "        if l > 1:",
                line("            delta = (delta @ W[l].T) * f_derivative[l - 1](z[l - 1], a[l - 1])", "δ[l−1] = (δ[l] W[l]ᵀ) ⊙ f'(z[l−1])"),
                "    return gW, gb",
                "");

        PythonUpdateRules.Optimiser opt = PythonUpdateRules.optimiser(c);
        section("UPDATE, for every W[l] and b[l]: " + opt.title + ", its formulas beside its lines");
        add("def update(p, g, state):");
        add(opt.body);
        add("");
        states(s, opt);
    }

    /**
     * The optimiser's memory per parameter: zeros (and Adam's count {@code t} as the app has it), or, when the start
     * state has them, the app's values, so a run exported mid-way goes on exactly as in the app.
     */
    private void states(TrainerState s, PythonUpdateRules.Optimiser opt) {
        OptimizerState memory = s.optimizerState();
        StringJoiner init = new StringJoiner(", ", "{", "}");
        for (PythonUpdateRules.Memory m : opt.state) {
            init.add("\"" + m.name() + "\": " + (m.slot() == null ? Long.toString(memory.adamStep()) : "np.zeros_like(p)"));
        }
        add(opt.state.isEmpty() ? "# " + opt.title + " remembers nothing between updates"
                : "# what " + opt.title + " remembers for each W[l] and b[l]:");
        for (PythonUpdateRules.Memory m : opt.state) {
            add("#   " + m.meaning() + (m.slot() == null ? " (" + memory.adamStep() + " at iteration " + s.iteration() + ")" : ""));
        }
        add("def new_state(p):",
                "    return " + init,
                "",
                "state_W = [None] + [new_state(W[l]) for l in range(1, L + 1)]",
                "state_b = [None] + [new_state(b[l]) if b[l] is not None else None for l in range(1, L + 1)]");
        for (PythonUpdateRules.Memory m : opt.state) {
            if (m.slot() != null && memory.has(m.slot())) {
                double[][][] w = memory.weights(m.slot());
                double[][] b = memory.biases(m.slot());
                add("# " + m.meaning() + ", as the app's run left it");
                for (int l = 1; l < w.length; l++) {
                    add("state_W[" + l + "][\"" + m.name() + "\"] = " + matrix(w[l]));
                    if (b[l] != null) {
                        add("state_b[" + l + "][\"" + m.name() + "\"] = " + vector(b[l]));
                    }
                }
            }
        }
        add("");
    }

    private void schedule() {
        section("Which samples iteration k uses: batch k mod B of epoch k div B (B batches per epoch)");
        add(PythonSchedule.LINES);
    }

    private void training(TrainerState s) {
        boolean penalty = PythonUpdateRules.penalty(s.config()) != PythonUpdateRules.Penalty.NONE;
        String lossOf = penalty ? line("    return loss(z[L], a[L], Y[rows]) + penalty()", "L = data loss + Ω, as the chart shows it")
                : "    return loss(z[L], a[L], Y[rows])";
        section("Training: FORWARD, LOSS, BACKWARD and UPDATE, once per iteration");
        add(line("def loss_over(rows):", "L over the given rows, with the weights now"),
                "    z, a = forward(X[rows])",
                lossOf,
                "",
                line("def report(k):", "prints the loss after k updates, as the chart shows it"),
                line("    line = \"iteration %d  loss %r\" % (k, float(loss_over(TRAIN_ROWS)))",
                        "%r: every digit"),
                "    if len(TEST_ROWS) > 0:",
                line("        line += \"  test loss %r\" % float(loss_over(TEST_ROWS))", "the held-out rows' loss"),
                "    print(line)",
                "",
                line("report(START)", "the loss before training"),
                line("for k in range(START, START + ITERATIONS):", "iteration k: the (k+1)-th update"),
                line("    rows = batch_rows(k)", "the samples of this iteration"),
                line("    z, a = forward(X[rows])", "FORWARD"),
                line("    gW, gb = backward(z, a, Y[rows])", "LOSS gradient and BACKWARD"),
                line("    for l in range(1, L + 1):", "UPDATE"),
                line("        update(W[l], gW[l], state_W[l])", "W[l] ← its new value"),
                "        if b[l] is not None:",
                line("            update(b[l], gb[l], state_b[l])", "b[l] ← its new value"),
                line("    done = k + 1 - START", "updates made by this script"),
                "    if done % EVERY == 0 or done == ITERATIONS:",
                "        report(k + 1)",
                "",
                "# The outputs ŷ = a[L] of every sample with the trained weights",
                line("z, a = forward(X)", "every sample, training and test rows"),
                "held_out = set(TEST_ROWS.tolist())",
                line("for r in range(len(X)):", "sample r + 1 of the data table"),
                line("    values = \" \".join(repr(float(v)) for v in a[L][r])", "ŷ, every digit"),
                "    print(\"sample %d  y_hat %s%s\" % (r + 1, values, \"  (test)\" if r in held_out else \"\"))");
    }

    // ---- text -------------------------------------------------------------------------------------

    private void section(String title) {
        String head = "# ---- " + title + " ";
        add(head + "-".repeat(Math.max(4, 110 - head.length())));
    }

    private void add(String... lines) {
        out.addAll(List.of(lines));
    }

    private void add(List<String> lines) {
        out.addAll(lines);
    }

    /** @return {@code np.array([...], dtype=float)} with one row per line, exact */
    static String matrix(double[][] m) {
        StringBuilder b = new StringBuilder("np.array([\n");
        for (double[] row : m) {
            b.append("    ").append(row(row)).append(",\n");
        }
        return b.append("], dtype=float)").toString();
    }

    private static String vector(double[] v) {
        return "np.array(" + row(v) + ", dtype=float)";
    }

    private static String row(double[] v) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (double d : v) {
            j.add(literal(d));
        }
        return j.toString();
    }

    /** @return {@code v} as a Python literal that reads back as exactly {@code v} (whole numbers without a point) */
    static String literal(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("the value " + v + " cannot be exported: expected a finite number");
        }
        return v == 0.0 && 1 / v < 0 ? "-0.0" : NumberText.editable(v);
    }

    /** @return {@code np.array([...])} of whole numbers, {@value #INTS_PER_LINE} to a line */
    private static String ints(int[] v) {
        StringBuilder b = new StringBuilder("np.array([");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : i % INTS_PER_LINE == 0 ? ",\n    " : ", ").append(v[i]);
        }
        return b.append("])").toString();
    }

    private static String penaltyText(TrainingConfig c) {
        PythonUpdateRules.Penalty p = PythonUpdateRules.penalty(c);
        return p == PythonUpdateRules.Penalty.NONE ? "no penalty on the weights"
                : "the penalty on the weights " + p.description + " (the loss is L = data loss + Ω)";
    }

    private static String batchText(TrainingConfig c) {
        String size = c.batch().size() == 1 ? "one sample per update" : "mini-batches of " + c.batch().size();
        return c.batch().isFull() ? "full batch" : size + (c.shuffle() ? ", shuffled every epoch" : ", in order");
    }

    /** @return {@code s} with every character that is not printable (a line break, a control) as a space */
    private static String printable(String s) {
        if (s == null || s.isBlank()) {
            return "network";
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp)
                || Character.getType(cp) == Character.LINE_SEPARATOR
                || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR ? ' ' : cp));
        return b.toString().strip();
    }
}

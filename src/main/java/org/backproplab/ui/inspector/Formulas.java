package org.backproplab.ui.inspector;

import static org.backproplab.text.NumberText.format;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.data.Dataset;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.backproplab.engine.Phase;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.text.NumberText;

/**
 * The formula of each phase with the engine's numbers substituted, for one sample and one weight. Every
 * result shown (z, a, loss, ∂L/∂ŷ, δ, ∂L/∂W, ΔW) is read from an {@link IterationTrace}; only the
 * intermediate factors ({@code f'(z)}, sums of products) are recomputed, with the engine's own functions.
 * Weights come from the network the trace ran with.
 *
 * <p>A sum over a neuron's inputs shows every non-zero term (the terms that are 0 collapsed, see {@link Sums}).
 * A sum over the samples of a batch (the loss, ∂L/∂W) is marked "Σ over n samples": folded, it shows the
 * sample on show's own term and the sum; expanded, every sample's term.
 */
final class Formulas {

    private final Network net;
    private final Dataset data;
    private final IterationTrace t;
    private final Loss loss;
    private final double eta;
    private final Optimizer optimizer;
    private final Regularization regularization;
    /** The batch row shown and the name of its sample. */
    private final int r;
    private final String sampleName;
    private final EdgeRef edge;
    private boolean expand;
    private boolean compare;

    /**
     * @param net    the weights the trace's forward and backward phases used
     * @param sample the data-set row to show, or −1 for the first of the batch
     * @param edge   the weight of interest (its layer's neuron is followed through every phase)
     */
    Formulas(Network net, Dataset data, IterationTrace t, Loss loss, double eta, double momentum, int sample, EdgeRef edge) {
        this(net, data, t, new TrainingConfig(loss, eta, BatchMode.FULL, momentum, false, Initializer.XAVIER, 0),
                sample, edge);
    }

    /** @param c the loss, η, optimiser and regularization of the trace (the rest is not used) */
    Formulas(Network net, Dataset data, IterationTrace t, TrainingConfig c, int sample, EdgeRef edge) {
        this.net = net;
        this.data = data;
        this.t = t;
        this.loss = c.loss();
        this.eta = c.learningRate();
        this.optimizer = c.optimizer();
        this.regularization = c.regularization();
        int row = 0;
        int[] samples = t.samples();
        for (int k = 0; k < samples.length; k++) {
            if (samples[k] == sample) {
                row = k;
            }
        }
        this.r = row;
        this.sampleName = data.label(samples[row]);
        this.edge = edge;
    }

    /** Adds to the output layer's backward phase its δ under cross-entropy and under squared error ({@code true}). */
    Formulas compareLosses(boolean compare) {
        this.compare = compare;
        return this;
    }

    /** @return true if {@code p} is the output layer's backward phase of a sigmoid or softmax output */
    boolean canCompareLosses(Phase p) {
        return p.kind() == Phase.Kind.BACKWARD && p.layer() == net.depth()
                && LossComparison.appliesTo(net.layer(net.depth()).activation());
    }

    /** @return the comparison of both losses' δ for the output neuron followed, or nothing */
    private List<String> comparison(int l, int j) {
        if (!compare || !LossComparison.appliesTo(net.layer(l).activation()) || l != net.depth()) {
            return List.of();
        }
        return LossComparison.lines(net.layer(l).activation(), t.activations().get(l).getRow(r),
                t.targets().getRow(r), j, batchSize());
    }

    /** Writes the sums over the samples of the batch out term by term ({@code true}) or folded. */
    Formulas expandSums(boolean expand) {
        this.expand = expand;
        return this;
    }

    /** @return true if the lines of {@code p} hold a sum over the samples of the batch (which can be expanded) */
    boolean hasBatchSum(Phase p) {
        return batchSize() > 1 && (p.kind() == Phase.Kind.LOSS || p.kind() == Phase.Kind.BACKWARD);
    }

    /** @return e.g. "Σ over 4 samples" */
    private String over() {
        return "Σ over " + batchSize() + " samples";
    }

    /** @return the number of samples in the batch */
    int batchSize() {
        return t.samples().length;
    }

    /** @return the label of the sample the per-sample formulas use */
    String sampleName() {
        return sampleName;
    }

    /** @return the neuron of layer {@code l} followed: the edge's target in its layer, its source below it, else 0 */
    int neuron(int l) {
        if (l == edge.layer()) {
            return edge.to();
        }
        if (l == edge.layer() - 1 && edge.from() >= 0) {
            return edge.from();
        }
        return 0;
    }

    private String name(int l, int j) {
        return NeuronNames.of(net, data, l, j);
    }

    /** @return the lines explaining {@code p} (which must have run in the trace) */
    List<String> lines(Phase p) {
        return switch (p.kind()) {
            case FORWARD -> forward(p.layer());
            case LOSS -> loss();
            case BACKWARD -> backward(p.layer());
            case UPDATE -> update();
        };
    }

    /** @return a title for {@code p}, e.g. "Forward, layer 1 · neuron h2 · sample 01" */
    String title(Phase p) {
        return switch (p.kind()) {
            case FORWARD -> "Forward, layer " + p.layer() + " · neuron " + name(p.layer(), neuron(p.layer())) + " · sample " + sampleName;
            case LOSS -> "Loss (" + loss.id() + ") · sample " + sampleName;
            case BACKWARD -> "Backward, layer " + p.layer() + " · neuron " + name(p.layer(), neuron(p.layer())) + " · sample " + sampleName;
            case UPDATE -> "Update · " + edgeName();
        };
    }

    private String edgeName() {
        int l = edge.layer();
        return edge.isBias() ? "bias b" + l + " of " + name(l, edge.to())
                : "weight W" + l + " " + name(l - 1, edge.from()) + "→" + name(l, edge.to());
    }

    List<String> forward(int l) {
        int j = neuron(l);
        Layer layer = net.layer(l);
        RealMatrix below = t.activations().get(l - 1);
        List<String> out = new ArrayList<>();
        out.add("z_j = Σ_i a_i·W_ij" + (layer.hasBias() ? " + b_j" : ""));
        int n = layer.inputSize();
        double[] inputs = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            inputs[i] = below.getEntry(r, i);
            w[i] = layer.weight(i, j);
        }
        StringBuilder sum = new StringBuilder("    = ").append(Sums.products(inputs, w));
        if (layer.hasBias()) {
            sum.append(" + ").append(paren(layer.bias(j)));
        }
        double z = t.preActivations().get(l).getEntry(r, j);
        double a = t.activations().get(l).getEntry(r, j);
        out.add(sum.append(" = ").append(format(z)).toString());
        Activation f = layer.activation();
        if (f == Activation.SOFTMAX) {
            out.addAll(SoftmaxFormulas.forward(t.preActivations().get(l).getRow(r), j, a));
            return out;
        }
        out.add(f == Activation.LINEAR ? "a_j = z_j = " + format(a)
                : "a_j = " + f.symbol() + "(z_j) = " + f.symbol() + "(" + format(z) + ") = " + format(a));
        return out;
    }

    List<String> loss() {
        int depth = net.depth();
        RealMatrix yHat = t.activations().get(depth);
        RealMatrix y = t.targets();
        List<String> out = new ArrayList<>();
        int outputs = yHat.getColumnDimension();
        String over = outputs > 1 ? " Σ_outputs" : "";
        switch (loss) {
            case SSE -> out.add("L = Σ_samples" + over + " (y − ŷ)²");
            case MSE -> out.add("L = (1/n) Σ_samples" + over + " (ŷ − y)²");
            case BCE -> {
                out.add("L = (1/n) Σ_samples" + over + " ℓ");
                out.add("ℓ = −[y·ln ŷ + (1 − y)·ln(1 − ŷ)]");
            }
            case CROSS_ENTROPY -> {
                out.add("L = (1/n) Σ_samples ℓ");
                out.add("ℓ = −Σ_k y_k·ln ŷ_k   (ln ŷ_k = z_k − ln Σ_j e^(z_j))");
            }
        }
        StringBuilder terms = new StringBuilder();
        if (loss == Loss.CROSS_ENTROPY) {
            terms.append(SoftmaxFormulas.crossEntropyTerms(y.getRow(r), yHat.getRow(r)));
        }
        for (int k = 0; k < outputs && loss != Loss.CROSS_ENTROPY; k++) {
            double yk = y.getEntry(r, k);
            double pk = yHat.getEntry(r, k);
            terms.append(k > 0 ? " + " : "").append(switch (loss) {
                case SSE -> "(" + format(yk) + " − " + format(pk) + ")²";
                case MSE -> "(" + format(pk) + " − " + format(yk) + ")²";
                case BCE -> "−[" + paren(yk) + "·ln" + paren(pk) + " + " + paren(1 - yk) + "·ln" + paren(1 - pk) + "]";
                case CROSS_ENTROPY -> "";
            });
        }
        out.add("sample " + sampleName + ": " + terms + " = " + format(t.sampleLosses()[r]));
        int n = batchSize();
        boolean penalised = !regularization.isOff();
        String big = penalised ? "L_data" : "L";
        double dataLoss = penalised ? t.dataLoss() : t.loss();
        if (n > 1 && expand) {
            String all = Sums.terms(t.sampleLosses());
            out.add(big + " = " + over() + " = " + (loss.isMean() ? "(1/" + n + ")(" + all + ")" : all) + " = "
                    + format(dataLoss));
        } else if (n > 1) {
            out.add(big + " = " + (loss.isMean() ? "(1/" + n + ") " : "") + over() + " of ℓ = " + format(dataLoss));
        } else {
            out.add(big + " = " + format(dataLoss));
        }
        if (penalised) {
            out.add(OptimizerFormulas.lossLine(regularization, t.dataLoss(), t.penalty(), t.loss()));
        }
        int k = neuron(depth);
        double yk = y.getEntry(r, k);
        double pk = yHat.getEntry(r, k);
        String g = format(t.outputGradient().getEntry(r, k));
        out.add(switch (loss) {
            case SSE -> "∂L/∂ŷ = −2(y − ŷ) = −2(" + format(yk) + " − " + format(pk) + ") = " + g;
            case MSE -> "∂L/∂ŷ = 2(ŷ − y)/n = 2(" + format(pk) + " − " + format(yk) + ")/" + n + " = " + g;
            case BCE -> "∂L/∂ŷ = (ŷ − y)/(ŷ(1 − ŷ))/n = (" + format(pk) + " − " + format(yk) + ")/("
                    + format(pk) + "·" + format(1 - pk) + ")/" + n + " = " + g;
            case CROSS_ENTROPY -> "∂L/∂ŷ = −y/ŷ/n = −" + paren(yk) + "/" + paren(pk) + "/" + n + " = " + g;
        });
        return out;
    }

    List<String> backward(int l) {
        int j = neuron(l);
        Layer layer = net.layer(l);
        Activation f = layer.activation();
        if (f == Activation.SOFTMAX) {
            List<String> out = new ArrayList<>(SoftmaxFormulas.outputDelta(loss, j, t.activations().get(l).getRow(r),
                    t.targets().getRow(r), t.outputGradient().getRow(r), batchSize(), t.deltas().get(l).getEntry(r, j)));
            out.addAll(gradient(l));
            out.addAll(comparison(l, j));
            return out;
        }
        double z = t.preActivations().get(l).getEntry(r, j);
        double a = t.activations().get(l).getEntry(r, j);
        double fp = f.derivative(z, a);
        double delta = t.deltas().get(l).getEntry(r, j);
        String fName = f == Activation.SIGMOID ? "σ'" : f.symbol() + "'";
        List<String> out = new ArrayList<>();
        String derivative = f == Activation.SIGMOID
                ? fName + "(z_j) = a_j(1 − a_j) = " + format(a) + "·(1 − " + format(a) + ") = " + format(fp)
                : fName + "(z_j) = " + fName + "(" + format(z) + ") = " + format(fp);
        if (l == net.depth()) {
            double yk = t.targets().getEntry(r, j);
            double g = t.outputGradient().getEntry(r, j);
            out.add(derivative);
            out.add(switch (loss) {
                case SSE -> "δ = −2(y − ŷ)·" + fName + "(z) = −2(" + format(yk) + " − " + format(a) + ")·" + paren(fp);
                case MSE -> "δ = 2(ŷ − y)/n·" + fName + "(z) = 2(" + format(a) + " − " + format(yk) + ")/" + batchSize() + "·" + paren(fp);
                case BCE, CROSS_ENTROPY -> "δ = ∂L/∂ŷ·" + fName + "(z) = " + paren(g) + "·" + paren(fp);
            } + " = " + format(delta));
        } else {
            Layer above = net.layer(l + 1);
            RealMatrix dAbove = t.deltas().get(l + 1);
            int m = above.size();
            double back = 0;
            double[] ds = new double[m];
            double[] ws = new double[m];
            for (int k = 0; k < m; k++) {
                ds[k] = dAbove.getEntry(r, k);
                ws[k] = above.weight(j, k);
                back += ds[k] * ws[k];
            }
            out.add(derivative);
            out.add("δ_j = (Σ_k δ_k·W" + (l + 1) + "_jk)·" + fName + "(z_j)");
            if (fp == 0) {
                // a factor of 0 makes δ 0 whatever the sum: its value says enough
                out.add("    = " + paren(back) + "·(0) = " + format(delta) + "   (" + fName + " = 0: δ_j is 0 whatever the sum)");
            } else {
                out.add("    = (" + Sums.products(ds, ws) + ")·" + paren(fp) + " = " + paren(back) + "·" + paren(fp)
                        + " = " + format(delta));
            }
        }
        out.addAll(gradient(l));
        out.addAll(comparison(l, j));
        return out;
    }

    /**
     * The gradient of the edge of layer {@code l} that the chain follows: {@code ∂L/∂W_ij = Σ δ_j·a_i} over the
     * samples of the batch, marked as that sum; folded, the sample on show's term and the sum.
     */
    private List<String> gradient(int l) {
        int j = neuron(l);
        boolean bias = l == edge.layer() && edge.isBias();
        int i = l == edge.layer() ? edge.from() : neuron(l - 1);
        RealMatrix d = t.deltas().get(l);
        RealMatrix below = t.activations().get(l - 1);
        int n = batchSize();
        String what = bias ? "∂L/∂b_j" : "∂L/∂W_ij";
        String term = bias ? "δ_j" : "δ_j·a_i";
        String where = bias ? "(b of " + name(l, j) + ")" : "(" + name(l - 1, i) + "→" + name(l, j) + ")";
        double g = bias ? t.biasGradients().get(l).getEntry(j) : t.weightGradients().get(l).getEntry(i, j);
        double[] ds = new double[n];
        double[] as = new double[n];
        for (int k = 0; k < n; k++) {
            ds[k] = d.getEntry(k, j);
            as[k] = bias ? 1 : below.getEntry(k, i);
        }
        String mine = bias ? paren(ds[r]) : paren(ds[r]) + "·" + paren(as[r]);
        String named = what + " " + where.strip();
        if (!bias && !regularization.isOff()) {
            // the penalty is its own term: the sum over the batch is ∂L_data/∂W, then λ·W (or λ·sign W) is added
            double full = g;
            g = g - regularization.gradient(net.layer(l).weight(i, j));
            List<String> data = dataGradient(named.replace("∂L/", "∂L_data/"), term, mine, g, ds, as, bias, n);
            data.add(OptimizerFormulas.gradientLine(regularization, "∂L/∂W_ij", "W_ij", net.layer(l).weight(i, j),
                    full));
            return data;
        }
        return dataGradient(named, term, mine, g, ds, as, bias, n);
    }

    /** The sum over the batch that gives {@code g}, as {@link #gradient} shows it. */
    private List<String> dataGradient(String named, String term, String mine, double g, double[] ds, double[] as,
                                      boolean bias, int n) {
        List<String> out = new ArrayList<>();
        if (n == 1) {
            out.add(named + " = " + term);
            out.add("    = " + mine + " = " + format(g));
            return out;
        }
        if (expand) {
            out.add(named);
            out.add("    = " + over() + " of " + term);
            out.add("    = " + (bias ? Sums.terms(ds) : Sums.products(ds, as)) + " = " + format(g));
        } else {
            out.add(named);
            out.add("    = " + over() + " of " + term + " = " + format(g));
            out.add("  sample " + sampleName + ": " + mine + " = " + format(ds[r] * as[r]));
        }
        return out;
    }

    /**
     * @param planned true for the update the next iteration will make (from a preview), false for the one
     *                this trace applied
     * @param wNow    the weight now (after the update if it was applied)
     */
    List<String> update(boolean planned, double wNow) {
        int l = edge.layer();
        int j = edge.to();
        double g = edge.isBias() ? t.biasGradients().get(l).getEntry(j) : t.weightGradients().get(l).getEntry(edge.from(), j);
        String w = edge.isBias() ? "b" : "w";
        List<String> out = new ArrayList<>();
        double dw;
        if (planned) {
            dw = -eta * g;
        } else {
            dw = edge.isBias() ? t.biasUpdates().get(l).getEntry(j) : t.weightUpdates().get(l).getEntry(edge.from(), j);
        }
        if (batchSize() > 1) {
            out.add("∂L/∂" + w + " = " + over() + " = " + format(g));
        }
        Optimizer.Kind kind = optimizer.kind();
        if (kind != Optimizer.Kind.SGD && kind != Optimizer.Kind.MOMENTUM) {
            if (planned) {
                out.add(OptimizerFormulas.planned(optimizer, w));
                return out;
            }
            out.addAll(OptimizerFormulas.applied(optimizer, eta, t.optimizerState(),
                    new OptimizerFormulas.Param(l, edge.isBias() ? -1 : edge.from(), j, w), g, dw));
        } else if (kind == Optimizer.Kind.MOMENTUM) {
            double momentum = optimizer.mu();
            out.add("Δ" + w + " = μ·Δ" + w + "_prev − η·∂L/∂" + w + " = " + signed(dw) + "   (μ: " + format(momentum)
                    + (planned ? "; without μ: " + signed(-eta * g) + ")" : ")"));
        } else {
            out.add("Δ" + w + " = −η·∂L/∂" + w + " = −" + paren(eta) + paren(g) + " = " + signed(dw));
        }
        double before = planned ? wNow : wNow - dw;
        double after = planned ? wNow + dw : wNow;
        out.add(w + " ← " + w + " + Δ" + w + " = " + format(before) + " + " + paren(dw) + " = " + format(after));
        return out;
    }

    private List<String> update() {
        return update(false, edge.isBias() ? net.layer(edge.layer()).bias(edge.to())
                : net.layer(edge.layer()).weight(edge.from(), edge.to()));
    }

    static String paren(double v) {
        return Sums.paren(v);
    }

    static String signed(double v) {
        return (v > 0 ? "+" : "") + format(v);
    }
}

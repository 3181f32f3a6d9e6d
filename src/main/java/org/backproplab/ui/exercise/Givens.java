package org.backproplab.ui.exercise;

import static org.backproplab.text.NumberText.format;

import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.engine.exercise.Quantity;
import org.backproplab.engine.exercise.Worksheet;

/**
 * The numbers a hidden number is computed from, from the engine's trace, for those the graph does not show while
 * the exercise is open (the weight before its update, the other samples' δ of a batch sum, the slope's a).
 */
final class Givens {
    private Givens() {
    }

    /**
     * @param carried the student's earlier answers the exercise carries (empty for the true values): an earlier
     *                number is shown as the student's where it is carried, marked "yours"
     */
    static String of(Quantity q, Worksheet w, TrainingConfig c, Quantity.Names names,
                     java.util.Map<Quantity, Double> carried) {
        IterationTrace t = w.trace();
        Network net = w.weightsUsed();
        int r = w.row();
        int l = q.layer();
        int j = q.to();
        String target = names.neuron(l, j);
        return switch (q.kind()) {
            case Z -> {
                Layer layer = net.layer(l);
                StringBuilder b = new StringBuilder("z = Σ a·w" + (layer.hasBias() ? " + b" : "") + ":  ");
                for (int i = 0; i < layer.inputSize(); i++) {
                    b.append(i > 0 ? " + " : "").append(format(t.activations().get(l - 1).getEntry(r, i)))
                            .append("·").append(paren(layer.weight(i, j)));
                }
                yield layer.hasBias() ? b.append(" + ").append(paren(layer.bias(j))).toString() : b.toString();
            }
            case A -> "a = " + net.layer(l).activation().symbol() + "(z), with your z above";
            case LOSS -> "loss " + c.loss().id() + ", y = " + format(t.targets().getEntry(r, 0)) + ", ŷ = "
                    + format(t.activations().get(l).getEntry(r, 0));
            case DELTA -> delta(q, w, c, names, carried);
            case DLDW -> {
                int n = t.samples().length;
                String mine = "a " + names.neuron(l - 1, q.from()) + " = "
                        + format(t.activations().get(l - 1).getEntry(r, q.from())) + ", with your δ " + target
                        + (carried.containsKey(Quantity.delta(l, j)) ? " = " + format(carried.get(Quantity.delta(l, j))) : "");
                if (n == 1) {
                    yield "∂L/∂w = δ·a:  " + mine;
                }
                StringBuilder b = new StringBuilder("Σ over " + n + " samples of δ·a:  this sample: " + mine
                        + ";  the others (δ, a): ");
                RealMatrix d = t.deltas().get(l);
                boolean first = true;
                for (int k = 0; k < n; k++) {
                    if (k != r) {
                        b.append(first ? "" : ", ").append("(").append(format(d.getEntry(k, j))).append(", ")
                                .append(format(t.activations().get(l - 1).getEntry(k, q.from()))).append(")");
                        first = false;
                    }
                }
                yield b.toString();
            }
            case DW -> "Δw = −η·∂L/∂w" + (c.momentum() != 0 ? " + μ·Δw_prev" : "") + ":  η = "
                    + format(c.learningRate()) + ", ∂L/∂w = " + shown(Quantity.dLdw(l, q.from(), j),
                            t.weightGradients().get(l).getEntry(q.from(), j), carried)
                    + (c.momentum() != 0 ? ", μ·Δw_prev = " + format(w.truth(q)
                            + c.learningRate() * t.weightGradients().get(l).getEntry(q.from(), j)) : "");
            case NEW_W -> "w ← w + Δw:  w before = " + format(net.layer(l).weight(q.from(), j)) + ", with your Δw";
            case DLDB -> dLdb(q, w, names, carried);
            case NEW_B -> "b ← b − η·∂L/∂b" + (c.momentum() != 0 ? " + μ·Δb_prev" : "") + ":  b before = "
                    + format(net.layer(l).bias(j)) + ", η = " + format(c.learningRate()) + ", ∂L/∂b = "
                    + shown(Quantity.dLdb(l, j), t.biasGradients().get(l).getEntry(j), carried);
        };
    }

    /** ∂L/∂b: the δ of the sample on show (the student's where carried) and the other samples' δ of the batch. */
    private static String dLdb(Quantity q, Worksheet w, Quantity.Names names, java.util.Map<Quantity, Double> carried) {
        IterationTrace t = w.trace();
        int l = q.layer();
        int j = q.to();
        int n = t.samples().length;
        String mine = "with your δ " + names.neuron(l, j)
                + (carried.containsKey(Quantity.delta(l, j)) ? " = " + format(carried.get(Quantity.delta(l, j))) : "");
        if (n == 1) {
            return "∂L/∂b = δ (the bias's input is 1):  " + mine;
        }
        StringBuilder b = new StringBuilder("Σ over " + n + " samples of δ (the bias's input is 1):  this sample: "
                + mine + ";  the others' δ: ");
        boolean first = true;
        for (int k = 0; k < n; k++) {
            if (k != w.row()) {
                b.append(first ? "" : ", ").append(format(t.deltas().get(l).getEntry(k, j)));
                first = false;
            }
        }
        return b.toString();
    }

    private static String delta(Quantity q, Worksheet w, TrainingConfig c, Quantity.Names names,
                                java.util.Map<Quantity, Double> carried) {
        IterationTrace t = w.trace();
        Network net = w.weightsUsed();
        int r = w.row();
        int l = q.layer();
        int j = q.to();
        Layer layer = net.layer(l);
        String slope = "z = " + format(t.preActivations().get(l).getEntry(r, j)) + ", a = "
                + format(t.activations().get(l).getEntry(r, j)) + " (" + layer.activation().symbol() + ")";
        if (l == net.depth()) {
            return "loss " + c.loss().id() + ", y = " + format(t.targets().getEntry(r, j)) + ", n = "
                    + t.samples().length + ", " + slope;
        }
        Layer above = net.layer(l + 1);
        StringBuilder b = new StringBuilder("δ above · w:  ");
        for (int k = 0; k < above.size(); k++) {
            b.append(k > 0 ? " + " : "").append(names.neuron(l + 1, k)).append(" ")
                    .append("(").append(shown(Quantity.delta(l + 1, k), t.deltas().get(l + 1).getEntry(r, k), carried))
                    .append(")·").append(paren(above.weight(j, k)));
        }
        return b.append(";  ").append(slope).toString();
    }

    /** @return the student's carried answer for {@code q} marked "yours", else the engine's {@code truth} */
    private static String shown(Quantity q, double truth, java.util.Map<Quantity, Double> carried) {
        Double mine = carried.get(q);
        return mine == null ? format(truth) : format(mine) + " yours";
    }

    private static String paren(double v) {
        return "(" + format(v) + ")";
    }
}

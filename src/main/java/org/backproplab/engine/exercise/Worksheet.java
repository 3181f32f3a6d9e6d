package org.backproplab.engine.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.engine.Phase;
import org.backproplab.engine.TrainingConfig;

/**
 * The numbers of one iteration for one sample of its batch, read from the engine's {@link IterationTrace}, and the
 * same numbers recomputed with a student's earlier answers ({@link #expected}) or under a {@link Mistake}
 * ({@link #underMistake}).
 */
public final class Worksheet {
    private final Network weightsUsed;
    private final IterationTrace t;
    private final TrainingConfig config;
    private final int row;

    /**
     * @param weightsUsed the weights the iteration's forward and backward phases used (before its update)
     * @param row         the batch row of the sample on show
     * @throws IllegalArgumentException if {@code row} is not a row of the batch
     */
    public Worksheet(Network weightsUsed, IterationTrace t, TrainingConfig config, int row) {
        if (row < 0 || row >= t.samples().length) {
            throw new IllegalArgumentException("batch row " + row + " is not allowed: the batch has rows 0 to "
                    + (t.samples().length - 1));
        }
        this.weightsUsed = weightsUsed;
        this.t = t;
        this.config = config;
        this.row = row;
    }

    /**
     * A worksheet of an iteration as a snapshot shows it: with the weights now, which are the weights the iteration
     * used until its UPDATE has run and {@code W − ΔW} after it.
     *
     * @param weightsNow the network as it is now
     * @param row        the batch row of the sample on show
     */
    public static Worksheet of(Network weightsNow, IterationTrace t, TrainingConfig config, int row) {
        if (!t.isComplete()) {
            return new Worksheet(weightsNow, t, config, row);
        }
        Network before = weightsNow.copy();
        for (int l = 1; l <= before.depth(); l++) {
            Layer layer = before.layer(l);
            layer.weights().setSubMatrix(layer.weights().subtract(t.weightUpdates().get(l)).getData(), 0, 0);
            if (layer.hasBias() && t.biasUpdates().get(l) != null) {
                layer.bias().setSubVector(0, layer.bias().subtract(t.biasUpdates().get(l)));
            }
        }
        return new Worksheet(before, t, config, row);
    }

    /** @return the trace the numbers come from */
    public IterationTrace trace() {
        return t;
    }

    /** @return the batch row of the sample on show */
    public int row() {
        return row;
    }

    /** @return the weights the iteration used */
    public Network weightsUsed() {
        return weightsUsed;
    }

    /**
     * The numbers {@code phase} computes, in the order a person computes them (z before a, δ before ∂L/∂w and
     * ∂L/∂b, Δw before the new w, the new w before the new b); a layer without biases has no ∂L/∂b and no new b.
     *
     * @param neuron the selected neuron's layer and index ({@code {l, j}}), or null for the first of the layer
     */
    public List<Quantity> quantities(Phase phase, Scope scope, int[] neuron) {
        int depth = weightsUsed.depth();
        int l = phase.kind() == Phase.Kind.UPDATE
                ? (neuron != null && neuron[0] >= 1 ? neuron[0] : depth) : Math.max(1, phase.layer());
        int size = weightsUsed.size(l);
        int only = neuron != null && neuron[0] == l && neuron[1] < size ? neuron[1] : 0;
        List<Quantity> out = new ArrayList<>();
        switch (phase.kind()) {
            case FORWARD -> {
                for (int j = 0; j < size; j++) {
                    if (scope != Scope.NEURON || j == only) {
                        out.add(Quantity.z(l, j));
                        out.add(Quantity.a(l, j));
                    }
                }
            }
            case LOSS -> out.add(Quantity.loss(depth));
            case BACKWARD -> {
                for (int j = 0; j < size; j++) {
                    if (scope != Scope.NEURON || j == only) {
                        out.add(Quantity.delta(l, j));
                        for (int i = 0; i < weightsUsed.layer(l).inputSize(); i++) {
                            out.add(Quantity.dLdw(l, i, j));
                        }
                        if (weightsUsed.layer(l).hasBias()) {
                            out.add(Quantity.dLdb(l, j));
                        }
                    }
                }
            }
            case UPDATE -> {
                int from = scope == Scope.PHASE ? 1 : l;
                int to = scope == Scope.PHASE ? depth : l;
                for (int k = from; k <= to; k++) {
                    Layer layer = weightsUsed.layer(k);
                    for (int j = 0; j < layer.size(); j++) {
                        if (scope != Scope.NEURON || j == only) {
                            for (int i = 0; i < layer.inputSize(); i++) {
                                out.add(Quantity.dw(k, i, j));
                                out.add(Quantity.newW(k, i, j));
                            }
                            if (layer.hasBias()) {
                                out.add(Quantity.newB(k, j));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * @return the engine's number for {@code q}, read from the trace (the new w: the weights used plus ΔW; the new
     *         b: the bias used plus Δb)
     */
    public double truth(Quantity q) {
        int l = q.layer();
        return switch (q.kind()) {
            case Z -> t.preActivations().get(l).getEntry(row, q.to());
            case A -> t.activations().get(l).getEntry(row, q.to());
            case LOSS -> t.sampleLosses()[row];
            case DELTA -> t.deltas().get(l).getEntry(row, q.to());
            case DLDW -> t.weightGradients().get(l).getEntry(q.from(), q.to());
            case DW -> update(q);
            case NEW_W -> weightsUsed.layer(l).weight(q.from(), q.to()) + update(q);
            case DLDB -> t.biasGradients().get(l).getEntry(q.to());
            case NEW_B -> weightsUsed.layer(l).bias(q.to()) + (t.isComplete()
                    ? t.biasUpdates().get(l).getEntry(q.to())
                    : -config.learningRate() * t.biasGradients().get(l).getEntry(q.to()));
        };
    }

    private double update(Quantity q) {
        if (t.isComplete()) {
            return t.weightUpdates().get(q.layer()).getEntry(q.from(), q.to());
        }
        return -config.learningRate() * t.weightGradients().get(q.layer()).getEntry(q.from(), q.to());
    }

    /**
     * @param carried the student's earlier answers to put in place of the true values ("carry my value"); empty
     *                for the true values
     * @return the number expected for {@code q}: the engine's if nothing it depends on was carried, else the
     *         number that follows from the carried answers by the same formulas
     */
    public double expected(Quantity q, Map<Quantity, Double> carried) {
        if (carried.isEmpty()) {
            return truth(q);
        }
        Map<Quantity, Double> others = new java.util.HashMap<>(carried);
        others.remove(q);
        return new Calc(weightsUsed, t, config, row, null, others).value(q);
    }

    /** @return the number {@code q} would be had {@code mistake} been made (NaN where it cannot be made) */
    public double underMistake(Quantity q, Mistake mistake, Map<Quantity, Double> carried) {
        Map<Quantity, Double> others = new java.util.HashMap<>(carried);
        others.remove(q);
        return new Calc(weightsUsed, t, config, row, mistake, others).value(q);
    }

    /**
     * Grades {@code answer} for {@code q}; a wrong answer is compared with every mistake of the catalogue that
     * gives a number other than the right one, and the first that agrees with it is the diagnosis (the mistakes
     * made in {@code q}'s own formula first, see {@link Mistake#madeIn}).
     */
    public Grade grade(Quantity q, double answer, Map<Quantity, Double> carried) {
        double expected = expected(q, carried);
        if (Grade.agrees(answer, expected)) {
            return new Grade(q, answer, expected, true, null);
        }
        List<Mistake> suspects = new ArrayList<>();
        for (Mistake m : Mistake.values()) {
            if (m.madeIn(q.kind())) {
                suspects.add(m);
            }
        }
        for (Mistake m : Mistake.values()) {
            if (!m.madeIn(q.kind())) {
                suspects.add(m);
            }
        }
        for (Mistake m : suspects) {
            double v = underMistake(q, m, carried);
            if (Double.isFinite(v) && !Grade.agrees(v, expected) && Grade.agrees(answer, v)) {
                return new Grade(q, answer, expected, false, m);
            }
        }
        return new Grade(q, answer, expected, false, null);
    }
}

package org.backproplab.engine;

import java.util.EnumMap;
import java.util.Map;

/**
 * What an {@link Optimizer} remembers between updates: one buffer per {@link Slot} with a value for every weight
 * and bias (index {@code 1..L} by layer, index 0 unused; a layer without bias has null), allocated the first time
 * an optimiser uses it and kept when the optimiser changes, and Adam's update count {@code t}. A trainer owns a
 * live one; everything handed out (a {@link TrainerState}, the getters) is a private copy, so an instance seen
 * outside the engine never changes.
 */
public final class OptimizerState {
    /** The buffers, each named as in {@link Optimizer}'s formulas. */
    public enum Slot {
        /** {@code v} of momentum and Nesterov: the last step {@code ΔW}. */
        VELOCITY("velocity", "v"),
        /** {@code s} of RMSProp: the running mean of {@code g²}. */
        MEAN_SQUARE("meanSquare", "s"),
        /** {@code m} of Adam: the running mean of {@code g}. */
        FIRST_MOMENT("firstMoment", "m"),
        /** {@code v} of Adam: the running mean of {@code g²}. */
        SECOND_MOMENT("secondMoment", "v");

        private final String id;
        private final String symbol;

        Slot(String id, String symbol) {
            this.id = id;
            this.symbol = symbol;
        }

        /** @return the field name in files */
        public String id() {
            return id;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** Nothing remembered yet. */
    public static final OptimizerState EMPTY = new OptimizerState(new EnumMap<>(Slot.class),
            new EnumMap<>(Slot.class), 0);

    final EnumMap<Slot, double[][][]> weights;
    final EnumMap<Slot, double[][]> biases;
    /** Adam's update count {@code t}: how many Adam updates have run. */
    long adamStep;

    private OptimizerState(EnumMap<Slot, double[][][]> weights, EnumMap<Slot, double[][]> biases, long adamStep) {
        this.weights = weights;
        this.biases = biases;
        this.adamStep = adamStep;
    }

    /** @return a deep copy (the live state of a new trainer, or a copy to hand out) */
    OptimizerState copy() {
        EnumMap<Slot, double[][][]> w = new EnumMap<>(Slot.class);
        EnumMap<Slot, double[][]> b = new EnumMap<>(Slot.class);
        for (Map.Entry<Slot, double[][][]> e : weights.entrySet()) {
            w.put(e.getKey(), copy(e.getValue()));
            b.put(e.getKey(), copy(biases.get(e.getKey())));
        }
        return new OptimizerState(w, b, adamStep);
    }

    /** The live buffer of {@code slot}, allocated at 0 for {@code net}'s shape if it has none yet. */
    double[][][] weightsOf(Slot slot, Network net) {
        if (!weights.containsKey(slot)) {
            double[][][] w = new double[net.depth() + 1][][];
            double[][] b = new double[net.depth() + 1][];
            for (int l = 1; l <= net.depth(); l++) {
                Layer layer = net.layer(l);
                w[l] = new double[layer.inputSize()][layer.size()];
                b[l] = layer.hasBias() ? new double[layer.size()] : null;
            }
            weights.put(slot, w);
            biases.put(slot, b);
        }
        return weights.get(slot);
    }

    /** The live bias buffer of {@code slot} (after {@link #weightsOf}). */
    double[][] biasesOf(Slot slot) {
        return biases.get(slot);
    }

    /** The live buffer of {@code slot}, or null if no optimiser has used it yet. */
    double[][][] liveWeights(Slot slot) {
        return weights.get(slot);
    }

    // ---- queries ----------------------------------------------------------------------------------

    /** @return true if some optimiser has used {@code slot} */
    public boolean has(Slot slot) {
        return weights.containsKey(slot);
    }

    /** @return the buffer of {@code slot} for the weights ({@code [l][i][j]}), copied, or null if it has none */
    public double[][][] weights(Slot slot) {
        double[][][] w = weights.get(slot);
        if (w == null) {
            return null;
        }
        double[][][] c = new double[w.length][][];
        for (int l = 1; l < w.length; l++) {
            c[l] = Kernels.copy(w[l]);
        }
        return c;
    }

    /** @return the buffer of {@code slot} for the biases ({@code [l][j]}, null for a layer without), copied, or null */
    public double[][] biases(Slot slot) {
        double[][] b = biases.get(slot);
        return b == null ? null : copy(b);
    }

    /** @return the value of {@code slot} for {@code W^l[i][j]} (0 before the slot is used) */
    public double weight(Slot slot, int l, int i, int j) {
        double[][][] w = weights.get(slot);
        return w == null ? 0.0 : w[l][i][j];
    }

    /** @return the value of {@code slot} for {@code b^l[j]} (0 before the slot is used) */
    public double bias(Slot slot, int l, int j) {
        double[][] b = biases.get(slot);
        return b == null || b[l] == null ? 0.0 : b[l][j];
    }

    /** @return Adam's update count {@code t}: how many Adam updates have run */
    public long adamStep() {
        return adamStep;
    }

    /** @return true if nothing is remembered */
    public boolean isEmpty() {
        return weights.isEmpty() && adamStep == 0;
    }

    // ---- building (files) -------------------------------------------------------------------------

    /**
     * @param w the buffer for the weights ({@code [l][i][j]}, index 0 unused), copied
     * @param b the buffer for the biases ({@code [l][j]}, null for a layer without bias), copied
     * @return this state with {@code slot} set (shapes are checked against the network by {@link TrainerState#at})
     * @throws IllegalArgumentException if either is null
     */
    public OptimizerState with(Slot slot, double[][][] w, double[][] b) {
        if (w == null || b == null) {
            throw new IllegalArgumentException(slot.id() + " needs both the weights' and the biases' values, or neither");
        }
        OptimizerState s = copy();
        s.weights.put(slot, copy(w));
        s.biases.put(slot, copy(b));
        return s;
    }

    /**
     * @return this state with Adam's update count {@code t}
     * @throws IllegalArgumentException naming the value if it is negative or beyond {@link Trainer#MAX_ITERATION}
     */
    public OptimizerState withAdamStep(long t) {
        if (t < 0 || t > Trainer.MAX_ITERATION) {
            throw new IllegalArgumentException("Adam's update count t = " + t + " is not allowed: expected 0.."
                    + Trainer.MAX_ITERATION);
        }
        OptimizerState s = copy();
        s.adamStep = t;
        return s;
    }

    /** @return true if both remember bit-identical numbers */
    public boolean sameAs(OptimizerState o) {
        if (adamStep != o.adamStep || !weights.keySet().equals(o.weights.keySet())) {
            return false;
        }
        for (Slot s : weights.keySet()) {
            if (!java.util.Arrays.deepEquals(weights.get(s), o.weights.get(s))
                    || !java.util.Arrays.deepEquals(biases.get(s), o.biases.get(s))) {
                return false;
            }
        }
        return true;
    }

    private static double[][][] copy(double[][][] w) {
        double[][][] c = new double[w.length][][];
        for (int l = 0; l < w.length; l++) {
            c[l] = w[l] == null ? null : copy(w[l]);
        }
        return c;
    }

    private static double[][] copy(double[][] b) {
        double[][] c = new double[b.length][];
        for (int l = 0; l < b.length; l++) {
            c[l] = b[l] == null ? null : b[l].clone();
        }
        return c;
    }
}

package org.backproplab.engine;

/**
 * Everything a {@link Trainer} needs to continue exactly from a point: restore it and the following
 * iterations are bit-identical to the ones that followed when it was taken. Immutable: the arrays are
 * private copies, never handed out.
 */
public final class TrainerState {
    final Network network;
    final TrainingData data;
    final TrainingConfig config;
    final long iteration;
    /** The optimiser's memory (a private copy). */
    final OptimizerState optimizerState;
    /** The epochs counted at {@link #epochMarkIteration} (see {@link Trainer#epochs()}). */
    final double epochsAtMark;
    final long epochMarkIteration;

    TrainerState(Network network, TrainingData data, TrainingConfig config,
                 long iteration, OptimizerState optimizerState, double epochsAtMark, long epochMarkIteration) {
        this.epochsAtMark = epochsAtMark;
        this.epochMarkIteration = epochMarkIteration;
        this.network = network;
        this.data = data;
        this.config = config;
        this.iteration = iteration;
        this.optimizerState = optimizerState;
    }

    /** @return how many updates the weights had had */
    public long iteration() {
        return iteration;
    }

    public TrainingConfig config() {
        return config;
    }

    /** @return the shape of the network as it was, its activations included (no weights copied) */
    public java.util.List<LayerSpec> specs() {
        return network.specs();
    }

    /** @return a copy of the network as it was */
    public Network network() {
        return network.copy();
    }


    /**
     * @return {@code ΔW} of the last update of each layer (index {@code 1..L}; index 0 unused), copied, or null
     *         if the trainer has never taken a momentum step (μ = 0 so far): the {@link OptimizerState.Slot#VELOCITY}
     *         of {@link #optimizerState()}
     */
    public double[][][] velocityWeights() {
        return optimizerState.weights(OptimizerState.Slot.VELOCITY);
    }

    /** @return {@code Δb} of the last update of each layer (null for a layer without bias), copied, or null */
    public double[][] velocityBiases() {
        return optimizerState.biases(OptimizerState.Slot.VELOCITY);
    }

    /** @return what the optimiser remembers (momentum's {@code v}, RMSProp's {@code s}, Adam's {@code m, v, t}) */
    public OptimizerState optimizerState() {
        return optimizerState;
    }

    /** @return the epochs counted at {@link #epochMarkIteration()}, where the batch size or the rows last changed */
    public double epochsAtMark() {
        return epochsAtMark;
    }

    /** @return the iteration at which epochs were last counted afresh (see {@link Trainer#epochs()}) */
    public long epochMarkIteration() {
        return epochMarkIteration;
    }

    /**
     * {@link #at(long, Network, OptimizerState, double, long)} with momentum's last step as the optimiser's only
     * memory.
     *
     * @param velocityW {@code ΔW} per layer as {@link #velocityWeights()} gives it, or null (no momentum yet)
     * @param velocityB {@code Δb} per layer, null exactly when {@code velocityW} is
     */
    public TrainerState at(long iteration, Network network, double[][][] velocityW, double[][] velocityB,
                           double epochsAtMark, long epochMarkIteration) {
        if ((velocityW == null) != (velocityB == null)) {
            throw new IllegalArgumentException("momentum needs both the weights' and the biases' last step, or neither");
        }
        OptimizerState o = velocityW == null ? OptimizerState.EMPTY
                : OptimizerState.EMPTY.with(OptimizerState.Slot.VELOCITY, velocityW, velocityB);
        return at(iteration, network, o, epochsAtMark, epochMarkIteration);
    }

    /**
     * The state of the same data set and configuration at another point of training: what a saved checkpoint
     * holds. Restoring it and training on gives what training gave from that point.
     *
     * @param network        weights and biases of this state's shape (copied)
     * @param optimizerState what the optimiser remembers, each buffer of this state's shape
     * @throws IllegalArgumentException naming the value if a shape differs, a number is not finite or the
     *                                  iterations are out of order
     */
    public TrainerState at(long iteration, Network network, OptimizerState optimizerState,
                           double epochsAtMark, long epochMarkIteration) {
        if (!network.specs().equals(this.network.specs()) || network.inputSize() != this.network.inputSize()) {
            throw new IllegalArgumentException("a network " + network.specs() + " where " + this.network.specs()
                    + " was expected");
        }
        if (iteration < 0 || epochMarkIteration < 0 || epochMarkIteration > iteration) {
            throw new IllegalArgumentException("epochs counted afresh at iteration " + epochMarkIteration
                    + " of a state at iteration " + iteration + ": expected 0 <= mark <= iteration");
        }
        if (!(epochsAtMark >= 0 && epochsAtMark <= epochMarkIteration)) {
            throw new IllegalArgumentException("epochs " + epochsAtMark + " counted by iteration " + epochMarkIteration
                    + ": expected 0 to " + epochMarkIteration + " (an epoch takes at least one iteration)");
        }
        int depth = this.network.depth();
        for (OptimizerState.Slot slot : OptimizerState.Slot.values()) {
            double[][][] w = optimizerState.liveWeights(slot);
            if (w == null) {
                continue;
            }
            double[][] b = optimizerState.biasesOf(slot);
            String name = slot.symbol() + " (" + slot.id() + ")";
            if (w.length != depth + 1 || b.length != depth + 1) {
                throw new IllegalArgumentException(name + " for " + (w.length - 1) + " layers: expected " + depth);
            }
            for (int l = 1; l <= depth; l++) {
                Layer layer = this.network.layer(l);
                checkedMatrix(w[l], layer.inputSize(), layer.size(), name + " of W" + l);
                if (layer.hasBias() != (b[l] != null)) {
                    throw new IllegalArgumentException(name + " of b" + l + ": layer " + l
                            + (layer.hasBias() ? " has" : " has no") + " bias");
                }
                if (b[l] != null) {
                    checkedRow(b[l], layer.size(), name + " of b" + l);
                }
            }
        }
        return new TrainerState(network.copy(), data, config, iteration, optimizerState.copy(), epochsAtMark,
                epochMarkIteration);
    }

    private static double[][] checkedMatrix(double[][] m, int rows, int cols, String name) {
        if (m == null || m.length != rows) {
            throw new IllegalArgumentException(name + ": expected " + rows + " rows");
        }
        for (double[] row : m) {
            checkedRow(row, cols, name);
        }
        return m;
    }

    private static double[] checkedRow(double[] v, int n, String name) {
        if (v == null || v.length != n) {
            throw new IllegalArgumentException(name + ": expected " + n + " values in a row");
        }
        for (double x : v) {
            Checks.finite(name, x);
        }
        return v;
    }

    /**
     * The same state with other settings (the data set is shared, not copied): what an edit of η, momentum, the
     * batch mode or the loss leaves. The next phase is the first.
     *
     * @throws IllegalArgumentException if the data set holds a target the new loss refuses
     */
    public TrainerState withConfig(TrainingConfig c) {
        data.checkTargets(c.loss());
        return new TrainerState(network, data, c, iteration, optimizerState, epochsAtMark, epochMarkIteration);
    }

    /**
     * The same state with other rows held out as the test set (the samples are shared, not copied).
     *
     * @throws IllegalArgumentException naming the row as {@link Trainer#setTestRows} does
     */
    public TrainerState withTestRows(int[] test) {
        return new TrainerState(network, data.withTestRows(test), config, iteration, optimizerState, epochsAtMark,
                epochMarkIteration);
    }

    /** @return the rows held out as the test set, ascending */
    public int[] testRows() {
        return data.testRows();
    }

    /** @return true if both states train on the very same samples (one shared data set, nothing copied) */
    public boolean sameData(TrainerState other) {
        return data == other.data || data.x == other.data.x && data.y == other.data.y;
    }

    /**
     * @return a new trainer restored to this state, with its own copy of the network (the samples are read, not
     *         changed): training it or moving its weights changes nothing else
     */
    public Trainer newTrainer() {
        Trainer t = new Trainer(network.copy(), new org.apache.commons.math3.linear.Array2DRowRealMatrix(data.x, false),
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(data.y, false), config);
        t.restore(this);
        return t;
    }

    /** @return a copy of the inputs, one row per sample */
    public double[][] inputs() {
        return Kernels.copy(data.x);
    }

    /** @return a copy of the targets, one row per sample */
    public double[][] targets() {
        return Kernels.copy(data.y);
    }
}

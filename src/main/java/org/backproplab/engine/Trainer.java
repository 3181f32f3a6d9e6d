package org.backproplab.engine;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Trains a {@link Network} on a data set by gradient descent, one iteration or one {@link Phase} at a time.
 * Iteration {@code k} (counted from 0) uses the batch the {@link BatchSchedule} assigns to {@code k}, so the
 * state is fully described by the weights, the data, the configuration, the iteration count and what the
 * optimiser remembers ({@link TrainerState}). Stepping phase by phase and stepping whole iterations run the
 * same code on the same buffers and give bit-identical numbers. Not thread-safe: one thread owns a trainer.
 */
public final class Trainer {
    /** The largest number of input plus target cells a data set may have. */
    public static final long MAX_CELLS = TrainingData.MAX_CELLS;
    /**
     * The last iteration a trainer may reach: {@code 2^53}. Every count up to it is exact as a double (the epoch
     * count, the loss chart's axis, a JSON reader that keeps numbers as doubles), and it is {@code 2^10} times
     * below {@code Long.MAX_VALUE}, so an iteration plus any run length or difference of two iterations can never
     * overflow a {@code long}. No real run comes near it (at a million iterations a second it is 285 years away);
     * a file or a command that asks for more is refused where it comes in.
     */
    public static final long MAX_ITERATION = 1L << 53;

    /** The network trained; replaced (same weights) when its activations change, see {@link #setActivations}. */
    private Network network;
    private final List<Phase> phases;
    private final BatchSchedule schedule = new BatchSchedule();
    private TrainingData data;
    private TrainingConfig config;
    private long iteration;
    private double epochsAtMark;
    private long epochMarkIteration;
    private int phaseIndex;
    private boolean completeTrace;
    private boolean diverged;
    private Workspace ws;
    private Workspace trainWs;
    private Workspace testWs;
    /** The buffers of {@link #evaluate()} (every sample), kept from one evaluation to the next. */
    private Workspace evalWs;
    /** What the optimiser remembers (each buffer allocated when an optimiser first uses it). */
    private OptimizerState optimizerState = OptimizerState.EMPTY.copy();

    /**
     * @param network the network to train (owned by the trainer from now on)
     * @param inputs  one row per sample, {@code network.inputSize()} columns
     * @param targets one row per sample, {@code network.outputSize()} columns
     * @throws IllegalArgumentException naming the value if the data set is empty, has the wrong width,
     *                                  holds a non-finite number or a target the loss cannot take, or if the loss
     *                                  does not fit the output layer (cross-entropy needs softmax)
     */
    public Trainer(Network network, RealMatrix inputs, RealMatrix targets, TrainingConfig config) {
        config.loss().checkOutput(network.layer(network.depth()).activation());
        this.network = network;
        this.config = config;
        this.phases = Phase.sequence(network.depth());
        setData(inputs, targets);
    }

    // ---- queries ----------------------------------------------------------------------------------

    /** @return the live network: read it, do not change it (use the setters) */
    public Network network() {
        return network;
    }

    public TrainingConfig config() {
        return config;
    }

    /** @return a copy of the inputs, one row per sample */
    public RealMatrix inputs() {
        return new Array2DRowRealMatrix(data.x, true);
    }

    /** @return a copy of the targets, one row per sample */
    public RealMatrix targets() {
        return new Array2DRowRealMatrix(data.y, true);
    }

    public int sampleCount() {
        return data.size();
    }

    /** @return how many updates the weights have had */
    public long iteration() {
        return iteration;
    }

    /**
     * @return completed epochs, as a fraction: {@code e_mark + (iteration − k_mark) / batchesPerEpoch}, where
     *         {@code (k_mark, e_mark)} is the last time the batch size or the number of training rows changed
     *         (so a change counts the epochs from then on at the new size, and never rewrites those already done)
     */
    public double epochs() {
        return epochsAtMark + (double) (iteration - epochMarkIteration) / batchesPerEpoch();
    }

    /** @return how many rows train (every sample without a test split) */
    public int trainingRowCount() {
        return data.trainRows.length;
    }

    /** Starts counting epochs at the current batch size from now (before the batch size or the rows change). */
    private void markEpochs() {
        if (data == null) {
            return;
        }
        epochsAtMark = epochs();
        epochMarkIteration = iteration;
    }

    private long batchesPerEpoch() {
        return config.batch().batchesPerEpoch(data.trainRows.length);
    }

    /** @return the phases of one iteration, in order */
    public List<Phase> phases() {
        return phases;
    }

    /** @return how many phases of the current iteration have run (0 at an iteration boundary) */
    public int phaseIndex() {
        return phaseIndex;
    }

    /** @return the phase that {@link #stepPhase()} runs next */
    public Phase nextPhase() {
        return phases.get(phaseIndex);
    }

    /** @return true once the loss or a weight has become NaN or infinite (cleared by restore or edits) */
    public boolean isDiverged() {
        return diverged;
    }

    /** @return true if some rows are held out as a test set */
    public boolean hasTestRows() {
        return data.hasTestRows();
    }

    /** @return the rows that train, ascending */
    public int[] trainingRows() {
        return data.trainRows.clone();
    }

    /** @return the rows held out as the test set, ascending (none by default) */
    public int[] testRows() {
        return data.testRows();
    }

    // ---- training ---------------------------------------------------------------------------------

    /**
     * Runs the rest of the current iteration (all of it at a boundary).
     *
     * @return the batch loss {@code L} of this iteration, computed before its update
     * @throws IllegalStateException if the trainer is at {@link #MAX_ITERATION} (nothing runs)
     */
    public double step() {
        checkNotAtLimit();
        do {
            runPhase(phases.get(phaseIndex));
            phaseIndex++;
        } while (phaseIndex < phases.size());
        finishIteration();
        return ws.loss;
    }

    /**
     * Runs {@code count} iterations (finishing the current one first).
     *
     * @return the batch loss of the last iteration, or NaN if {@code count < 1}
     */
    public double train(long count) {
        double loss = Double.NaN;
        for (long i = 0; i < count; i++) {
            loss = step();
        }
        return loss;
    }

    /**
     * Runs the next phase.
     *
     * @return the phase that ran
     * @throws IllegalStateException if the trainer is at {@link #MAX_ITERATION} (nothing runs)
     */
    public Phase stepPhase() {
        checkNotAtLimit();
        Phase p = phases.get(phaseIndex);
        runPhase(p);
        phaseIndex++;
        if (phaseIndex == phases.size()) {
            finishIteration();
        }
        return p;
    }

    /** @return true if the trainer is at {@link #MAX_ITERATION}: no further iteration may start */
    public boolean atIterationLimit() {
        return iteration >= MAX_ITERATION;
    }

    private void checkNotAtLimit() {
        if (atIterationLimit()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "iteration %,d is the last a run may "
                    + "reach (%,d = 2^53): no further iteration can start", iteration, MAX_ITERATION));
        }
    }

    private void finishIteration() {
        phaseIndex = 0;
        iteration++;
        completeTrace = true;
    }

    private void runPhase(Phase p) {
        switch (p.kind()) {
            case FORWARD -> {
                if (p.layer() == 1) {
                    completeTrace = false;
                    schedule.load(ws, iteration, data, config);
                }
                ws.forward(network.layer(p.layer()), p.layer());
            }
            case LOSS -> {
                if (!Double.isFinite(ws.loss(config.loss(), config.regularization(), network))) {
                    diverged = true;
                }
            }
            case BACKWARD -> ws.backward(network.layer(p.layer()), p.layer(), config.regularization());
            case UPDATE -> update();
        }
    }

    /**
     * UPDATE: every weight and bias of every layer takes the step of the {@link Optimizer} (see its formulas) with
     * {@code g = ∂L/∂w}, the penalty's gradient included.
     */
    private void update() {
        Optimizer o = config.optimizer();
        double eta = config.learningRate();
        double c1 = 0;
        double c2 = 0;
        if (o.kind() == Optimizer.Kind.ADAM) {
            optimizerState.adamStep++;
            c1 = Optimizer.correction(o.beta1(), optimizerState.adamStep);
            c2 = Optimizer.correction(o.beta2(), optimizerState.adamStep);
        }
        double check = 0.0;
        for (int l = 1; l <= network.depth(); l++) {
            Layer layer = network.layer(l);
            double[][] w = layer.weightData();
            double[][] gw = ws.gradW[l];
            double[] b = layer.biasData();
            double[] gb = ws.gradB[l];
            for (int i = 0; i < w.length; i++) {
                check += step(o, l, i, w[i], gw[i], eta, c1, c2);
            }
            if (b != null) {
                check += step(o, l, -1, b, gb, eta, c1, c2);
            }
        }
        if (!Double.isFinite(check)) {
            diverged = true;
        }
    }

    /**
     * One row of parameters: row {@code i} of {@code W^l}, or {@code b^l} for {@code i = −1}.
     *
     * @return a number that is finite if and only if every new parameter is
     */
    private double step(Optimizer o, int l, int i, double[] theta, double[] g, double eta, double c1, double c2) {
        return switch (o.kind()) {
            case SGD -> Kernels.descend(theta, g, eta);
            case MOMENTUM -> Kernels.descend(theta, buffer(OptimizerState.Slot.VELOCITY, l, i), g, eta, o.mu());
            case NESTEROV -> OptimizerKernels.nesterov(theta, buffer(OptimizerState.Slot.VELOCITY, l, i), g, eta,
                    o.mu());
            case RMSPROP -> OptimizerKernels.rmsprop(theta, buffer(OptimizerState.Slot.MEAN_SQUARE, l, i), g, eta,
                    o.rho(), o.epsilon());
            case ADAM -> OptimizerKernels.adam(theta, buffer(OptimizerState.Slot.FIRST_MOMENT, l, i),
                    buffer(OptimizerState.Slot.SECOND_MOMENT, l, i), g, eta, o, c1, c2);
        };
    }

    /** The live row {@code i} of {@code slot} for layer {@code l} ({@code i = −1}: the biases). */
    private double[] buffer(OptimizerState.Slot slot, int l, int i) {
        double[][][] w = optimizerState.weightsOf(slot, network);
        return i < 0 ? optimizerState.biasesOf(slot)[l] : w[l][i];
    }

    // ---- traces and evaluations -------------------------------------------------------------------

    /**
     * @return what the current iteration has computed so far, or, at an iteration boundary, the whole last
     *         iteration; null if nothing has run since the start or the last edit
     */
    public IterationTrace trace() {
        if (phaseIndex > 0) {
            return capture(ws, iteration + 1, phaseIndex);
        }
        return completeTrace ? capture(ws, iteration, phases.size()) : null;
    }

    /**
     * A what-if look at the next iteration: forward, loss and backward on its batch with the current
     * weights, changing nothing.
     *
     * @return a trace with every phase but UPDATE
     */
    public IterationTrace preview() {
        return capture(previewWorkspace(network), iteration + 1, phases.size() - 1);
    }

    /** The batch of the next iteration as a workspace that has run forward, loss and backward on {@code net}. */
    Workspace previewWorkspace(Network net) {
        Workspace p = new Workspace(net, ws.capacity);
        schedule.load(p, iteration, data, config);
        for (int l = 1; l <= net.depth(); l++) {
            p.forward(net.layer(l), l);
        }
        p.loss(config.loss(), config.regularization(), net);
        for (int l = net.depth(); l >= 1; l--) {
            p.backward(net.layer(l), l, config.regularization());
        }
        return p;
    }

    /**
     * The forward pass and the loss over every sample (training and test rows), in data-set order, with
     * the current weights.
     *
     * @return a trace with the FORWARD phases and LOSS
     */
    public IterationTrace evaluate() {
        evalWs = reuse(evalWs, data.size()); // the trace copies what it shows (for digits, 8 MB a time)
        forwardAndLoss(evalWs, TrainingData.allRows(data.size()));
        return capture(evalWs, iteration, network.depth() + 1);
    }

    /**
     * The training loss {@code L(a^L(X), Y)} over the training rows (every sample without a split) with the
     * weights now, reusing buffers (cheap enough to call after every iteration of a small network).
     */
    public double datasetLoss() {
        trainWs = reuse(trainWs, data.trainRows.length);
        return forwardAndLoss(trainWs, data.trainRows);
    }

    /**
     * The loss over the held-out test rows with the weights now, combined like the training loss.
     *
     * @return the test loss, or NaN if no rows are held out
     */
    public double testLoss() {
        if (!data.hasTestRows()) {
            return Double.NaN;
        }
        int[] test = data.testRows();
        testWs = reuse(testWs, test.length);
        return forwardAndLoss(testWs, test);
    }

    /** @return {@code w} if it holds {@code rows} samples, else a new workspace for them on the network */
    private Workspace reuse(Workspace w, int rows) {
        return w != null && w.capacity == rows ? w : new Workspace(network, rows);
    }

    private double forwardAndLoss(Workspace w, int[] rows) {
        w.load(data.x, data.y, rows, rows.length, rows.length == data.size());
        for (int l = 1; l <= network.depth(); l++) {
            w.forward(network.layer(l), l);
        }
        return w.loss(config.loss(), config.regularization(), network);
    }

    private IterationTrace capture(Workspace w, long iterationNo, int done) {
        long started = Math.max(0, iterationNo - 1);
        long epoch = (long) Math.floor(epochsAtMark + (double) (started - epochMarkIteration) / batchesPerEpoch() + 1e-9) + 1;
        return TraceCapture.capture(w, iterationNo, done, network.depth(), config, epoch, optimizerState);
    }

    // ---- what-if edits ----------------------------------------------------------------------------

    /**
     * Sets {@code W^l[from][to]}. Like every edit it abandons a half-run iteration (the next phase is
     * FORWARD 1 again) and clears divergence.
     *
     * @throws IllegalArgumentException naming the value if an index is out of range or the value not finite
     */
    public void setWeight(int l, int from, int to, double value) {
        Layer layer = network.layer(l);
        Checks.index("neuron of layer " + (l - 1), from, layer.inputSize());
        Checks.index("neuron of layer " + l, to, layer.size());
        Checks.finite("weight W" + l + "[" + from + "][" + to + "]", value);
        layer.weightData()[from][to] = value;
        edited();
    }

    /** Sets {@code b^l[to]}; see {@link #setWeight}. */
    public void setBias(int l, int to, double value) {
        Layer layer = network.layer(l);
        if (!layer.hasBias()) {
            throw new IllegalArgumentException("layer " + l + " has no bias");
        }
        Checks.index("neuron of layer " + l, to, layer.size());
        Checks.finite("bias b" + l + "[" + to + "]", value);
        layer.biasData()[to] = value;
        edited();
    }

    /** Sets input {@code column} of {@code sample}; see {@link #setWeight}. */
    public void setInput(int sample, int column, double value) {
        data = data.withInput(sample, column, value);
        edited();
    }

    /** Sets target {@code column} of {@code sample}; see {@link #setWeight}. */
    public void setTarget(int sample, int column, double value) {
        data = data.withTarget(sample, column, value, config.loss());
        edited();
    }

    /**
     * Replaces the data set (rows added or removed, a new set of the same widths); every row trains.
     *
     * @throws IllegalArgumentException naming the value if it is empty, too large, of the wrong width,
     *                                  or holds a number that is not finite or a target the loss refuses
     */
    public void setData(RealMatrix inputs, RealMatrix targets) {
        TrainingData d = TrainingData.of(inputs, targets, network, config.loss());
        markEpochs();
        data = d;
        resize();
        edited();
    }

    /**
     * Holds rows out of training as a test set; they are still evaluated. Like an edit, this abandons a
     * half-run iteration.
     *
     * @param test rows to hold out (any order, no duplicates); at least one row must remain for training
     * @throws IllegalArgumentException naming the row if it does not exist or repeats, or if no row would train
     */
    public void setTestRows(int[] test) {
        TrainingData d = data.withTestRows(test);
        markEpochs();
        data = d;
        resize();
        edited();
    }

    /**
     * Changes how training goes on (η, momentum, batch mode, loss ...). The weights and the iteration
     * count stay; a half-run iteration is abandoned.
     *
     * @throws IllegalArgumentException if the data set holds a target the new loss refuses, or the loss does not
     *                                  fit the output layer
     */
    public void setConfig(TrainingConfig c) {
        c.loss().checkOutput(network.layer(network.depth()).activation());
        data.checkTargets(c.loss());
        markEpochs();
        this.config = c;
        resize();
        edited();
    }

    /**
     * Gives the layers other activations, keeping every weight and bias (an edit, as {@link #setConfig}): from
     * now on {@code a^l = f_l(z^l)} with the new {@code f_l}. What the optimiser remembers stays, its buffers are of
     * the weights' shape; a half-run iteration is abandoned.
     *
     * @param f one activation per weight layer, {@code f_1 … f_L}
     * @throws IllegalArgumentException naming the value if {@code f} has the wrong length, puts softmax on a hidden
     *                                  layer, or the loss does not fit the new output activation
     */
    public void setActivations(List<Activation> f) {
        Network n = network.withActivations(f);
        config.loss().checkOutput(n.layer(n.depth()).activation());
        network = n;
        resize();
        edited();
    }

    /**
     * Sets the iteration count (for files that record how far a network has trained).
     *
     * @throws IllegalArgumentException naming the value if it is negative or beyond {@link #MAX_ITERATION}
     */
    public void setIteration(long k) {
        if (k < 0 || k > MAX_ITERATION) {
            throw new IllegalArgumentException("iteration " + k + " is not allowed: expected 0.." + MAX_ITERATION);
        }
        iteration = k;
        epochsAtMark = 0;
        epochMarkIteration = 0;
        edited();
    }

    private void resize() {
        int capacity = config.batch().rows(data.trainRows.length);
        if (ws == null || ws.capacity != capacity) {
            ws = new Workspace(network, capacity);
        }
        trainWs = null;
        testWs = null;
        evalWs = null;
        schedule.invalidate();
    }

    private void edited() {
        phaseIndex = 0;
        completeTrace = false;
        diverged = false;
    }

    // ---- state ------------------------------------------------------------------------------------

    /** @return a snapshot to {@link #restore} later (taken at the start of the current iteration) */
    public TrainerState state() {
        return new TrainerState(network.copy(), data, config, iteration, optimizerState.copy(), epochsAtMark,
                epochMarkIteration);
    }

    /** @return what the optimiser remembers now (a copy) */
    public OptimizerState optimizerState() {
        return optimizerState.copy();
    }

    /**
     * Returns to a snapshot of this trainer (same layer sizes): weights, activations, data, configuration,
     * iteration count and what the optimiser remembers; the next phase is FORWARD 1. A snapshot taken before or
     * after {@link #setActivations} brings its own activations back.
     *
     * @throws IllegalArgumentException if the snapshot is of a network of other sizes
     */
    public void restore(TrainerState s) {
        if (network.sameShape(s.network)) {
            network.copyParametersFrom(s.network);
        } else if (network.sameSizes(s.network)) {
            network = s.network.copy();
        } else {
            throw new IllegalArgumentException("cannot restore a network " + s.network.specs() + " into a trainer of "
                    + network.specs());
        }
        data = s.data;
        config = s.config;
        iteration = s.iteration;
        epochsAtMark = s.epochsAtMark;
        epochMarkIteration = s.epochMarkIteration;
        optimizerState = s.optimizerState.copy();
        resize();
        edited();
    }
}

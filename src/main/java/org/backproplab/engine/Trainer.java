package org.backproplab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Trains a {@link Network} on a data set by gradient descent, one iteration or one {@link Phase} at a time.
 * Iteration {@code k} (counted from 0) uses batch {@code k mod B} of epoch {@code k div B}, where
 * {@code B} is the number of batches per epoch, so the state is fully described by the weights, the
 * data, the configuration, the iteration count and the momentum buffers ({@link TrainerState}).
 * Stepping phase by phase and stepping whole iterations run the same code on the same buffers and give
 * bit-identical numbers. Not thread-safe: one thread owns a trainer.
 */
public final class Trainer {
    /** The largest number of input or target cells a data set may have. */
    public static final long MAX_CELLS = 1_000_000L;

    private final Network network;
    private double[][] x;
    private double[][] y;
    private TrainingConfig config;
    private long iteration;
    private final List<Phase> phases;
    private int phaseIndex;
    private Workspace ws;
    private boolean completeTrace;
    private double[][][] velocityW;
    private double[][] velocityB;
    private boolean diverged;
    private int[] order;
    private long orderEpoch = -1;
    private int[] batchScratch;
    private Workspace evalWs;
    /** The rows that train, ascending; the others are held out as the test set. */
    private int[] trainRows;
    private Workspace testWs;

    /**
     * @param network the network to train (owned by the trainer from now on)
     * @param inputs  one row per sample, {@code network.inputSize()} columns
     * @param targets one row per sample, {@code network.outputSize()} columns
     * @throws IllegalArgumentException naming the value if the data set is empty, has the wrong width,
     *                                  holds a non-finite number or a target the loss cannot take
     */
    public Trainer(Network network, RealMatrix inputs, RealMatrix targets, TrainingConfig config) {
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
        return new Array2DRowRealMatrix(x, true);
    }

    /** @return a copy of the targets, one row per sample */
    public RealMatrix targets() {
        return new Array2DRowRealMatrix(y, true);
    }

    public int sampleCount() {
        return x.length;
    }

    /** @return how many updates the weights have had */
    public long iteration() {
        return iteration;
    }

    /** @return completed epochs, as a fraction: {@code iteration / batchesPerEpoch} */
    public double epochs() {
        return (double) iteration / config.batch().batchesPerEpoch(trainRows.length);
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

    // ---- training ---------------------------------------------------------------------------------

    /**
     * Runs the rest of the current iteration (all of it at a boundary).
     *
     * @return the batch loss {@code L} of this iteration, computed before its update
     */
    public double step() {
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
     */
    public Phase stepPhase() {
        Phase p = phases.get(phaseIndex);
        runPhase(p);
        phaseIndex++;
        if (phaseIndex == phases.size()) {
            finishIteration();
        }
        return p;
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
                    loadBatch(ws, iteration);
                }
                ws.forward(network.layer(p.layer()), p.layer());
            }
            case LOSS -> {
                if (!Double.isFinite(ws.loss(config.loss()))) {
                    diverged = true;
                }
            }
            case BACKWARD -> ws.backward(network.layer(p.layer()), p.layer());
            case UPDATE -> update();
        }
    }

    /** UPDATE: {@code ΔW = μ ΔW_prev − η ∂L/∂W}, {@code W ← W + ΔW}, for weights and biases of every layer. */
    private void update() {
        double eta = config.learningRate();
        double mu = config.momentum();
        if (mu != 0.0 && velocityW == null) {
            allocateVelocity();
        }
        double check = 0.0;
        for (int l = 1; l <= network.depth(); l++) {
            Layer layer = network.layer(l);
            double[][] w = layer.weightData();
            double[][] gw = ws.gradW[l];
            double[] b = layer.biasData();
            double[] gb = ws.gradB[l];
            if (mu == 0.0) {
                for (int i = 0; i < w.length; i++) {
                    check += Kernels.descend(w[i], gw[i], eta);
                }
                if (b != null) {
                    check += Kernels.descend(b, gb, eta);
                }
            } else {
                double[][] v = velocityW[l];
                for (int i = 0; i < w.length; i++) {
                    check += Kernels.descend(w[i], v[i], gw[i], eta, mu);
                }
                if (b != null) {
                    check += Kernels.descend(b, velocityB[l], gb, eta, mu);
                }
            }
        }
        if (!Double.isFinite(check)) {
            diverged = true;
        }
    }

    private void allocateVelocity() {
        velocityW = new double[network.depth() + 1][][];
        velocityB = new double[network.depth() + 1][];
        for (int l = 1; l <= network.depth(); l++) {
            Layer layer = network.layer(l);
            velocityW[l] = new double[layer.inputSize()][layer.size()];
            velocityB[l] = layer.hasBias() ? new double[layer.size()] : null;
        }
    }

    /** Loads the batch of iteration {@code k} (counted from 0) into {@code w}. */
    private void loadBatch(Workspace w, long k) {
        int n = trainRows.length;
        BatchMode mode = config.batch();
        if (mode.isFull()) {
            w.load(x, y, trainRows, n, n == x.length);
            return;
        }
        int perEpoch = mode.batchesPerEpoch(n);
        long epoch = k / perEpoch;
        int start = (int) (k % perEpoch) * mode.size();
        int count = Math.min(mode.size(), n - start);
        int[] ord = order(epoch);
        System.arraycopy(ord, start, batchScratch, 0, count);
        w.load(x, y, batchScratch, count, false);
    }

    private int[] identity(int n) {
        if (batchScratch.length < n) {
            batchScratch = new int[n];
        }
        for (int i = 0; i < n; i++) {
            batchScratch[i] = i;
        }
        return batchScratch;
    }

    /** The visiting order of epoch {@code e}: the training rows in order, or permuted by (seed, e). */
    private int[] order(long epoch) {
        int n = trainRows.length;
        if (order != null && orderEpoch == epoch && order.length == n) {
            return order;
        }
        int[] o = trainRows.clone();
        if (config.shuffle()) {
            long s = config.seed();
            MersenneTwister rng = new MersenneTwister(new int[] {(int) (s >>> 32), (int) s, (int) (epoch >>> 32), (int) epoch});
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = o[i];
                o[i] = o[j];
                o[j] = t;
            }
        }
        order = o;
        orderEpoch = epoch;
        return o;
    }

    // ---- traces -----------------------------------------------------------------------------------

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
        Workspace p = new Workspace(network, ws.capacity);
        loadBatch(p, iteration);
        runAllButUpdate(p, network, config.loss());
        return capture(p, iteration + 1, phases.size() - 1);
    }

    /**
     * The forward pass and the loss over every sample, in data-set order, with the current weights.
     *
     * @return a trace with the FORWARD phases and LOSS
     */
    public IterationTrace evaluate() {
        Workspace e = new Workspace(network, x.length);
        e.load(x, y, identity(x.length), x.length, true);
        for (int l = 1; l <= network.depth(); l++) {
            e.forward(network.layer(l), l);
        }
        e.loss(config.loss());
        return capture(e, iteration, network.depth() + 1);
    }

    /**
     * The training loss over every sample with the weights now, {@code L(a^L(X), Y)}, reusing buffers
     * (cheap enough to call after every iteration of a small network).
     */
    public double datasetLoss() {
        if (evalWs == null || evalWs.capacity != trainRows.length) {
            evalWs = new Workspace(network, trainRows.length);
        }
        return lossOver(evalWs, trainRows);
    }

    /**
     * The loss over the held-out test rows with the weights now, combined like the training loss.
     *
     * @return the test loss, or NaN if no rows are held out
     */
    public double testLoss() {
        int[] test = testRows();
        if (test.length == 0) {
            return Double.NaN;
        }
        if (testWs == null || testWs.capacity != test.length) {
            testWs = new Workspace(network, test.length);
        }
        return lossOver(testWs, test);
    }

    private double lossOver(Workspace w, int[] rows) {
        w.load(x, y, rows, rows.length, rows.length == x.length);
        for (int l = 1; l <= network.depth(); l++) {
            w.forward(network.layer(l), l);
        }
        return w.loss(config.loss());
    }

    /** @return true if some rows are held out as a test set */
    public boolean hasTestRows() {
        return trainRows.length < x.length;
    }

    /** @return the rows that train, ascending */
    public int[] trainingRows() {
        return trainRows.clone();
    }

    /** @return the rows held out as the test set, ascending (none by default) */
    public int[] testRows() {
        int[] t = new int[x.length - trainRows.length];
        int k = 0;
        int next = 0;
        for (int r = 0; r < x.length; r++) {
            if (next < trainRows.length && trainRows[next] == r) {
                next++;
            } else {
                t[k++] = r;
            }
        }
        return t;
    }

    /**
     * Holds rows out of training as a test set; they are still evaluated. Like an edit, this abandons a
     * half-run iteration.
     *
     * @param test rows to hold out (any order, no duplicates); at least one row must remain for training
     * @throws IllegalArgumentException naming the row if it does not exist or repeats, or if no row would train
     */
    public void setTestRows(int[] test) {
        boolean[] held = new boolean[x.length];
        for (int r : test) {
            checkIndex("test row", r, x.length);
            if (held[r]) {
                throw new IllegalArgumentException("test row " + r + " is listed twice");
            }
            held[r] = true;
        }
        if (test.length >= x.length) {
            throw new IllegalArgumentException("all " + x.length + " samples would be held out for testing: "
                    + "at least one must train");
        }
        int[] t = new int[x.length - test.length];
        int k = 0;
        for (int r = 0; r < x.length; r++) {
            if (!held[r]) {
                t[k++] = r;
            }
        }
        trainRows = t;
        resize();
        edited();
    }

    /** Runs forward, loss and backward of the batch in {@code w} on {@code net}. */
    static void runAllButUpdate(Workspace w, Network net, Loss loss) {
        for (int l = 1; l <= net.depth(); l++) {
            w.forward(net.layer(l), l);
        }
        w.loss(loss);
        for (int l = net.depth(); l >= 1; l--) {
            w.backward(net.layer(l), l);
        }
    }

    /** The batch of the next iteration as a workspace that has run forward, loss and backward (for checks). */
    Workspace previewWorkspace(Network net) {
        Workspace p = new Workspace(net, ws.capacity);
        loadBatch(p, iteration);
        runAllButUpdate(p, net, config.loss());
        return p;
    }

    private IterationTrace capture(Workspace w, long iterationNo, int done) {
        int depth = network.depth();
        int rows = w.rows;
        List<RealMatrix> z = nulls(depth + 1);
        List<RealMatrix> a = nulls(depth + 1);
        List<RealMatrix> d = nulls(depth + 1);
        List<RealMatrix> gw = nulls(depth + 1);
        List<RealVector> gb = nulls(depth + 1);
        List<RealMatrix> dw = nulls(depth + 1);
        List<RealVector> db = nulls(depth + 1);
        a.set(0, matrix(w.a[0], rows));
        for (int l = 1; l <= depth; l++) {
            if (done > l - 1) {
                z.set(l, matrix(w.z[l], rows));
                a.set(l, matrix(w.a[l], rows));
            }
            if (done > depth + 1 + (depth - l)) {
                d.set(l, matrix(w.delta[l], rows));
                gw.set(l, new Array2DRowRealMatrix(w.gradW[l], true));
                gb.set(l, w.gradB[l] == null ? null : new ArrayRealVector(w.gradB[l], true));
            }
        }
        boolean lossDone = done > depth;
        if (done == phases.size()) {
            double eta = config.learningRate();
            for (int l = 1; l <= depth; l++) {
                if (velocityW != null && config.momentum() != 0.0) {
                    dw.set(l, new Array2DRowRealMatrix(velocityW[l], true));
                    db.set(l, velocityB[l] == null ? null : new ArrayRealVector(velocityB[l], true));
                } else {
                    dw.set(l, gw.get(l).scalarMultiply(-eta));
                    db.set(l, gb.get(l) == null ? null : gb.get(l).mapMultiply(-eta));
                }
            }
        }
        long perEpoch = config.batch().batchesPerEpoch(trainRows.length);
        long epoch = Math.max(0, iterationNo - 1) / perEpoch + 1;
        int[] samples = java.util.Arrays.copyOf(w.indices, rows);
        return new IterationTrace(iterationNo, epoch, done, samples, a.get(0), matrix(w.y, rows),
                Collections.unmodifiableList(z), Collections.unmodifiableList(a),
                lossDone ? java.util.Arrays.copyOf(w.sampleLoss, rows) : null,
                lossDone ? w.loss : Double.NaN,
                lossDone ? matrix(w.g[depth], rows) : null,
                Collections.unmodifiableList(d), Collections.unmodifiableList(gw), Collections.unmodifiableList(gb),
                Collections.unmodifiableList(dw), Collections.unmodifiableList(db));
    }

    private static <T> List<T> nulls(int n) {
        return new ArrayList<>(Collections.nCopies(n, null));
    }

    private static RealMatrix matrix(double[][] m, int rows) {
        return new Array2DRowRealMatrix(Kernels.copy(m, rows), false);
    }

    // ---- what-if edits ----------------------------------------------------------------------------

    /**
     * Sets {@code W^l[from][to]}. Like every edit it abandons a half-run iteration (the next phase is
     * FORWARD 1 again) and clears divergence if the parameters are finite again.
     *
     * @throws IllegalArgumentException naming the value if an index is out of range or the value not finite
     */
    public void setWeight(int l, int from, int to, double value) {
        Layer layer = network.layer(l);
        checkIndex("neuron of layer " + (l - 1), from, layer.inputSize());
        checkIndex("neuron of layer " + l, to, layer.size());
        checkFinite("weight W" + l + "[" + from + "][" + to + "]", value);
        layer.weightData()[from][to] = value;
        edited();
    }

    /** Sets {@code b^l[to]}; see {@link #setWeight}. */
    public void setBias(int l, int to, double value) {
        Layer layer = network.layer(l);
        if (!layer.hasBias()) {
            throw new IllegalArgumentException("layer " + l + " has no bias");
        }
        checkIndex("neuron of layer " + l, to, layer.size());
        checkFinite("bias b" + l + "[" + to + "]", value);
        layer.biasData()[to] = value;
        edited();
    }

    /** Sets input {@code column} of {@code sample}; see {@link #setWeight}. */
    public void setInput(int sample, int column, double value) {
        checkIndex("sample", sample, x.length);
        checkIndex("input column", column, network.inputSize());
        checkFinite("input x" + (column + 1) + " of sample " + (sample + 1), value);
        double[][] c = Kernels.copy(x);
        c[sample][column] = value;
        x = c;
        edited();
    }

    /** Sets target {@code column} of {@code sample}; see {@link #setWeight}. */
    public void setTarget(int sample, int column, double value) {
        checkIndex("sample", sample, y.length);
        checkIndex("target column", column, network.outputSize());
        checkFinite("target y" + (column + 1) + " of sample " + (sample + 1), value);
        checkTarget(value, "target y" + (column + 1) + " of sample " + (sample + 1));
        double[][] c = Kernels.copy(y);
        c[sample][column] = value;
        y = c;
        edited();
    }

    /**
     * Replaces the data set (rows added or removed, a new set of the same widths).
     *
     * @throws IllegalArgumentException naming the value if it is empty, too large, of the wrong width,
     *                                  or holds a number that is not finite or a target the loss refuses
     */
    public void setData(RealMatrix inputs, RealMatrix targets) {
        if (inputs == null || targets == null || inputs.getRowDimension() < 1) {
            throw new IllegalArgumentException("the data set is empty: expected at least one sample");
        }
        int n = inputs.getRowDimension();
        if (targets.getRowDimension() != n) {
            throw new IllegalArgumentException("the data set has " + n + " input rows but "
                    + targets.getRowDimension() + " target rows");
        }
        if (inputs.getColumnDimension() != network.inputSize()) {
            throw new IllegalArgumentException("the data set has " + inputs.getColumnDimension()
                    + " input columns but the network takes " + network.inputSize());
        }
        if (targets.getColumnDimension() != network.outputSize()) {
            throw new IllegalArgumentException("the data set has " + targets.getColumnDimension()
                    + " target columns but the network has " + network.outputSize() + " outputs");
        }
        if ((long) n * (inputs.getColumnDimension() + targets.getColumnDimension()) > MAX_CELLS) {
            throw new IllegalArgumentException("the data set has more than " + MAX_CELLS + " cells");
        }
        double[][] xs = inputs.getData();
        double[][] ys = targets.getData();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < xs[r].length; c++) {
                checkFinite("input x" + (c + 1) + " of sample " + (r + 1), xs[r][c]);
            }
            for (int c = 0; c < ys[r].length; c++) {
                checkFinite("target y" + (c + 1) + " of sample " + (r + 1), ys[r][c]);
                checkTarget(ys[r][c], "target y" + (c + 1) + " of sample " + (r + 1));
            }
        }
        x = xs;
        y = ys;
        trainRows = identityRows(n);
        resize();
        edited();
    }

    /**
     * Changes how training goes on (η, momentum, batch mode, loss ...). The weights and the iteration
     * count stay; a half-run iteration is abandoned.
     *
     * @throws IllegalArgumentException if the data set holds a target the new loss refuses
     */
    public void setConfig(TrainingConfig c) {
        for (int r = 0; r < y.length; r++) {
            for (int k = 0; k < y[r].length; k++) {
                checkTarget(y[r][k], "target y" + (k + 1) + " of sample " + (r + 1), c.loss());
            }
        }
        this.config = c;
        resize();
        edited();
    }

    private void resize() {
        int capacity = config.batch().rows(trainRows.length);
        if (ws == null || ws.capacity != capacity) {
            ws = new Workspace(network, capacity);
        }
        evalWs = null;
        testWs = null;
        if (batchScratch == null || batchScratch.length < x.length) {
            batchScratch = new int[x.length];
        }
        orderEpoch = -1;
    }

    private static int[] identityRows(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private void edited() {
        phaseIndex = 0;
        completeTrace = false;
        diverged = false;
    }

    private void checkTarget(double v, String where) {
        checkTarget(v, where, config.loss());
    }

    private static void checkTarget(double v, String where, Loss loss) {
        if (!loss.acceptsTarget(v)) {
            throw new IllegalArgumentException(where + " is " + v + " but the " + loss.id()
                    + " loss needs targets between 0 and 1");
        }
    }

    private static void checkIndex(String what, int i, int size) {
        if (i < 0 || i >= size) {
            throw new IllegalArgumentException(what + " " + i + " does not exist: expected 0.." + (size - 1));
        }
    }

    private static void checkFinite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " is " + v + ": expected a finite number");
        }
    }

    // ---- state ------------------------------------------------------------------------------------

    /** @return a snapshot to {@link #restore} later (taken at the start of the current iteration) */
    public TrainerState state() {
        double[][][] vw = null;
        double[][] vb = null;
        if (velocityW != null) {
            vw = new double[velocityW.length][][];
            vb = new double[velocityB.length][];
            for (int l = 1; l < velocityW.length; l++) {
                vw[l] = Kernels.copy(velocityW[l]);
                vb[l] = velocityB[l] == null ? null : velocityB[l].clone();
            }
        }
        return new TrainerState(network.copy(), x, y, trainRows, config, iteration, vw, vb);
    }

    /**
     * Returns to a snapshot of this trainer (same network shape): weights, data, configuration, iteration
     * count and momentum; the next phase is FORWARD 1.
     *
     * @throws IllegalArgumentException if the snapshot is of a network of another shape
     */
    public void restore(TrainerState s) {
        network.copyParametersFrom(s.network);
        x = s.inputs;
        y = s.targets;
        trainRows = s.trainRows;
        config = s.config;
        iteration = s.iteration;
        if (s.velocityW == null) {
            velocityW = null;
            velocityB = null;
        } else {
            allocateVelocity();
            for (int l = 1; l < velocityW.length; l++) {
                for (int i = 0; i < velocityW[l].length; i++) {
                    System.arraycopy(s.velocityW[l][i], 0, velocityW[l][i], 0, velocityW[l][i].length);
                }
                if (velocityB[l] != null) {
                    System.arraycopy(s.velocityB[l], 0, velocityB[l], 0, velocityB[l].length);
                }
            }
        }
        resize();
        edited();
        diverged = false;
    }

    /** Sets the iteration count (for files that record how far a network has trained). */
    public void setIteration(long k) {
        if (k < 0) {
            throw new IllegalArgumentException("iteration " + k + " is not allowed: expected 0 or more");
        }
        iteration = k;
        edited();
    }
}

package org.backproplab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Copies what a {@link Workspace} holds after {@code done} phases into an immutable {@link IterationTrace}.
 * Only called when someone looks, so the hot path never pays for it.
 */
final class TraceCapture {
    private TraceCapture() {
    }

    /**
     * @param state     what the optimiser remembers (live: read here, copied into the trace)
     * @param epoch     the epoch the iteration belongs to, counted from 1
     */
    static IterationTrace capture(Workspace w, long iterationNo, int done, int depth, TrainingConfig config,
                                  long epoch, OptimizerState state) {
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
                gw.set(l, ReadOnlyMatrix.wrap(Kernels.copy(w.gradW[l])));
                gb.set(l, w.gradB[l] == null ? null : new ArrayRealVector(w.gradB[l], true));
            }
        }
        boolean lossDone = done > depth;
        boolean updated = done == 2 * depth + 2;
        if (updated) {
            Steps steps = new Steps(config, state);
            for (int l = 1; l <= depth; l++) {
                double[][] g = w.gradW[l];
                double[][] step = new double[g.length][];
                for (int i = 0; i < g.length; i++) {
                    step[i] = steps.row(l, i, g[i]);
                }
                dw.set(l, ReadOnlyMatrix.wrap(step));
                db.set(l, w.gradB[l] == null ? null : new ArrayRealVector(steps.row(l, -1, w.gradB[l]), false));
            }
        }
        int[] samples = Arrays.copyOf(w.indices, rows);
        return new IterationTrace(iterationNo, epoch, done, samples, a.get(0), matrix(w.y, rows),
                Collections.unmodifiableList(z), Collections.unmodifiableList(a),
                lossDone ? Arrays.copyOf(w.sampleLoss, rows) : null,
                lossDone ? w.loss : Double.NaN,
                lossDone ? matrix(w.g[depth], rows) : null,
                Collections.unmodifiableList(d), Collections.unmodifiableList(gw), Collections.unmodifiableList(gb),
                Collections.unmodifiableList(dw), Collections.unmodifiableList(db),
                lossDone ? w.dataLoss : Double.NaN, lossDone ? w.penalty : Double.NaN,
                updated ? state.copy() : null);
    }

    /**
     * The step {@code Δθ} each parameter took in the last UPDATE, from the gradient and the optimiser's memory after
     * it, by the same functions the update used (see {@link Optimizer}).
     */
    private static final class Steps {
        private final Optimizer o;
        private final double eta;
        private final OptimizerState state;
        private final double c1;
        private final double c2;

        Steps(TrainingConfig config, OptimizerState state) {
            this.o = config.optimizer();
            this.eta = config.learningRate();
            this.state = state;
            this.c1 = Optimizer.correction(o.beta1(), state.adamStep());
            this.c2 = Optimizer.correction(o.beta2(), state.adamStep());
        }

        /** Row {@code i} of {@code ΔW^l}, or {@code Δb^l} for {@code i = −1}, whose gradient is {@code g}. */
        double[] row(int l, int i, double[] g) {
            double[] d = new double[g.length];
            for (int j = 0; j < g.length; j++) {
                d[j] = switch (o.kind()) {
                    case SGD -> -eta * g[j];
                    case MOMENTUM -> at(OptimizerState.Slot.VELOCITY, l, i, j);
                    case NESTEROV -> Optimizer.nesterovStep(at(OptimizerState.Slot.VELOCITY, l, i, j), g[j], eta, o.mu());
                    case RMSPROP -> Optimizer.rmspropStep(at(OptimizerState.Slot.MEAN_SQUARE, l, i, j), g[j], eta,
                            o.epsilon());
                    case ADAM -> Optimizer.adamStep(at(OptimizerState.Slot.FIRST_MOMENT, l, i, j),
                            at(OptimizerState.Slot.SECOND_MOMENT, l, i, j), eta, o.epsilon(), c1, c2);
                };
            }
            return d;
        }

        private double at(OptimizerState.Slot s, int l, int i, int j) {
            return i < 0 ? state.bias(s, l, j) : state.weight(s, l, i, j);
        }
    }

    private static <T> List<T> nulls(int n) {
        return new ArrayList<>(Collections.nCopies(n, null));
    }

    /** @return a read-only matrix of a private copy of the first {@code rows} rows (a trace is immutable from birth) */
    private static RealMatrix matrix(double[][] m, int rows) {
        return ReadOnlyMatrix.wrap(Kernels.copy(m, rows));
    }
}

package org.backproplab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
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
     * @param velocityW the momentum buffers ({@code ΔW} of the last update) or null when {@code μ = 0}
     * @param epoch     the epoch the iteration belongs to, counted from 1
     */
    static IterationTrace capture(Workspace w, long iterationNo, int done, int depth, TrainingConfig config,
                                  long epoch, double[][][] velocityW, double[][] velocityB) {
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
        if (done == 2 * depth + 2) {
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
        int[] samples = Arrays.copyOf(w.indices, rows);
        return new IterationTrace(iterationNo, epoch, done, samples, a.get(0), matrix(w.y, rows),
                Collections.unmodifiableList(z), Collections.unmodifiableList(a),
                lossDone ? Arrays.copyOf(w.sampleLoss, rows) : null,
                lossDone ? w.loss : Double.NaN,
                lossDone ? matrix(w.g[depth], rows) : null,
                Collections.unmodifiableList(d), Collections.unmodifiableList(gw), Collections.unmodifiableList(gb),
                Collections.unmodifiableList(dw), Collections.unmodifiableList(db));
    }

    private static <T> List<T> nulls(int n) {
        return new ArrayList<>(Collections.nCopies(n, null));
    }

    /** @return a read-only matrix of a private copy of the first {@code rows} rows (a trace is immutable from birth) */
    private static RealMatrix matrix(double[][] m, int rows) {
        return ReadOnlyMatrix.wrap(Kernels.copy(m, rows));
    }
}

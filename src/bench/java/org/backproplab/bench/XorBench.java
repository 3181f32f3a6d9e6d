package org.backproplab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainingConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One iteration of the XOR tutorial (3-4-1, sigmoid, no bias, sse, η = 1, full batch of 4):
 * {@link #engineStep} through {@link Trainer#step()}, against two references written here, the naive
 * allocating {@link RealMatrix} version ({@link #naiveRealMatrix}) and hand-written {@code double[]} loops
 * ({@link #plainLoops}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class XorBench {
    static final double[][] X = {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}};
    static final double[][] Y = {{0}, {1}, {1}, {0}};
    static final long SEED = 42;

    private Trainer trainer;
    private RealMatrix x;
    private RealMatrix y;
    private RealMatrix w1;
    private RealMatrix w2;
    private double[][] pw1;
    private double[][] pw2;
    private final double[][] l1 = new double[4][4];
    private final double[] out = new double[4];
    private final double[][] d1 = new double[4][4];
    private final double[] d2 = new double[4];

    @Setup(Level.Trial)
    public void setUp() {
        Network net = Network.create(3, List.of(new LayerSpec(4, Activation.SIGMOID, false),
                new LayerSpec(1, Activation.SIGMOID, false)), Initializer.UNIFORM01, SEED);
        TrainingConfig config = new TrainingConfig(Loss.SSE, 1.0, BatchMode.FULL, 0.0, false,
                Initializer.UNIFORM01, SEED);
        x = MatrixUtils.createRealMatrix(X);
        y = MatrixUtils.createRealMatrix(Y);
        trainer = new Trainer(net.copy(), x, y, config);
        w1 = net.layer(1).weights().copy();
        w2 = net.layer(2).weights().copy();
        pw1 = net.layer(1).weights().getData();
        pw2 = net.layer(2).weights().getData();
    }

    /** The engine: {@link Trainer#step()} on preallocated buffers. */
    @Benchmark
    public double engineStep() {
        return trainer.step();
    }

    /** The tutorial's numpy code transcribed op by op onto RealMatrix, a new matrix for every operation. */
    @Benchmark
    public RealMatrix naiveRealMatrix() {
        RealMatrix layer1 = sigmoid(x.multiply(w1));
        RealMatrix output = sigmoid(layer1.multiply(w2));
        RealMatrix d2m = y.subtract(output).scalarMultiply(2);
        d2m = hadamard(d2m, map(output, v -> v * (1 - v)));
        RealMatrix dW2 = layer1.transpose().multiply(d2m);
        RealMatrix d1m = hadamard(d2m.multiply(w2.transpose()), map(layer1, v -> v * (1 - v)));
        RealMatrix dW1 = x.transpose().multiply(d1m);
        w1 = w1.add(dW1);
        w2 = w2.add(dW2);
        return w2;
    }

    /** The same iteration as hand-written loops on {@code double[]}, nothing allocated. */
    @Benchmark
    public double[][] plainLoops() {
        for (int r = 0; r < 4; r++) {
            double o = 0;
            for (int j = 0; j < 4; j++) {
                double s = 0;
                for (int i = 0; i < 3; i++) {
                    s += X[r][i] * pw1[i][j];
                }
                l1[r][j] = 1.0 / (1.0 + Math.exp(-s));
                o += l1[r][j] * pw2[j][0];
            }
            out[r] = 1.0 / (1.0 + Math.exp(-o));
            d2[r] = 2 * (Y[r][0] - out[r]) * out[r] * (1 - out[r]);
            for (int j = 0; j < 4; j++) {
                d1[r][j] = d2[r] * pw2[j][0] * l1[r][j] * (1 - l1[r][j]);
            }
        }
        for (int j = 0; j < 4; j++) {
            double g = 0;
            for (int r = 0; r < 4; r++) {
                g += l1[r][j] * d2[r];
            }
            pw2[j][0] += g;
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                double g = 0;
                for (int r = 0; r < 4; r++) {
                    g += X[r][i] * d1[r][j];
                }
                pw1[i][j] += g;
            }
        }
        return pw1;
    }

    private static RealMatrix sigmoid(RealMatrix m) {
        return map(m, v -> 1.0 / (1.0 + Math.exp(-v)));
    }

    /** @return a new matrix {@code f(m)}, element-wise (commons-math3 has no {@code map} on matrices) */
    private static RealMatrix map(RealMatrix m, DoubleUnaryOperator f) {
        RealMatrix c = m.copy();
        c.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return f.applyAsDouble(value);
            }
        });
        return c;
    }

    private static RealMatrix hadamard(RealMatrix a, RealMatrix b) {
        RealMatrix c = a.createMatrix(a.getRowDimension(), a.getColumnDimension());
        for (int i = 0; i < a.getRowDimension(); i++) {
            for (int j = 0; j < a.getColumnDimension(); j++) {
                c.setEntry(i, j, a.getEntry(i, j) * b.getEntry(i, j));
            }
        }
        return c;
    }
}

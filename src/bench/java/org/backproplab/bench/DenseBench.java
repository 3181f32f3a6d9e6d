package org.backproplab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.random.MersenneTwister;
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
 * One MNIST-shaped step: a 784-64-10 sigmoid network with biases, mse, mini-batch 32, on 320 random
 * samples (inputs U[0,1), one-hot targets), through {@link Trainer#step()}. Each call is one batch of 32:
 * forward, loss, backward, update.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class DenseBench {
    static final int INPUTS = 784;
    static final int HIDDEN = 64;
    static final int OUTPUTS = 10;
    static final int SAMPLES = 320;
    static final int BATCH = 32;

    private Trainer trainer;

    @Setup(Level.Trial)
    public void setUp() {
        MersenneTwister rng = new MersenneTwister(7);
        double[][] x = new double[SAMPLES][INPUTS];
        double[][] y = new double[SAMPLES][OUTPUTS];
        for (int r = 0; r < SAMPLES; r++) {
            for (int c = 0; c < INPUTS; c++) {
                x[r][c] = rng.nextDouble();
            }
            y[r][rng.nextInt(OUTPUTS)] = 1.0;
        }
        TrainingConfig config = new TrainingConfig(Loss.MSE, 0.1, BatchMode.miniBatch(BATCH), 0.0, false,
                Initializer.XAVIER, 1);
        Network net = Network.create(INPUTS, List.of(new LayerSpec(HIDDEN, Activation.SIGMOID, true),
                new LayerSpec(OUTPUTS, Activation.SIGMOID, true)), config.init(), config.seed());
        trainer = new Trainer(net, MatrixUtils.createRealMatrix(x), MatrixUtils.createRealMatrix(y), config);
    }

    /** One mini-batch of 32 through {@link Trainer#step()}. */
    @Benchmark
    public double step() {
        return trainer.step();
    }
}

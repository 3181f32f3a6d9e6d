package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/** Seeded random networks, data sets and trainers for the engine tests, and bit-exact trace comparison. */
final class Fixtures {
    static final double[][] XOR_X = {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}};
    static final double[][] XOR_Y = {{0}, {1}, {1}, {0}};

    private Fixtures() {
    }

    /** A random shape: 1..3 hidden layers of 1..5 neurons with {@code hidden}, then {@code outputs} of {@code out}. */
    static List<LayerSpec> randomSpecs(RandomGenerator rng, Activation hidden, Activation out, int outputs,
                                       boolean bias) {
        List<LayerSpec> specs = new ArrayList<>();
        int hiddenLayers = 1 + rng.nextInt(3);
        for (int h = 0; h < hiddenLayers; h++) {
            specs.add(new LayerSpec(1 + rng.nextInt(5), hidden, bias));
        }
        specs.add(new LayerSpec(outputs, out, bias));
        return specs;
    }

    /** A {@code rows × cols} matrix of U[lo, hi). */
    static RealMatrix uniform(RandomGenerator rng, int rows, int cols, double lo, double hi) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int c = 0; c < cols; c++) {
                row[c] = lo + (hi - lo) * rng.nextDouble();
            }
        }
        return MatrixUtils.createRealMatrix(m);
    }

    /**
     * A trainer on a random network with {@code n} random samples; targets in [0, 1] for bce, one-hot rows for
     * cross-entropy, else in [−1, 1]. A softmax output has 2 or 3 neurons.
     */
    static Trainer randomTrainer(long seed, Activation hidden, Activation out, Loss loss, BatchMode batch,
                                 boolean bias, int n, double momentum, boolean shuffle) {
        RandomGenerator rng = new MersenneTwister(seed);
        int inputs = 1 + rng.nextInt(4);
        int outputs = 1 + rng.nextInt(3);
        if (out == Activation.SOFTMAX && outputs == 1) {
            outputs = 3;
        }
        List<LayerSpec> specs = randomSpecs(rng, hidden, out, outputs, bias);
        TrainingConfig config = new TrainingConfig(loss, 0.01, batch, momentum, shuffle, Initializer.XAVIER, seed);
        Network net = Network.create(inputs, specs, Initializer.XAVIER, seed);
        if (bias) {
            // xavier starts biases at 0; give them values so that their gradients are checked off zero
            for (Layer layer : net.layers()) {
                for (int j = 0; j < layer.size(); j++) {
                    layer.bias().setEntry(j, rng.nextDouble() - 0.5);
                }
            }
        }
        RealMatrix x = uniform(rng, n, inputs, -1.5, 1.5);
        RealMatrix y = loss == Loss.CROSS_ENTROPY ? oneHot(rng, n, outputs)
                : loss == Loss.BCE ? uniform(rng, n, outputs, 0, 1) : uniform(rng, n, outputs, -1, 1);
        return new Trainer(net, x, y, config);
    }

    /** {@code n} one-hot rows of {@code classes} columns, each class drawn uniformly. */
    static RealMatrix oneHot(RandomGenerator rng, int n, int classes) {
        double[][] m = new double[n][classes];
        for (double[] row : m) {
            row[rng.nextInt(classes)] = 1.0;
        }
        return MatrixUtils.createRealMatrix(m);
    }

    /** The XOR tutorial's trainer: 3-4-1 sigmoid, no bias, sse, η = 1, full batch, uniform01. */
    static Trainer xor(long seed) {
        TrainingConfig config = new TrainingConfig(Loss.SSE, 1.0, BatchMode.FULL, 0.0, false, Initializer.UNIFORM01, seed);
        Network net = Network.create(3, List.of(new LayerSpec(4, Activation.SIGMOID, false),
                new LayerSpec(1, Activation.SIGMOID, false)), config.init(), seed);
        return new Trainer(net, MatrixUtils.createRealMatrix(XOR_X), MatrixUtils.createRealMatrix(XOR_Y), config);
    }

    /** Asserts two traces hold bit-identical numbers in every field. */
    static void assertSameTrace(IterationTrace e, IterationTrace a) {
        assertEquals(e.iteration(), a.iteration(), "iteration");
        assertEquals(e.epoch(), a.epoch(), "epoch");
        assertEquals(e.phasesDone(), a.phasesDone(), "phasesDone");
        assertArrayEquals(e.samples(), a.samples(), "samples");
        assertSameMatrix(e.inputs(), a.inputs(), "inputs");
        assertSameMatrix(e.targets(), a.targets(), "targets");
        assertSameMatrices(e.preActivations(), a.preActivations(), "z");
        assertSameMatrices(e.activations(), a.activations(), "a");
        assertArrayEquals(e.sampleLosses(), a.sampleLosses(), "sample losses");
        assertEquals(Double.doubleToLongBits(e.loss()), Double.doubleToLongBits(a.loss()), "loss");
        assertSameMatrix(e.outputGradient(), a.outputGradient(), "∂L/∂ŷ");
        assertSameMatrices(e.deltas(), a.deltas(), "δ");
        assertSameMatrices(e.weightGradients(), a.weightGradients(), "∂L/∂W");
        assertSameVectors(e.biasGradients(), a.biasGradients(), "∂L/∂b");
        assertSameMatrices(e.weightUpdates(), a.weightUpdates(), "ΔW");
        assertSameVectors(e.biasUpdates(), a.biasUpdates(), "Δb");
    }

    static void assertSameMatrices(List<RealMatrix> e, List<RealMatrix> a, String what) {
        assertEquals(e.size(), a.size(), what + " layers");
        for (int l = 0; l < e.size(); l++) {
            assertSameMatrix(e.get(l), a.get(l), what + "[" + l + "]");
        }
    }

    static void assertSameMatrix(RealMatrix e, RealMatrix a, String what) {
        if (e == null || a == null) {
            assertEquals(e, a, what);
            return;
        }
        double[][] ed = e.getData();
        double[][] ad = a.getData();
        assertEquals(ed.length, ad.length, what + " rows");
        for (int r = 0; r < ed.length; r++) {
            assertArrayEquals(ed[r], ad[r], what + " row " + r); // exact: assertArrayEquals compares bits
        }
    }

    static void assertSameVectors(List<RealVector> e, List<RealVector> a, String what) {
        assertEquals(e.size(), a.size(), what + " layers");
        for (int l = 0; l < e.size(); l++) {
            if (e.get(l) == null || a.get(l) == null) {
                assertEquals(e.get(l), a.get(l), what + "[" + l + "]");
            } else {
                assertArrayEquals(e.get(l).toArray(), a.get(l).toArray(), what + "[" + l + "]");
            }
        }
    }
}

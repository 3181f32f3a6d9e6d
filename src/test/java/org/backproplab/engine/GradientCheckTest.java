package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Backpropagation against central finite differences, and GradientCheck itself against a numerical derivative. */
class GradientCheckTest {
    /** The bound on the relative error of backprop against central differences. */
    static final double MAX_RELATIVE_ERROR = 1e-6;
    /** How far GradientCheck's difference quotient may be from ours (same formula, other code path). */
    static final double NUMERIC_AGREEMENT = 1e-7;
    static final long[] SEEDS = {1, 2, 3};
    static final int SAMPLES = 7;
    static final List<BatchMode> BATCHES = List.of(BatchMode.FULL, BatchMode.SAMPLE, BatchMode.miniBatch(3));

    /**
     * Every hidden activation × loss × batch mode (5 × 4 × 3 = 60 cases), plus softmax at the output with every
     * loss × batch mode (4 × 3 = 12: with cross-entropy the short cut {@code δ = ŷ − y}, with the others the full
     * softmax Jacobian).
     */
    static Stream<Arguments> everyCombination() {
        return combinations(BATCHES);
    }

    /**
     * Every activation × loss on the full batch (20 + 4 cases): the full batch is all samples in order, which
     * {@code predict()} can evaluate on its own.
     */
    static Stream<Arguments> everyFullBatchCombination() {
        return combinations(List.of(BatchMode.FULL));
    }

    private static Stream<Arguments> combinations(List<BatchMode> batches) {
        List<Arguments> args = new ArrayList<>();
        for (Activation f : Activation.values()) {
            for (Loss loss : Loss.values()) {
                for (BatchMode batch : batches) {
                    if (f.isElementwise() || f == output(f, loss)) {
                        args.add(Arguments.of(f, loss, batch));
                    }
                }
            }
        }
        return args.stream();
    }

    /**
     * The output activation for hidden {@code f} and {@code loss}: sigmoid for bce, softmax for cross-entropy,
     * else {@code f}; softmax as {@code f} means the hidden layers are tanh and only the output is softmax.
     */
    static Activation output(Activation f, Loss loss) {
        if (loss == Loss.CROSS_ENTROPY) {
            return Activation.SOFTMAX;
        }
        return loss == Loss.BCE && f != Activation.SOFTMAX ? Activation.SIGMOID : f;
    }

    static Activation hidden(Activation f) {
        return f.isElementwise() ? f : Activation.TANH;
    }

    @ParameterizedTest(name = "{0} × {1} × batch {2}")
    @MethodSource("everyCombination")
    void backpropMatchesFiniteDifferences(Activation f, Loss loss, BatchMode batch) {
        Activation out = output(f, loss);
        for (long seed : SEEDS) {
            for (boolean bias : new boolean[] {true, false}) {
                Trainer t = Fixtures.randomTrainer(seed, hidden(f), out, loss, batch, bias, SAMPLES, 0.0, true);
                t.train(2); // check a batch other than the first (and, shuffled, not in data-set order)
                GradientCheck.Result r = GradientCheck.run(t);
                int expected = (int) t.network().parameterCount();
                assertEquals(expected, r.entries().size(), "one entry per parameter");
                assertEquals(expected, r.count(GradientCheck.Status.PASS), () -> "seed " + seed + " bias " + bias
                        + ": every parameter passes (none at a kink on these random weights): " + r.entries());
                assertTrue(r.maxRelativeError() <= MAX_RELATIVE_ERROR, () -> "seed " + seed + " bias " + bias
                        + ": worst " + r.worst());
            }
        }
    }

    /**
     * GradientCheck's ĝ, g, relative error, step and kinks against a derivative and a forward pass computed
     * here from the network's matrices on perturbed copies.
     */
    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("everyFullBatchCombination")
    void gradientCheckAgreesWithAnIndependentDerivative(Activation f, Loss loss, BatchMode batch) {
        Activation out = output(f, loss);
        Trainer t = Fixtures.randomTrainer(11, hidden(f), out, loss, batch, true, SAMPLES, 0.0, false);
        Network before = t.network().copy();
        GradientCheck.Result r = GradientCheck.run(t);
        assertTrue(t.network().sameAs(before), "the check leaves the network alone");
        assertEquals(t.network().parameterCount(), r.entries().size());
        for (GradientCheck.Entry e : r.entries()) {
            double theta = valueOf(t.network(), e);
            double h = e.step();
            assertEquals(!e.isComparable(), crossesAKink(t, e, h), e.name() + " at h = " + h);
            if (e.kink() != null && e.isComparable()) {
                assertTrue(crossesAKink(t, e, e.kink().step()), e.name() + " retried because h crossed a kink");
            }
            double mine = (lossWith(t, e, theta + h) - lossWith(t, e, theta - h)) / (2 * h);
            assertEquals(mine, e.numeric(), NUMERIC_AGREEMENT * Math.max(1, Math.abs(mine)), e.name() + " ĝ");
            assertEquals(mine, e.backprop(), MAX_RELATIVE_ERROR * Math.max(1, Math.abs(mine)) * 10, e.name() + " g");
            double floor = 1e-4 * 1e-5 * Math.max(1, Math.abs(theta)) / h;
            double rel = Math.abs(e.backprop() - e.numeric()) / Math.max(Math.abs(e.backprop()) + Math.abs(e.numeric()), floor);
            assertEquals(rel, e.relativeError(), 1e-15, e.name() + " relative error");
        }
        for (int k = 1; k < r.entries().size(); k++) {
            GradientCheck.Entry a = r.entries().get(k - 1);
            GradientCheck.Entry b = r.entries().get(k);
            assertTrue(rank(a) < rank(b) || rank(a) == rank(b) && a.relativeError() >= b.relativeError(),
                    "failures, then kinks, then passes, each worst first");
        }
    }

    private static int rank(GradientCheck.Entry e) {
        return List.of(GradientCheck.Status.FAIL, GradientCheck.Status.KINK, GradientCheck.Status.PASS).indexOf(e.status());
    }

    private static double valueOf(Network net, GradientCheck.Entry e) {
        return e.isBias() ? net.layer(e.layer()).bias(e.to()) : net.layer(e.layer()).weight(e.from(), e.to());
    }

    /** Whether moving the parameter by ±h puts a ReLU or leaky-ReLU {@code z} of a sample on the other side of 0. */
    private static boolean crossesAKink(Trainer t, GradientCheck.Entry e, double h) {
        double theta = valueOf(t.network(), e);
        List<boolean[][]> at = sides(withValue(t, e, theta), t.inputs());
        return !same(at, sides(withValue(t, e, theta + h), t.inputs()))
                || !same(at, sides(withValue(t, e, theta - h), t.inputs()));
    }

    private static boolean same(List<boolean[][]> a, List<boolean[][]> b) {
        for (int l = 0; l < a.size(); l++) {
            if (!java.util.Arrays.deepEquals(a.get(l), b.get(l))) {
                return false;
            }
        }
        return true;
    }

    /** {@code z^l > 0} for every sample and neuron of the kinked layers ({@code z = a W + b}, summed here). */
    private static List<boolean[][]> sides(Network net, RealMatrix x) {
        List<boolean[][]> sides = new ArrayList<>();
        double[][] a = x.getData();
        for (Layer layer : net.layers()) {
            double[][] next = new double[a.length][layer.size()];
            boolean[][] positive = new boolean[a.length][layer.size()];
            for (int r = 0; r < a.length; r++) {
                for (int j = 0; j < layer.size(); j++) {
                    double z = layer.hasBias() ? layer.bias(j) : 0;
                    for (int i = 0; i < a[r].length; i++) {
                        z += a[r][i] * layer.weight(i, j);
                    }
                    positive[r][j] = z > 0;
                    next[r][j] = z;
                }
                next[r] = layer.activation().apply(next[r]);
            }
            boolean kinked = layer.activation() == Activation.RELU || layer.activation() == Activation.LEAKY_RELU;
            sides.add(kinked ? positive : new boolean[0][]);
            a = next;
        }
        return sides;
    }

    private static Network withValue(Trainer t, GradientCheck.Entry e, double value) {
        Network copy = t.network().copy();
        Layer layer = copy.layer(e.layer());
        if (e.isBias()) {
            layer.bias().setEntry(e.to(), value);
        } else {
            layer.weights().setEntry(e.from(), e.to(), value);
        }
        return copy;
    }

    /** {@code L} with one parameter set to {@code value}, computed here from {@code predict} on a copy. */
    private static double lossWith(Trainer t, GradientCheck.Entry e, double value) {
        Network copy = withValue(t, e, value);
        RealMatrix yHat = copy.predict(t.inputs());
        RealMatrix y = t.targets();
        double sum = 0;
        for (int r = 0; r < y.getRowDimension(); r++) {
            for (int k = 0; k < y.getColumnDimension(); k++) {
                double p = yHat.getEntry(r, k);
                double target = y.getEntry(r, k);
                sum += switch (t.config().loss()) {
                    case SSE, MSE -> (target - p) * (target - p);
                    case BCE -> -(target * Math.log(p) + (1 - target) * Math.log(1 - p));
                    case CROSS_ENTROPY -> -target * Math.log(p);
                };
            }
        }
        return t.config().loss() == Loss.SSE ? sum : sum / y.getRowDimension();
    }
}

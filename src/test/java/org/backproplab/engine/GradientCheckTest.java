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

    static Stream<Arguments> everyCombination() {
        List<Arguments> args = new ArrayList<>();
        for (Activation f : Activation.values()) {
            for (Loss loss : Loss.values()) {
                for (BatchMode batch : BATCHES) {
                    args.add(Arguments.of(f, loss, batch));
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} × {1} × batch {2}")
    @MethodSource("everyCombination")
    void backpropMatchesFiniteDifferences(Activation f, Loss loss, BatchMode batch) {
        Activation out = loss == Loss.BCE ? Activation.SIGMOID : f;
        for (long seed : SEEDS) {
            for (boolean bias : new boolean[] {true, false}) {
                Trainer t = Fixtures.randomTrainer(seed, f, out, loss, batch, bias, SAMPLES, 0.0, true);
                t.train(2); // check a batch other than the first (and, shuffled, not in data-set order)
                GradientCheck.Result r = GradientCheck.run(t);
                int expected = (int) t.network().parameterCount();
                assertEquals(expected, r.entries().size(), "one entry per parameter");
                assertTrue(r.maxRelativeError() <= MAX_RELATIVE_ERROR, () -> "seed " + seed + " bias " + bias
                        + ": worst " + r.worst());
            }
        }
    }

    /** GradientCheck's ĝ and g against a derivative computed here from Network.predict on perturbed copies. */
    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("everyCombination")
    void gradientCheckAgreesWithAnIndependentDerivative(Activation f, Loss loss, BatchMode batch) {
        if (!batch.isFull()) {
            return; // the full batch is all samples in order, which predict() can evaluate on its own
        }
        Activation out = loss == Loss.BCE ? Activation.SIGMOID : f;
        Trainer t = Fixtures.randomTrainer(11, f, out, loss, batch, true, SAMPLES, 0.0, false);
        Network before = t.network().copy();
        GradientCheck.Result r = GradientCheck.run(t);
        assertTrue(t.network().sameAs(before), "the check leaves the network alone");
        for (GradientCheck.Entry e : r.entries()) {
            double mine = numericDerivative(t, e);
            assertEquals(mine, e.numeric(), NUMERIC_AGREEMENT * Math.max(1, Math.abs(mine)), e.name() + " ĝ");
            assertEquals(mine, e.backprop(), MAX_RELATIVE_ERROR * Math.max(1, Math.abs(mine)) * 10, e.name() + " g");
            double rel = Math.abs(e.backprop() - e.numeric())
                    / Math.max(Math.abs(e.backprop()) + Math.abs(e.numeric()), 1e-4);
            assertEquals(rel, e.relativeError(), 1e-15, e.name() + " relative error");
        }
        for (int k = 1; k < r.entries().size(); k++) {
            assertTrue(r.entries().get(k - 1).relativeError() >= r.entries().get(k).relativeError(), "worst first");
        }
    }

    /** {@code (L(θ+h) − L(θ−h)) / 2h} with {@code L} computed here from {@code predict} on a copy. */
    private static double numericDerivative(Trainer t, GradientCheck.Entry e) {
        Network net = t.network();
        double theta = e.isBias() ? net.layer(e.layer()).bias(e.to()) : net.layer(e.layer()).weight(e.from(), e.to());
        double h = 1e-5 * Math.max(1, Math.abs(theta));
        return (lossWith(t, e, theta + h) - lossWith(t, e, theta - h)) / (2 * h);
    }

    private static double lossWith(Trainer t, GradientCheck.Entry e, double value) {
        Network copy = t.network().copy();
        Layer layer = copy.layer(e.layer());
        if (e.isBias()) {
            layer.bias().setEntry(e.to(), value);
        } else {
            layer.weights().setEntry(e.from(), e.to(), value);
        }
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
                };
            }
        }
        return t.config().loss() == Loss.SSE ? sum : sum / y.getRowDimension();
    }
}

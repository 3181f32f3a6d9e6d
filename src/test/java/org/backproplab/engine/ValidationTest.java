package org.backproplab.engine;

import static org.backproplab.engine.LossActivationTest.assertMessageNames;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bad input is refused with a message naming the value; divergence is a state, not an exception. */
class ValidationTest {
    static final int MAX_ITERATIONS_TO_DIVERGE = 200;
    static final double HUGE_ETA = 1e6;

    private static final TrainingConfig SSE = new TrainingConfig(Loss.SSE, 1.0, BatchMode.FULL, 0.0, false,
            Initializer.UNIFORM01, 1);

    private static Network net(int in, int out, Activation f) {
        return Network.create(in, List.of(new LayerSpec(3, f, true), new LayerSpec(out, f, true)),
                Initializer.NORMAL, 1);
    }

    private static RealMatrix m(double[][] d) {
        return MatrixUtils.createRealMatrix(d);
    }

    @Test
    void wrongWidthsAreRefused() {
        RealMatrix y = m(new double[][] {{1}});
        assertMessageNames("2 input columns", () -> new Trainer(net(3, 1, Activation.SIGMOID),
                m(new double[][] {{1, 2}}), y, SSE));
        assertMessageNames("2 target columns", () -> new Trainer(net(3, 1, Activation.SIGMOID),
                m(new double[][] {{1, 2, 3}}), m(new double[][] {{0, 1}}), SSE));
        assertMessageNames("2 target rows", () -> new Trainer(net(3, 1, Activation.SIGMOID),
                m(new double[][] {{1, 2, 3}}), m(new double[][] {{0}, {1}}), SSE));
        assertMessageNames("4 columns", () -> net(3, 1, Activation.SIGMOID).predict(m(new double[][] {{1, 2, 3, 4}})));
        assertMessageNames("layer 2 takes 4", () -> new Network(2, List.of(new Layer(2, 3, Activation.RELU, true),
                new Layer(4, 1, Activation.RELU, true))));
    }

    @Test
    void emptyDataIsRefused() {
        assertMessageNames("empty", () -> new Trainer(net(2, 1, Activation.SIGMOID), new Array2DRowRealMatrix(),
                new Array2DRowRealMatrix(), SSE));
        assertMessageNames("empty", () -> new Trainer(net(2, 1, Activation.SIGMOID), null, null, SSE));
    }

    @Test
    void sizesBelowOneAreRefused() {
        assertMessageNames("0", () -> new LayerSpec(0, Activation.SIGMOID, true));
        assertMessageNames("-1", () -> new Layer(2, -1, Activation.SIGMOID, true));
        assertMessageNames("0", () -> new Layer(0, 2, Activation.SIGMOID, true));
        assertMessageNames("input size 0", () -> new Network(0, List.of(new Layer(1, 1, Activation.RELU, false))));
        assertMessageNames("batch size 0", () -> BatchMode.miniBatch(0));
        assertMessageNames("batch size -3", () -> new BatchMode(-3));
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        assertMessageNames("NaN", () -> SSE.withLearningRate(Double.NaN));
        assertMessageNames("Infinity", () -> SSE.withLearningRate(Double.POSITIVE_INFINITY));
        assertMessageNames("-0.5", () -> SSE.withLearningRate(-0.5));
        assertMessageNames("1.0", () -> SSE.withMomentum(1.0));
        assertMessageNames("NaN", () -> new Trainer(net(2, 1, Activation.SIGMOID),
                m(new double[][] {{0, 1}, {1, Double.NaN}}), m(new double[][] {{0}, {1}}), SSE));
        Trainer t = new Trainer(net(2, 1, Activation.SIGMOID), m(new double[][] {{0, 1}}), m(new double[][] {{0}}), SSE);
        assertMessageNames("x2 of sample 1 is NaN", () -> t.setInput(0, 1, Double.NaN));
        assertMessageNames("Infinity", () -> t.setWeight(1, 0, 0, Double.NEGATIVE_INFINITY));
        assertMessageNames("sample 5", () -> t.setInput(5, 0, 1.0));
    }

    @Test
    void bceRefusesATargetOutsideZeroOne() {
        TrainingConfig bce = SSE.withLoss(Loss.BCE);
        assertMessageNames("1.5", () -> new Trainer(net(2, 1, Activation.SIGMOID), m(new double[][] {{0, 1}}),
                m(new double[][] {{1.5}}), bce));
        Trainer t = new Trainer(net(2, 1, Activation.SIGMOID), m(new double[][] {{0, 1}}), m(new double[][] {{0.5}}), bce);
        assertMessageNames("-0.2", () -> t.setTarget(0, 0, -0.2));
        Trainer sse = new Trainer(net(2, 1, Activation.SIGMOID), m(new double[][] {{0, 1}}), m(new double[][] {{2}}), SSE);
        assertMessageNames("2.0", () -> sse.setConfig(bce));
    }

    /** A linear hidden layer and a linear or ReLU output (positive targets keep the ReLU alive). */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"LINEAR", "RELU"})
    void divergenceIsAStateNotAnException(Activation f) {
        Network net = Network.create(2, List.of(new LayerSpec(3, Activation.LINEAR, true), new LayerSpec(1, f, true)),
                Initializer.UNIFORM01, 1);
        Trainer t = new Trainer(net, m(new double[][] {{1, 2}, {3, 4}, {5, 6}}),
                m(new double[][] {{10}, {20}, {30}}), SSE.withLearningRate(HUGE_ETA));
        assertFalse(t.isDiverged());
        assertDoesNotThrow(() -> {
            for (int k = 0; k < MAX_ITERATIONS_TO_DIVERGE && !t.isDiverged(); k++) {
                t.step();
            }
        });
        assertTrue(t.isDiverged(), "a huge learning rate diverges");
        assertDoesNotThrow(() -> t.step(), "stepping a diverged trainer does not throw");
        assertTrue(t.isDiverged());
    }

    @Test
    void aSmallLearningRateDoesNotDiverge() {
        Trainer t = Fixtures.xor(1);
        t.train(100);
        assertFalse(t.isDiverged());
    }
}

package org.backproplab.engine.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainingConfig;
import org.junit.jupiter.api.Test;

/** Each detector on a crafted network (or curve) that triggers it and on one that does not. */
class DetectorsTest {
    private static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final double[][] Y = {{0}, {1}, {1}, {0}};

    private static Layer layer(int in, int out, Activation f, double[][] w, double[] b) {
        Layer l = new Layer(in, out, f, b != null);
        l.weights().setSubMatrix(w, 0, 0);
        if (b != null) {
            for (int j = 0; j < out; j++) {
                l.bias().setEntry(j, b[j]);
            }
        }
        return l;
    }

    private static Trainer trainer(Network net) {
        TrainingConfig c = new TrainingConfig(Loss.SSE, 0.5, BatchMode.FULL, 0, false, Initializer.XAVIER, 1);
        return new Trainer(net, MatrixUtils.createRealMatrix(X), MatrixUtils.createRealMatrix(Y), c);
    }

    private static Network reluNet(double h2Bias) {
        return new Network(2, List.of(
                layer(2, 3, Activation.RELU, new double[][] {{0.5, -0.4, 0.3}, {0.2, -0.7, 0.6}}, new double[] {0.1, h2Bias, 0}),
                layer(3, 1, Activation.SIGMOID, new double[][] {{0.3}, {0.8}, {-0.5}}, new double[] {0})));
    }

    @Test
    void deadRelu() {
        List<Problem> dead = Detectors.deadRelus(reluNet(-0.2), trainer(reluNet(-0.2)).evaluate());
        assertEquals(1, dead.size());
        assertEquals(Problem.Kind.DEAD_RELU, dead.get(0).kind());
        assertEquals(List.of(1), dead.get(0).neurons(), "h2: z = −0.4·x1 − 0.7·x2 − 0.2 < 0 on every corner");
        assertTrue(dead.get(0).explain((l, j) -> "h" + (j + 1)).startsWith("Dead ReLU h2: never active"));
        // with bias 0.5, h2 is active at (0, 0)
        assertTrue(Detectors.deadRelus(reluNet(0.5), trainer(reluNet(0.5)).evaluate()).isEmpty());
    }

    @Test
    void deadReluNeverLearnsAgain() {
        Trainer t = trainer(reluNet(-0.2));
        double[] before = t.network().layer(1).weights().getColumn(1);
        t.train(50);
        assertEquals(List.of(before[0], before[1]), List.of(t.network().layer(1).weight(0, 1), t.network().layer(1).weight(1, 1)),
                "the engine agrees: a dead ReLU's weights do not move");
        assertEquals(List.of(1), Detectors.deadRelus(t.network(), t.evaluate()).get(0).neurons());
    }

    @Test
    void saturatedUnit() {
        Network hot = new Network(2, List.of(
                layer(2, 2, Activation.SIGMOID, new double[][] {{9, 0.1}, {9, 0.2}}, new double[] {6, 0}),
                layer(2, 1, Activation.SIGMOID, new double[][] {{1}, {1}}, new double[] {0})));
        List<Problem> p = Detectors.saturated(hot, trainer(hot).evaluate());
        assertEquals(1, p.size());
        assertEquals(1, p.get(0).layer());
        assertEquals(List.of(0), p.get(0).neurons(), "h1: z ≥ 6 on every corner; h2 is not");
        Network cool = new Network(2, List.of(
                layer(2, 2, Activation.SIGMOID, new double[][] {{2, 0.1}, {2, 0.2}}, new double[] {1, 0}),
                layer(2, 1, Activation.SIGMOID, new double[][] {{1}, {1}}, new double[] {0})));
        assertTrue(Detectors.saturated(cool, trainer(cool).evaluate()).isEmpty());
        Network sure = new Network(2, List.of(
                layer(2, 2, Activation.SIGMOID, new double[][] {{2, 0.1}, {2, 0.2}}, new double[] {1, 0}),
                layer(2, 1, Activation.SIGMOID, new double[][] {{3}, {3}}, new double[] {10})));
        assertTrue(Detectors.saturated(sure, trainer(sure).evaluate()).isEmpty(),
                "an output sure of every answer (z ≥ 10) is what training is for, not a problem");
    }

    private static Network deep(double inner) {
        double[][] w = {{inner, -inner}, {-inner, inner}};
        return new Network(2, List.of(
                layer(2, 2, Activation.SIGMOID, new double[][] {{0.5, -0.3}, {0.4, 0.6}}, new double[] {0, 0}),
                layer(2, 2, Activation.SIGMOID, w, new double[] {0, 0}),
                layer(2, 2, Activation.SIGMOID, w, new double[] {0, 0}),
                layer(2, 1, Activation.SIGMOID, new double[][] {{2}, {1}}, new double[] {0})));
    }

    @Test
    void vanishingGradients() {
        Problem p = Detectors.vanishing(deep(0.05), trainer(deep(0.05)).preview());
        assertNotNull(p);
        assertEquals(Problem.Kind.VANISHING_GRADIENT, p.kind());
        assertNull(Detectors.vanishing(deep(3), trainer(deep(3)).preview()));
    }

    @Test
    void plateau() {
        long[] it = new long[101];
        double[] flat = new double[101];
        double[] falling = new double[101];
        double[] nearZero = new double[101];
        for (int k = 0; k <= 100; k++) {
            it[k] = 10L * k;
            flat[k] = k < 20 ? 1.2 - 0.01 * k : 1.0;
            falling[k] = 1.2 * Math.exp(-0.01 * k);
            nearZero[k] = k < 20 ? 1.2 - 0.06 * k : 0.001;
        }
        Problem p = Detectors.plateau(it, flat);
        assertNotNull(p);
        assertTrue(p.explain((l, j) -> "").startsWith("Plateau: "), p.explain((l, j) -> ""));
        assertNull(Detectors.plateau(it, falling));
        assertNull(Detectors.plateau(it, nearZero), "flat but near 0 is convergence, not a plateau");
        assertNull(Detectors.plateau(new long[] {0, 50}, new double[] {1, 1}), "too short to tell");
        // a thinned curve: one point inside the last 200 iterations, the one before it far back and higher
        assertNull(Detectors.plateau(new long[] {0, 1000, 5000, 9000, 9990}, new double[] {1, 0.9, 0.7, 0.5, 0.3}),
                "a loss still falling between the sparse points of a long run is no plateau");
    }

    private static Network twins(double h3Out) {
        return new Network(2, List.of(
                layer(2, 3, Activation.SIGMOID, new double[][] {{0.5, 0.2, 0.5}, {-0.3, 0.4, -0.3}}, new double[] {0.1, 0, 0.1}),
                layer(3, 1, Activation.SIGMOID, new double[][] {{0.7}, {0.1}, {h3Out}}, new double[] {0})));
    }

    @Test
    void symmetricUnitsStaySymmetricInTheEngine() {
        Trainer t = trainer(twins(0.7));
        t.train(100);
        List<Problem> p = Detectors.symmetric(t.network());
        assertEquals(1, p.size());
        assertEquals(List.of(0, 2), p.get(0).neurons(), "h1 and h3 are still alike after 100 iterations");
        assertTrue(Detectors.symmetric(twins(0.69)).isEmpty(), "a different outgoing weight breaks the symmetry");
    }

    @Test
    void detectAllCollectsThemInOrder() {
        Network net = reluNet(-0.2);
        Trainer t = trainer(net);
        List<Problem> all = Detectors.detect(net, t.evaluate(), t.preview(), null, null);
        assertEquals(List.of(Problem.Kind.DEAD_RELU), all.stream().map(Problem::kind).toList());
    }
}

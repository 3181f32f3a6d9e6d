package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backpropagation of {@code L = L_data + Ω(W)} against central differences of that loss, for L1 and L2 with every
 * smooth activation × loss × batch mode: the penalty's gradient {@code λ W} or {@code λ sign(W)} is in
 * {@code ∂L/∂W} and its value is in the loss the differences are taken of.
 */
class RegularizedGradientCheckTest {
    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (Regularization r : List.of(Regularization.l2(0.3), Regularization.l1(0.2))) {
            for (Activation f : List.of(Activation.TANH, Activation.SIGMOID, Activation.SOFTMAX)) {
                for (Loss loss : Loss.values()) {
                    for (BatchMode batch : GradientCheckTest.BATCHES) {
                        if (f.isElementwise() || f == GradientCheckTest.output(f, loss)) {
                            args.add(Arguments.of(r, f, loss, batch));
                        }
                    }
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} × {1} × {2} × batch {3}")
    @MethodSource("cases")
    void backpropOfThePenalisedLossMatchesFiniteDifferences(Regularization r, Activation f, Loss loss, BatchMode batch) {
        Activation out = GradientCheckTest.output(f, loss);
        for (long seed : GradientCheckTest.SEEDS) {
            Trainer t = Fixtures.randomTrainer(seed, GradientCheckTest.hidden(f), out, loss, batch, true,
                    GradientCheckTest.SAMPLES, 0.0, true);
            t.setConfig(t.config().withRegularization(r));
            t.train(2);
            GradientCheck.Result res = GradientCheck.run(t);
            int expected = (int) t.network().parameterCount();
            assertEquals(expected, res.count(GradientCheck.Status.PASS), () -> "seed " + seed + ": " + res.entries());
            assertTrue(res.maxRelativeError() <= GradientCheckTest.MAX_RELATIVE_ERROR, () -> "worst " + res.worst());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("penalties")
    void thePenaltyIsItsOwnTermOfTheLossAndTheGradient(Regularization r) {
        Trainer t = Fixtures.randomTrainer(5, Activation.TANH, Activation.SIGMOID, Loss.MSE, BatchMode.FULL, true, 7,
                0.0, false);
        IterationTrace without = t.preview();
        t.setConfig(t.config().withRegularization(r));
        IterationTrace with = t.preview();
        double omega = r.penalty(t.network());
        assertTrue(omega > 0);
        assertEquals(without.loss(), with.dataLoss(), "the data loss is the loss without the penalty");
        assertEquals(omega, with.penalty());
        assertEquals(without.loss() + omega, with.loss(), "L = L_data + Ω");
        for (int l = 1; l <= t.network().depth(); l++) {
            double[][] w = t.network().layer(l).weights().getData();
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    assertEquals(without.weightGradients().get(l).getEntry(i, j) + r.gradient(w[i][j]),
                            with.weightGradients().get(l).getEntry(i, j), "∂L/∂W" + l + "[" + i + "][" + j + "]");
                }
            }
            assertEquals(without.biasGradients().get(l), with.biasGradients().get(l), "biases are not penalised");
        }
    }

    static Stream<Regularization> penalties() {
        return Stream.of(Regularization.l2(0.3), Regularization.l1(0.2));
    }
}

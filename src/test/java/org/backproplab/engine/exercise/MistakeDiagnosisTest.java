package org.backproplab.engine.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.MersenneTwister;
import org.backproplab.engine.Activation;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.backproplab.engine.Phase;
import org.junit.jupiter.api.Test;

/**
 * Each mistake of the catalogue: its wrong number, worked out here by hand from the engine's trace, is diagnosed as
 * that mistake; a right answer is right; random wrong answers get no diagnosis.
 */
class MistakeDiagnosisTest {
    /** The second sample, x = (0, 1), y = 1. */
    private static final int ROW = 1;
    private static final Map<Quantity, Double> NONE = Map.of();

    /** @return the worksheet of the sse XOR net after BACKWARD of layer {@code l}, sample (0, 1) on show */
    static Worksheet backward(int l) {
        return ExerciseNets.after(ExerciseNets.trainer(Loss.SSE), new Phase(Phase.Kind.BACKWARD, l), ROW);
    }

    /** @return the worksheet of the sse XOR net after its UPDATE, sample (0, 1) on show */
    static Worksheet update() {
        return ExerciseNets.after(ExerciseNets.trainer(Loss.SSE), new Phase(Phase.Kind.UPDATE, 0), ROW);
    }

    /** Asserts that {@code wrong} for {@code q} is graded wrong and diagnosed as {@code expected}, without the truth. */
    static void assertDiagnosis(Mistake expected, Worksheet w, Quantity q, double wrong) {
        Grade g = w.grade(q, wrong, NONE);
        assertFalse(g.right(), q + ": " + wrong + " graded right, truth " + w.truth(q));
        assertEquals(expected, g.diagnosis(), q + ": " + wrong + " against truth " + w.truth(q));
        assertTrue(g.verdict().startsWith("✗"), g.verdict());
        assertTrue(g.verdict().contains(expected.description()), g.verdict());
        assertFalse(g.verdict().contains(org.backproplab.text.NumberText.format(w.truth(q))),
                "a wrong answer does not give the right one away: " + g.verdict());
    }

    @Test
    void sigmoidValueForItsDerivative() {
        Worksheet w = backward(2);
        IterationTrace t = w.trace();
        double dLdyHat = t.outputGradient().getEntry(ROW, 0);
        double a = t.activations().get(2).getEntry(ROW, 0);
        assertDiagnosis(Mistake.ACTIVATION_FOR_DERIVATIVE, w, Quantity.delta(2, 0), dLdyHat * a);
    }

    @Test
    void signOfTheErrorFlipped() {
        Worksheet w = backward(2);
        IterationTrace t = w.trace();
        double yHat = t.activations().get(2).getEntry(ROW, 0);
        double wrong = +2 * (1 - yHat) * yHat * (1 - yHat);
        assertDiagnosis(Mistake.SIGN_FLIPPED, w, Quantity.delta(2, 0), wrong);
    }

    @Test
    void factorTwoDroppedAndDoubled() {
        Worksheet w = backward(2);
        double yHat = w.trace().activations().get(2).getEntry(ROW, 0);
        double slope = yHat * (1 - yHat);
        assertDiagnosis(Mistake.FACTOR_2_DROPPED, w, Quantity.delta(2, 0), -(1 - yHat) * slope);
        assertDiagnosis(Mistake.FACTOR_2_DOUBLED, w, Quantity.delta(2, 0), -4 * (1 - yHat) * slope);
    }

    @Test
    void learningRateForgottenOrTwice() {
        Worksheet w = update();
        double g = w.trace().weightGradients().get(2).getEntry(1, 0);
        assertDiagnosis(Mistake.ETA_FORGOTTEN, w, Quantity.dw(2, 1, 0), -g);
        assertDiagnosis(Mistake.ETA_TWICE, w, Quantity.dw(2, 1, 0), -ExerciseNets.ETA * ExerciseNets.ETA * g);
        double before = ExerciseNets.network().layer(2).weight(1, 0);
        assertDiagnosis(Mistake.ETA_FORGOTTEN, w, Quantity.newW(2, 1, 0), before - g);
    }

    @Test
    void gradientNotSummedOverTheBatch() {
        Worksheet w = backward(2);
        IterationTrace t = w.trace();
        double mine = t.activations().get(1).getEntry(ROW, 0) * t.deltas().get(2).getEntry(ROW, 0);
        assertDiagnosis(Mistake.NOT_SUMMED, w, Quantity.dLdw(2, 0, 0), mine);
    }

    @Test
    void gradientAveragedWhereTheLossSums() {
        Worksheet w = backward(2);
        double sum = w.trace().weightGradients().get(2).getEntry(0, 0);
        assertDiagnosis(Mistake.BATCH_COMBINED_WRONGLY, w, Quantity.dLdw(2, 0, 0), sum / 4);
    }

    @Test
    void weightUpdatedBeforeTheErrorWasPassedBack() {
        // the ReLU tutorial's Neuron.backward: update W2 first, then pass δ back through the new W2
        Worksheet w = backward(1);
        IterationTrace t = w.trace();
        Network net = ExerciseNets.network();
        double dOut = t.deltas().get(2).getEntry(ROW, 0);
        double g = t.weightGradients().get(2).getEntry(1, 0);
        double updated = net.layer(2).weight(1, 0) - ExerciseNets.ETA * g;
        double a = t.activations().get(1).getEntry(ROW, 1);
        assertDiagnosis(Mistake.UPDATED_BEFORE_BACKPROP, w, Quantity.delta(1, 1), dOut * updated * a * (1 - a));
    }

    @Test
    void transposedWeightIndex() {
        Worksheet w = ExerciseNets.after(ExerciseNets.trainer(Loss.SSE), new Phase(Phase.Kind.FORWARD, 1), ROW);
        Network net = ExerciseNets.network();
        // z_h1 with W1[0][1] read for W1[1][0]: x = (0, 1)
        double wrong = 0 * net.layer(1).weight(0, 0) + 1 * net.layer(1).weight(0, 1) + net.layer(1).bias(0);
        assertDiagnosis(Mistake.TRANSPOSED_INDEX, w, Quantity.z(1, 0), wrong);
    }

    @Test
    void rightAnswersAreRightEvenRoundedToThreeDigits() {
        for (Phase p : Phase.sequence(2)) {
            Worksheet w = ExerciseNets.after(ExerciseNets.trainer(Loss.SSE), p, ROW);
            for (Quantity q : w.quantities(p, Scope.PHASE, null)) {
                double v = w.truth(q);
                Grade g = w.grade(q, Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v)), NONE);
                assertTrue(g.right(), p + " " + q + ": " + g.verdict());
                assertNull(g.diagnosis());
                assertTrue(g.verdict().startsWith("✓"), g.verdict());
                assertEquals("", g.hint());
            }
        }
    }

    @Test
    void randomWrongAnswersGetNoDiagnosis() {
        MersenneTwister rng = new MersenneTwister(12);
        int tried = 0;
        for (Phase p : Phase.sequence(2)) {
            Worksheet w = ExerciseNets.after(ExerciseNets.trainer(Loss.SSE), p, ROW);
            for (Quantity q : w.quantities(p, Scope.PHASE, null)) {
                for (int k = 0; k < 20; k++) {
                    double wrong = w.truth(q) + (rng.nextDouble() * 2 - 1) * 3.7 + 0.013;
                    Grade g = w.grade(q, wrong, NONE);
                    assertFalse(g.right());
                    assertNull(g.diagnosis(), () -> q + ": " + wrong + " diagnosed as " + g.diagnosis());
                    assertFalse(g.hint().isEmpty());
                    tried++;
                }
            }
        }
        assertTrue(tried > 100);
    }

    @Test
    void recomputationGivesTheEnginesNumbers() {
        for (Loss loss : Loss.values()) {
            for (Phase p : Phase.sequence(2)) {
                Worksheet w = ExerciseNets.after(ExerciseNets.trainer(loss), p, ROW);
                // an answer carried for a quantity nothing here depends on forces the recomputation
                Map<Quantity, Double> unrelated = Map.of(new Quantity(Quantity.Kind.Z, 9, -1, 9), 0.0);
                for (Quantity q : w.quantities(p, Scope.PHASE, null)) {
                    assertEquals(w.truth(q), w.expected(q, unrelated), 1e-12 * Math.max(1, Math.abs(w.truth(q))),
                            loss + " " + p + " " + q);
                }
            }
        }
    }

    @Test
    void recomputationGivesTheEnginesNumbersThroughASoftmaxOutput() {
        for (Loss loss : Loss.values()) {
            for (Phase p : Phase.sequence(2)) {
                org.backproplab.engine.Trainer t = new org.backproplab.engine.Trainer(ExerciseNets.softmaxNetwork(),
                        org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(ExerciseNets.X),
                        org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(ExerciseNets.Y_ONE_HOT),
                        ExerciseNets.config(loss));
                Worksheet w = ExerciseNets.after(t, p, ROW);
                Map<Quantity, Double> unrelated = Map.of(new Quantity(Quantity.Kind.Z, 9, -1, 9), 0.0);
                for (Quantity q : w.quantities(p, Scope.PHASE, null)) {
                    assertEquals(w.truth(q), w.expected(q, unrelated), 1e-12 * Math.max(1, Math.abs(w.truth(q))),
                            "softmax, " + loss + " " + p + " " + q);
                }
            }
        }
    }

    @Test
    void aConfidentlyWrongSoftmaxOutputIsRecomputedAsTheEngineDoes() {
        org.backproplab.engine.Network net = ExerciseNets.softmaxNetwork();
        net.layer(2).bias().setEntry(0, 40);
        net.layer(2).bias().setEntry(1, -40);
        // row 1 is class 1, whose ŷ is now below 1e-30: a clamped ŷ would give a δ of about 0 and a loss of 27.6
        for (Phase p : List.of(new Phase(Phase.Kind.LOSS, 0), new Phase(Phase.Kind.BACKWARD, 2))) {
            org.backproplab.engine.Trainer t = new org.backproplab.engine.Trainer(net.copy(),
                    org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(ExerciseNets.X),
                    org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(ExerciseNets.Y_ONE_HOT),
                    ExerciseNets.config(Loss.CROSS_ENTROPY));
            Worksheet w = ExerciseNets.after(t, p, 1);
            Map<Quantity, Double> unrelated = Map.of(new Quantity(Quantity.Kind.Z, 9, -1, 9), 0.0);
            for (Quantity q : w.quantities(p, Scope.PHASE, null)) {
                assertEquals(w.truth(q), w.expected(q, unrelated), 1e-12 * Math.max(1, Math.abs(w.truth(q))), p + " " + q);
            }
        }
    }

    @Test
    void carriedAnswerFeedsTheNextNumber() {
        Worksheet w = ExerciseNets.after(ExerciseNets.trainer(Loss.SSE), new Phase(Phase.Kind.FORWARD, 1), ROW);
        double mine = 0.5;
        double expected = w.expected(Quantity.a(1, 0), Map.of(Quantity.z(1, 0), mine));
        assertEquals(Activation.SIGMOID.value(mine), expected, 1e-15);
        assertTrue(w.grade(Quantity.a(1, 0), Activation.SIGMOID.value(mine), Map.of(Quantity.z(1, 0), mine)).right());
        assertFalse(w.grade(Quantity.a(1, 0), Activation.SIGMOID.value(mine), NONE).right());
    }

    @Test
    void answerIdsUseTheGraphsNames() {
        Quantity.Names names = (l, j) -> l == 0 ? "x" + (j + 1) : l == 2 ? "ŷ" : "h" + (j + 1);
        assertEquals("delta-h1", Quantity.delta(1, 0).symbol(names));
        assertEquals("dLdw-x1-h1", Quantity.dLdw(1, 0, 0).symbol(names));
        assertEquals("a-yhat", Quantity.a(2, 0).symbol(names));
        assertEquals("loss", Quantity.loss(2).symbol(names));
        assertEquals("∂L/∂w h2→ŷ", Quantity.dLdw(2, 1, 0).label(names));
        List<Quantity> forward = List.of(Quantity.z(1, 0), Quantity.a(1, 0));
        Worksheet w = ExerciseNets.after(ExerciseNets.trainer(Loss.SSE), new Phase(Phase.Kind.FORWARD, 1), ROW);
        assertEquals(forward, w.quantities(new Phase(Phase.Kind.FORWARD, 1), Scope.NEURON, new int[] {1, 0}));
    }
}

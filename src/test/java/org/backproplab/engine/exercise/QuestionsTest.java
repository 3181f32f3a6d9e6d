package org.backproplab.engine.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.math3.linear.MatrixUtils;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.backproplab.engine.Phase;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The revealed answer of every question is what the engine then does, found by running it. */
class QuestionsTest {
    private static final Quantity.Names NAMES = (l, j) -> l == 0 ? "x" + (j + 1) : l == 2 ? "ŷ" : "h" + (j + 1);
    private static final int ROW = 1;

    private static Trainer trainer(double eta, BatchMode batch) {
        TrainingConfig c = ExerciseNets.config(Loss.SSE).withLearningRate(eta).withBatch(batch);
        return new Trainer(ExerciseNets.network(), MatrixUtils.createRealMatrix(ExerciseNets.X),
                MatrixUtils.createRealMatrix(ExerciseNets.Y), c);
    }

    @Test
    void updateQuestionsTellWhatTheEngineDoes() {
        Set<Question.Kind> seen = EnumSet.noneOf(Question.Kind.class);
        int[] answersSeen = new int[3];
        for (double eta : new double[] {0.5, 3, 40}) {
            for (int[] edge : new int[][] {{2, 0, 0}, {2, 1, 0}, {1, 0, 1}, {1, 1, 0}}) {
                for (int turn = 0; turn < 3; turn++) {
                    Trainer t = trainer(eta, BatchMode.FULL);
                    for (int k = 0; k < 5 * turn; k++) {
                        t.step();
                    }
                    Question q = Questions.next(t.network(), t.preview(), t.config(), t.nextPhase(), true, ROW, edge,
                            NAMES, turn);
                    assertNotNull(q);
                    seen.add(q.kind());
                    double lossBefore = t.preview().loss();
                    double yHatBefore = t.network().predict(ExerciseNets.X[ROW])[0];
                    double wBefore = t.network().layer(edge[0]).weight(edge[1], edge[2]);
                    t.step();
                    int truth = switch (q.kind()) {
                        case WEIGHT_DIRECTION -> {
                            double w = t.network().layer(edge[0]).weight(edge[1], edge[2]);
                            yield w > wBefore ? 0 : w < wBefore ? 1 : 2;
                        }
                        // full batch: the next iteration's preview runs on the same batch with the new weights
                        case LOSS_DOWN -> t.preview().loss() < lossBefore ? 0 : 1;
                        case TOWARD_TARGET -> {
                            double y = ExerciseNets.Y[ROW][0];
                            yield Math.abs(t.network().predict(ExerciseNets.X[ROW])[0] - y) < Math.abs(yHatBefore - y) ? 0 : 1;
                        }
                        default -> throw new AssertionError(q);
                    };
                    assertEquals(truth, q.answer(), () -> q.text() + " " + q.reason());
                    answersSeen[q.answer()]++;
                    assertTrue(q.reason().contains("."), q.reason());
                }
            }
        }
        assertEquals(EnumSet.of(Question.Kind.WEIGHT_DIRECTION, Question.Kind.LOSS_DOWN, Question.Kind.TOWARD_TARGET), seen);
        assertTrue(answersSeen[0] > 0 && answersSeen[1] > 0, "both yes and no (up and down) answers occur");
    }

    @Test
    void largestDeltaAndActivationAreTheEnginesLargest() {
        for (int k = 0; k < 6; k++) {
            Trainer t = trainer(0.5, BatchMode.FULL);
            for (int s = 0; s < k; s++) {
                t.step();
            }
            Question forward = Questions.next(t.network(), t.preview(), t.config(), t.nextPhase(), false, ROW, null, NAMES, 0);
            assertEquals(Question.Kind.LARGEST_ACTIVATION, forward.kind());
            t.stepPhase();
            double[] a = t.trace().activations().get(1).getRow(ROW);
            assertEquals(argMaxAbs(a), forward.answer(), forward.reason());
            t.stepPhase();
            t.stepPhase();
            t.stepPhase();
            assertEquals(new Phase(Phase.Kind.BACKWARD, 1), t.nextPhase());
            Network now = t.network();
            Question back = Questions.next(now, t.preview(), t.config(), t.nextPhase(), false, ROW, null, NAMES, 0);
            assertEquals(Question.Kind.LARGEST_DELTA, back.kind());
            t.stepPhase();
            double[] d = t.trace().deltas().get(1).getRow(ROW);
            assertEquals(argMaxAbs(d), back.answer(), back.reason());
        }
    }

    @Test
    void noQuestionWhereNoneFits() {
        Trainer t = trainer(0.5, BatchMode.FULL);
        t.stepPhase();
        t.stepPhase();
        assertEquals(Phase.Kind.LOSS, t.nextPhase().kind());
        assertNull(Questions.next(t.network(), t.preview(), t.config(), t.nextPhase(), false, ROW, null, NAMES, 0));
        Trainer withMomentum = new Trainer(ExerciseNets.network(), MatrixUtils.createRealMatrix(ExerciseNets.X),
                MatrixUtils.createRealMatrix(ExerciseNets.Y), ExerciseNets.config(Loss.SSE).withMomentum(0.9));
        assertNull(Questions.next(withMomentum.network(), withMomentum.preview(), withMomentum.config(),
                withMomentum.nextPhase(), true, ROW, null, NAMES, 0));
        // the update questions work out w − η·∂L/∂w: not Adam's step, nor one with a penalty in the loss
        for (org.backproplab.engine.TrainingConfig c : java.util.List.of(
                ExerciseNets.config(Loss.SSE).withOptimizer(org.backproplab.engine.Optimizer.of(
                        org.backproplab.engine.Optimizer.Kind.ADAM)),
                ExerciseNets.config(Loss.SSE).withRegularization(org.backproplab.engine.Regularization.l2(0.1)))) {
            Trainer other = new Trainer(ExerciseNets.network(), MatrixUtils.createRealMatrix(ExerciseNets.X),
                    MatrixUtils.createRealMatrix(ExerciseNets.Y), c);
            assertNull(Questions.next(other.network(), other.preview(), other.config(), other.nextPhase(), true, ROW,
                    null, NAMES, 0), c.toString());
        }
    }

    private static int argMaxAbs(double[] v) {
        int best = 0;
        for (int j = 1; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[best])) {
                best = j;
            }
        }
        return best;
    }
}

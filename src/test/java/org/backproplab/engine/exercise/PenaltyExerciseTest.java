package org.backproplab.engine.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.commons.math3.linear.MatrixUtils;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Phase;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.Test;

/**
 * With a penalty on the weights, ∂L/∂W worked out by hand (what a student's own earlier numbers lead to, and what
 * the mistakes are diagnosed from) has the penalty's term the engine adds: λ·W for L2, λ·sign(W) for L1.
 */
class PenaltyExerciseTest {
    private static final int ROW = 1;

    @Test
    void theGradientWorkedOutByHandHasThePenaltysTerm() {
        for (Regularization r : new Regularization[] {Regularization.l2(0.1), Regularization.l1(0.05)}) {
            Trainer trainer = new Trainer(ExerciseNets.network(), MatrixUtils.createRealMatrix(ExerciseNets.X),
                    MatrixUtils.createRealMatrix(ExerciseNets.Y), ExerciseNets.config(Loss.SSE).withRegularization(r));
            Worksheet w = ExerciseNets.after(trainer, new Phase(Phase.Kind.BACKWARD, 2), ROW);
            for (int i = 0; i < 2; i++) {
                Quantity q = Quantity.dLdw(2, i, 0);
                double engine = w.truth(q);
                // the student carries their own δ, which is right: the gradient follows from it by the formula
                Map<Quantity, Double> carried = Map.of(Quantity.delta(2, 0), w.truth(Quantity.delta(2, 0)));
                double mine = w.expected(q, carried);
                assertEquals(engine, mine, 1e-12, r + ": " + q.symbol((l, j) -> "n" + j));
                assertTrue(w.grade(q, engine, carried).right(), r + ": the engine's own number is graded right");
                double withoutPenalty = engine - r.gradient(w.weightsUsed().layer(2).weight(i, 0));
                assertTrue(Math.abs(withoutPenalty - engine) > 1e-6, "the penalty's term is there to be missed");
            }
        }
    }
}

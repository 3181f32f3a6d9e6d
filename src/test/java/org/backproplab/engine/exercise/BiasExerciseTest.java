package org.backproplab.engine.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.backproplab.engine.exercise.MistakeDiagnosisTest.assertDiagnosis;
import static org.backproplab.engine.exercise.MistakeDiagnosisTest.backward;
import static org.backproplab.engine.exercise.MistakeDiagnosisTest.update;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.MatrixUtils;
import org.backproplab.engine.Activation;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.backproplab.engine.Phase;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The bias numbers of a worksheet: ∂L/∂b in the backward phase and the new b in the update, graded against the
 * engine, each bias mistake diagnosed from its wrong number worked out here by hand from the trace; a layer without
 * biases asks for none.
 */
class BiasExerciseTest {
    /** The second sample, x = (0, 1), y = 1, as in {@link MistakeDiagnosisTest}. */
    private static final int ROW = 1;
    private static final Map<Quantity, Double> NONE = Map.of();

    /** @return Σ_k δ_j of layer {@code l} over the batch, from the trace */
    private static double sumOfDeltas(IterationTrace t, int l, int j) {
        double s = 0;
        for (int k = 0; k < t.samples().length; k++) {
            s += t.deltas().get(l).getEntry(k, j);
        }
        return s;
    }

    @Test
    void backwardAsksTheBiasGradientAfterTheWeightGradients() {
        Worksheet w = backward(2);
        List<Quantity> asked = w.quantities(new Phase(Phase.Kind.BACKWARD, 2), Scope.NEURON, new int[] {2, 0});
        assertEquals(List.of(Quantity.delta(2, 0), Quantity.dLdw(2, 0, 0), Quantity.dLdw(2, 1, 0),
                Quantity.dLdb(2, 0)), asked);
        double engine = w.trace().biasGradients().get(2).getEntry(0);
        assertEquals(sumOfDeltas(w.trace(), 2, 0), engine, 1e-12);
        assertEquals(engine, w.truth(Quantity.dLdb(2, 0)), 0);
        assertTrue(w.grade(Quantity.dLdb(2, 0), engine, NONE).right());
        assertEquals("dLdb-h1", Quantity.dLdb(1, 0).symbol((l, j) -> "h" + (j + 1)));
    }

    @Test
    void updateAsksTheNewBiasAsTheEngineSetsIt() {
        Trainer trainer = ExerciseNets.trainer(Loss.SSE);
        Worksheet w = ExerciseNets.after(trainer, new Phase(Phase.Kind.UPDATE, 0), ROW);
        List<Quantity> asked = w.quantities(new Phase(Phase.Kind.UPDATE, 0), Scope.NEURON, new int[] {1, 1});
        assertEquals(Quantity.newB(1, 1), asked.get(asked.size() - 1));
        double after = trainer.network().layer(1).bias(1);
        double byHand = -0.2 - ExerciseNets.ETA * sumOfDeltas(w.trace(), 1, 1);
        assertEquals(byHand, after, 1e-12);
        assertEquals(after, w.truth(Quantity.newB(1, 1)), 1e-12);
        assertTrue(w.grade(Quantity.newB(1, 1), byHand, NONE).right());
        assertEquals("b-h2", Quantity.newB(1, 1).symbol((l, j) -> "h" + (j + 1)));
    }

    @Test
    void theNewBiasFollowsTheStudentsOwnGradient() {
        Worksheet w = update();
        double mine = 0.3;
        assertEquals(0.05 - ExerciseNets.ETA * mine,
                w.expected(Quantity.newB(2, 0), Map.of(Quantity.dLdb(2, 0), mine)), 1e-12);
    }

    @Test
    void biasGradientNotSummedOverTheBatch() {
        Worksheet w = backward(2);
        assertDiagnosis(Mistake.NOT_SUMMED, w, Quantity.dLdb(2, 0), w.trace().deltas().get(2).getEntry(ROW, 0));
    }

    @Test
    void biasGradientAveragedWhereTheLossSums() {
        Worksheet w = backward(2);
        assertDiagnosis(Mistake.BATCH_COMBINED_WRONGLY, w, Quantity.dLdb(2, 0), sumOfDeltas(w.trace(), 2, 0) / 4);
    }

    @Test
    void biasGradientWorkedOutAsForAWeight() {
        Worksheet w = backward(1);
        IterationTrace t = w.trace();
        double wrong = 0;
        for (int k = 0; k < 4; k++) {
            wrong += t.deltas().get(1).getEntry(k, 0) * t.activations().get(1).getEntry(k, 0);
        }
        assertDiagnosis(Mistake.BIAS_AS_WEIGHT, w, Quantity.dLdb(1, 0), wrong);
    }

    @Test
    void biasGradientWithTheSignOfTheErrorFlipped() {
        Worksheet w = backward(2);
        // the flipped number is the right one's digits with a minus: the verdict shows it, so only the diagnosis is checked
        Grade g = w.grade(Quantity.dLdb(2, 0), -sumOfDeltas(w.trace(), 2, 0), NONE);
        assertFalse(g.right());
        assertEquals(Mistake.SIGN_FLIPPED, g.diagnosis());
    }

    @Test
    void hiddenBiasGradientAfterTheWeightsAboveWereUpdated() {
        Worksheet w = backward(1);
        IterationTrace t = w.trace();
        Network net = ExerciseNets.network();
        double updated = net.layer(2).weight(1, 0) - ExerciseNets.ETA * t.weightGradients().get(2).getEntry(1, 0);
        double wrong = 0;
        for (int k = 0; k < 4; k++) {
            double a = t.activations().get(1).getEntry(k, 1);
            wrong += t.deltas().get(2).getEntry(k, 0) * updated * a * (1 - a);
        }
        assertDiagnosis(Mistake.UPDATED_BEFORE_BACKPROP, w, Quantity.dLdb(1, 1), wrong);
    }

    @Test
    void newBiasWithTheLearningRateForgottenOrTwice() {
        Worksheet w = update();
        double g = w.trace().biasGradients().get(2).getEntry(0);
        assertDiagnosis(Mistake.ETA_FORGOTTEN, w, Quantity.newB(2, 0), 0.05 - g);
        assertDiagnosis(Mistake.ETA_TWICE, w, Quantity.newB(2, 0), 0.05 - ExerciseNets.ETA * ExerciseNets.ETA * g);
    }

    @Test
    void layersWithoutBiasesAskNothingAboutB() {
        Layer hidden = new Layer(2, 3, Activation.SIGMOID, false);
        hidden.weights().setSubMatrix(new double[][] {{0.2, -0.5, 0.3}, {0.4, 0.1, -0.6}}, 0, 0);
        Layer out = new Layer(3, 1, Activation.SIGMOID, false);
        out.weights().setSubMatrix(new double[][] {{0.5}, {-0.3}, {0.8}}, 0, 0);
        Trainer trainer = new Trainer(new Network(2, List.of(hidden, out)), MatrixUtils.createRealMatrix(ExerciseNets.X),
                MatrixUtils.createRealMatrix(ExerciseNets.Y), ExerciseNets.config(Loss.SSE));
        for (Phase p : Phase.sequence(2)) {
            Worksheet w = ExerciseNets.after(trainer, p, ROW);
            for (Quantity q : w.quantities(p, Scope.PHASE, null)) {
                assertFalse(q.kind() == Quantity.Kind.DLDB || q.kind() == Quantity.Kind.NEW_B, p + " asks " + q);
                Grade g = w.grade(q, w.truth(q) + 0.37, NONE);
                assertFalse(g.diagnosis() == Mistake.BIAS_AS_WEIGHT, q + " diagnosed as a bias mistake");
            }
        }
    }
}

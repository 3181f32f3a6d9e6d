package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** state()/restore(), what-if edits, and the read-only preview() and evaluate(). */
class TrainerStateTest {
    static final int SAMPLES = 7;
    static final int BEFORE = 13;
    static final int AFTER = 17;

    private static Trainer trainer() {
        return Fixtures.randomTrainer(21, Activation.TANH, Activation.SIGMOID, Loss.BCE, BatchMode.miniBatch(3),
                true, SAMPLES, 0.7, true);
    }

    @Test
    void restoreContinuesBitForBit() {
        Trainer t = trainer();
        t.train(BEFORE);
        t.stepPhase(); // a half-run iteration: the state is taken at its start
        t.stepPhase();
        TrainerState s = t.state();
        assertEquals(BEFORE, s.iteration());
        double[] losses = new double[AFTER];
        for (int k = 0; k < AFTER; k++) {
            losses[k] = t.step();
        }
        Network after = t.network().copy();
        IterationTrace last = t.trace();

        t.restore(s);
        assertEquals(BEFORE, t.iteration());
        assertEquals(0, t.phaseIndex());
        assertTrue(t.network().sameAs(s.network()));
        for (int k = 0; k < AFTER; k++) {
            assertEquals(Double.doubleToLongBits(losses[k]), Double.doubleToLongBits(t.step()), "iteration " + k);
        }
        assertTrue(t.network().sameAs(after), "weights after the replay");
        Fixtures.assertSameTrace(last, t.trace());
    }

    @Test
    void aStateIsNotChangedByLaterTraining() {
        Trainer t = trainer();
        t.train(3);
        TrainerState s = t.state();
        Network then = s.network();
        t.train(5);
        t.setInput(0, 0, 42.0);
        assertTrue(s.network().sameAs(then));
        t.restore(s);
        assertNotEquals(42.0, t.inputs().getEntry(0, 0));
    }

    @Test
    void editsResetThePhaseIndexAndTakeEffectAtOnce() {
        Trainer t = Fixtures.xor(5);
        t.stepPhase();
        t.stepPhase();
        t.setWeight(1, 0, 0, 0.5);
        assertEquals(0, t.phaseIndex());
        assertNull(t.trace(), "the half-run iteration is abandoned");
        assertEquals(0.5, t.network().layer(1).weight(0, 0), 0);

        t.stepPhase();
        t.setInput(3, 1, 0.25);
        assertEquals(0, t.phaseIndex());
        t.stepPhase();
        assertEquals(0.25, t.trace().inputs().getEntry(3, 1), 0, "the next forward pass uses the new input");

        t.setTarget(2, 0, 0.75);
        assertEquals(0, t.phaseIndex());
        t.step();
        assertEquals(0.75, t.trace().targets().getEntry(2, 0), 0);
        assertEquals(1, t.iteration());

        Trainer b = Fixtures.randomTrainer(4, Activation.SIGMOID, Activation.SIGMOID, Loss.SSE, BatchMode.FULL,
                true, SAMPLES, 0.0, false);
        b.stepPhase();
        b.setBias(1, 0, -2.0);
        assertEquals(0, b.phaseIndex());
        assertEquals(-2.0, b.network().layer(1).bias(0), 0);
        b.setConfig(b.config().withLearningRate(0.5));
        assertEquals(0, b.phaseIndex());
    }

    @Test
    void previewAndEvaluateChangeNothing() {
        Trainer t = trainer();
        Trainer twin = trainer();
        t.train(4);
        twin.train(4);
        t.stepPhase();
        twin.stepPhase();
        Network before = t.network().copy();
        IterationTrace partial = t.trace();

        IterationTrace preview = t.preview();
        IterationTrace eval = t.evaluate();

        assertTrue(t.network().sameAs(before));
        assertEquals(1, t.phaseIndex());
        assertEquals(4, t.iteration());
        Fixtures.assertSameTrace(partial, t.trace());
        assertFalse(preview.isComplete());
        assertEquals(SAMPLES, eval.output().getRowDimension(), "evaluate covers every sample");
        assertEquals(t.phases().size() - 1, preview.phasesDone());
        assertEquals(t.network().depth() + 1, eval.phasesDone());

        t.step();
        twin.step();
        Fixtures.assertSameTrace(twin.trace(), t.trace());
        assertTrue(twin.network().sameAs(t.network()), "the next iteration is as if nothing had been looked at");
    }

    @Test
    void previewIsTheNextIterationWithoutItsUpdate() {
        Trainer t = trainer();
        t.train(2);
        IterationTrace preview = t.preview();
        t.step();
        IterationTrace done = t.trace();
        assertEquals(done.iteration(), preview.iteration());
        Fixtures.assertSameMatrices(done.deltas(), preview.deltas(), "δ");
        Fixtures.assertSameMatrices(done.weightGradients(), preview.weightGradients(), "∂L/∂W");
        assertEquals(Double.doubleToLongBits(done.loss()), Double.doubleToLongBits(preview.loss()));
    }

    /** The trainer's forward pass and Network.predict share one kernel: the same ŷ bit for bit. */
    @Test
    void evaluateEqualsPredict() {
        Trainer t = trainer();
        t.train(3);
        Fixtures.assertSameMatrix(t.network().predict(t.inputs()), t.evaluate().output(), "ŷ");
    }
}

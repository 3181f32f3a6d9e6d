package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every optimiser remembers is part of a {@link TrainerState}: restoring it continues bit for bit. */
class OptimizerReplayTest {
    private static Trainer trainer(Optimizer.Kind kind) {
        Trainer t = Fixtures.randomTrainer(21, Activation.TANH, Activation.SIGMOID, Loss.BCE, BatchMode.miniBatch(3),
                true, 7, 0.0, true);
        t.setConfig(t.config().withOptimizer(Optimizer.of(kind)).withRegularization(Regularization.l2(0.01)));
        return t;
    }

    @ParameterizedTest
    @EnumSource(Optimizer.Kind.class)
    void restoreContinuesBitForBit(Optimizer.Kind kind) {
        Trainer t = trainer(kind);
        t.train(13);
        TrainerState s = t.state();
        assertEquals(kind != Optimizer.Kind.SGD, !s.optimizerState().isEmpty(), "the state remembers what it needs");
        double[] losses = new double[17];
        for (int k = 0; k < losses.length; k++) {
            losses[k] = t.step();
        }
        Network after = t.network().copy();
        OptimizerState memory = t.optimizerState();
        IterationTrace last = t.trace();

        t.train(5); // then wander off, and come back
        t.restore(s);
        for (int k = 0; k < losses.length; k++) {
            assertEquals(Double.doubleToLongBits(losses[k]), Double.doubleToLongBits(t.step()), "iteration " + k);
        }
        assertTrue(t.network().sameAs(after), "weights after the replay");
        assertTrue(t.optimizerState().sameAs(memory), "the optimiser's memory after the replay");
        Fixtures.assertSameTrace(last, t.trace());
    }

    @ParameterizedTest
    @EnumSource(Optimizer.Kind.class)
    void withoutItsMemoryTheRunGoesElsewhere(Optimizer.Kind kind) {
        if (kind == Optimizer.Kind.SGD) {
            return; // nothing to forget
        }
        Trainer t = trainer(kind);
        t.train(13);
        TrainerState s = t.state();
        t.restore(s);
        t.step();
        Network remembered = t.network().copy();
        t.restore(s.at(s.iteration(), s.network(), OptimizerState.EMPTY, s.epochsAtMark(), s.epochMarkIteration()));
        t.step();
        assertFalse(t.network().sameAs(remembered), kind + ": the memory changes the step");
    }
}

package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Stepping phase by phase gives bit-identical numbers to stepping whole iterations. */
class PhaseSteppingTest {
    static final int ITERATIONS = 25;
    static final int SAMPLES = 7;

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of(1L, Activation.SIGMOID, Activation.SIGMOID, Loss.SSE, BatchMode.FULL, 0.0, false),
                Arguments.of(2L, Activation.TANH, Activation.LINEAR, Loss.MSE, BatchMode.SAMPLE, 0.9, false),
                Arguments.of(3L, Activation.RELU, Activation.SIGMOID, Loss.BCE, BatchMode.miniBatch(3), 0.5, true),
                Arguments.of(4L, Activation.LEAKY_RELU, Activation.TANH, Loss.MSE, BatchMode.SAMPLE, 0.0, true),
                Arguments.of(5L, Activation.SIGMOID, Activation.SIGMOID, Loss.SSE, BatchMode.miniBatch(2), 0.3, true));
    }

    @ParameterizedTest(name = "seed {0}: {1}/{2} {3} batch {4} μ {5} shuffle {6}")
    @MethodSource("configs")
    void phasesEqualWholeIterations(long seed, Activation hidden, Activation out, Loss loss, BatchMode batch,
                                    double momentum, boolean shuffle) {
        Trainer whole = Fixtures.randomTrainer(seed, hidden, out, loss, batch, true, SAMPLES, momentum, shuffle);
        Trainer phased = Fixtures.randomTrainer(seed, hidden, out, loss, batch, true, SAMPLES, momentum, shuffle);
        int perIteration = phased.phases().size();
        assertEquals(2 * phased.network().depth() + 2, perIteration);
        for (int k = 0; k < ITERATIONS; k++) {
            double loss1 = whole.step();
            IterationTrace expected = whole.trace();
            for (int p = 0; p < perIteration; p++) {
                Phase next = phased.nextPhase();
                assertEquals(next, phased.stepPhase());
                assertEquals((p + 1) % perIteration, phased.phaseIndex());
                IterationTrace partial = phased.trace();
                assertEquals(p + 1, partial.phasesDone());
                assertTrue(partial.hasRun(next));
                assertComputedSoFarEqual(expected, partial);
            }
            assertEquals(Double.doubleToLongBits(loss1), Double.doubleToLongBits(phased.trace().loss()));
            Fixtures.assertSameTrace(expected, phased.trace());
            assertTrue(whole.network().sameAs(phased.network()), "weights after iteration " + (k + 1));
            assertEquals(whole.iteration(), phased.iteration());
        }
    }

    /** Half an iteration in phases, then {@code step()} for the rest: still the same numbers. */
    @Test
    void mixingPhasesAndStepsChangesNothing() {
        Trainer whole = Fixtures.randomTrainer(9, Activation.TANH, Activation.SIGMOID, Loss.BCE,
                BatchMode.miniBatch(3), true, SAMPLES, 0.5, true);
        Trainer mixed = Fixtures.randomTrainer(9, Activation.TANH, Activation.SIGMOID, Loss.BCE,
                BatchMode.miniBatch(3), true, SAMPLES, 0.5, true);
        for (int k = 0; k < ITERATIONS; k++) {
            for (int p = 0; p < k % mixed.phases().size(); p++) {
                mixed.stepPhase();
            }
            assertEquals(Double.doubleToLongBits(whole.step()), Double.doubleToLongBits(mixed.step()));
            Fixtures.assertSameTrace(whole.trace(), mixed.trace());
            assertTrue(whole.network().sameAs(mixed.network()));
        }
    }

    @Test
    void traceShowsOnlyWhatHasRun() {
        Trainer t = Fixtures.xor(3);
        assertNull(t.trace(), "nothing has run yet");
        t.stepPhase(); // forward 1
        IterationTrace tr = t.trace();
        assertEquals(1, tr.iteration());
        assertTrue(tr.preActivations().get(1) != null && tr.preActivations().get(2) == null);
        assertTrue(Double.isNaN(tr.loss()) && tr.sampleLosses() == null && tr.outputGradient() == null);
        t.stepPhase(); // forward 2
        t.stepPhase(); // loss
        tr = t.trace();
        assertTrue(!Double.isNaN(tr.loss()) && tr.deltas().get(2) == null);
        t.stepPhase(); // backward 2
        tr = t.trace();
        assertTrue(tr.deltas().get(2) != null && tr.deltas().get(1) == null && tr.weightUpdates().get(2) == null);
        t.stepPhase(); // backward 1
        t.stepPhase(); // update
        tr = t.trace();
        assertTrue(tr.isComplete() && tr.weightUpdates().get(1) != null);
        assertEquals(List.of(Phase.Kind.FORWARD, Phase.Kind.FORWARD, Phase.Kind.LOSS, Phase.Kind.BACKWARD,
                Phase.Kind.BACKWARD, Phase.Kind.UPDATE), t.phases().stream().map(Phase::kind).toList());
    }

    /** Fields of {@code partial} that its phases have computed equal those of the complete trace. */
    private static void assertComputedSoFarEqual(IterationTrace complete, IterationTrace partial) {
        assertEquals(complete.iteration(), partial.iteration());
        for (int l = 0; l <= complete.depth(); l++) {
            if (partial.activations().get(l) != null) {
                Fixtures.assertSameMatrix(complete.activations().get(l), partial.activations().get(l), "a" + l);
                Fixtures.assertSameMatrix(complete.preActivations().get(l), partial.preActivations().get(l), "z" + l);
            }
            if (partial.deltas().get(l) != null) {
                Fixtures.assertSameMatrix(complete.deltas().get(l), partial.deltas().get(l), "δ" + l);
                Fixtures.assertSameMatrix(complete.weightGradients().get(l), partial.weightGradients().get(l), "gW" + l);
            }
        }
        if (partial.sampleLosses() != null) {
            assertEquals(Double.doubleToLongBits(complete.loss()), Double.doubleToLongBits(partial.loss()));
        }
    }
}

package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.junit.jupiter.api.Test;

/** The iteration counter stops at {@link Trainer#MAX_ITERATION}, and the batch arithmetic near it stays exact. */
class IterationLimitTest {
    private static Trainer gender() {
        return Presets.get("gender").createTrainer();
    }

    @Test
    void aTrainerAtTheLimitRefusesToStartAnotherIteration() {
        Trainer t = gender();
        t.setIteration(Trainer.MAX_ITERATION);
        Network before = t.network().copy();
        IllegalStateException step = assertThrows(IllegalStateException.class, t::step);
        assertTrue(step.getMessage().contains("iteration 9,007,199,254,740,992 is the last a run may reach"),
                step.getMessage());
        assertThrows(IllegalStateException.class, t::stepPhase);
        assertEquals(Trainer.MAX_ITERATION, t.iteration(), "the counter never wraps");
        assertTrue(t.network().sameAs(before), "nothing ran");
    }

    @Test
    void anIterationBeyondTheLimitIsRefused() {
        Trainer t = gender();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.setIteration(Trainer.MAX_ITERATION + 1));
        assertTrue(e.getMessage().contains("expected 0..9007199254740992"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.setIteration(Long.MAX_VALUE));
        assertEquals(0, t.iteration());
    }

    /** Per sample, iteration 2^53 − 1 of the 4 gender samples uses sample 3, as iteration 3 does. */
    @Test
    void thePerSampleScheduleIsExactUpToTheLimit() {
        Trainer far = gender();
        far.setIteration(Trainer.MAX_ITERATION - 1);
        Trainer near = gender();
        near.setIteration(3);
        assertEquals(near.step(), far.step(), 0.0);
        assertTrue(far.network().sameAs(near.network()));
        assertEquals(Trainer.MAX_ITERATION, far.iteration());
    }

    /** A batch size near the largest int: one batch per epoch, never a division by zero. */
    @Test
    void aHugeBatchSizeIsOneBatchPerEpoch() {
        BatchMode huge = BatchMode.miniBatch(Integer.MAX_VALUE);
        assertEquals(1, huge.batchesPerEpoch(4));
        assertEquals(3, BatchMode.miniBatch(2).batchesPerEpoch(5));
        Scenario s = Presets.get("gender");
        Trainer t = s.withConfig(s.config().withBatch(huge)).createTrainer();
        t.train(3);
        assertEquals(3, t.iteration());
    }
}

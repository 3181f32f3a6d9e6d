package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.Test;

/** A session at {@link Trainer#MAX_ITERATION} pauses with a message, as it does when its history is full. */
class IterationLimitSessionTest {
    @Test
    void aSessionAtTheLastIterationPausesWithAMessage() throws Exception {
        Scenario gender = Presets.get("gender");
        Trainer t = gender.createTrainer();
        t.setIteration(Trainer.MAX_ITERATION - 1);
        try (TrainingSession s = new TrainingSession(gender)) {
            s.load(gender, t.state());
            s.step();
            assertEquals(Trainer.MAX_ITERATION, s.sync().get(30, TimeUnit.SECONDS).iteration(), "the last one runs");
            s.step();
            Snapshot after = s.sync().get(30, TimeUnit.SECONDS);
            assertEquals(Trainer.MAX_ITERATION, after.iteration());
            assertTrue(after.message().contains("Paused: iteration 9,007,199,254,740,992 is the last a run may reach"),
                    after.message());
            assertEquals(0, after.failureNumber(), "refused, not failed: " + after.failure());
            s.stepPhase();
            s.run();
            Snapshot ran = s.sync().get(30, TimeUnit.SECONDS);
            assertEquals(Trainer.MAX_ITERATION, ran.iteration());
            assertEquals(0, ran.phaseIndex());
            assertEquals(0, ran.failureNumber(), ran.failure());
            s.back();
            assertEquals(Trainer.MAX_ITERATION - 1, s.sync().get(30, TimeUnit.SECONDS).iteration(), "Back still works");
        }
    }
}

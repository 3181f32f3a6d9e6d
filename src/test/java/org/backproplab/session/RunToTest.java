package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Run to…: training stops exactly at iteration N or epoch N (epochs as the trainer counts them), at full speed and
 * at a set speed, also when the target is behind; a target the run cannot reach is refused and changes nothing.
 */
class RunToTest {
    private TrainingSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private TrainingSession open(Scenario s) {
        session = new TrainingSession(s);
        return session;
    }

    /** Sends {@code target} and waits for the session to pause again (never a sleep: a future the worker completes). */
    private Snapshot runTo(RunTarget target) throws Exception {
        long said = session.sync().get(10, TimeUnit.SECONDS).messageNumber();
        CompletableFuture<Snapshot> paused = new CompletableFuture<>();
        session.setListener(s -> {
            // Run to always says something: where it stopped, or why it did not start
            if (!s.running() && s.messageNumber() > said) {
                paused.complete(s);
            }
        });
        session.runTo(target);
        paused.get(60, TimeUnit.SECONDS);
        session.setListener(null);
        return session.sync().get(10, TimeUnit.SECONDS);
    }

    @Test
    void xorStopsAtIteration1500WithTheTutorialsWeights() throws Exception {
        open(Presets.xor()).setSpeed(TrainingSession.MAX_SPEED);
        Snapshot s = runTo(RunTarget.iterations(1500));
        assertEquals(1500, s.iteration());
        assertEquals(0, s.phaseIndex());
        assertFalse(s.running());
        assertEquals(1500, s.historyEnd(), "not one iteration more was trained");
        Trainer plain = Presets.xor().createTrainer();
        for (int i = 0; i < 1500; i++) {
            plain.step();
        }
        assertTrue(s.network().sameAs(plain.network()), "the weights of 1,500 plain steps");
        assertEquals("Stopped at iteration 1,500, as asked: Space runs on.", s.message());
    }

    @Test
    void genderStopsAtEpoch1000AsTheTrainerCountsEpochs() throws Exception {
        open(Presets.get("gender")).setSpeed(TrainingSession.MAX_SPEED);
        Snapshot s = runTo(RunTarget.epochs(1000));
        assertEquals(4000, s.iteration(), "1000 epochs of 4 samples, one update each");
        assertEquals(1000.0, s.epochs(), 0.0);
        assertEquals(4000, s.historyEnd());
        assertEquals("Stopped at epoch 1,000 (iteration 4,000), as asked: Space runs on.", s.message());
    }

    @Test
    void miniBatchEpochsStopAtTheFirstIterationOfTheEpoch() throws Exception {
        open(Presets.get("relu-mlp")).setSpeed(TrainingSession.MAX_SPEED);
        Snapshot s = runTo(RunTarget.epochs(3));
        assertEquals(21, s.iteration(), "200 rows in batches of 32: 7 iterations an epoch; " + s.message());
        assertEquals(3.0, s.epochs(), 1e-12);
    }

    @Test
    void aSetSpeedStopsExactlyToo() throws Exception {
        open(Presets.xor()).setSpeed(1000);
        session.step();
        Snapshot s = runTo(RunTarget.iterations(60));
        assertEquals(60, s.iteration());
        assertEquals(60, s.historyEnd());
    }

    @Test
    void aTargetFromMidIterationOrWhileRunningStopsExactly() throws Exception {
        open(Presets.xor()).setSpeed(TrainingSession.MAX_SPEED);
        session.stepPhase();
        session.stepPhase();
        assertEquals(17, runTo(RunTarget.iterations(17)).iteration());
        session.setSpeed(200);
        session.run();
        Snapshot s = runTo(RunTarget.iterations(400));
        assertEquals(400, s.iteration());
        assertEquals(400, s.historyEnd());
    }

    @Test
    void aTargetBehindIsShownFromTheHistoryWithNothingDropped() throws Exception {
        open(Presets.get("gender")).setSpeed(TrainingSession.MAX_SPEED);
        session.stepMany(40);
        Snapshot s = runTo(RunTarget.epochs(5));
        assertEquals(20, s.iteration());
        assertEquals(5.0, s.epochs(), 0.0);
        assertEquals(40, s.historyEnd(), "the run is kept");
        Trainer plain = Presets.get("gender").createTrainer();
        for (int i = 0; i < 20; i++) {
            plain.step();
        }
        assertTrue(s.network().sameAs(plain.network()));
        assertEquals(0, runTo(RunTarget.iterations(0)).iteration());
        Snapshot again = runTo(RunTarget.iterations(0));
        assertEquals("Already at iteration 0.", again.message());
    }

    @Test
    void aTargetTheRunCannotReachChangesNothing() throws Exception {
        open(Presets.get("gender")).setSpeed(TrainingSession.MAX_SPEED);
        session.stepMany(5);
        Snapshot before = session.sync().get(10, TimeUnit.SECONDS);
        session.runTo(RunTarget.epochs(Trainer.MAX_ITERATION));
        Snapshot after = session.sync().get(10, TimeUnit.SECONDS);
        assertTrue(after.message().startsWith("Run to epoch 9,007,199,254,740,992 is beyond the last iteration a run "
                + "may reach"), after.message());
        assertEquals(before.iteration(), after.iteration());
        assertEquals(before.changes(), after.changes(), "nothing changed");
        assertFalse(after.running());
        assertEquals(0, after.failureNumber());
    }

    @Test
    void runAndPauseForgetTheTarget() throws Exception {
        open(Presets.xor()).setSpeed(TrainingSession.MAX_SPEED);
        runTo(RunTarget.iterations(30));
        session.run();
        session.pause();
        Snapshot s = session.sync().get(10, TimeUnit.SECONDS);
        assertTrue(s.iteration() >= 30);
        session.setSpeed(1);
        session.runTo(RunTarget.iterations(s.iteration() + 1000));
        session.pause();
        session.setSpeed(TrainingSession.MAX_SPEED);
        session.stepMany(1);
        Snapshot after = session.sync().get(10, TimeUnit.SECONDS);
        assertFalse(after.running(), "a paused Run to does not come back");
    }

    @Test
    void theFieldReadsIterationsAndEpochs() {
        assertEquals(RunTarget.iterations(1500), RunTarget.parse("1500"));
        assertEquals(RunTarget.iterations(1500), RunTarget.parse(" 1500 iterations "));
        assertEquals(RunTarget.iterations(1000), RunTarget.parse("1e3"));
        assertEquals(RunTarget.epochs(1000), RunTarget.parse("1000 epochs"));
        assertEquals(RunTarget.epochs(1), RunTarget.parse("1 Epoch"));
        assertEquals(RunTarget.epochs(7), RunTarget.parse("7epochs"));
        assertEquals("1500", RunTarget.iterations(1500).text());
        assertEquals("1000 epochs", RunTarget.epochs(1000).text());
        for (String bad : new String[] {"abc", "-5", "", "  ", "1.5", "epochs", "1,500", "10 apples", "NaN", "1e300"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunTarget.parse(bad), bad);
            assertEquals(RunTarget.refusal(bad), e.getMessage());
        }
        assertEquals("'abc' in Run to: expected a whole number of iterations from 0 to 9,007,199,254,740,992, such as "
                + "1500, or of epochs, such as 1000 epochs", RunTarget.refusal("abc"));
        assertEquals("'-5' in Run to: expected a whole number of iterations from 0 to 9,007,199,254,740,992, such as "
                + "1500, or of epochs, such as 1000 epochs", RunTarget.refusal(" -5 "));
    }

    @Test
    void thePresetsDefaultToTheirTutorialsTarget() {
        assertEquals(RunTarget.iterations(1500), RunTarget.of(Presets.xor()), "000: for i in range(1500)");
        assertEquals(RunTarget.epochs(1000), RunTarget.of(Presets.get("gender")), "002: epochs = 1000");
        assertEquals(RunTarget.epochs(2000), RunTarget.of(Presets.get("relu-mlp")), "14,000 iterations of 7 batches");
    }
}

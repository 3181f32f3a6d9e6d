package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrainingSessionTest {
    private TrainingSession session;

    private Snapshot sync() throws Exception {
        return session.sync().get(10, TimeUnit.SECONDS);
    }

    private TrainingSession open(Scenario s) {
        session = new TrainingSession(s);
        return session;
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    /** A point at x = i is the training-set loss of the weights after i updates, from i = 0; the last is the toolbar's. */
    @Test
    void stepsMatchAPlainTrainerAndTheCurveHasOnePointPerIteration() throws Exception {
        open(SessionFixtures.xor());
        for (int i = 0; i < 7; i++) {
            session.step();
        }
        Snapshot s = sync();
        Trainer plain = SessionFixtures.xor().createTrainer();
        double[] losses = new double[7];
        for (int i = 0; i < 7; i++) {
            losses[i] = plain.step();
        }
        assertEquals(7, s.iteration());
        assertTrue(s.network().sameAs(plain.network()));
        assertEquals(8, s.losses().points(), "points 0..7");
        for (int i = 0; i < 7; i++) {
            assertEquals(losses[i], SessionFixtures.y(s.losses(), i), 0.0);
            assertEquals(i, SessionFixtures.x(s.losses(), i));
        }
        assertEquals(7, SessionFixtures.x(s.losses(), 7));
        assertEquals(plain.datasetLoss(), s.loss(), 0.0);
        assertEquals(s.loss(), SessionFixtures.y(s.losses(), 7), 0.0, "the toolbar's loss is the last point's");
        assertEquals(s.loss(), s.losses().latest(), 0.0);
    }

    @Test
    void perSampleCurveRecordsTheLossOverAllSamples() throws Exception {
        open(SessionFixtures.perSample());
        Trainer plain = SessionFixtures.perSample().createTrainer();
        double before = plain.datasetLoss();
        plain.step();
        session.step();
        Snapshot s = sync();
        assertEquals(before, SessionFixtures.y(s.losses(), 0), 0.0, "x = 0: the initial weights");
        assertEquals(plain.datasetLoss(), s.losses().latest(), 0.0, "x = 1: after one update");
        assertEquals(s.loss(), s.losses().latest(), 0.0);
    }

    @Test
    void phasesThroughAnIterationEqualOneStep() throws Exception {
        open(SessionFixtures.xor());
        int phases = sync().phases().size();
        for (int i = 0; i < phases; i++) {
            session.stepPhase();
        }
        Snapshot s = sync();
        Trainer plain = SessionFixtures.xor().createTrainer();
        double loss = plain.step();
        assertTrue(s.network().sameAs(plain.network()));
        assertEquals(1, s.iteration());
        assertEquals(loss, SessionFixtures.y(s.losses(), 0), 0.0);
        assertEquals(plain.datasetLoss(), s.losses().latest(), 0.0);
    }

    @Test
    void backUndoesPhasesIterationsAndEditsExactly() throws Exception {
        open(SessionFixtures.xor());
        for (int i = 0; i < 300; i++) {
            session.step();
        }
        Snapshot at300 = sync();
        session.step();
        session.stepPhase();
        session.stepPhase();
        session.back();
        Snapshot oneBack = sync();
        assertEquals(1, oneBack.phaseIndex());
        assertEquals(301, oneBack.iteration());
        session.back();
        session.back();
        Snapshot s = sync();
        assertEquals(300, s.iteration());
        assertEquals(0, s.phaseIndex());
        assertTrue(s.network().sameAs(at300.network()));
        assertEquals(301, s.historyEnd(), "going back drops nothing: iteration 301 is still there");

        session.setWeight(1, 0, 0, 5.0);
        Snapshot edited = sync();
        assertEquals(5.0, edited.network().layer(1).weight(0, 0), 0.0);
        assertNotEquals(at300.loss(), edited.loss());
        assertEquals(1, edited.losses().markers().size());
        assertEquals(2, edited.runs().size(), "an edit before the end starts a new run");
        session.back();
        Snapshot undone = sync();
        assertTrue(undone.network().sameAs(at300.network()));
        assertEquals(0, undone.losses().markers().size());
        assertEquals(1, undone.runs().size(), "the run the edit started held nothing else");
        assertEquals(301, undone.historyEnd());
    }

    @Test
    void editsRecomputeLossPredictionsAndGradientsAtOnce() throws Exception {
        open(SessionFixtures.xor());
        Snapshot before = sync();
        session.setInput(0, 0, 1.0);
        Snapshot after = sync();
        assertEquals(1.0, after.scenario().dataset().input(0, 0), 0.0);
        assertEquals(1.0, after.evaluation().inputs().getEntry(0, 0), 0.0);
        assertNotEquals(before.loss(), after.loss());
        assertNotNull(after.preview());
        Trainer plain = SessionFixtures.xor().createTrainer();
        plain.setInput(0, 0, 1.0);
        assertEquals(plain.datasetLoss(), after.loss(), 0.0);
        assertEquals(plain.preview().weightGradients().get(1).getEntry(2, 3),
                after.preview().weightGradients().get(1).getEntry(2, 3), 0.0);
    }

    @Test
    void aRefusedEditChangesNothingAndSaysWhy() throws Exception {
        open(SessionFixtures.xor());
        Snapshot before = sync();
        session.setWeight(1, 7, 0, 1.0);
        Snapshot after = sync();
        assertTrue(after.message().contains("7"), after.message());
        assertTrue(after.network().sameAs(before.network()));
        assertTrue(after.losses().markers().isEmpty());
        assertTrue(after.messageNumber() > before.messageNumber());

        // the message stays in later snapshots, so a window that skips the one above still shows it
        session.step(); // a step says nothing
        Snapshot later = sync();
        assertEquals(after.message(), later.message());
        assertEquals(after.messageNumber(), later.messageNumber(), "the same message, not a new one");
        assertEquals(1, later.iteration());
    }

    @Test
    void runThenPauseLeavesAConsistentSnapshot() throws Exception {
        open(SessionFixtures.xor());
        session.run();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (session.latest().iteration() <= 100 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        session.pause();
        Snapshot s = sync();
        assertFalse(s.running());
        assertTrue(s.iteration() > 100, "ran " + s.iteration());
        Trainer check = SessionFixtures.xor().createTrainer();
        check.network().copyParametersFrom(s.network());
        assertEquals(check.datasetLoss(), s.loss(), 0.0);
        assertEquals(s.iteration() + 1, s.losses().count(), "points 0..iteration");
        assertEquals(s.loss(), s.losses().latest(), 0.0);
        assertNotNull(s.preview());
    }

    @Test
    void goToShowsAnEarlierIterationExactlyAndSteppingFollowsTheRun() throws Exception {
        open(SessionFixtures.perSample());
        session.stepMany(2000);
        Snapshot end = sync();
        session.goTo(777);
        Snapshot s = sync();
        Trainer fresh = SessionFixtures.perSample().createTrainer();
        fresh.train(777);
        assertTrue(s.network().sameAs(fresh.network()));
        assertEquals(777, s.iteration());
        assertEquals(2000, s.historyEnd());
        session.goTo(2000);
        assertTrue(sync().network().sameAs(end.network()));
        session.goTo(777);
        session.step();
        Snapshot resumed = sync();
        fresh.train(1);
        assertEquals(778, resumed.iteration());
        assertTrue(resumed.network().sameAs(fresh.network()));
        assertEquals(2000, resumed.historyEnd(), "the later iterations are kept");
    }

    @Test
    void divergencePausesAndCanBeUndone() throws Exception {
        Scenario s = SessionFixtures.xor();
        open(s.withLayers(java.util.List.of(new org.backproplab.engine.LayerSpec(4, org.backproplab.engine.Activation.LINEAR, false),
                new org.backproplab.engine.LayerSpec(1, org.backproplab.engine.Activation.LINEAR, false)))
                .withConfig(s.config().withLearningRate(50)));
        session.stepMany(5000);
        Snapshot d = sync();
        assertTrue(d.diverged());
        assertTrue(d.message().contains("diverged"), d.message());
        session.backToFinite();
        Snapshot ok = sync();
        assertFalse(ok.diverged());
        assertTrue(Double.isFinite(ok.loss()));
    }

    @Test
    void aMillionIterationsStayDecimated() throws Exception {
        open(SessionFixtures.xor());
        session.stepMany(200_000);
        Snapshot s = sync();
        assertEquals(200_001, s.losses().count());
        assertTrue(s.losses().points() <= 4 * TrainingSession.CURVE_POINTS + 1, "four points per column at most, and the weights now");
        assertEquals(200_000, SessionFixtures.x(s.losses(), s.losses().points() - 1));
        Network n = s.network();
        assertNotNull(n);
        assertNull(s.probeOutputs());
    }
}

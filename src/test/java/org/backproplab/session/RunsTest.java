package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Nothing trained is lost: moving back and forth follows the run, edits in the past fork a new run, switches can be undone. */
class RunsTest {
    private TrainingSession session;

    private Snapshot sync() throws Exception {
        return session.sync().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void steppingFromAnEarlierIterationFollowsTheRunAndKeepsItsFuture() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(2000);
        Snapshot end = sync();
        session.goTo(0);
        session.step();
        Snapshot s = sync();
        assertEquals(1, s.iteration());
        assertEquals(2000, s.historyEnd(), "the 2000 iterations are still there");
        Trainer fresh = SessionFixtures.xor().createTrainer();
        fresh.step();
        assertTrue(s.network().sameAs(fresh.network()));
        session.goTo(2000);
        assertTrue(sync().network().sameAs(end.network()));
        assertEquals(1, sync().runs().size());
    }

    @Test
    void anEditAtAnEarlierIterationForksANewRunAndTheOldOneCanBeShownAgain() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(1000);
        Snapshot end = sync();
        session.goTo(400);
        session.setWeight(1, 0, 0, 2.5);
        session.stepMany(100);
        Snapshot forked = sync();
        assertEquals(2, forked.runs().size());
        RunInfo now = forked.runs().get(1);
        assertTrue(now.current());
        assertEquals(2, now.number());
        assertEquals(1, now.parent());
        assertEquals(400, now.forkedAt());
        assertEquals(500, now.iterations());
        assertTrue(now.text().contains("from run 1 at iteration 400"), now.text());
        assertTrue(now.text().contains("500 iterations"), now.text());
        assertEquals(forked.loss(), now.loss(), 0.0, "the list shows the loss on screen");
        assertEquals(1000, forked.runs().get(0).iterations());
        assertEquals(500, forked.historyEnd());

        session.showRun(1);
        Snapshot back = sync();
        assertEquals(400, back.iteration(), "run 1 is shown where it was left");
        assertEquals(1000, back.historyEnd());
        session.goTo(1000);
        assertTrue(sync().network().sameAs(end.network()), "run 1 is exactly as it was");

        session.showRun(2);
        Snapshot again = sync();
        assertEquals(500, again.iteration());
        assertTrue(again.network().sameAs(forked.network()));
    }

    @Test
    void resumeFromHereStartsANewRunWithoutTraining() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(300);
        session.goTo(100);
        session.resumeFromHere();
        Snapshot s = sync();
        assertFalse(s.running());
        assertEquals(100, s.iteration());
        assertEquals(100, s.historyEnd());
        assertEquals(2, s.runs().size());
        assertEquals(300, s.runs().get(0).iterations());
    }

    @Test
    void aRefusedEditAfterScrubbingChangesNothing() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(500);
        session.goTo(200);
        Snapshot before = sync();
        session.setWeight(1, 0, 0, Double.NaN);
        session.setWeight(1, 9, 0, 1.0);
        session.setInput(99, 0, 1.0);
        Snapshot after = sync();
        assertEquals(500, after.historyEnd(), "no iteration was dropped");
        assertEquals(1, after.runs().size(), "no run was started");
        assertEquals(200, after.iteration());
        assertTrue(after.network().sameAs(before.network()));
        assertEquals(before.losses().markers(), after.losses().markers());
        assertTrue(after.message().contains("99") || after.message().contains("100"), after.message());
    }

    @Test
    void aRefusedEditMidIterationKeepsThePhase() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepPhase();
        session.stepPhase();
        Snapshot before = sync();
        session.setWeight(1, 0, 0, Double.POSITIVE_INFINITY);
        Snapshot after = sync();
        assertEquals(2, after.phaseIndex());
        assertTrue(after.network().sameAs(before.network()));
    }

    @Test
    void backRightAfterAPresetSwitchRestoresThePreviousSession() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(700);
        session.goTo(650);
        Snapshot trained = sync();
        session.load(Presets.get("gender"));
        Snapshot switched = sync();
        assertEquals("xor", switched.backTo());
        assertTrue(switched.message().contains("Back brings xor back"), switched.message());
        session.back();
        Snapshot s = sync();
        assertEquals("xor", s.scenario().name());
        assertEquals(650, s.iteration());
        assertEquals(700, s.historyEnd());
        assertTrue(s.network().sameAs(trained.network()));
        assertNull(s.backTo());
    }

    @Test
    void backAfterAResetBringsTheTrainedSessionBack() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(250);
        Snapshot trained = sync();
        session.reset();
        assertEquals(0, sync().iteration());
        session.back();
        Snapshot s = sync();
        assertEquals(250, s.iteration());
        assertTrue(s.network().sameAs(trained.network()));
    }

    @Test
    void backAfterAnIterationWalkedPhaseByPhaseGoesBackPhaseByPhase() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(3);
        int phases = sync().phases().size();
        for (int i = 0; i < phases; i++) {
            session.stepPhase();
        }
        assertEquals(4, sync().iteration());
        session.back();
        Snapshot s = sync();
        assertEquals(3, s.iteration());
        assertEquals(phases - 1, s.phaseIndex(), "just before the update");
        session.back();
        assertEquals(phases - 2, sync().phaseIndex());

        session.stepMany(2); // finishes iteration 4 and makes 5 with Step: Back then goes back a whole iteration
        session.back();
        Snapshot whole = sync();
        assertEquals(4, whole.iteration());
        assertEquals(0, whole.phaseIndex());
    }

    @Test
    void intentCommandsAppliedQuicklyNeverUndoEachOther() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        int n = sync().scenario().dataset().size();
        session.addSample(0);
        session.addSample(-1);
        session.removeSample(0);
        Snapshot s = sync();
        assertEquals(n + 1, s.scenario().dataset().size());
        session.updateConfig(c -> c.withLearningRate(0.25));
        session.updateConfig(c -> c.withMomentum(0.5));
        Snapshot c = sync();
        assertEquals(0.25, c.scenario().config().learningRate(), 0.0);
        assertEquals(0.5, c.scenario().config().momentum(), 0.0);
        session.reshape(sc -> org.backproplab.data.Scenarios.withArchitecture(sc, java.util.List.of(
                new org.backproplab.engine.LayerSpec(6, org.backproplab.engine.Activation.SIGMOID, false),
                sc.layers().get(sc.layers().size() - 1))), "6 hidden");
        Snapshot r = sync();
        assertEquals(6, r.network().size(1));
        assertEquals(n + 1, r.scenario().dataset().size(), "the added rows survive the new architecture");
    }

    @Test
    void theLossMarkerNamesTheOldAndTheNewLoss() throws Exception {
        session = new TrainingSession(SessionFixtures.perSample());
        session.stepMany(10);
        session.updateConfig(c -> c.withLoss(org.backproplab.engine.Loss.BCE));
        Snapshot s = sync();
        String text = s.losses().markers().get(s.losses().markers().size() - 1).text();
        assertTrue(text.contains("loss: ") && text.contains(" → bce"), text);
    }

    @Test
    void changingTheBatchModeNeverRewritesTheEpochsAlreadyDone() throws Exception {
        session = new TrainingSession(SessionFixtures.perSample());
        session.stepMany(10);
        double before = sync().epochs();
        session.updateConfig(c -> c.withBatch(org.backproplab.engine.BatchMode.FULL));
        assertEquals(before, sync().epochs(), 1e-12);
        session.stepMany(2);
        assertEquals(before + 2, sync().epochs(), 1e-12, "full batch: one epoch per iteration from here");
    }

    @Test
    void theDescriptionLineSaysWhatWasChangedSinceThePresetWasLoaded() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        String preset = sync().scenario().description();
        assertTrue(preset.contains("η = 1"), preset);
        session.setLearningRate(0.25);
        String changed = sync().scenario().description();
        assertTrue(changed.startsWith(preset) && changed.endsWith("changed: η: 1 → 0.25"), changed);
        session.reset();
        assertEquals(changed, sync().scenario().description(), "a reset keeps the changed η and says so");
        session.setLearningRate(1);
        assertEquals(preset, sync().scenario().description());
    }

    @Test
    void theRunsAreCappedWithAMessageAndARefusedForkChangesNothing() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(2);
        for (int i = 1; i < Runs.MAX_RUNS; i++) {
            session.goTo(1);
            session.resumeFromHere();
            session.step();
        }
        Snapshot full = sync();
        assertEquals(Runs.MAX_RUNS, full.runs().size());
        session.goTo(1);
        Snapshot before = sync();
        session.setWeight(1, 0, 0, 3.0);
        Snapshot refused = sync();
        assertTrue(refused.message().contains(Runs.MAX_RUNS + " runs are kept at most")
                && refused.message().contains("Delete a run"), refused.message());
        assertEquals(Runs.MAX_RUNS, refused.runs().size());
        assertTrue(refused.network().sameAs(before.network()), "the refused edit changed nothing");
        assertEquals(before.historyEnd(), refused.historyEnd());

        session.deleteRun(1);
        session.setWeight(1, 0, 0, 3.0);
        Snapshot after = sync();
        assertEquals(Runs.MAX_RUNS, after.runs().size(), "one deleted, one new");
        assertEquals(3.0, after.network().layer(1).weight(0, 0), 0.0);
    }

    @Test
    void deletingTheParentOfARunKeepsTheSessionSavable() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(100);
        session.goTo(50);
        session.setWeight(1, 0, 0, 2.5);
        session.stepMany(10);
        session.deleteRun(1);
        SessionRecord r = session.record().get(30, TimeUnit.SECONDS).record();
        assertEquals(1, r.runs().size());
        assertEquals(0, r.runs().get(0).parent(), "the run now forks from none kept");
        session.back(); // undoing the edit that made run 2 cannot go back to a deleted run: it walks back instead
        Snapshot s = sync();
        assertEquals(1, s.runs().size());
        assertEquals(s.scenario().dataset().size(), s.evaluation().samples().length, "data set and trainer agree");
    }

    @Test
    void backNeverUndoesAnEditARunTookOverFromItsParent() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(50);
        session.setLearningRate(0.3);
        session.stepMany(50);
        session.goTo(50);
        session.resumeFromHere();
        session.back();
        Snapshot s = sync();
        assertEquals(49, s.iteration(), "Back walks back instead of undoing the η edit run 1 made");
        assertEquals(2, s.runs().size());
        session.goTo(50);
        assertEquals(0.3, sync().scenario().config().learningRate(), 0.0, "the η edit is still there at 50");
        session.setWeight(1, 0, 0, 2.5);
        session.setWeight(1, 0, 1, 1.5);
        session.back();
        Snapshot once = sync();
        assertEquals(2.5, once.network().layer(1).weight(0, 0), 0.0, "only the last edit is undone");
        assertEquals(2, once.runs().size(), "run 2 holds an edit of its own: it stays");
    }

    @Test
    void theCurvesLastPointIsTheLossAtTheEndEvenWhenNoSnapshotWasTakenThere() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(100);
        session.goTo(50);
        Snapshot s = sync();
        org.backproplab.engine.Trainer t = SessionFixtures.xor().createTrainer();
        t.train(100);
        assertEquals(100, SessionFixtures.x(s.losses(), s.losses().points() - 1));
        assertEquals(t.datasetLoss(), s.losses().latest(), 0.0, "the loss of the weights after 100 updates");
    }
}

package org.backproplab.session;

import static org.backproplab.session.OpenSessions.sync;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With a regularization the snapshot splits the loss curve into its two terms {@code L = L_data + Ω(W)}: the penalty
 * at each point is the engine's {@code Ω} of the weights at that iteration, the two terms add up to the loss point
 * by point, at exactly the loss curve's iterations, and moving through the history, forking and saving keep them.
 */
class LossSplitTest {
    /** How closely {@code L_data + Ω} must give back {@code L} (the data loss is {@code L − Ω}). */
    private static final double SUM_TOLERANCE = 1e-12;

    private final OpenSessions sessions = new OpenSessions();

    private TrainingSession start(Scenario s) {
        return sessions.start(s);
    }

    @AfterEach
    void close() {
        sessions.close();
    }

    static Scenario withL2(Scenario s, double lambda) {
        return s.withConfig(s.config().withRegularization(Regularization.l2(lambda)));
    }

    /**
     * Checks {@code split} against an independent trainer of {@code s} stepped along: at every point the penalty is
     * {@link Regularization#penalty} of its weights at that iteration, bit for bit, and the data loss plus the
     * penalty is the loss curve's value there.
     */
    static void assertEngineNumbers(Scenario s, LossCurve losses, LossSplit split) {
        assertNotNull(split, "a run with a penalty has its loss split");
        long[] at = split.penalties().iterations();
        assertArrayEquals(at, split.dataLosses().iterations(), "both terms at the same iterations");
        assertTrue(at.length > 0, "points drawn");
        Trainer reference = s.createTrainer();
        Regularization r = s.config().regularization();
        int j = 0;
        for (int k = 0; k < losses.points(); k++) {
            long i = losses.iterations()[k];
            if (j == at.length || at[j] != i) {
                continue;
            }
            reference.train(i - reference.iteration());
            double omega = r.penalty(reference.network());
            assertEquals(omega, split.penalties().losses()[j], 0.0, "Ω at iteration " + i);
            assertEquals(losses.losses()[k], split.dataLosses().losses()[j] + split.penalties().losses()[j],
                    SUM_TOLERANCE, "L_data + Ω = L at iteration " + i);
            j++;
        }
        assertEquals(at.length, j, "every point of the split is a point of the loss curve");
    }

    @Test
    void penaltyIsTheEnginesAndTheTermsAddUpToTheLoss() throws Exception {
        Scenario s = withL2(SessionFixtures.xor(), 0.01);
        TrainingSession t = start(s);
        t.stepMany(300);
        Snapshot snap = sync(t);
        assertEquals(301, snap.lossSplit().penalties().points(), "every iteration 0..300, the last one measured too");
        assertEngineNumbers(s, snap.losses(), snap.lossSplit());
        assertTrue(snap.lossSplit().penalties().losses()[0] > 0, "the initial weights have a penalty");
    }

    @Test
    void aLongCurveKeepsTheSameIterationsForAllThree() throws Exception {
        Scenario s = withL2(SessionFixtures.xor(), 0.001);
        TrainingSession t = start(s);
        t.stepMany(6000);
        Snapshot snap = sync(t);
        assertTrue(snap.losses().bucket() > 1, "the curve is decimated");
        assertArrayEquals(snap.losses().iterations(), snap.lossSplit().penalties().iterations());
        assertEngineNumbers(s, snap.losses(), snap.lossSplit());
    }

    @Test
    void aPenaltySwitchedOnShowsAtOnceAndIsSplitFromThere() throws Exception {
        TrainingSession t = start(SessionFixtures.xor());
        t.stepMany(50);
        assertNull(sync(t).lossSplit());
        t.updateConfig(c -> c.withRegularization(Regularization.l2(0.01)));
        LossSplit now = sync(t).lossSplit();
        assertNotNull(now, "the weights on show have a penalty now");
        assertArrayEquals(new long[] {50}, now.penalties().iterations());
        t.stepMany(30);
        Snapshot on = sync(t);
        long[] at = on.lossSplit().penalties().iterations();
        assertEquals(31, at.length, "iterations 50 to 80");
        assertEquals(50, at[0]);
        for (int j = 0; j < at.length; j++) {
            Trainer k = t.trainerAt(at[j]).get(30, TimeUnit.SECONDS).trainer();
            assertEquals(Regularization.l2(0.01).penalty(k.network()), on.lossSplit().penalties().losses()[j], 0.0);
            assertEquals(k.datasetLoss(), on.lossSplit().dataLosses().losses()[j] + on.lossSplit().penalties().losses()[j],
                    SUM_TOLERANCE);
        }
    }

    @Test
    void withoutRegularizationThereIsNoSplit() throws Exception {
        TrainingSession t = start(SessionFixtures.xor());
        t.stepMany(50);
        assertNull(sync(t).lossSplit());
        assertNull(t.lossHistory().get(30, TimeUnit.SECONDS).penalties());
        assertNull(t.record().get(30, TimeUnit.SECONDS).record().shown().penalties());
    }

    @Test
    void backScrubbingAndForkingKeepTheSplit() throws Exception {
        Scenario s = withL2(SessionFixtures.perSample(), 0.01);
        TrainingSession t = start(s);
        t.stepMany(400);
        LossSplit atEnd = sync(t).lossSplit();
        assertEngineNumbers(s, sync(t).losses(), atEnd);
        t.goTo(120);
        assertSame(atEnd, sync(t).lossSplit(), "after a jump back");
        t.back();
        assertSame(atEnd, sync(t).lossSplit(), "after Back");
        t.goTo(400);
        assertSame(atEnd, sync(t).lossSplit(), "back at the end");

        t.goTo(200);
        t.setWeight(1, 0, 0, 0.5); // a new run from iteration 200
        t.stepMany(50);
        Snapshot forked = sync(t);
        assertEquals(2, forked.runs().size());
        long[] it = forked.lossSplit().penalties().iterations();
        assertEquals(250, it[it.length - 1]);
        t.showRun(1);
        assertSame(atEnd, sync(t).lossSplit(), "the first run shown again");
    }

    @Test
    void savedAndOpenedTheSplitIsTheSame() throws Exception {
        Scenario s = withL2(SessionFixtures.perSample(), 0.01);
        TrainingSession t = start(s);
        t.stepMany(700);
        t.goTo(500);
        LossSplit before = sync(t).lossSplit();
        SessionRecord r = t.record().get(30, TimeUnit.SECONDS).record();
        assertNotNull(r.shown().penalties());

        TrainingSession copy = start(SessionFixtures.xor());
        copy.open(r).get(30, TimeUnit.SECONDS);
        assertSame(before, sync(copy).lossSplit(), "opened from stored states");
        assertNull(copy.historyCheck().get(60, TimeUnit.SECONDS), "the replay agrees with the saved penalties");

        TrainingSession replayed = start(SessionFixtures.xor());
        replayed.open(r.shown().withoutStoredStates()).get(60, TimeUnit.SECONDS);
        assertSame(before, sync(replayed).lossSplit(), "rebuilt by replay");
    }

    @Test
    void aRecordWithoutPenaltiesShowsTheSplitFromWhereTrainingGoesOn() throws Exception {
        Scenario s = withL2(SessionFixtures.xor(), 0.01);
        TrainingSession t = start(s);
        t.stepMany(100);
        HistoryRecord h = t.record().get(30, TimeUnit.SECONDS).record().shown();
        HistoryRecord old = new HistoryRecord(h.scenario(), h.start(), h.initial(), h.edits(), h.end(), h.iteration(),
                h.current(), h.losses(), h.testLosses(), h.testFraction(), h.stored(), null);

        TrainingSession copy = start(SessionFixtures.xor());
        copy.open(old).get(30, TimeUnit.SECONDS);
        Snapshot opened = sync(copy);
        assertNotNull(opened.lossSplit(), "the penalty of the weights on show is measured again");
        assertArrayEquals(new long[] {100}, opened.lossSplit().penalties().iterations(),
                "no penalty was saved for the iterations before");
        copy.stepMany(20);
        Snapshot on = sync(copy);
        assertEquals(100, on.lossSplit().penalties().iterations()[0]);
        assertEquals(21, on.lossSplit().penalties().points());
        assertEngineNumbers(s, on.losses(), on.lossSplit());
    }

    /** The memory cap counts a run's penalties as it counts its losses: 8 bytes each. */
    @Test
    void theMemoryCapCountsThePenalties() {
        Scenario s = withL2(SessionFixtures.xor(), 0.01);
        Trainer t = s.createTrainer();
        History h = new History();
        h.reset(t.state());
        for (int i = 0; i < 10; i++) {
            double omega = SessionCore.penalty(t);
            h.recordIteration(t, SessionCore.update(t, true), Double.NaN, omega, true);
        }
        assertEquals(20, h.stored(), "a loss and a penalty per iteration");
        assertEquals(2, h.valuesPerIteration());
        assertEquals(10, h.storedUpTo(5));

        Trainer plain = SessionFixtures.xor().createTrainer();
        History p = new History();
        p.reset(plain.state());
        for (int i = 0; i < 10; i++) {
            p.recordIteration(plain, SessionCore.update(plain, true), Double.NaN, SessionCore.penalty(plain), true);
        }
        assertEquals(10, p.stored(), "no penalty: a loss per iteration");
        assertEquals(1, p.valuesPerIteration());
    }

    private static void assertSame(LossSplit want, LossSplit got, String when) {
        assertNotNull(got, when);
        assertArrayEquals(want.penalties().iterations(), got.penalties().iterations(), when);
        assertArrayEquals(want.penalties().losses(), got.penalties().losses(), 0.0, when);
        assertArrayEquals(want.dataLosses().losses(), got.dataLosses().losses(), 0.0, when);
    }
}

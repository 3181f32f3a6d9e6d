package org.backproplab.session;

import static org.backproplab.session.OpenSessions.sync;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Scenario;
import org.backproplab.engine.TrainingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Export a history, rebuild it in a fresh session: the same weights, losses, markers and future, bit for bit. */
class HistoryRecordTest {
    private final OpenSessions sessions = new OpenSessions();

    private TrainingSession start(Scenario s) {
        return sessions.start(s);
    }

    /** @return the last message of {@code t} (every snapshot carries it until the next one): one session's own */
    private static String lastMessage(TrainingSession t) throws Exception {
        return sync(t).message();
    }

    private static HistoryRecord export(TrainingSession t) throws Exception {
        return t.record().get(30, TimeUnit.SECONDS).record().shown();
    }

    @AfterEach
    void close() {
        sessions.close();
    }

    /** Per-sample training with momentum, a weight edit, an η change and a test split, then a jump back. */
    private TrainingSession edited() throws Exception {
        Scenario s = SessionFixtures.perSample();
        TrainingSession t = start(s.withConfig(s.config().withMomentum(0.9)));
        t.stepMany(100);
        t.setWeight(1, 0, 1, 0.25);
        t.stepMany(50);
        t.setLearningRate(0.05);
        t.stepMany(50);
        t.setTestFraction(0.25);
        t.stepMany(100);
        t.goTo(260);
        Snapshot s1 = sync(t);
        assertEquals(260, s1.iteration());
        assertEquals(300, s1.historyEnd());
        return t;
    }

    @Test
    void aRebuiltSessionIsTheSameBitForBitAndGoesOnTheSameWay() throws Exception {
        TrainingSession original = edited();
        HistoryRecord r = export(original);
        assertEquals(0, r.start());
        assertEquals(300, r.end());
        assertEquals(260, r.iteration());
        assertEquals(3, r.edits().size());
        assertEquals(100, r.edits().get(0).iteration());
        assertNotNull(r.testLosses());

        TrainingSession copy = start(SessionFixtures.xor());
        String said = copy.open(r).get(30, TimeUnit.SECONDS);
        Snapshot a = sync(original);
        Snapshot b = sync(copy);
        // the open says so at once; the background check of the stored states may speak after it
        assertTrue(said.startsWith("Opened the history"), said);
        assertNull(copy.historyCheck().get(60, TimeUnit.SECONDS), "every iteration replays as saved");
        assertEquals(260, b.iteration());
        assertEquals(300, b.historyEnd());
        assertTrue(HistoryFiles.sameParameters(a.network(), b.network()));
        assertEquals(a.losses().count(), b.losses().count());
        assertEquals(a.losses().markers(), b.losses().markers());
        assertArrayEquals(a.testRows(), b.testRows());
        assertArrayEquals(export(original).losses(), export(copy).losses());
        assertEquals(a.scenario().config(), b.scenario().config());

        original.goTo(120);
        copy.goTo(120);
        assertTrue(HistoryFiles.sameParameters(sync(original).network(), sync(copy).network()));
        original.stepMany(80);
        copy.stepMany(80);
        assertTrue(HistoryFiles.sameParameters(sync(original).network(), sync(copy).network()),
                "training on from a rebuilt history (with momentum) gives the same weights");
        original.back();
        copy.back();
        assertEquals(sync(original).iteration(), sync(copy).iteration());
    }

    @Test
    void aRecordThatDoesNotReplayKeepsTheSavedWeightsAndSaysSo() throws Exception {
        HistoryRecord r = export(edited());
        double[] losses = r.losses();
        losses[10] += 1e-12;
        HistoryRecord tampered = new HistoryRecord(r.scenario(), r.start(), r.initial(), r.edits(), r.end(),
                r.iteration(), r.current(), losses, r.testLosses(), r.testFraction());
        TrainingSession copy = start(SessionFixtures.xor());
        String said = copy.open(tampered).get(30, TimeUnit.SECONDS);
        Snapshot b = sync(copy);
        assertTrue(said.contains("without their history") && said.contains("iteration 10 "), said);
        assertEquals(260, b.iteration());
        assertEquals(260, b.historyStart());
        assertTrue(HistoryFiles.sameParameters(r.current().network(), b.network()));
    }

    @Test
    void aRecordTheEngineRefusesChangesNothing() throws Exception {
        TrainingSession t = start(SessionFixtures.xor());
        t.stepMany(5);
        Snapshot before = sync(t);
        HistoryRecord r = export(t);
        HistoryRecord.State bad = new HistoryRecord.State(r.current().network(), r.current().dataset(),
                r.current().config(), new int[] {0, 1, 2, 3});
        HistoryRecord refused = new HistoryRecord(r.scenario(), r.start(), r.initial(), r.edits(), r.end(),
                r.iteration(), bad, r.losses(), r.testLosses(), r.testFraction());
        t.open(refused);
        Snapshot after = sync(t);
        assertTrue(lastMessage(t).startsWith("the current state"), lastMessage(t));
        assertEquals(before.changes(), after.changes());
        assertEquals(5, after.iteration());
    }

    @Test
    void theChangeCounterMovesWithWorkButNotWithLooking() throws Exception {
        TrainingSession t = start(SessionFixtures.xor());
        long c0 = sync(t).changes();
        sync(t);
        t.pause();
        assertEquals(c0, sync(t).changes());
        t.step();
        long c1 = sync(t).changes();
        assertNotEquals(c0, c1);
        t.setWeight(1, 0, 0, 0.5);
        assertNotEquals(c1, sync(t).changes());
        assertEquals(sync(t).changes(), t.record().get(5, TimeUnit.SECONDS).changes());
    }

    @Test
    void recordsRefuseOutOfOrderEditsAndWrongLossCounts() throws Exception {
        HistoryRecord r = export(edited());
        assertThrows(IllegalArgumentException.class, () -> new HistoryRecord(r.scenario(), r.start(), r.initial(),
                r.edits(), r.end(), r.iteration(), r.current(), new double[3], null, 0));
        List<HistoryRecord.Edit> reversed = new java.util.ArrayList<>(r.edits());
        java.util.Collections.reverse(reversed);
        assertThrows(IllegalArgumentException.class, () -> new HistoryRecord(r.scenario(), r.start(), r.initial(),
                reversed, r.end(), r.iteration(), r.current(), r.losses(), r.testLosses(), 0));
        assertThrows(IllegalArgumentException.class, () -> new HistoryRecord(r.scenario(), 5, r.initial(),
                List.of(), 4, 4, r.current(), new double[0], null, 0));
        assertFalse(HistoryRecord.of(r.scenario(), r.current().network(), 7).hasHistory());
    }

    @Test
    void aSingleStateRecordOpensAtItsIteration() throws Exception {
        Scenario s = SessionFixtures.xor();
        TrainingConfig c = s.config();
        TrainingSession t = start(SessionFixtures.perSample());
        t.open(HistoryRecord.of(s, s.createNetwork(), 42));
        Snapshot b = sync(t);
        assertEquals(42, b.iteration());
        assertEquals(42, b.historyStart());
        assertEquals(c, b.scenario().config());
        t.step();
        assertEquals(43, sync(t).iteration());
    }
}

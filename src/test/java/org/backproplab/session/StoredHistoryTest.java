package org.backproplab.session;

import static org.backproplab.session.OpenSessions.sync;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Network;
import org.backproplab.engine.TrainerState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A history that stores its trainer states opens without replaying: it is put together from the states, only the
 * stretch to the iteration on show is replayed before the session is usable, and the rest is checked in the
 * background.
 */
class StoredHistoryTest {
    private final OpenSessions sessions = new OpenSessions();

    private TrainingSession start(Scenario s) {
        return sessions.start(s);
    }

    @AfterEach
    void close() {
        sessions.close();
    }

    /**
     * Per-sample training with momentum for 2,000 iterations (checkpoints every 256), a weight edit, an η change
     * and a test split on the way, then a jump back to 1,300.
     */
    private TrainingSession trained() throws Exception {
        Scenario s = SessionFixtures.perSample();
        TrainingSession t = start(s.withConfig(s.config().withMomentum(0.9)));
        t.stepMany(700);
        t.setWeight(1, 0, 1, 0.25);
        t.stepMany(300);
        t.setLearningRate(0.05);
        t.setTestFraction(0.25);
        t.stepMany(1000);
        t.goTo(1300);
        assertEquals(1300, sync(t).iteration());
        return t;
    }

    private static SessionRecord record(TrainingSession t) throws Exception {
        return t.record().get(30, TimeUnit.SECONDS).record();
    }

    @Test
    void opensWithoutReplayingAndIsTheSameSessionBitForBit() throws Exception {
        TrainingSession original = trained();
        SessionRecord r = record(original);
        HistoryRecord.Stored stored = r.shown().stored();
        assertNotNull(stored, "a session's record stores its trainer states");
        assertEquals(List.of(0L, 256L, 512L, 768L, 1024L, 1280L, 1536L, 1792L),
                stored.checkpoints().stream().map(TrainerState::iteration).toList());
        assertEquals(3, stored.editsAfter().size());
        assertNotNull(stored.current().velocityWeights(), "momentum is part of the stored state");

        TrainingSession copy = start(SessionFixtures.xor());
        String said = copy.open(r).get(30, TimeUnit.SECONDS);
        assertEquals("Opened the history: iterations 0 to 2000 with 3 edits; checking in the background that it "
                + "replays exactly.", said);
        assertNull(copy.historyCheck().get(60, TimeUnit.SECONDS), "every stretch replays as saved");
        Snapshot a = sync(original);
        Snapshot b = sync(copy);
        assertEquals(1300, b.iteration());
        assertEquals(2000, b.historyEnd());
        assertTrue(HistoryFiles.sameParameters(a.network(), b.network()));
        assertArrayEquals(original.lossHistory().get(30, TimeUnit.SECONDS).losses(),
                copy.lossHistory().get(30, TimeUnit.SECONDS).losses());
        assertArrayEquals(original.lossHistory().get(30, TimeUnit.SECONDS).testLosses(),
                copy.lossHistory().get(30, TimeUnit.SECONDS).testLosses());
        for (long k : new long[] {0, 699, 700, 701, 1000, 1001, 1999, 2000}) {
            original.goTo(k);
            copy.goTo(k);
            assertTrue(HistoryFiles.sameParameters(sync(original).network(), sync(copy).network()), "iteration " + k);
        }
        original.goTo(1300);
        copy.goTo(1300);
        original.resumeFromHere();
        copy.resumeFromHere();
        original.stepMany(900);
        copy.stepMany(900);
        assertTrue(HistoryFiles.sameParameters(sync(original).network(), sync(copy).network()),
                "training on from an opened history (momentum, epochs, test split) gives the same weights");
    }

    @Test
    void aLossThatDoesNotReplayIsFoundInTheBackgroundAndSaid() throws Exception {
        SessionRecord r = record(trained());
        HistoryRecord h = r.shown();
        double[] losses = h.losses();
        losses[1500] = Math.nextUp(losses[1500]);
        HistoryRecord tampered = new HistoryRecord(h.scenario(), h.start(), h.initial(), h.edits(), h.end(),
                h.iteration(), h.current(), losses, h.testLosses(), h.testFraction(), h.stored());
        TrainingSession copy = start(SessionFixtures.xor());
        String said = copy.open(tampered).get(30, TimeUnit.SECONDS);
        assertTrue(said.startsWith("Opened the history"), said);
        String problem = copy.historyCheck().get(60, TimeUnit.SECONDS);
        assertEquals("the replayed loss of iteration 1500 is " + h.losses()[1500] + " but the file says " + losses[1500],
                problem);
        assertTrue(sync(copy).message().contains("does not replay exactly: " + problem), sync(copy).message());
    }

    @Test
    void aCheckpointThatDoesNotLeadToTheWeightsOnShowIsFoundFirstAndSaid() throws Exception {
        SessionRecord r = record(trained());
        HistoryRecord h = r.shown();
        HistoryRecord.Stored s = h.stored();
        List<TrainerState> checkpoints = new ArrayList<>(s.checkpoints());
        TrainerState at1280 = checkpoints.get(5);
        Network nudged = at1280.network();
        nudged.layer(1).weights().setEntry(0, 0, nudged.layer(1).weights().getEntry(0, 0) + 1e-9);
        checkpoints.set(5, at1280.at(1280, nudged, at1280.velocityWeights(), at1280.velocityBiases(),
                at1280.epochsAtMark(), at1280.epochMarkIteration()));
        HistoryRecord tampered = new HistoryRecord(h.scenario(), h.start(), h.initial(), h.edits(), h.end(),
                h.iteration(), h.current(), h.losses(), h.testLosses(), h.testFraction(),
                new HistoryRecord.Stored(checkpoints, s.editsBefore(), s.editsAfter(), s.current(), s.interval(),
                        s.endLoss(), s.endTestLoss()));
        TrainingSession copy = start(SessionFixtures.xor());
        String said = copy.open(tampered).get(30, TimeUnit.SECONDS);
        assertTrue(said.startsWith("Opened the history"), said);
        assertEquals("the weights on show at iteration 1300 do not follow from the saved state at iteration 1280 "
                + "before them", copy.historyCheck().get(60, TimeUnit.SECONDS));
        Snapshot b = sync(copy);
        assertTrue(b.message().contains("does not replay exactly"), b.message());
        assertEquals(1300, b.iteration());
        assertTrue(HistoryFiles.sameParameters(h.current().network(), b.network()), "the file's weights on show");
    }

    @Test
    void aCheckOfRunsNoLongerShownStopsAndSaysNothing() throws Exception {
        SessionRecord r = record(trained());
        Messages messages = new Messages();
        messages.say("Opened");
        messages.take();
        try (BackgroundChecks checks = new BackgroundChecks()) {
            java.util.concurrent.CompletableFuture<String> verdict = checks.start(r, () -> false, Runnable::run,
                    messages, "Opened");
            assertThrows(CancellationException.class, () -> verdict.get(60, TimeUnit.SECONDS));
            assertTrue(verdict.isCancelled());
        }
        assertEquals("", messages.pending(), "nothing said");
    }

    @Test
    void aFileTooLongToReplayOpensItsWeightsAtOnceAndSaysWhy() throws Exception {
        Scenario relu = Presets.get("relu-mlp");
        HistoryRecord one = HistoryRecord.of(relu, relu.createNetwork(), 0);
        double[] losses = new double[1_000_000];
        Arrays.fill(losses, Double.NaN);
        HistoryRecord old = new HistoryRecord(relu, 0, one.initial(), List.of(), losses.length, losses.length,
                one.current(), losses, null, 0);
        TrainingSession t = start(SessionFixtures.xor());
        String said = t.open(old).get(30, TimeUnit.SECONDS);
        assertTrue(said.contains("without their history") && said.contains("stores no checkpoints")
                && said.contains("1,000,000 iterations"), said);
        assertEquals(1_000_000, sync(t).iteration());
    }

    @Test
    void aHistoryTooLongToCheckHasTheWeightsOnShowCheckedAndSaysSo() throws Exception {
        Scenario s = Presets.reluMlp(new int[] {64, 64}, 0.1);
        int n = 500_000;
        TrainerState first = s.createTrainer().state();
        List<TrainerState> checkpoints = new ArrayList<>();
        for (long k = 0; k < n; k += HistoryRecord.Stored.MAX_GAP) {
            checkpoints.add(first.at(k, first.network(), null, null, 0, 0));
        }
        double[] losses = new double[n];
        Arrays.fill(losses, 0.5);
        HistoryRecord one = HistoryRecord.of(s, first.network(), 0);
        HistoryRecord h = new HistoryRecord(s, 0, one.initial(), List.of(), n, 0, one.current(), losses, null, 0,
                new HistoryRecord.Stored(checkpoints, List.of(), List.of(), first, HistoryRecord.Stored.MAX_GAP,
                        Double.NaN, Double.NaN));
        assertTrue(HistoryCheck.work(SessionRecord.of(h)) > HistoryCheck.MAX_WORK);
        TrainingSession t = start(SessionFixtures.xor());
        t.open(h).get(30, TimeUnit.SECONDS);
        assertNull(t.historyCheck().get(60, TimeUnit.SECONDS), "the weights on show replay (none to replay)");
        String said = sync(t).message();
        assertTrue(said.startsWith("Checked the weights on show: they replay exactly. The rest of the saved history is "
                + "too long to check"), said);
    }

    @Test
    void editsThatKeepTheSamplesShareThemInTheRecord() throws Exception {
        SessionRecord r = record(trained());
        HistoryRecord h = r.shown();
        assertTrue(h.edits().get(0).after().dataset() == h.initial().dataset(), "a weight edit shares the samples");
        assertTrue(h.edits().get(1).after().dataset() == h.initial().dataset(), "an η edit shares the samples");
        HistoryRecord.Stored s = h.stored();
        assertTrue(s.editsAfter().get(1).sameData(s.editsBefore().get(1)));
    }

    @Test
    void theWorkOfAReplayCountsEachStretchWithItsOwnSamples() throws Exception {
        Scenario xor = Presets.xor();
        Scenario one = xor.withDataset(xor.dataset().withSamples(new double[][] {{0, 0, 1}}, new double[][] {{0}},
                List.of()));
        TrainingSession t = start(xor);
        t.stepMany(100);
        t.setDataset(one.dataset());
        t.stepMany(10);
        SessionRecord r = record(t);
        HistoryRecord h = r.shown();
        assertEquals(1, h.edits().size());
        long params = xor.createNetwork().parameterCount();
        assertEquals((double) params * (100 * (4 + 4) + 10 * (1 + 1)), HistoryCheck.work(r), 1e-9,
                "100 iterations on 4 samples (batch and loss), 10 on 1");
    }

    @Test
    void aFullBatchLossLeftOutIsFoundByTheCheck() throws Exception {
        TrainingSession t = start(Presets.xor());
        t.stepMany(300);
        HistoryRecord h = record(t).shown();
        double[] losses = h.losses();
        losses[40] = Double.NaN;
        HistoryRecord blanked = new HistoryRecord(h.scenario(), h.start(), h.initial(), h.edits(), h.end(),
                h.iteration(), h.current(), losses, h.testLosses(), h.testFraction(), h.stored());
        TrainingSession copy = start(SessionFixtures.xor());
        copy.open(blanked).get(30, TimeUnit.SECONDS);
        assertEquals("the replayed loss of iteration 40 is " + h.losses()[40] + " but the file says NaN",
                copy.historyCheck().get(60, TimeUnit.SECONDS));
    }

    @Test
    void storedStatesMayNotLeaveALongGap() {
        Scenario xor = Presets.xor();
        HistoryRecord one = HistoryRecord.of(xor, xor.createNetwork(), 0);
        TrainerState first = xor.createTrainer().state();
        long end = HistoryRecord.Stored.MAX_GAP + 1;
        TrainerState current = first.at(end, first.network(), null, null, 0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HistoryRecord(xor, 0,
                one.initial(), List.of(), end, end, one.current(), new double[(int) end], null, 0,
                new HistoryRecord.Stored(List.of(first), List.of(), List.of(), current, 256, Double.NaN,
                        Double.NaN)));
        assertTrue(e.getMessage().contains("no stored state between iterations 0 and " + end), e.getMessage());
    }

    @Test
    void aCheckStopsWhenCancelled() throws Exception {
        SessionRecord r = record(trained());
        boolean[] asked = {false};
        HistoryCheck check = new HistoryCheck(r, new org.backproplab.engine.Progress() {
            @Override
            public void advanced(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return asked[0] = true;
            }
        });
        assertThrows(CancellationException.class, check::run);
        assertTrue(asked[0]);
    }
}

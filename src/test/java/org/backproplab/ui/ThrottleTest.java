package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The throttle runs at once when asked or due, keeps only the newest late action, and runs it when due. */
class ThrottleTest {
    private static final long MS = 1_000_000L;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static void onFx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
    }

    @Test
    void lateActionsWaitForTheirIntervalAndOnlyTheNewestRuns() throws Exception {
        AtomicLong clock = new AtomicLong(1_000 * MS);
        List<String> ran = new ArrayList<>();
        Throttle t = new Throttle(10, clock::get, new Throttle.FrameBudget()); // 100 ms
        onFx(() -> {
            assertFalse(t.submit(false, () -> ran.add("first")));
            t.flushIfDue(1); // nothing ran before: due at once
            assertEquals(List.of("first"), ran);
            clock.addAndGet(30 * MS);
            assertFalse(t.submit(false, () -> ran.add("late 1")));
            assertFalse(t.submit(false, () -> ran.add("late 2")));
            assertTrue(t.hasPending());
            t.flushIfDue(2); // 30 ms after: not yet
            assertEquals(List.of("first"), ran);
            clock.addAndGet(70 * MS);
            t.flushIfDue(3);
            assertEquals(List.of("first", "late 2"), ran);
            assertFalse(t.hasPending());
        });
    }

    @Test
    void aNewRateTakesEffectFromTheNextRun() throws Exception {
        AtomicLong clock = new AtomicLong(1_000 * MS);
        List<String> ran = new ArrayList<>();
        Throttle t = new Throttle(30, clock::get, new Throttle.FrameBudget()); // 33 ms
        onFx(() -> {
            t.submit(false, () -> ran.add("first"));
            t.flushIfDue(1);
            t.setMaxPerSecond(8); // 125 ms
            clock.addAndGet(40 * MS);
            t.submit(false, () -> ran.add("second"));
            t.flushIfDue(2); // due at 30 a second, not at 8
            assertEquals(List.of("first"), ran);
            clock.addAndGet(85 * MS);
            t.flushIfDue(3);
            assertEquals(List.of("first", "second"), ran);
        });
        assertThrows(IllegalArgumentException.class, () -> t.setMaxPerSecond(0));
    }

    @Test
    void throttlesSharingABudgetTakeTurnsOneRunPerFrame() throws Exception {
        AtomicLong clock = new AtomicLong(0);
        List<String> ran = new ArrayList<>();
        Throttle.FrameBudget budget = new Throttle.FrameBudget();
        Throttle chart = new Throttle(8, clock::get, budget);
        Throttle table = new Throttle(10, clock::get, budget);
        onFx(() -> {
            chart.submit(false, () -> ran.add("chart"));
            table.submit(false, () -> ran.add("table"));
            chart.flushIfDue(1);
            table.flushIfDue(1); // same frame: waits although it is due
            assertEquals(List.of("chart"), ran);
            assertTrue(table.hasPending());
            clock.addAndGet(16 * MS);
            chart.flushIfDue(2);
            table.flushIfDue(2);
            assertEquals(List.of("chart", "table"), ran);
        });
    }

    @Test
    void anImmediateActionDropsTheOlderPendingOne() throws Exception {
        AtomicLong clock = new AtomicLong(0);
        List<String> ran = new ArrayList<>();
        Throttle t = new Throttle(4, clock::get, new Throttle.FrameBudget());
        onFx(() -> {
            t.submit(false, () -> ran.add("a"));
            t.flushIfDue(1);
            clock.addAndGet(MS);
            t.submit(false, () -> ran.add("stale"));
            assertTrue(t.submit(true, () -> ran.add("paused")));
            assertFalse(t.hasPending());
            clock.addAndGet(1_000 * MS);
            t.flushIfDue(2);
            assertEquals(List.of("a", "paused"), ran);
        });
    }

    @Test
    void thePendingActionRunsOnALaterFrameWithoutAnotherSubmit() throws Exception {
        List<String> ran = new ArrayList<>();
        Throttle t = new Throttle(20); // 50 ms, real clock and real frames
        onFx(() -> {
            t.submit(false, () -> ran.add("a"));
            t.submit(false, () -> ran.add("b"));
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> ran.size()).get() == 1);
        onFx(() -> {
            assertEquals(List.of("b"), ran); // "a" was replaced before its frame came
            assertFalse(t.hasPending());
        });
    }

    @Test
    void refusesANonPositiveRate() {
        assertThrows(IllegalArgumentException.class, () -> new Throttle(0));
    }
}

package org.backproplab.ui;

import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;

/**
 * Limits how often an expensive view redraws while training runs (FX thread only). {@link #submit} runs the
 * action at once when {@code immediate} is true (not running, stepping, going back: tests and stepping stay
 * exact); otherwise it keeps only the newest action and runs it on a later frame, once the interval has passed
 * since the last run and no other throttled view has used that frame ({@link FrameBudget}): the expensive
 * views take turns instead of all redrawing in the same frame. The last snapshot of a burst is never lost. An
 * immediate submit drops any pending one (it is older).
 */
public final class Throttle {
    private long intervalNanos;
    private final LongSupplier clock;
    private final FrameBudget budget;
    private long lastRun = Long.MIN_VALUE;
    private Runnable pending;
    private boolean timerRunning;
    /** Created on first need (an AnimationTimer needs the FX toolkit). */
    private AnimationTimer timer;

    /** @param maxPerSecond the most runs per second while throttled (e.g. 10 for a chart) */
    public Throttle(double maxPerSecond) {
        this(maxPerSecond, System::nanoTime, FrameBudget.WINDOW);
    }

    /**
     * For tests: {@code clock} gives nanoseconds like {@link System#nanoTime()}; {@code budget} is shared with
     * the throttles that take turns with this one.
     */
    Throttle(double maxPerSecond, LongSupplier clock, FrameBudget budget) {
        setMaxPerSecond(maxPerSecond);
        this.clock = clock;
        this.budget = budget;
    }

    /** Changes the most runs per second while throttled (from the next run on). */
    public void setMaxPerSecond(double maxPerSecond) {
        if (!(maxPerSecond > 0)) {
            throw new IllegalArgumentException("maxPerSecond must be positive, was " + maxPerSecond);
        }
        intervalNanos = Math.round(1e9 / maxPerSecond);
    }

    /**
     * Runs {@code action} now if {@code immediate}; otherwise on a later frame when it is due (the newest
     * pending action replaces an older one).
     *
     * @return true if the action ran now
     */
    public boolean submit(boolean immediate, Runnable action) {
        if (immediate) {
            pending = null;
            stopTimer();
            lastRun = clock.getAsLong();
            action.run();
            return true;
        }
        pending = action;
        if (!timerRunning) {
            if (timer == null) {
                timer = new AnimationTimer() {
                    @Override
                    public void handle(long frame) {
                        flushIfDue(frame);
                    }
                };
            }
            timerRunning = true;
            timer.start();
        }
        return false;
    }

    /** @return true if an action waits for its turn */
    public boolean hasPending() {
        return pending != null;
    }

    /**
     * Runs the pending action if its time has come and no other throttle has run in this frame (called once
     * per frame by the timer).
     *
     * @param frame the frame's time stamp, the same for every throttle in one frame
     */
    void flushIfDue(long frame) {
        if (pending == null) {
            stopTimer();
            return;
        }
        long now = clock.getAsLong();
        if ((lastRun == Long.MIN_VALUE || now - lastRun >= intervalNanos) && budget.take(frame)) {
            Runnable a = pending;
            pending = null;
            stopTimer();
            lastRun = now;
            a.run();
        }
    }

    private void stopTimer() {
        if (timerRunning) {
            timerRunning = false;
            timer.stop();
        }
    }

    /**
     * One throttled run per frame, shared by the throttles of a window (FX thread only): a frame in which the
     * chart redraws is not also the frame in which the table and the inspector refresh.
     */
    static final class FrameBudget {
        /** The budget every throttle of the window shares. */
        static final FrameBudget WINDOW = new FrameBudget();
        private long taken = Long.MIN_VALUE;

        /** @return true (and uses up the frame) if no throttle has run in {@code frame} yet */
        boolean take(long frame) {
            if (frame == taken) {
                return false;
            }
            taken = frame;
            return true;
        }
    }
}

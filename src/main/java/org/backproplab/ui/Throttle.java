package org.backproplab.ui;

import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;

/**
 * Limits how often an expensive view redraws while training runs (FX thread only). {@link #submit} runs the
 * action at once when {@code immediate} is true (not running, stepping, going back: tests and stepping stay
 * exact) or when at least the interval has passed since the last run; otherwise it keeps only the newest
 * action and runs it as soon as the interval has passed (checked once per frame), so the last snapshot of a
 * burst is never lost. An immediate submit drops any pending one (it is older).
 */
public final class Throttle {
    private final long intervalNanos;
    private final LongSupplier clock;
    private long lastRun = Long.MIN_VALUE;
    private Runnable pending;
    private boolean timerRunning;
    /** Created on first need (an AnimationTimer needs the FX toolkit). */
    private AnimationTimer timer;

    /** @param maxPerSecond the most runs per second while throttled (e.g. 10 for a chart) */
    public Throttle(double maxPerSecond) {
        this(maxPerSecond, System::nanoTime);
    }

    /** For tests: {@code clock} gives nanoseconds like {@link System#nanoTime()}. */
    Throttle(double maxPerSecond, LongSupplier clock) {
        if (!(maxPerSecond > 0)) {
            throw new IllegalArgumentException("maxPerSecond must be positive, was " + maxPerSecond);
        }
        this.intervalNanos = Math.round(1e9 / maxPerSecond);
        this.clock = clock;
    }

    /**
     * Runs {@code action} now if {@code immediate} or if the interval has passed; otherwise later (the newest
     * pending action replaces an older one).
     *
     * @return true if the action ran now
     */
    public boolean submit(boolean immediate, Runnable action) {
        long now = clock.getAsLong();
        if (immediate || lastRun == Long.MIN_VALUE || now - lastRun >= intervalNanos) {
            pending = null;
            stopTimer();
            lastRun = now;
            action.run();
            return true;
        }
        pending = action;
        if (!timerRunning) {
            if (timer == null) {
                timer = new AnimationTimer() {
                    @Override
                    public void handle(long frame) {
                        flushIfDue();
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

    /** Runs the pending action if its time has come (called once per frame by the timer). */
    void flushIfDue() {
        if (pending == null) {
            stopTimer();
            return;
        }
        long now = clock.getAsLong();
        if (now - lastRun >= intervalNanos) {
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
}

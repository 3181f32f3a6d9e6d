package org.backproplab.session;

import org.backproplab.engine.Trainer;

/**
 * How fast a run goes and how often the whole training set is evaluated for the loss curve. Running at a set
 * speed, the iterations due by now are those since the run (or the last speed change) started at that speed.
 * Owned by the worker.
 *
 * <h2>Evaluation cadence</h2>
 * Full-batch training computes the loss over every training row anyway, so every iteration has its point. With
 * per-sample and mini-batch training the loss over the whole set costs a forward pass over every row: stepping,
 * or running at up to {@value #EVERY_ITERATION_SPEED} iterations per second, evaluates it after every update;
 * running faster evaluates it once per epoch ({@code c = ⌈rows / batch rows⌉} iterations), which costs about a
 * third of the training it measures, whatever the size of the data set.
 */
final class Pacer {
    /** Up to this speed (iterations per second) the whole set is evaluated after every update. */
    static final double EVERY_ITERATION_SPEED = 200;

    /** Nanoseconds, as {@link System#nanoTime()} counts them (a test clock in tests). */
    private final java.util.function.LongSupplier clock;
    private double speed = TrainingSession.MAX_SPEED;
    private long startNanos;
    private long startIteration;
    private long rateNanos;
    private long rateIteration;
    private double measuredRate;

    Pacer() {
        this(System::nanoTime);
    }

    /** @param clock the time in nanoseconds */
    Pacer(java.util.function.LongSupplier clock) {
        this.clock = clock;
    }

    /** Starts pacing from iteration {@code k} now. */
    void start(long k) {
        startNanos = clock.getAsLong();
        startIteration = k;
        rateNanos = startNanos;
        rateIteration = k;
    }

    void setSpeed(double s, long k) {
        speed = s;
        startNanos = clock.getAsLong();
        startIteration = k;
    }

    /** @return how long the worker may wait for a command before the next iteration is due (at most one publish period) */
    long idleNanos(long k) {
        if (Double.isInfinite(speed)) {
            return 0;
        }
        long due = startNanos + (long) ((k - startIteration + 1) * 1e9 / speed);
        return Math.max(0, Math.min(due - clock.getAsLong(), TrainingSession.PUBLISH_NANOS));
    }

    /** @return the iteration training should have reached by now */
    long target() {
        return Double.isInfinite(speed) ? Long.MAX_VALUE
                : startIteration + (long) ((clock.getAsLong() - startNanos) * speed / 1e9);
    }

    /** @return the measured speed (iterations per second) while running, updated every 0.2 s; 0 when paused */
    double measure(boolean running, long k) {
        long now = clock.getAsLong();
        if (!running) {
            measuredRate = 0;
        } else if (now - rateNanos > 200_000_000L) {
            measuredRate = (k - rateIteration) * 1e9 / (now - rateNanos);
            rateNanos = now;
            rateIteration = k;
        }
        return measuredRate;
    }

    /**
     * @return every how many iterations the whole training set is evaluated for the curve: 1 unless running
     *         faster than {@value #EVERY_ITERATION_SPEED} per second with per-sample or mini-batch training, then
     *         once per epoch
     */
    int cadence(Trainer t, boolean running) {
        if (!running || speed <= EVERY_ITERATION_SPEED || t.config().batch().isFull()) {
            return 1;
        }
        int rows = t.trainingRowCount();
        int batch = t.config().batch().rows(rows);
        return Math.max(1, (rows + batch - 1) / batch);
    }
}

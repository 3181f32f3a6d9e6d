package org.backproplab.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.backproplab.engine.Trainer;

/**
 * "Train all to": brings every run that ends before an iteration up to it, one run after another at the set speed
 * (each is shown while it trains, so the chart draws it growing beside the others), then shows the run that was on
 * show before. A run that diverges on the way stops at the divergence and the next one goes on. Pause, Run or any
 * jump ends it where it is. Owned by the worker.
 */
final class CatchUp {
    private final SessionCore c;
    /** The runs still to train, in order. */
    private final Deque<Integer> queue = new ArrayDeque<>();
    private long target;
    private int home;
    private boolean active;

    CatchUp(SessionCore core) {
        this.c = core;
    }

    /**
     * Starts training every run whose history ends before iteration {@code k} up to {@code k}.
     *
     * @throws IllegalArgumentException naming the value if {@code k} is not an iteration a run may reach, or the
     *                                  runs together could not keep that many iterations
     */
    void start(long k) {
        if (k < 1 || k > Trainer.MAX_ITERATION) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%,d in Train all to: expected an iteration "
                    + "from 1 to %,d", k, Trainer.MAX_ITERATION));
        }
        Deque<Integer> behind = new ArrayDeque<>();
        long more = 0;
        for (Runs.Run r : c.runs.all()) {
            if (r.history.length() < k) {
                behind.add(r.number);
                more += (k - r.history.length()) * r.history.valuesPerIteration();
            }
        }
        if (behind.isEmpty()) {
            c.messages.say(String.format(Locale.ROOT, "Every run already reaches iteration %,d.", k));
            return;
        }
        if (c.runs.stored() + more > History.MAX_LENGTH) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%,d in Train all to: the runs would hold "
                    + "%,d values together (a loss per iteration, and a penalty per iteration with L1 or L2), the most "
                    + "kept in memory is %,d. Choose a lower iteration or delete a run.",
                    k, c.runs.stored() + more, History.MAX_LENGTH));
        }
        home = c.runs.current().number;
        target = k;
        queue.clear();
        queue.addAll(behind);
        active = true;
        next();
    }

    /** Forgets the runs still to train (Pause, Run, a jump). */
    void stop() {
        queue.clear();
        active = false;
    }

    /**
     * After the run on show reached the target or diverged: trains the next run behind, or shows the run that was on
     * show at the start once all are done.
     */
    void stopped() {
        if (active && c.trainer.iteration() != target && !c.trainer.isDiverged()) {
            stop(); // the run on show stopped elsewhere: someone else's Run to
            return;
        }
        next();
    }

    /** Trains the next run behind, or shows the run that was on show at the start once all are done. */
    private void next() {
        while (active && !queue.isEmpty()) {
            int n = queue.poll();
            if (!c.runs.has(n)) {
                continue;
            }
            Deque<Integer> rest = new ArrayDeque<>(queue);
            c.navigation.showRun(n);
            c.navigation.goTo(c.history.length());
            c.runTo(RunTarget.iterations(target)); // Run forgets a catch-up: this one goes on
            queue.addAll(rest);
            active = true;
            if (c.running) {
                return;
            }
        }
        if (active) {
            active = false;
            if (c.runs.has(home)) {
                c.navigation.showRun(home);
            }
            c.messages.say(String.format(Locale.ROOT, "Every run has been trained to iteration %,d (or to where it "
                    + "diverged).", target));
        }
    }

    /** @return true while runs are being brought up to the target */
    boolean active() {
        return active;
    }
}

package org.backproplab.session;

/**
 * Moving through the runs of a session without changing any: showing an iteration, starting a new run from the one
 * on show, showing or deleting a run, and the landing after a divergence. Owned by the worker.
 */
final class Navigation {
    private final SessionCore c;

    Navigation(SessionCore core) {
        this.c = core;
    }

    void goTo(long k) {
        if (k < c.history.base() || k > c.history.length()) {
            throw new IllegalArgumentException("iteration " + k + " is not in this run: expected "
                    + c.history.base() + " to " + c.history.length());
        }
        c.running = false;
        c.noteEndLoss();
        c.history.restore(c.trainer, k);
        c.changes++;
        c.syncDataset();
        c.messages.say(k < c.history.length() ? String.format(java.util.Locale.ROOT, "Showing iteration %,d of %,d: step "
                + "or run to follow the run again, or edit here to start a new run (this one is kept).", k, c.history.length()) : "");
    }

    /**
     * Makes the iteration on show the end of a new run that training continues from (the old run is kept in the
     * Runs list); nothing is trained until Step or Run.
     */
    void resumeFromHere() {
        c.running = false;
        long k = c.trainer.iteration();
        if (c.trainer.phaseIndex() > 0) {
            c.history.restore(c.trainer, k);
        }
        if (k == c.history.length()) {
            c.messages.say("This is already the end of the run: step or run to continue.");
            return;
        }
        String refusal = c.runs.refusalToFork(k);
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        c.fork(k);
        c.messages.say("New run " + c.runs.current().number + " from iteration " + k + ": step or run to continue. Run "
                + c.runs.current().parent + " is kept in the Runs list.");
    }

    /** Shows run {@code number} where it was left. */
    void showRun(int number) {
        Runs.Run r = c.runs.find(number);
        if (r == c.runs.current()) {
            return;
        }
        c.running = false;
        c.noteEndLoss();
        c.runs.switchTo(r, c.trainer.iteration());
        c.history = r.history;
        c.refreshStoredByOthers();
        c.history.restore(c.trainer, Math.min(r.position, c.history.length()));
        c.syncDataset();
        c.forgetPhaseWalk();
        c.changes++;
        c.messages.say("Showing run " + number + " at iteration " + c.trainer.iteration() + ".");
    }

    /** Forgets run {@code number} (not the one on show). */
    void deleteRun(int number) {
        c.runs.delete(number);
        c.refreshStoredByOthers();
        c.changes++;
        c.messages.say("Deleted run " + number + ".");
    }

    /**
     * After divergence: shows the last iteration before the loss left its normal range for good (see
     * {@link DivergenceLanding}), where a lower η can still rescue the run. Nothing is dropped.
     */
    void backToFinite() {
        c.running = false;
        c.noteEndLoss();
        long k = DivergenceLanding.find(c.history, c.trainer.iteration());
        c.history.restore(c.trainer, k);
        c.syncDataset();
        c.changes++;
        c.messages.say("Back to iteration " + k + ", the last before the loss rose above "
                + DivergenceLanding.FACTOR + "× its lowest value so far and never came back: lower η and run again.");
    }

}

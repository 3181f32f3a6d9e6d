package org.backproplab.session;

import org.backproplab.data.Scenario;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainerState;
import org.backproplab.engine.TrainingConfig;

/**
 * Switching to another session (a preset, a data set of another shape, an architecture, a file, a reset or a new
 * seed) without losing the one on show: it is kept in {@link PreviousSessions}, and Back right after the switch
 * brings it back whole. Everything is validated before anything changes. Owned by the worker.
 */
final class Switches {
    private final SessionCore c;

    Switches(SessionCore core) {
        this.c = core;
    }

    /**
     * Keeps the session on show (Back brings it back) and starts over on {@code s}, with {@code state}'s weights
     * if given.
     *
     * @throws IllegalArgumentException (changing nothing) if the engine refuses the c.scenario or the state
     */
    void load(Scenario s, TrainerState state, String said) {
        Trainer t = SessionCore.createTrainer(s, state, c.testFraction);
        Variants.check(s);
        keepForBack();
        c.install(s, t);
        String beside = state == null ? c.variants.startBeside(s) : "";
        String back = c.previous.nextName();
        c.messages.say(said + (beside.isEmpty() ? "" : " " + capitalised(beside))
                + (back == null ? "" : " Back brings " + back + " back as it was."));
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void keepForBack() {
        c.noteEndLoss();
        int dropped = c.previous.push(new PreviousSessions.Kept(c.scenario.withDataset(c.dataset).withConfig(c.trainer.config()),
                c.described(), c.dataset, c.testFraction, c.runs, c.trainer.iteration()));
        if (dropped > 0) {
            c.messages.say("The oldest kept session was let go to stay within memory.");
        }
    }

    /** Brings back the session the last switch replaced. */
    void restorePrevious() {
        PreviousSessions.Kept k = c.previous.pop();
        Trainer t = k.scenario().createTrainer();
        History h = k.runs().current().history;
        h.restore(t, k.position());
        c.scenario = k.scenario();
        c.describe(k.described());
        c.dataset = k.dataset();
        c.testFraction = k.testFraction();
        c.trainer = t;
        c.runs = k.runs();
        c.history = h;
        c.replacements++;
        c.refreshStoredByOthers();
        c.forgetPhaseWalk();
        c.running = false;
        c.changes++;
        c.syncDataset();
        c.messages.say("Back to " + c.scenario.name() + " at iteration " + t.iteration() + ", as it was.");
    }

    void reset() {
        c.restart(c.trainer.config(), "Reset to the initial weights of seed " + c.trainer.config().seed() + ".");
    }

    void newSeed() {
        TrainingConfig now = c.trainer.config();
        c.restart(now.withSeed(now.seed() + 1), "New weights from seed " + (now.seed() + 1) + ".");
    }

    /** Replaces everything by the session {@code r} records (the one on show is kept for Back); see {@link HistoryFiles#open}. */
    boolean open(SessionRecord r) {
        HistoryFiles.check(r);
        keepForBack();
        long incoming = 0;
        for (SessionRecord.Run run : r.runs()) {
            incoming += run.history().end() - run.history().start();
        }
        while (!c.previous.isEmpty() && c.previous.stored() + incoming > History.MAX_LENGTH) {
            c.previous.dropOldest();
            c.messages.say("The session before the file was let go: together they would hold more than "
                    + History.MAX_LENGTH + " iterations.");
        }
        try {
            return HistoryFiles.open(c, r);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            if (!c.previous.isEmpty()) {
                restorePrevious();
            }
            throw new IllegalArgumentException("Could not open the file: " + e.getMessage() + ". The session is as it was.", e);
        }
    }

}

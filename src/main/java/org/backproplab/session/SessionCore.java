package org.backproplab.session;

import org.backproplab.data.Dataset;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainerState;
import org.backproplab.engine.TrainingConfig;

/**
 * The state of a {@link TrainingSession} and the commands that change it, run on its worker thread only (and
 * testable without one). Every command validates everything first and changes nothing when it refuses.
 *
 * <ul>
 *   <li>Moving: {@link #back()}, {@link #goTo(long)} and stepping or training from an earlier iteration move
 *       along the run already recorded (training is seeded, so that is exactly what it would compute); nothing
 *       recorded is dropped.</li>
 *   <li>Changing: an edit at an earlier iteration, or {@link #resumeFromHere()}, forks a new run ({@link Runs});
 *       the old one is kept and can be shown again with {@link #showRun(int)}.</li>
 *   <li>Switching: a preset, data set, architecture, file, reset or new seed keeps the session on show
 *       ({@link PreviousSessions}); Back right after brings it back.</li>
 * </ul>
 * Editing is in {@link Edits}, training pace and evaluation cadence in {@link Pacer}, messages in {@link Messages}.
 */
final class SessionCore {
    Scenario scenario;
    Dataset dataset;
    Trainer trainer;
    Runs runs;
    /** The history of the run on show: {@code runs.current().history}. */
    History history;
    boolean running;
    /** What a lesson locks: the commands of these groups are refused. */
    java.util.Set<Lock> locks = java.util.EnumSet.noneOf(Lock.class);
    double testFraction;
    /** Counts the changes to what a saved file would hold (iterations, edits, jumps, loads). */
    long changes;
    /**
     * Counts the times the runs were replaced by others (a switch, a file, Back to a previous session); read by the
     * background check of an opened file, to stop when the runs it checks are gone.
     */
    volatile long replacements;
    final Messages messages = new Messages();
    final Pacer pacer = new Pacer();
    final PreviousSessions previous = new PreviousSessions();
    final Edits edits = new Edits(this);
    final Switches switches = new Switches(this);
    final Navigation navigation = new Navigation(this);
    final Variants variants = new Variants(this);
    final CatchUp catchUp = new CatchUp(this);
    /** True if the snapshots' loss curves are decimated for a logarithmic iteration axis (see {@code LossSeries}). */
    boolean logIterations;
    /** Where "Run to…" stops training, or null while Run trains on until paused. */
    RunTarget runTo;
    /** The iteration last completed phase by phase, or -1: Back from it goes back phase by phase. */
    private long walkedByPhases = -1;
    /** What the description line describes: the settings and the text of the scenario as it was loaded. */
    private TrainingConfig describedConfig;
    private String describedText;
    /** The layers the description line describes (a variant's other hidden activation is said as a change). */
    private java.util.List<org.backproplab.engine.LayerSpec> describedLayers;
    /** Iterations stored by the runs not on show (for the memory cap, kept up to date on every fork and switch). */
    private long storedByOthers;

    SessionCore(Scenario scenario) {
        install(scenario, createTrainer(scenario, null, 0));
        Variants.check(scenario);
        messages.say(variants.startBeside(scenario));
    }

    // ---- switching sessions (see Switches) --------------------------------------------------------

    /** A new trainer for {@code s} (with {@code state}, and the test share), or an exception before anything changes. */
    /**
     * A scenario's own split (the real data sets' stratified one) is kept unless another share of test rows was
     * chosen; a scenario without one gets {@code testFraction} of its rows by {@link TestSplit}.
     */
    static Trainer createTrainer(Scenario s, TrainerState state, double testFraction) {
        Trainer t = s.createTrainer();
        if (state != null) {
            t.restore(state);
        }
        int own = s.testRows().length;
        boolean ownShare = own > 0 && (testFraction == 0 || own == Math.round(testFraction * s.dataset().size()));
        if (testFraction > 0 && !ownShare) {
            t.setTestRows(TestSplit.rows(testFraction, s.dataset().size(), t.config().seed()));
        }
        return t;
    }

    /** Shows a new session: one run starting at the trainer's state. */
    void install(Scenario s, Trainer t) {
        describedConfig = s.config();
        describedText = s.description();
        describedLayers = s.layers();
        scenario = s;
        dataset = s.dataset();
        trainer = t;
        running = false;
        History h = new History();
        h.reset(t.state());
        runs = new Runs(h);
        history = h;
        replacements++;
        storedByOthers = 0;
        walkedByPhases = -1;
        changes++;
    }

    // ---- moving --------------------------------------------------------------------------------------

    void step() {
        if (refuseWhenFull()) {
            return;
        }
        long t0 = System.nanoTime();
        iterate(true);
        timed(t0);
        checkDivergence();
    }

    void stepMany(long count) {
        long t0 = System.nanoTime();
        for (long i = 0; i < count && !trainer.isDiverged() && !refuseWhenFull(); i++) {
            iterate(true);
        }
        timed(t0);
        checkDivergence();
    }

    /** Adds the wall time since {@code start} (System.nanoTime) to the run on show's training time. */
    private void timed(long start) {
        runs.current().trainingNanos += System.nanoTime() - start;
    }

    void stepPhase() {
        boolean completes = trainer.phaseIndex() == trainer.phases().size() - 1;
        if ((completes || trainer.atIterationLimit()) && refuseWhenFull()) {
            return;
        }
        if (completes && following()) {
            trainer.stepPhase();
            arrive();
        } else if (completes) {
            double pre = preUpdateLoss();
            double test = trainer.hasTestRows() ? trainer.testLoss() : Double.NaN;
            double penalty = penalty(trainer);
            trainer.stepPhase();
            record(pre, test, penalty, true);
        } else {
            trainer.stepPhase();
        }
        if (completes) {
            walkedByPhases = trainer.iteration();
        }
        checkDivergence();
    }

    void back() {
        running = false;
        long k = trainer.iteration();
        int p = trainer.phaseIndex();
        if (p > 0) {
            history.restore(trainer, k);
            replayPhases(p - 1);
            changes++;
            messages.say("Back to before " + trainer.phases().get(p - 1).label() + ".");
            return;
        }
        if (history.lastEditAt(k) != null && history.length() == k && edits.undoLast()) {
            return;
        }
        if (k > history.base()) {
            noteEndLoss();
            history.restore(trainer, k - 1);
            syncDataset();
            changes++;
            if (walkedByPhases == k) {
                int last = trainer.phases().size() - 1;
                replayPhases(last);
                walkedByPhases = -1;
                messages.say("Back to before " + trainer.phases().get(last).label() + " of iteration " + k + ".");
            } else {
                messages.say("Back to iteration " + (k - 1) + (history.length() > k - 1 ? String.format(
                        java.util.Locale.ROOT, " (the run goes on to %,d: step or run to follow it again).", history.length()) : "."));
            }
            return;
        }
        if (holdsNothing() && !previous.isEmpty()) {
            switches.restorePrevious();
            return;
        }
        messages.say("Nothing to go back to: this is the start.");
    }

    /** @return true if the session on show has no training, no edit and only one run (a fresh switch) */
    boolean holdsNothing() {
        return runs.size() == 1 && history.length() == history.base() && history.edits().isEmpty()
                && trainer.iteration() == history.base() && trainer.phaseIndex() == 0;
    }

    void replayPhases(int n) {
        for (int i = 0; i < n; i++) {
            trainer.stepPhase();
        }
    }

    void run() {
        catchUp.stop();
        if (trainer.isDiverged()) {
            messages.say("Training has diverged: go back to the last finite state or reset first.");
            return;
        }
        running = true;
        runTo = null;
        pacer.start(trainer.iteration());
    }

    void pause() {
        catchUp.stop();
        running = false;
        runTo = null;
    }

    /**
     * Trains at the set speed until {@code target} exactly, then pauses; a target behind the iteration on show is
     * shown from the history (see {@link RunTarget#iterationFor}). Refuses, changing nothing, a target outside the
     * run or one the trainer cannot reach.
     */
    void runTo(RunTarget target) {
        long k = trainer.iteration();
        long stop = target.iterationFor(trainer);
        if (stop == k && trainer.phaseIndex() == 0) {
            running = false;
            runTo = null;
            messages.say("Already at " + target.describe() + ".");
            return;
        }
        if (stop <= k) {
            checkBehind(target, stop);
            navigation.goTo(stop);
            messages.say(String.format(java.util.Locale.ROOT, "Back at %s%s: Run to went back along the run (it goes on "
                    + "to %,d).", target.describe(), target.unit() == RunTarget.Unit.EPOCHS
                    ? String.format(java.util.Locale.ROOT, " (iteration %,d)", stop) : "", history.length()));
            return;
        }
        run();
        if (running) {
            runTo = target;
            messages.say("Running to " + target.describe() + (target.unit() == RunTarget.Unit.EPOCHS
                    ? String.format(java.util.Locale.ROOT, " (iteration %,d)", stop) : "") + ": Space pauses.");
        }
    }

    /** Refuses a target behind the iteration on show that the run does not hold, or (epochs) does not count so. */
    private void checkBehind(RunTarget target, long stop) {
        if (stop < history.base()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s %s is before the start of this "
                    + "run (iteration %,d): expected %,d or later", RunTarget.PLACE, target.describe(), history.base(),
                    history.base()));
        }
        if (target.unit() == RunTarget.Unit.EPOCHS) {
            Trainer copy = currentScenario().createTrainer();
            history.restore(copy, stop);
            if (!target.reachedBy(copy)) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s %s: the epochs of this run "
                        + "were counted at another batch size or number of rows before iteration %,d; go there with the "
                        + "history instead", RunTarget.PLACE, target.describe(), stop));
            }
        }
    }

    /** @return the iteration training stops at for Run to, or {@link Long#MAX_VALUE} while Run trains on */
    private long stopAt() {
        return runTo == null ? Long.MAX_VALUE : runTo.iterationFor(trainer);
    }

    void setSpeed(double s) {
        pacer.setSpeed(s, trainer.iteration());
    }

    // ---- training ------------------------------------------------------------------------------------

    /** @return how long the worker may wait for a command before the next chunk is due */
    long idleNanos() {
        return pacer.idleNanos(trainer.iteration());
    }

    /**
     * Trains until {@code deadline} (System.nanoTime) or until the iterations due at the set speed are done.
     *
     * @return true if training stopped (divergence or a full history)
     */
    boolean trainChunk(long deadline) {
        long t0 = System.nanoTime();
        try {
            return trainUntil(deadline);
        } finally {
            timed(t0);
        }
    }

    private boolean trainUntil(long deadline) {
        long stop = stopAt();
        long target = Math.min(pacer.target(), stop);
        int cadence = pacer.cadence(trainer, running);
        int batch = 16;
        while (trainer.iteration() < target) {
            long end = Math.min(target, trainer.iteration() + batch);
            while (trainer.iteration() < end) {
                if (refuseWhenFull()) {
                    return true;
                }
                iterate(cadence <= 1 || trainer.iteration() % cadence == 0);
                if (trainer.isDiverged()) {
                    checkDivergence();
                    catchUp.stopped();
                    return true;
                }
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            batch = Math.min(batch * 2, 4096);
        }
        if (trainer.iteration() >= stop) {
            arrived();
            catchUp.stopped();
            return true;
        }
        return false;
    }

    /** Run to… got there: pauses and says where. */
    private void arrived() {
        RunTarget t = runTo;
        running = false;
        runTo = null;
        messages.say(String.format(java.util.Locale.ROOT, "Stopped at %s%s, as asked: Space runs on.", t.describe(),
                t.unit() == RunTarget.Unit.EPOCHS ? String.format(java.util.Locale.ROOT, " (iteration %,d)",
                        trainer.iteration()) : ""));
    }

    /** @return every how many iterations the whole set is evaluated now (for the snapshot) */
    int cadence() {
        return pacer.cadence(trainer, running);
    }

    /** @return true while the iteration on show is before the end of the run (moving forward follows it) */
    private boolean following() {
        return trainer.iteration() < history.length();
    }

    /**
     * One iteration: along the recorded run, or recorded. The whole training set is evaluated before the update
     * if {@code measure} (full batch: always, it is free).
     */
    private void iterate(boolean measure) {
        if (following()) {
            trainer.step();
            arrive();
            return;
        }
        double test = measure && trainer.hasTestRows() ? trainer.testLoss() : Double.NaN;
        double penalty = measure ? penalty(trainer) : Double.NaN;
        record(update(trainer, measure), test, penalty, measure);
    }

    /**
     * One update as training records it.
     *
     * @return the whole training set's loss of the weights before the update if {@code measure} (a full batch's
     *         update gives it for free), else NaN
     */
    static double update(Trainer t, boolean measure) {
        if (t.config().batch().isFull()) {
            return t.step();
        }
        if (!measure) {
            t.step();
            return Double.NaN;
        }
        double loss = t.datasetLoss();
        t.step();
        return loss;
    }

    /** Replays iterations to {@code k}, measuring where {@code measured} says (rebuilding a saved history). */
    void replayTo(long k, java.util.function.LongPredicate measured) {
        while (trainer.iteration() < k) {
            iterate(measured.test(trainer.iteration()));
        }
    }

    /**
     * @return the penalty {@code Ω(W)} of the weights now, the part of the loss {@code L = L_data + Ω} that the
     *         regularization adds (the engine's own sum, so {@code L − Ω} is the data loss), or NaN without one
     */
    static double penalty(Trainer t) {
        return t.config().regularization().isOff() ? Double.NaN : t.config().regularization().penalty(t.network());
    }

    private void record(double loss, double test, double penalty, boolean measured) {
        history.recordIteration(trainer, loss, test, penalty, measured);
        walkedByPhases = -1;
        changes++;
    }

    /** After moving forward along the run: the edits made at the new iteration apply, as they did. */
    private void arrive() {
        History.Edit e = history.lastEditMadeAt(trainer.iteration());
        if (e != null) {
            trainer.restore(e.after());
            syncDataset();
        }
        walkedByPhases = -1;
        changes++;
    }

    /**
     * @return true (and pauses, with a message) if the runs cannot take another recorded iteration, or the trainer
     *         is at {@link Trainer#MAX_ITERATION}; the sessions kept for Back give their room first, oldest first
     */
    private boolean refuseWhenFull() {
        if (trainer.atIterationLimit()) {
            running = false;
            messages.say(String.format(java.util.Locale.ROOT, "Paused: iteration %,d is the last a run may reach. "
                    + "Reset, or go back to an earlier iteration.", Trainer.MAX_ITERATION));
            return true;
        }
        if (following()) {
            return false;
        }
        long stored = history.stored() + storedByOthers;
        while (stored + previous.stored() >= History.MAX_LENGTH && !previous.isEmpty()) {
            previous.dropOldest();
            messages.say(String.format(java.util.Locale.ROOT, "To keep training, the session kept for Back was let "
                    + "go: all sessions together hold at most %,d values (a loss per iteration, and a penalty per "
                    + "iteration with L1 or L2).", History.MAX_LENGTH));
        }
        if (stored < History.MAX_LENGTH) {
            return false;
        }
        running = false;
        messages.say(String.format(java.util.Locale.ROOT, "Paused: the runs hold %,d values (a loss per iteration, "
                + "and a penalty per iteration with L1 or L2), the most kept in memory. Delete a run in the Runs list, "
                + "reset, or save and start over.", History.MAX_LENGTH));
        return true;
    }

    /** The training loss over all samples with the weights before the coming update. */
    private double preUpdateLoss() {
        if (trainer.config().batch().isFull() && trainer.phaseIndex() > trainer.network().depth()) {
            return trainer.trace().loss();
        }
        return trainer.datasetLoss();
    }

    private void checkDivergence() {
        if (trainer.isDiverged()) {
            running = false;
            messages.say("Training diverged at iteration " + trainer.iteration() + ": the loss or a weight became "
                    + "infinite or not a number, usually because the learning rate η = "
                    + TrainingSession.fmt(trainer.config().learningRate()) + " is too large. Go back to the last "
                    + "finite state, lower η, and run again.");
        }
    }

    /** Starts a new run at {@code k} (already checked with {@link Runs#refusalToFork}) and shows it. */
    void fork(long k) {
        fork(k, k);
    }

    /** Forks at {@code k}, the run on show remembering {@code left} as where it was left (see {@link Runs#fork(long, long)}). */
    void fork(long k, long left) {
        runs.fork(k, left);
        history = runs.current().history;
        storedByOthers = runs.storedByOthers();
        changes++;
    }

    /**
     * Before leaving the end of the run on show (a jump, Back, another run, a switch): remembers the loss of the
     * weights there, the curve's last point, if no snapshot has measured it yet.
     */
    void noteEndLoss() {
        if (trainer.iteration() == history.length() && Double.isNaN(history.endLoss())) {
            history.setEndLoss(trainer.datasetLoss(), trainer.testLoss(), penalty(trainer));
        }
    }

    /** After a jump: Back goes back a whole iteration again. */
    void forgetPhaseWalk() {
        walkedByPhases = -1;
    }

    void refreshStoredByOthers() {
        storedByOthers = runs.storedByOthers();
    }

    /** Forgets the run on show, which holds nothing of its own, and shows its parent where it was left. */
    void dropForkedRun() {
        runs.dropCurrentForParent();
        history = runs.current().history;
        storedByOthers = runs.storedByOthers();
        history.restore(trainer, runs.current().position);
        syncDataset();
    }

    /**
     * After a restore, the session's data set and the test share it re-applies on a reset or a new data set
     * must match the trainer's (Back can undo a split).
     */
    void syncDataset() {
        int held = trainer.testRows().length;
        if (held != TestSplit.rows(testFraction, trainer.sampleCount(), trainer.config().seed()).length) {
            testFraction = (double) held / trainer.sampleCount();
        }
        double[][] x = trainer.inputs().getData();
        double[][] y = trainer.targets().getData();
        if (x.length != dataset.size() || !StateChecks.sameData(dataset, x, y)) {
            java.util.List<String> labels = dataset.labels().size() == x.length ? dataset.labels() : java.util.List.of();
            dataset = dataset.withSamples(x, y, labels);
        }
    }

    /**
     * @return the scenario as it is now: current data set, configuration and layers (those of the run on show, whose
     *         hidden activation may differ from the other runs'), and a description that says what was changed since
     *         it was loaded (e.g. "… — changed: η: 1 → 0.25"), so it never describes old settings
     */
    Scenario currentScenario() {
        java.util.List<String> changed = new java.util.ArrayList<>();
        String was = HiddenActivation.describe(describedLayers);
        String now = HiddenActivation.describe(trainer.network().specs());
        if (!was.equals(now)) {
            changed.add(HiddenActivation.PLACE + ": " + was + " → " + now);
        }
        changed.addAll(Edits.differences(describedConfig, trainer.config()));
        String description = changed.isEmpty() ? describedText
                : describedText + " — changed: " + String.join("; ", changed);
        return new Scenario(scenario.name(), description, dataset, trainer.network().specs(), trainer.config(),
                scenario.iterations());
    }

    /** @return the scenario as it was loaded (its description and settings), which the description line describes */
    Scenario described() {
        java.util.List<org.backproplab.engine.LayerSpec> layers = org.backproplab.engine.LayerSpec.sameButHidden(
                describedLayers, trainer.network().specs()) ? describedLayers : trainer.network().specs();
        return new Scenario(scenario.name(), describedText, dataset, layers, describedConfig, scenario.iterations());
    }

    /** Makes the description line describe {@code s} (and what differs from its settings). */
    void describe(Scenario s) {
        describedConfig = s.config();
        describedText = s.description();
        describedLayers = s.layers();
    }

    /**
     * Starts over on the layers and data on show with {@code config} (a reset, a new seed, a new initializer): the
     * layers are those of the run on show, its hidden activation included; the description line keeps describing the
     * scenario as it was loaded, and what was changed since.
     */
    void restart(TrainingConfig config, String said) {
        TrainingConfig baseConfig = describedConfig;
        String baseText = describedText;
        java.util.List<org.backproplab.engine.LayerSpec> baseLayers = describedLayers;
        int[] ownSplit = scenario.testRows().length > 0 ? trainer.testRows() : new int[0];
        java.util.List<TrainingConfig> beside = scenario.variants().stream().map(v -> v.withSeed(config.seed())).toList();
        switches.load(new Scenario(scenario.name(), baseText, dataset, trainer.network().specs(), config, scenario.iterations(),
                ownSplit, beside), null, said);
        describedConfig = baseConfig;
        describedText = baseText;
        describedLayers = org.backproplab.engine.LayerSpec.sameButHidden(baseLayers, trainer.network().specs()) ? baseLayers : describedLayers;
    }

    // ---- snapshots -----------------------------------------------------------------------------------

    /** @return the state now as an immutable snapshot (see {@link SnapshotFactory}) */
    Snapshot snapshot(long version) {
        double rate = pacer.measure(running, trainer.iteration());
        String msg = messages.take();
        return SnapshotFactory.of(this, version, msg, rate);
    }
}

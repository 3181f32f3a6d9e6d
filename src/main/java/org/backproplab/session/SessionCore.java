package org.backproplab.session;

import org.backproplab.data.Dataset;
import org.backproplab.data.Scenario;
import org.backproplab.engine.GradientCheck;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainerState;
import org.backproplab.engine.TrainingConfig;

/**
 * The state and the commands of a {@link TrainingSession}, run on its worker thread only (and testable
 * without one). Every command that trains or edits first forgets the history after the iteration shown
 * (so "resume from here" is simply training after a jump back).
 */
public final class SessionCore {
    Scenario scenario;
    Dataset dataset;
    Trainer trainer;
    final History history = new History();
    boolean running;
    String message = "";
    private String lastMessage = "";
    private long messageNumber;
    private double speed = TrainingSession.MAX_SPEED;
    double testFraction;
    /** Counts the changes to what a saved file would hold (iterations, edits, jumps, loads). */
    long changes;
    private long runStartNanos;
    private long runStartIteration;
    private long rateNanos;
    private long rateIteration;
    private double measuredRate;

    /** Read-only access to the worker's state for queries (exports, gradient checks). */
    public final class View {
        public Trainer trainer() {
            return trainer;
        }

        public Scenario scenario() {
            return scenario.withDataset(dataset).withConfig(trainer.config());
        }

        public double[] losses() {
            return history.lossValues();
        }

        public long historyStart() {
            return history.base();
        }

        /** @return the test loss of every iteration in the history (NaN before a split), or null without a split */
        public double[] testLosses() {
            LossSeries t = history.testLosses();
            return t == null ? null : t.toArray();
        }

        public GradientCheck.Result gradientCheck() {
            return GradientCheck.run(trainer);
        }

        /**
         * A new trainer at the start of iteration {@code k + 1} exactly as the history has it (replayed from
         * the nearest checkpoint); changing it does not change the session.
         *
         * @throws IllegalArgumentException if {@code k} is outside the history
         */
        public Trainer trainerAt(long k) {
            Trainer t = scenario().createTrainer();
            history.restore(t, k);
            return t;
        }

        /** @return the whole history, to save: rebuilt exactly by {@link TrainingSession#open(HistoryRecord)} */
        public HistoryRecord history() {
            return HistoryFiles.export(SessionCore.this);
        }

        /** @return the change counter now (compare with {@link Snapshot#changes()} to know what was saved) */
        public long changes() {
            return changes;
        }
    }

    SessionCore(Scenario scenario) {
        load(scenario, null, 0);
        message = "";
    }

    View view() {
        return new View();
    }

    // ---- commands ------------------------------------------------------------------------------------

    void load(Scenario s, TrainerState state, int unused) {
        Trainer t = s.createTrainer();
        if (state != null) {
            t.restore(state);
        }
        if (testFraction > 0) {
            t.setTestRows(TestSplit.rows(testFraction, s.dataset().size(), t.config().seed()));
        }
        scenario = s;
        dataset = s.dataset();
        trainer = t;
        running = false;
        history.reset(trainer.state());
        changes++;
        message = "Loaded " + s.name() + ".";
    }

    void reset() {
        load(scenario.withDataset(dataset).withConfig(trainer.config()), null, 0);
        message = "Reset to the initial weights of seed " + trainer.config().seed() + ".";
    }

    void newSeed() {
        TrainingConfig c = trainer.config();
        load(scenario.withDataset(dataset).withConfig(c.withSeed(c.seed() + 1)), null, 0);
        message = "New weights from seed " + trainer.config().seed() + ".";
    }

    void step() {
        truncateFuture();
        if (refuseWhenFull()) {
            return;
        }
        iterate();
    }

    void stepMany(long count) {
        truncateFuture();
        for (long i = 0; i < count && !trainer.isDiverged() && !refuseWhenFull(); i++) {
            iterate();
        }
        checkDivergence();
    }

    void stepPhase() {
        truncateFuture();
        boolean completes = trainer.phaseIndex() == trainer.phases().size() - 1;
        if (completes && refuseWhenFull()) {
            return;
        }
        double pre = completes ? preUpdateLoss() : Double.NaN;
        double test = completes && trainer.hasTestRows() ? trainer.testLoss() : Double.NaN;
        trainer.stepPhase();
        if (completes) {
            history.recordIteration(trainer, pre, test);
            changes++;
        }
        checkDivergence();
    }

    void back() {
        running = false;
        changes++;
        long k = trainer.iteration();
        int p = trainer.phaseIndex();
        if (p > 0) {
            history.restore(trainer, k);
            for (int i = 0; i < p - 1; i++) {
                trainer.stepPhase();
            }
            message = "Back to before " + trainer.phases().get(p - 1).label() + ".";
            return;
        }
        History.Edit e = history.lastEditAt(k);
        if (e != null && history.length() == k) {
            trainer.restore(e.before());
            syncDataset();
            history.dropLastEdit();
            message = "Undid " + e.text() + ".";
            return;
        }
        if (k <= history.base()) {
            message = "Nothing to go back to: this is the start.";
            return;
        }
        history.restore(trainer, k - 1);
        history.truncate(k - 1);
        syncDataset();
        message = "Back to iteration " + (k - 1) + ".";
    }

    void run() {
        truncateFuture();
        if (trainer.isDiverged()) {
            message = "Training has diverged: go back to the last finite state or reset first.";
            return;
        }
        running = true;
        runStartNanos = System.nanoTime();
        runStartIteration = trainer.iteration();
        rateNanos = runStartNanos;
        rateIteration = runStartIteration;
    }

    void pause() {
        running = false;
    }

    void setSpeed(double s) {
        speed = s;
        runStartNanos = System.nanoTime();
        runStartIteration = trainer.iteration();
    }

    void setConfig(TrainingConfig c) {
        TrainingConfig old = trainer.config();
        if (c.init() != old.init() || c.seed() != old.seed()) {
            load(scenario.withDataset(dataset).withConfig(c), null, 0);
            message = "Re-initialised with " + c.init().id() + " from seed " + c.seed() + ".";
            return;
        }
        if (c.equals(old)) {
            return;
        }
        StringBuilder what = new StringBuilder();
        if (c.learningRate() != old.learningRate()) {
            what.append("η = ").append(TrainingSession.fmt(c.learningRate())).append(' ');
        }
        if (c.momentum() != old.momentum()) {
            what.append("μ = ").append(TrainingSession.fmt(c.momentum())).append(' ');
        }
        if (!c.batch().equals(old.batch())) {
            what.append("batch ").append(c.batch().id()).append(' ');
        }
        if (c.loss() != old.loss()) {
            what.append("loss ").append(c.loss().id()).append(' ');
        }
        if (c.shuffle() != old.shuffle()) {
            what.append(c.shuffle() ? "shuffle on " : "shuffle off ");
        }
        edit(what.toString().trim(), () -> trainer.setConfig(c), null);
    }

    /**
     * Holds out {@code fraction} of the samples (chosen by the seed) as a test set, or none for 0.
     *
     * @throws IllegalArgumentException if the fraction is outside [0, 0.9]
     */
    void setTestFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 0.9)) {
            throw new IllegalArgumentException("test share " + fraction + " is not allowed: expected 0 to 90 %");
        }
        int[] rows = TestSplit.rows(fraction, dataset.size(), trainer.config().seed());
        edit("test split " + Math.round(fraction * 100) + " %", () -> trainer.setTestRows(rows), () -> testFraction = fraction);
    }

    void setDataset(Dataset d) {
        if (d.inputSize() != dataset.inputSize() || d.targetSize() != dataset.targetSize()) {
            throw new IllegalArgumentException("the new data set has " + d.inputSize() + " inputs and "
                    + d.targetSize() + " targets but the network takes " + dataset.inputSize() + " and gives "
                    + dataset.targetSize());
        }
        int[] test = TestSplit.rows(testFraction, d.size(), trainer.config().seed());
        edit("data set: " + d.size() + " samples", () -> {
            trainer.setData(d.inputs(), d.targets());
            trainer.setTestRows(test);
        }, () -> dataset = d);
    }

    /**
     * Applies a what-if change at an iteration boundary, recording the states before and after.
     *
     * @param engineChange changes the trainer; throws IllegalArgumentException (and changes nothing) if refused
     * @param sessionChange keeps the session's own copy of the data set in step, or null
     */
    void edit(String text, Runnable engineChange, Runnable sessionChange) {
        truncateFuture();
        if (trainer.phaseIndex() > 0) {
            history.restore(trainer, trainer.iteration());
        }
        TrainerState before = trainer.state();
        engineChange.run();
        if (sessionChange != null) {
            sessionChange.run();
        }
        history.recordEdit(before, trainer, text);
        changes++;
        message = "Set " + text + ".";
    }

    void goTo(long k) {
        running = false;
        history.restore(trainer, k);
        changes++;
        syncDataset();
        message = k < history.length() ? "Showing iteration " + k + " of " + history.length()
                + ": step or run to continue from here (later iterations will be replaced)." : "";
    }

    void backToFinite() {
        running = false;
        changes++;
        long k = trainer.iteration();
        while (k > history.base()) {
            k--;
            history.restore(trainer, k);
            if (!trainer.isDiverged() && Double.isFinite(trainer.datasetLoss()) && StateChecks.finiteWeights(trainer.network())) {
                break;
            }
        }
        history.truncate(k);
        syncDataset();
        message = "Back to iteration " + k + ", the last one with a finite loss.";
    }

    // ---- training ------------------------------------------------------------------------------------

    /** @return how long the worker may wait for a command before the next chunk is due */
    long idleNanos() {
        if (Double.isInfinite(speed)) {
            return 0;
        }
        long due = runStartNanos + (long) ((trainer.iteration() - runStartIteration + 1) * 1e9 / speed);
        return Math.max(0, Math.min(due - System.nanoTime(), TrainingSession.PUBLISH_NANOS));
    }

    /**
     * Trains until {@code deadline} (System.nanoTime) or until the iterations due at the set speed are done.
     *
     * @return true if training stopped (divergence)
     */
    boolean trainChunk(long deadline) {
        long target = Double.isInfinite(speed) ? Long.MAX_VALUE
                : runStartIteration + (long) ((System.nanoTime() - runStartNanos) * speed / 1e9);
        int batch = 16;
        while (trainer.iteration() < target) {
            long end = Math.min(target, trainer.iteration() + batch);
            while (trainer.iteration() < end) {
                if (refuseWhenFull()) {
                    return true;
                }
                iterate();
                if (trainer.isDiverged()) {
                    checkDivergence();
                    return true;
                }
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            batch = Math.min(batch * 2, 4096);
        }
        return false;
    }

    private void iterate() {
        double test = trainer.hasTestRows() ? trainer.testLoss() : Double.NaN;
        double loss = trainer.config().batch().isFull() ? trainer.step() : preUpdateThenStep();
        history.recordIteration(trainer, loss, test);
        changes++;
    }

    /** Trains on to iteration {@code k}, recording every iteration, diverged or not (rebuilding a history). */
    void replayTo(long k) {
        while (trainer.iteration() < k) {
            iterate();
        }
    }

    /** Replaces everything by the session {@code r} records; see {@link HistoryFiles#open}. */
    void open(HistoryRecord r) {
        running = false;
        HistoryFiles.open(this, r);
        changes++;
    }

    /** @return true (and pauses, with a message) if the history cannot take another iteration */
    private boolean refuseWhenFull() {
        if (!history.full()) {
            return false;
        }
        running = false;
        message = String.format(java.util.Locale.ROOT, "Paused: the history is full (%,d iterations, the most "
                + "kept in memory). Reset, or jump back and resume from an earlier iteration.", History.MAX_LENGTH);
        return true;
    }

    private double preUpdateThenStep() {
        double pre = preUpdateLoss();
        trainer.step();
        return pre;
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
            message = "Training diverged at iteration " + trainer.iteration() + ": the loss or a weight became "
                    + "infinite or not a number, usually because the learning rate η = "
                    + TrainingSession.fmt(trainer.config().learningRate()) + " is too large. Go back to the last "
                    + "finite state, lower η, and run again.";
        }
    }

    private void truncateFuture() {
        if (history.length() > trainer.iteration()) {
            history.truncate(trainer.iteration());
        }
    }

    /**
     * After a restore, the session's data set and the test share it re-applies on a reset or a new data set
     * must match the trainer's (Back can undo a split).
     */
    private void syncDataset() {
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

    // ---- snapshots -----------------------------------------------------------------------------------

    /**
     * @return the last message (see {@link Snapshot#message()}); a message set since the previous call becomes the
     *         last one and gets the next {@link #messageNumber()}
     */
    String takeMessage() {
        if (!message.isEmpty()) {
            lastMessage = message;
            messageNumber++;
            message = "";
        }
        return lastMessage;
    }

    /** @return how many messages {@link #takeMessage} has handed out */
    long messageNumber() {
        return messageNumber;
    }

    /** @return the state now as an immutable snapshot (see {@link SnapshotFactory}) */
    Snapshot snapshot(long version, String msg) {
        long now = System.nanoTime();
        if (running && now > rateNanos) {
            long done = trainer.iteration() - rateIteration;
            if (now - rateNanos > 200_000_000L) {
                measuredRate = done * 1e9 / (now - rateNanos);
                rateNanos = now;
                rateIteration = trainer.iteration();
            }
        } else if (!running) {
            measuredRate = 0;
        }
        return SnapshotFactory.of(this, version, msg, measuredRate);
    }

}

package org.backproplab.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backproplab.data.Dataset;
import org.backproplab.engine.TrainerState;
import org.backproplab.engine.TrainingConfig;

/**
 * What-if changes made by hand (a weight, a bias, an input, a target, η, the batch mode, the loss, a test split,
 * rows added or removed), applied at an iteration boundary of the run on show and recorded with the states just
 * before and after them. The rule is <em>validate everything, then change anything</em>: the engine checks the
 * value before it changes, and if it refuses, the trainer, the runs and the session are left bit for bit as they
 * were. An edit at an earlier iteration forks a new run (the old one is kept). Owned by the worker.
 */
final class Edits {
    /** A change to the trainer that throws IllegalArgumentException, before changing anything, if refused. */
    interface Change {
        void apply();
    }

    private final SessionCore c;

    Edits(SessionCore core) {
        this.c = core;
    }

    /**
     * Applies {@code engineChange} at the iteration boundary on show and records it as {@code text}.
     *
     * @param sessionChange keeps the session's own copy of the data set in step, or null
     * @throws IllegalArgumentException from the engine, or IllegalStateException if no new run can be started;
     *                                  either way nothing has changed
     */
    void edit(String text, Change engineChange, Runnable sessionChange) {
        long k = c.trainer.iteration();
        int phase = c.trainer.phaseIndex();
        boolean forks = k < c.history.length();
        if (forks) {
            String refusal = c.runs.refusalToFork(k);
            if (refusal != null) {
                throw new IllegalStateException(refusal);
            }
        }
        if (phase > 0) {
            c.history.restore(c.trainer, k);
        }
        TrainerState before = c.trainer.state();
        try {
            engineChange.apply();
        } catch (RuntimeException e) {
            c.trainer.restore(before);
            for (int i = 0; i < phase; i++) {
                c.trainer.stepPhase();
            }
            throw e;
        }
        if (forks) {
            c.fork(k);
        }
        if (sessionChange != null) {
            sessionChange.run();
        }
        c.history.recordEdit(before, c.trainer, text);
        c.history.setEndLoss(Double.NaN, Double.NaN, Double.NaN);
        c.changes++;
        c.messages.say("Set " + text + (forks ? ": a new run " + c.runs.current().number + " starts here (run "
                + c.runs.current().parent + " is kept in the Runs list)." : "."));
    }

    /**
     * Undoes the last edit if it is the latest thing in the run on show (at its end). A run that the edit had
     * forked and that holds nothing else is dropped, and its parent is shown at the fork.
     *
     * @return true if an edit was undone
     */
    boolean undoLast() {
        long k = c.trainer.iteration();
        History.Edit e = c.history.lastEditAt(k);
        Runs.Run run = c.runs.current();
        if (e == null || c.history.length() != k || c.history.edits().size() <= run.inheritedEdits) {
            return false; // nothing of this run's own to undo here (an edit it took over from its parent stays)
        }
        boolean dropsRun = run.parent != 0 && c.runs.has(run.parent) && c.history.length() == run.forkedAt
                && c.history.edits().size() - 1 == run.inheritedEdits;
        c.trainer.restore(e.before());
        c.history.dropLastEdit();
        c.history.setEndLoss(Double.NaN, Double.NaN, Double.NaN);
        c.changes++;
        if (dropsRun) {
            c.dropForkedRun();
            c.messages.say("Undid " + e.text() + " and went back to run " + c.runs.current().number + ".");
            return true;
        }
        c.syncDataset();
        c.messages.say("Undid " + e.text() + ".");
        return true;
    }

    /**
     * Changes how training goes on. A new initializer or seed starts over (the session on show is kept for Back);
     * η, momentum, batch mode, loss and shuffling go on from the weights now, with a marker such as
     * "loss: mse → bce".
     */
    void setConfig(TrainingConfig n) {
        TrainingConfig old = c.trainer.config();
        if (n.init() != old.init() || n.seed() != old.seed()) {
            c.restart(n, "Re-initialised with " + n.init().id() + " from seed " + n.seed() + ".");
            return;
        }
        if (n.equals(old)) {
            return;
        }
        List<String> what = differences(old, n);
        edit(String.join("; ", what), () -> c.trainer.setConfig(n), null);
    }

    /** @return what differs from {@code old} to {@code n}, e.g. ["η: 1 → 0.25", "loss: mse → bce"] (seed and initializer aside) */
    static List<String> differences(TrainingConfig old, TrainingConfig n) {
        List<String> what = new ArrayList<>();
        if (n.learningRate() != old.learningRate()) {
            what.add("η: " + TrainingSession.fmt(old.learningRate()) + " → " + TrainingSession.fmt(n.learningRate()));
        }
        if (n.optimizer().kind() != old.optimizer().kind()) {
            what.add("optimizer: " + old.optimizer().describe(TrainingSession::fmt) + " → "
                    + n.optimizer().describe(TrainingSession::fmt));
        } else {
            for (org.backproplab.engine.Optimizer.Parameter p : n.optimizer().kind().parameters()) {
                if (p.of(n.optimizer()) != p.of(old.optimizer())) {
                    what.add(p.symbol() + ": " + TrainingSession.fmt(p.of(old.optimizer())) + " → "
                            + TrainingSession.fmt(p.of(n.optimizer())));
                }
            }
        }
        if (!n.regularization().equals(old.regularization())) {
            what.add("regularization: " + describe(old.regularization()) + " → " + describe(n.regularization()));
        }
        if (!n.batch().equals(old.batch())) {
            what.add("batch: " + old.batch().id() + " → " + n.batch().id());
        }
        if (n.loss() != old.loss()) {
            what.add("loss: " + old.loss().id() + " → " + n.loss().id());
        }
        if (n.shuffle() != old.shuffle()) {
            what.add(n.shuffle() ? "shuffle on" : "shuffle off");
        }
        return what;
    }

    /** @return e.g. "L2 λ = 0.01", or "none" */
    static String describe(org.backproplab.engine.Regularization r) {
        return r.kind() == org.backproplab.engine.Regularization.Kind.NONE ? "none"
                : r.kind().name() + " λ = " + TrainingSession.fmt(r.lambda());
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
        int[] rows = TestSplit.rows(fraction, c.dataset.size(), c.trainer.config().seed());
        edit("test split " + Math.round(fraction * 100) + " %", () -> c.trainer.setTestRows(rows), () -> c.testFraction = fraction);
    }

    /**
     * Replaces the samples by {@code d} of the same widths.
     *
     * @throws IllegalArgumentException if the widths differ or the engine refuses a value
     */
    void setDataset(Dataset d, String text) {
        if (d.inputSize() != c.dataset.inputSize() || d.targetSize() != c.dataset.targetSize()) {
            throw new IllegalArgumentException("the new data set has " + d.inputSize() + " inputs and "
                    + d.targetSize() + " targets but the network takes " + c.dataset.inputSize() + " and gives "
                    + c.dataset.targetSize());
        }
        if (!d.features().equals(c.dataset.features())) {
            throw new IllegalArgumentException("the new data set has the input features "
                    + org.backproplab.data.InputFeature.idList(d.features()) + " but the network takes "
                    + org.backproplab.data.InputFeature.idList(c.dataset.features()));
        }
        int[] test = TestSplit.rows(c.testFraction, d.size(), c.trainer.config().seed());
        edit(text, () -> {
            c.trainer.setData(d.inputs(), d.targets());
            c.trainer.setTestRows(test);
        }, () -> c.dataset = d);
    }

    /** Adds a sample at the end: a copy of row {@code copyOf}, or zeros (and 1 in the bias column) if −1. */
    void addSample(int copyOf) {
        Dataset d = c.dataset;
        int n = d.size();
        if (copyOf < -1 || copyOf >= n) {
            throw new IllegalArgumentException("row " + (copyOf + 1) + " does not exist: expected 1 to " + n + " to copy");
        }
        double[][] x = Arrays.copyOf(d.inputs().getData(), n + 1);
        double[][] y = Arrays.copyOf(d.targets().getData(), n + 1);
        if (copyOf >= 0) {
            x[n] = x[copyOf].clone();
            y[n] = y[copyOf].clone();
        } else {
            x[n] = new double[d.inputSize()];
            y[n] = new double[d.targetSize()];
            if (d.biasColumn() >= 0) {
                x[n][d.biasColumn()] = 1.0;
            }
        }
        List<String> labels = new ArrayList<>(d.labels());
        if (!labels.isEmpty()) {
            labels.add("#" + (n + 1));
        }
        setDataset(d.withSamples(x, y, labels), "added row " + (n + 1));
    }

    /** Removes sample {@code row}; refuses to remove the last one. */
    void removeSample(int row) {
        Dataset d = c.dataset;
        if (d.size() <= 1) {
            throw new IllegalArgumentException("The data set needs at least one sample: " + d.label(0) + " cannot be removed.");
        }
        if (row < 0 || row >= d.size()) {
            throw new IllegalArgumentException("row " + (row + 1) + " does not exist: expected 1 to " + d.size());
        }
        List<double[]> x = new ArrayList<>(Arrays.asList(d.inputs().getData()));
        List<double[]> y = new ArrayList<>(Arrays.asList(d.targets().getData()));
        x.remove(row);
        y.remove(row);
        List<String> labels = new ArrayList<>(d.labels());
        if (!labels.isEmpty()) {
            labels.remove(row);
        }
        String name = d.label(row);
        setDataset(d.withSamples(x.toArray(double[][]::new), y.toArray(double[][]::new), labels), "removed " + name);
    }
}

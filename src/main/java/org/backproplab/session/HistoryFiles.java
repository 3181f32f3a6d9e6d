package org.backproplab.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;
import org.backproplab.data.Dataset;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainerState;

/**
 * Turns a session's {@link History} into a {@link HistoryRecord} and back. Rebuilding replays training from
 * the initial state through the edits, which is exact because training is seeded; the replayed losses and
 * the weights at the iteration shown are then compared with the record bit for bit. Runs on the worker.
 */
final class HistoryFiles {
    private HistoryFiles() {
    }

    /** @return every run of {@code c}, each as a whole history (on the worker thread) */
    static SessionRecord export(SessionCore c) {
        List<SessionRecord.Run> out = new ArrayList<>();
        int current = 0;
        for (Runs.Run r : c.runs.all()) {
            boolean shown = r == c.runs.current();
            long position = shown ? c.trainer.iteration() : Math.min(r.position, r.history.length());
            if (shown) {
                current = out.size();
            }
            out.add(new SessionRecord.Run(r.number, r.parent, r.forkedAt, export(c, r.history, position,
                    shown ? c.trainer.state() : null)));
        }
        return new SessionRecord(out, current);
    }

    /** @return the history {@code h}, left at {@code position}, whose state is {@code known} (or found by replay) */
    private static HistoryRecord export(SessionCore c, History h, long position, TrainerState known) {
        List<HistoryRecord.Edit> edits = new ArrayList<>();
        Described first = describe(c, h.first(), null);
        Described last = first;
        for (History.Edit e : h.edits()) {
            last = describe(c, e.after(), last);
            edits.add(new HistoryRecord.Edit(e.iteration(), e.text(), last.state()));
        }
        Trainer at = c.currentScenario().createTrainer();
        if (known != null) {
            at.restore(known);
        } else {
            h.restore(at, position);
        }
        HistoryRecord.State current = new HistoryRecord.State(at.network(), datasetOf(c, at), at.config(), at.testRows());
        LossSeries test = h.testLosses();
        return new HistoryRecord(c.currentScenario().withDataset(current.dataset()).withConfig(at.config())
                .withLayers(at.network().specs()), h.base(),
                first.state(), edits, h.length(), position, current, h.lossValues(),
                test == null ? null : test.toArray(), c.testFraction, h.stored(at.state()), h.penaltyValues());
    }

    /** A trainer state and its state for a file, whose data set the next one may share. */
    private record Described(TrainerState trainer, HistoryRecord.State state) {
    }

    /** A trainer state for a file; its data set is {@code last}'s when both train on the same samples (not copied). */
    private static Described describe(SessionCore c, TrainerState s, Described last) {
        Dataset d = last != null && s.sameData(last.trainer()) ? last.state().dataset()
                : datasetOf(c, s.inputs(), s.targets());
        return new Described(s, new HistoryRecord.State(s.network(), d, s.config(), s.testRows()));
    }

    private static Dataset datasetOf(SessionCore c, Trainer t) {
        return datasetOf(c, t.inputs().getData(), t.targets().getData());
    }

    private static Dataset datasetOf(SessionCore c, double[][] x, double[][] y) {
        return c.dataset.size() == x.length ? c.dataset.withSamples(x, y, c.dataset.labels())
                : c.dataset.withSamples(x, y, List.of());
    }

    /**
     * Checks every state of every run of {@code r} with the engine, changing nothing.
     *
     * @throws IllegalArgumentException naming the run and the state if a data set, configuration or test split is refused
     */
    static void check(SessionRecord r) {
        for (SessionRecord.Run run : r.runs()) {
            String where = r.runs().size() == 1 ? "" : "run " + run.number() + ", ";
            HistoryRecord h = run.history();
            Checked last = checked(null, h.initial(), h.start(), where + "the initial state");
            for (int i = 0; i < h.edits().size(); i++) {
                last = checked(last, h.edits().get(i).after(), h.edits().get(i).iteration(), where + "edit " + (i + 1));
            }
            checked(last, h.current(), h.iteration(), where + "the current state");
        }
    }

    /** A state the engine has accepted, with the state it was read from. */
    private record Checked(HistoryRecord.State state, TrainerState trainer) {
    }

    /**
     * Checks {@code st} with the engine; when it has the same samples as {@code last} (one shared data set, as a
     * file's edits of η or of a weight do), only what differs is checked, and nothing is copied.
     */
    private static Checked checked(Checked last, HistoryRecord.State st, long k, String what) {
        if (last == null || st.dataset() != last.state().dataset()) {
            return new Checked(st, stateOf(st, k, what));
        }
        try {
            TrainerState t = st.config().equals(last.trainer().config()) ? last.trainer()
                    : last.trainer().withConfig(st.config());
            return new Checked(st, Arrays.equals(t.testRows(), st.testRows()) ? t : t.withTestRows(st.testRows()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the session by the one {@code r} records (already {@link #check checked}). A record with stored
     * trainer states is put together from them with no replay at all (a {@link HistoryCheck} checks it afterwards).
     * A record without (an older file) is replayed whole and compared bit for bit, unless that would cost more than
     * {@link #MAX_REPLAY_WORK}. If that replay does not reproduce its record, or would be too long, the session keeps
     * the saved weights of the run on show without a history and the message says why.
     *
     * @return true if the history was opened from stored states and the rest of it is still to be checked
     */
    static boolean open(SessionCore c, SessionRecord r) {
        boolean stored = r.runs().stream().allMatch(run -> run.history().stored() != null);
        String problem = stored ? null : tooLongToReplay(r);
        if (problem != null) {
            openWithoutHistory(c, r, problem);
            return false;
        }
        List<History> built = new ArrayList<>();
        int runNumber = 0;
        for (SessionRecord.Run run : r.runs()) {
            HistoryRecord h = run.history();
            if (stored) {
                built.add(History.rebuilt(h.stored(), h.edits().stream().map(HistoryRecord.Edit::text).toList(),
                        h.losses(), h.testLosses(), h.penalties()));
                continue;
            }
            c.testFraction = 0;
            Scenario first = h.scenario().withDataset(h.initial().dataset()).withConfig(h.initial().config())
                    .withLayers(h.initial().network().specs());
            c.install(first, trainer(first, stateOf(h.initial(), h.start(), "the initial state")));
            problem = replay(c, h);
            if (problem != null) {
                runNumber = run.number();
                break;
            }
            built.add(c.history);
        }
        HistoryRecord shown = r.shown();
        if (stored) {
            c.install(shown.scenario(), trainer(shown.scenario(), shown.stored().current()));
        }
        if (problem != null) {
            openWithoutHistory(c, r, (r.runs().size() > 1 ? "run " + runNumber + ": " : "") + problem);
            return false;
        }
        c.runs = new Runs(r, built);
        c.history = c.runs.current().history;
        c.replacements++;
        if (stored) {
            c.trainer.restore(shown.stored().current());
        } else {
            c.history.restore(c.trainer, shown.iteration());
        }
        c.dataset = shown.current().dataset();
        c.scenario = shown.scenario().withDataset(c.dataset);
        c.testFraction = shown.testFraction();
        c.refreshStoredByOthers();
        c.changes++;
        String runs = r.runs().size() == 1 ? "" : " in " + r.runs().size() + " runs";
        c.messages.say(shown.hasHistory() || r.runs().size() > 1 ? (stored ? "Opened the history" : "Rebuilt the history")
                + runs + ": iterations " + shown.start() + " to " + shown.end() + " with "
                + (shown.edits().isEmpty() ? "no" : Integer.toString(shown.edits().size()))
                + (shown.edits().size() == 1 ? " edit" : " edits")
                + (stored ? "; checking in the background that it replays exactly." : ", replayed exactly.")
                : "Opened " + shown.scenario().name() + " at iteration " + shown.iteration() + ".");
        return stored;
    }

    /** The saved weights of the run on show, at its iteration, without a history; the message says why. */
    private static void openWithoutHistory(SessionCore c, SessionRecord r, String why) {
        HistoryRecord shown = r.shown();
        c.install(shown.scenario(), trainer(shown.scenario(), stateOf(shown.current(), shown.iteration(), "the current state")));
        c.dataset = shown.current().dataset();
        c.testFraction = shown.testFraction();
        c.messages.say("Opened the saved weights at iteration " + shown.iteration() + " without their history: "
                + why + ".");
    }

    /**
     * The most work a replay on open may cost, in multiply-adds (parameters × rows, for the batch and for each
     * whole-set evaluation): about two seconds of training. Files that store their trainer states never replay
     * more than {@link HistoryRecord.Stored#MAX_GAP} iterations; older files are replayed whole, so this bounds them.
     */
    static final double MAX_REPLAY_WORK = 2e9;

    /** @return why the runs of {@code r} are too long to replay on open, or null if they are not */
    private static String tooLongToReplay(SessionRecord r) {
        double work = HistoryCheck.work(r);
        long iterations = 0;
        for (SessionRecord.Run run : r.runs()) {
            iterations += run.history().end() - run.history().start();
        }
        return work <= MAX_REPLAY_WORK ? null : String.format(java.util.Locale.ROOT, "the file stores no checkpoints "
                + "(an older format), and rebuilding its %,d iterations would replay %.1e multiply-adds, more than the "
                + "%.0e allowed on open; saving it again keeps what you see now", iterations, work, MAX_REPLAY_WORK);
    }

    private static Trainer trainer(Scenario s, TrainerState st) {
        Trainer t = s.createTrainer();
        t.restore(st);
        return t;
    }

    /** @return null if the replay matches the record, else what differed */
    private static String replay(SessionCore c, HistoryRecord r) {
        double[] want = r.losses();
        java.util.function.LongPredicate measured = k -> !Double.isNaN(want[(int) (k - r.start())]);
        for (HistoryRecord.Edit e : r.edits()) {
            c.replayTo(e.iteration(), measured);
            TrainerState before = c.trainer.state();
            apply(c.trainer, e.after());
            c.dataset = e.after().dataset();
            c.history.recordEdit(before, c.trainer, e.text());
        }
        c.replayTo(r.end(), measured);
        c.history.setEndLoss(c.trainer.datasetLoss(), c.trainer.testLoss(), SessionCore.penalty(c.trainer));
        double[] losses = c.history.lossValues();
        String lossProblem = compare(losses, r.losses(), r.start(), "loss");
        if (lossProblem != null) {
            return lossProblem;
        }
        double[] penalties = r.penalties();
        if (penalties != null) {
            double[] replayed = c.history.penaltyValues();
            String p = compare(nanIfNull(replayed, losses.length), penalties, r.start(), "penalty");
            if (p != null) {
                return p;
            }
        }
        LossSeries test = c.history.testLosses();
        String t = compare(nanIfNull(test == null ? null : test.toArray(), losses.length),
                nanIfNull(r.testLosses(), losses.length), r.start(), "test loss");
        if (t != null) {
            return t;
        }
        c.history.restore(c.trainer, r.iteration());
        if (!sameParameters(c.trainer.network(), r.current().network())) {
            return "the weights at iteration " + r.iteration() + " differ from the saved ones";
        }
        if (!Arrays.equals(c.trainer.testRows(), r.current().testRows())
                || !Arrays.deepEquals(c.trainer.inputs().getData(), r.current().dataset().inputs().getData())
                || !Arrays.deepEquals(c.trainer.targets().getData(), r.current().dataset().targets().getData())) {
            return "the data set at iteration " + r.iteration() + " differs from the saved one";
        }
        c.dataset = r.current().dataset();
        return null;
    }

    /** No test losses are the same as test losses that are all NaN (no split yet). */
    private static double[] nanIfNull(double[] v, int length) {
        if (v != null) {
            return v;
        }
        double[] nan = new double[length];
        Arrays.fill(nan, Double.NaN);
        return nan;
    }

    private static String compare(double[] got, double[] want, long start, String what) {
        int n = Math.min(got.length, want.length);
        for (int i = 0; i < n; i++) {
            if (Double.doubleToLongBits(got[i]) != Double.doubleToLongBits(want[i])) {
                return "the replayed " + what + " of iteration " + (start + i) + " is " + got[i]
                        + " but the file says " + want[i];
            }
        }
        return got.length == want.length ? null
                : "the replay gave " + got.length + " " + what + "es but the file has " + want.length;
    }

    /** A trainer state for {@code st} at iteration {@code k}, checked by the engine (no momentum). */
    private static TrainerState stateOf(HistoryRecord.State st, long k, String what) {
        try {
            Trainer t = new Trainer(st.network(), st.dataset().inputs(), st.dataset().targets(), st.config());
            t.setTestRows(st.testRows());
            t.setIteration(k);
            return t.state();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Brings the live trainer to {@code st} with its setters, as the edit did, so that momentum carries on
     * exactly as it did when the edit was made. Only what differs is set.
     */
    private static void apply(Trainer t, HistoryRecord.State st) {
        double[][] x = st.dataset().inputs().getData();
        double[][] y = st.dataset().targets().getData();
        boolean dataChanges = !Arrays.deepEquals(t.inputs().getData(), x) || !Arrays.deepEquals(t.targets().getData(), y);
        boolean configChanges = !t.config().equals(st.config());
        if (configChanges && acceptsAll(st, t.targets().getData())) {
            t.setConfig(st.config());
            configChanges = false;
        }
        if (dataChanges) {
            t.setData(MatrixUtils.createRealMatrix(x), MatrixUtils.createRealMatrix(y));
        }
        if (configChanges) {
            t.setConfig(st.config());
        }
        if (dataChanges || !Arrays.equals(t.testRows(), st.testRows())) {
            t.setTestRows(st.testRows());
        }
        Network want = st.network();
        if (!want.activations().equals(t.network().activations())) {
            t.setActivations(want.activations());
        }
        for (int l = 1; l <= want.depth(); l++) {
            Layer w = want.layer(l);
            Layer have = t.network().layer(l);
            for (int i = 0; i < w.inputSize(); i++) {
                for (int j = 0; j < w.size(); j++) {
                    double v = w.weights().getEntry(i, j);
                    if (Double.doubleToLongBits(v) != Double.doubleToLongBits(have.weights().getEntry(i, j))) {
                        t.setWeight(l, i, j, v);
                    }
                }
            }
            for (int j = 0; w.hasBias() && j < w.size(); j++) {
                double v = w.bias().getEntry(j);
                if (Double.doubleToLongBits(v) != Double.doubleToLongBits(have.bias().getEntry(j))) {
                    t.setBias(l, j, v);
                }
            }
        }
    }

    private static boolean acceptsAll(HistoryRecord.State st, double[][] targets) {
        for (double[] row : targets) {
            for (double v : row) {
                if (!st.config().loss().acceptsTarget(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return true if both networks hold bit-identical weights and biases */
    static boolean sameParameters(Network a, Network b) {
        for (int l = 1; l <= a.depth(); l++) {
            if (!Arrays.deepEquals(a.layer(l).weights().getData(), b.layer(l).weights().getData())) {
                return false;
            }
            if (a.layer(l).hasBias() && !Arrays.equals(a.layer(l).bias().toArray(), b.layer(l).bias().toArray())) {
                return false;
            }
        }
        return true;
    }
}

package org.backproplab.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;
import org.backproplab.data.Dataset;
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

    /** @return the history of {@code c} (on the worker thread) */
    static HistoryRecord export(SessionCore c) {
        History h = c.history;
        List<HistoryRecord.Edit> edits = new ArrayList<>();
        for (History.Edit e : h.edits()) {
            edits.add(new HistoryRecord.Edit(e.iteration(), e.text(), describe(c, e.after())));
        }
        HistoryRecord.State current = new HistoryRecord.State(c.trainer.network(), c.dataset, c.trainer.config(),
                c.trainer.testRows());
        LossSeries test = h.testLosses();
        return new HistoryRecord(c.view().scenario(), h.base(), describe(c, h.first()), edits, h.length(),
                c.trainer.iteration(), current, h.lossValues(), test == null ? null : test.toArray(), c.testFraction);
    }

    /** Reads a trainer state back through a scratch trainer of the same shape. */
    private static HistoryRecord.State describe(SessionCore c, TrainerState s) {
        Trainer scratch = new Trainer(s.network(), c.trainer.inputs(), c.trainer.targets(), c.trainer.config());
        scratch.restore(s);
        double[][] x = scratch.inputs().getData();
        double[][] y = scratch.targets().getData();
        Dataset d = c.dataset.size() == x.length ? c.dataset.withSamples(x, y, c.dataset.labels())
                : c.dataset.withSamples(x, y, List.of());
        return new HistoryRecord.State(scratch.network(), d, scratch.config(), scratch.testRows());
    }

    /**
     * Replaces the session by the one {@code r} records. Every state is checked first, so a record the engine
     * refuses changes nothing. If the replay does not reproduce the record exactly, the session keeps the
     * record's current weights without a history and the message says why.
     *
     * @throws IllegalArgumentException naming the state if a data set, configuration or test split is refused
     */
    static void open(SessionCore c, HistoryRecord r) {
        TrainerState initial = stateOf(r.initial(), r.start(), "the initial state");
        for (int i = 0; i < r.edits().size(); i++) {
            stateOf(r.edits().get(i).after(), r.edits().get(i).iteration(), "edit " + (i + 1));
        }
        TrainerState current = stateOf(r.current(), r.iteration(), "the current state");

        c.testFraction = 0;
        c.load(r.scenario().withDataset(r.initial().dataset()).withConfig(r.initial().config()), initial, 0);
        String problem = replay(c, r);
        if (problem != null) {
            c.load(r.scenario(), current, 0);
            c.dataset = r.current().dataset();
            c.message = "Opened the saved weights at iteration " + r.iteration() + " without their history: "
                    + problem + ".";
        } else {
            c.message = r.hasHistory() ? "Rebuilt the history: iterations " + r.start() + " to " + r.end() + " with "
                    + (r.edits().isEmpty() ? "no" : Integer.toString(r.edits().size()))
                    + (r.edits().size() == 1 ? " edit" : " edits") + ", replayed exactly."
                    : "Opened " + r.scenario().name() + " at iteration " + r.iteration() + ".";
        }
        c.scenario = r.scenario().withDataset(c.dataset);
        c.testFraction = r.testFraction();
    }

    /** @return null if the replay matches the record, else what differed */
    private static String replay(SessionCore c, HistoryRecord r) {
        for (HistoryRecord.Edit e : r.edits()) {
            c.replayTo(e.iteration());
            TrainerState before = c.trainer.state();
            apply(c.trainer, e.after());
            c.dataset = e.after().dataset();
            c.history.recordEdit(before, c.trainer, e.text());
        }
        c.replayTo(r.end());
        double[] losses = c.history.lossValues();
        String lossProblem = compare(losses, r.losses(), r.start(), "loss");
        if (lossProblem != null) {
            return lossProblem;
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
                return "the replayed " + what + " of iteration " + (start + i + 1) + " is " + got[i]
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

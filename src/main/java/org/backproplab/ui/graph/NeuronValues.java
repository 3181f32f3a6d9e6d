package org.backproplab.ui.graph;

import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.engine.Activation;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Network;
import org.backproplab.engine.Phase;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.SampleOnShow;

/**
 * Which numbers the neurons show: the evaluation over all samples (rows in data-set order) normally; the
 * iteration in progress while stepping by phase (rows are that batch's samples, and layers its forward pass
 * has not reached yet have no values). One row for the selected sample, or the mean over the rows.
 */
final class NeuronValues {
    private final Snapshot s;
    private final IterationTrace t;
    private final int row;
    private final SampleOnShow onShow;
    private final boolean stepping;
    private Boolean nonNegativeInputs;
    private final java.util.Map<Integer, Double> ranges = new java.util.HashMap<>();

    /**
     * @param onShow the sample on show ({@link org.backproplab.ui.UiState#sampleOnShow}): its row of the iteration
     *               in progress while stepping, its row of the evaluation otherwise
     */
    NeuronValues(Snapshot s, SampleOnShow onShow) {
        this.s = s;
        this.onShow = onShow;
        stepping = s.phaseIndex() > 0 && s.trace() != null;
        t = stepping ? s.trace() : s.evaluation();
        if (onShow.isMean()) {
            row = -1;
        } else if (stepping) {
            row = onShow.batchRow();
        } else {
            row = onShow.sample() < t.inputs().getRowDimension() ? onShow.sample() : -1;
        }
    }

    /** @return the activation {@code a^l_i} shown, NaN if not computed in this iteration yet */
    double a(int l, int i) {
        return SceneBuilder.pick(t.activations().get(l), row, i);
    }

    double z(int l, int i) {
        return l == 0 ? Double.NaN : SceneBuilder.pick(t.preActivations().get(l), row, i);
    }

    double delta(int l, int i) {
        return l == 0 ? Double.NaN : SceneBuilder.pick(t.deltas().get(l), row, i);
    }

    /** @return the target {@code y_i} of the sample shown, NaN for a mean */
    double target(int i) {
        return row < 0 ? SceneBuilder.pick(t.targets(), -1, i) : t.targets().getEntry(row, i);
    }

    /** @return the loss of the sample shown (or the mean per-sample loss), NaN before LOSS */
    double sampleLoss() {
        double[] l = t.sampleLosses();
        if (l == null) {
            return Double.NaN;
        }
        if (row >= 0) {
            return l[row];
        }
        double sum = 0;
        for (double v : l) {
            sum += v;
        }
        return sum / l.length;
    }

    /** @return true if the rows are averaged */
    boolean isMean() {
        return row < 0;
    }

    /** @return why the sample on show is not the selected one, or empty */
    String note() {
        return onShow.note();
    }

    /** @return {@link SampleOnShow#briefNote()} of the sample on show */
    String briefNote() {
        return onShow.briefNote();
    }

    /** @return e.g. "Sample “01”" or "Mean over 4 samples" */
    String describeSelection() {
        return row < 0 ? onShow.describe(s.scenario().dataset(), t.inputs().getRowDimension())
                : "Sample " + SampleOnShow.quoted(s.scenario().dataset(), stepping ? t.samples()[row] : row);
    }

    String fillTitle() {
        return "fill = activation a" + (row < 0 ? " (mean)" : "");
    }

    /** @return true if layer {@code l} is filled on the sequential 0 … range scale (values never negative) */
    boolean sequential(int l) {
        Network n = s.network();
        if (l == 0) {
            if (nonNegativeInputs == null) {
                nonNegativeInputs = minInput() >= 0;
            }
            return nonNegativeInputs;
        }
        Activation f = n.layer(l).activation();
        return f == Activation.SIGMOID || f == Activation.SOFTMAX || f == Activation.RELU;
    }

    /** @return the value at which layer {@code l}'s fill saturates */
    double fillRange(int l) {
        return ranges.computeIfAbsent(l, this::computeRange);
    }

    private double computeRange(int l) {
        if (l > 0) {
            Activation f = s.network().layer(l).activation();
            if (f == Activation.SIGMOID || f == Activation.SOFTMAX || f == Activation.TANH) {
                return 1;
            }
        }
        RealMatrix m = t.activations().get(l);
        double max = 0;
        if (m != null) {
            for (double[] r : m.getData()) {
                for (double v : r) {
                    max = Double.isFinite(v) ? Math.max(max, Math.abs(v)) : max;
                }
            }
        }
        return max > 0 ? max : 1;
    }

    private double minInput() {
        double min = Double.POSITIVE_INFINITY;
        for (double[] r : s.scenario().dataset().inputs().getData()) {
            for (double v : r) {
                min = Math.min(min, v);
            }
        }
        return min;
    }
}

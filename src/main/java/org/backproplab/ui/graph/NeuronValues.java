package org.backproplab.ui.graph;

import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.data.Dataset;
import org.backproplab.engine.Activation;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Network;
import org.backproplab.engine.Phase;
import org.backproplab.session.Snapshot;

/**
 * Which numbers the neurons show: the evaluation over all samples (rows in data-set order) normally; the
 * iteration in progress while stepping by phase (rows are that batch's samples, and layers its forward pass
 * has not reached yet have no values). One row for the selected sample, or the mean over the rows.
 */
final class NeuronValues {
    private final Snapshot s;
    private final IterationTrace t;
    private final int row;
    private final int sample;
    private final boolean stepping;
    private final String note;
    private Boolean nonNegativeInputs;
    private final java.util.Map<Integer, Double> ranges = new java.util.HashMap<>();

    NeuronValues(Snapshot s, Phase phase, int selected) {
        this.s = s;
        Dataset d = s.scenario().dataset();
        stepping = s.phaseIndex() > 0 && s.trace() != null;
        String n = "";
        if (stepping) {
            t = s.trace();
            int[] samples = t.samples();
            int idx = -1;
            for (int i = 0; i < samples.length && selected >= 0; i++) {
                if (samples[i] == selected) {
                    idx = i;
                }
            }
            if (selected < 0) {
                row = samples.length == 1 ? 0 : -1;
            } else if (idx < 0) {
                row = 0;
                n = "Sample " + label(d, selected) + " is not in this batch: showing " + label(d, samples[0]);
            } else {
                row = idx;
            }
            sample = row < 0 ? -1 : samples[row];
        } else {
            t = s.evaluation();
            row = selected >= 0 && selected < t.inputs().getRowDimension() ? selected : -1;
            sample = row;
        }
        note = n;
    }

    private static String label(Dataset d, int sample) {
        String l = sample < d.labels().size() ? d.label(sample) : String.valueOf(sample + 1);
        return "“" + l + "”";
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

    String note() {
        return note;
    }

    /** @return e.g. "Sample “01”" or "All 4 samples (mean)" */
    String describeSelection() {
        Dataset d = s.scenario().dataset();
        if (row < 0) {
            return "Mean over " + t.inputs().getRowDimension() + (stepping ? " samples of the batch" : " samples");
        }
        return "Sample " + label(d, sample);
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
        return f == Activation.SIGMOID || f == Activation.RELU;
    }

    /** @return the value at which layer {@code l}'s fill saturates */
    double fillRange(int l) {
        return ranges.computeIfAbsent(l, this::computeRange);
    }

    private double computeRange(int l) {
        if (l > 0) {
            Activation f = s.network().layer(l).activation();
            if (f == Activation.SIGMOID || f == Activation.TANH) {
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

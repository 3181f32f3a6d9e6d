package org.backproplab.ui.loss;

import java.util.Arrays;
import java.util.Locale;
import org.backproplab.engine.Regularization;
import org.backproplab.session.LossCurve;
import org.backproplab.session.LossSplit;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The two terms of the loss {@code L = L_data + Ω(W)} as two series beside the loss curve, while the run on show
 * has a regularization: series 0 the data loss {@code L_data}, series 1 the penalty {@code Ω}, each point at an
 * iteration of the loss curve (the session decimates all three alike). Empty without a penalty. No Node.
 */
final class LossSplitSeries {
    /** Legend entry of the loss itself while the split is drawn (one run). */
    static final String LOSS_LEGEND = "loss L";
    /** What the curves are while the split is drawn, beside the chart's title: short, so the readout keeps its room. */
    static final String WHAT = "training-set loss L = L_data + Ω";

    /**
     * @param r the regularization of the run on show now
     * @return the description's tooltip while the split is drawn: that the penalty is one number per iteration (summed
     *         over the weights) while the data loss is the loss function's mean or sum over the samples
     */
    static String note(Regularization r) {
        String lambda = r.isOff() ? "" : " with λ = " + LossChartViewModel.fmt(r.lambda());
        return "L = L_data + Ω: the data loss L_data is the loss function over the training samples (their mean or sum, "
                + "as the loss function takes it); the penalty Ω(W) is one number per iteration, " + switch (r.kind()) {
                    case L2 -> "(λ/2)·Σ W²";
                    case L1 -> "λ·Σ |W|";
                    case NONE -> "Ω(W)";
                } + lambda + " summed over every weight (not the biases), not over the samples. The penalty at an "
                + "iteration is that of the weights then.";
    }
    /** Legend entry of the data loss. */
    static final String DATA_LEGEND = "data loss L_data";

    private final XYSeries dataLoss = new XYSeries("data loss", false, true);
    private final XYSeries penalty = new XYSeries("penalty", false, true);
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private LossSplit split;
    private LossSplit drawn;
    private boolean drawnLog;
    private boolean drawnLogIterations;

    LossSplitSeries() {
        dataset.addSeries(dataLoss);
        dataset.addSeries(penalty);
    }

    /** @return series 0 the data loss, series 1 the penalty */
    XYSeriesCollection dataset() {
        return dataset;
    }

    /** @return the split on show, or null without a penalty */
    LossSplit split() {
        return split;
    }

    /**
     * Follows a new snapshot's split.
     *
     * @param s the split, or null if the run on show never had a penalty
     * @return true if the series changed (the chart must redraw, and its legend changes when it appears or goes)
     */
    boolean update(LossSplit s, boolean log, boolean logIterations) {
        split = s;
        if (s == null) {
            boolean had = drawn != null;
            dataLoss.clear();
            penalty.clear();
            drawn = null;
            return had;
        }
        if (drawn != null && drawnLog == log && drawnLogIterations == logIterations && same(s.dataLosses(), drawn.dataLosses())
                && same(s.penalties(), drawn.penalties())) {
            return false;
        }
        LossChartViewModel.fill(dataLoss, s.dataLosses(), log, logIterations);
        LossChartViewModel.fill(penalty, s.penalties(), log, logIterations);
        drawn = s;
        drawnLog = log;
        drawnLogIterations = logIterations;
        return true;
    }

    /** Refills both series for the scale now. */
    void redraw(boolean log, boolean logIterations) {
        drawn = null;
        update(split, log, logIterations);
    }

    private static boolean same(LossCurve a, LossCurve b) {
        return Arrays.equals(a.iterations(), b.iterations()) && Arrays.equals(a.losses(), b.losses());
    }

    /**
     * @param r the regularization of the run on show now
     * @return the penalty's legend entry: its formula (short enough that the legend keeps to one row at 1024 pixels;
     *         λ and "one per iteration" are in {@link #WHAT} and the readout)
     */
    static String penaltyLegend(Regularization r) {
        return "penalty " + switch (r.kind()) {
            case L2 -> "Ω = (λ/2)·Σ W²";
            case L1 -> "Ω = λ·Σ |W|";
            case NONE -> "Ω(W)";
        };
    }

    /**
     * @return " = data 0.21 + penalty 0.034" for the point of the split at {@code iteration} (the penalty of the weights
     *         at that iteration), or empty if the split has no point there
     */
    String describe(long iteration) {
        if (split == null) {
            return "";
        }
        int k = Arrays.binarySearch(split.penalties().iterations(), iteration);
        if (k < 0) {
            return "";
        }
        return String.format(Locale.ROOT, " = data %s + penalty %s", LossChartViewModel.fmt(split.dataLosses().losses()[k]),
                LossChartViewModel.fmt(split.penalties().losses()[k]));
    }
}

package org.backproplab.ui.loss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.backproplab.text.NumberText;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.backproplab.session.LossCurve;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The loss chart's state, without any Node: one reused {@link XYSeries} holding exactly the points of the session's
 * {@link LossCurve} (each a real iteration and its loss, in iteration order, so the line goes through every
 * bucket's first, smallest, largest and last loss in the order the loss took them), the test-loss series, the
 * markers to draw, the log-scale switch, and the readout under the cursor. The series is rebuilt only when the
 * curve's points changed.
 */
public final class LossChartViewModel {
    /** Losses at or below this are left out on a log scale (a log axis cannot show 0). */
    static final double LOG_FLOOR = 1e-300;
    /** The horizontal axis: a point at x = i is the loss of the weights after i updates. */
    static final String X_LABEL = "iteration (updates made)";
    /** The horizontal axis on a log scale. */
    static final String X_LABEL_LOG = "iteration (updates made), log scale from 1";
    /**
     * The vertical axis without a test split. It does not name the loss function: a change of loss function
     * mid-run is a marker, and the points before it keep their own meaning.
     */
    static final String TRAINING_LABEL = "training-set loss";
    /** The loss axis's own label: what the curves are is said beside the chart's title ({@link #axisLabel()}). */
    static final String AXIS_LABEL = "loss";
    /** The vertical axis with a train/test split (the test line is dashed). */
    static final String SPLIT_LABEL = "loss: training set, test set (dashed)";

    private final XYSeries series = new XYSeries("loss", false, true);
    /** The test loss (rows held out), series 1; empty without a train/test split. */
    private final XYSeries testSeries = new XYSeries("test loss", false, true);
    private final XYSeriesCollection dataset = new XYSeriesCollection(series);
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private final BooleanProperty logIterations = new SimpleBooleanProperty(this, "logIterations", false);
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper(this, "readout", "");
    private LossCurve curve;
    private LossCurve drawn;
    private boolean drawnLog;
    private boolean drawnLogIterations;
    private long cursor = -1;
    private int cadence = 1;

    private LossCurve testCurve;
    private LossCurve testDrawn;
    private boolean testDrawnLog;

    /** The data loss and the penalty of the run on show, while it has a regularization. */
    private final LossSplitSeries split = new LossSplitSeries();

    /** The other runs' curves (the runs not on show), one series each, in run order; see {@link #updateRuns}. */
    private final XYSeriesCollection others = new XYSeriesCollection();
    private final java.util.Map<Integer, LossCurve> othersDrawn = new java.util.HashMap<>();
    private List<org.backproplab.session.RunCurve> otherCurves = List.of();
    private List<org.backproplab.session.RunInfo> runs = List.of();
    private boolean othersLog;
    private boolean othersLogIterations;
    private double othersCeiling = Double.NaN;

    public LossChartViewModel() {
        dataset.addSeries(testSeries);
    }

    // Properties

    /** @return the data set the chart draws: series 0 the training loss, series 1 the test loss */
    public XYSeriesCollection dataset() {
        return dataset;
    }

    /** True for a logarithmic loss axis; non-positive and non-finite losses are then left out. */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /**
     * True for a logarithmic iteration axis, which keeps the start of training visible however long the run: the
     * session then sends a curve that keeps every iteration of the start; iteration 0 has no place on it.
     */
    public BooleanProperty logIterationsProperty() {
        return logIterations;
    }

    /** @return "iteration 120 · loss 0.2345" for the point under the cursor, or empty */
    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    /**
     * @return the data set of the loss's two terms while the run on show has a penalty: series 0 the data loss
     *         {@code L_data}, series 1 the penalty {@code Ω(W)}, at iterations of the loss curve; empty without
     */
    public XYSeriesCollection splitDataset() {
        return split.dataset();
    }

    /** @return the split on show ({@code L = L_data + Ω} at the loss curve's iterations), or null without a penalty */
    public org.backproplab.session.LossSplit split() {
        return split.split();
    }

    /** @return the data set of the runs not on show: series {@code i} is run {@link #otherRun(int) otherRun(i)} */
    public XYSeriesCollection otherRuns() {
        return others;
    }

    /** @return the number of the run drawn as series {@code i} of {@link #otherRuns()} */
    public int otherRun(int i) {
        return otherCurves.get(i).number();
    }

    /** @return the runs of the session as the legend names them, oldest first (empty with one run: no legend) */
    public List<org.backproplab.session.RunInfo> legendRuns() {
        return runs.size() > 1 ? runs : List.of();
    }

    /**
     * @return the highest loss drawn for a run not on show: {@value #CEILING_FACTOR} × the largest loss any curve
     *         starts from, so that a run that diverges (losses of 1e30 before they become infinite) leaves the chart
     *         at the top instead of flattening every other curve; +∞ without other runs
     */
    double ceiling() {
        double start = curve == null ? Double.NaN : first(curve);
        for (org.backproplab.session.RunCurve r : otherCurves) {
            double f = first(r.losses());
            start = Double.isNaN(start) || f > start ? f : start;
        }
        return Double.isNaN(start) ? Double.POSITIVE_INFINITY : CEILING_FACTOR * start;
    }

    /** Losses of other runs above this many times the largest starting loss are not drawn (see {@link #ceiling}). */
    static final double CEILING_FACTOR = 10;

    private static double first(LossCurve c) {
        for (double y : c.losses()) {
            if (Double.isFinite(y)) {
                return y;
            }
        }
        return Double.NaN;
    }

    /** @return the items of the drawn series */
    public int pointCount() {
        return series.getItemCount();
    }

    /** @return the items of the drawn test-loss series (0 without a split) */
    public int testPointCount() {
        return testSeries.getItemCount();
    }

    /** @return the markers of the curve shown (edits, η changes), or an empty list */
    public List<LossCurve.Marker> markers() {
        return curve == null ? List.of() : curve.markers();
    }

    /**
     * @return every vertical line the chart draws besides the cursor: the curve's markers, and one where a run of
     *         infinite losses starts (training or test), since an infinite loss has no place on the axis
     */
    List<MarkerLayout.Mark> marks() {
        List<MarkerLayout.Mark> marks = new ArrayList<>();
        for (LossCurve.Marker m : markers()) {
            marks.add(new MarkerLayout.Mark(m.iteration(), m.text(), MarkerLayout.Kind.EDIT));
        }
        nonFinite(curve, "loss", marks);
        nonFinite(testCurve, "test loss", marks);
        return marks;
    }

    private static void nonFinite(LossCurve c, String what, List<MarkerLayout.Mark> marks) {
        if (c == null) {
            return;
        }
        double[] y = c.losses();
        for (int k = 0; k < y.length; k++) {
            if (Double.isInfinite(y[k]) && (k == 0 || y[k - 1] != y[k])) {
                marks.add(new MarkerLayout.Mark(c.iterations()[k], what + " = " + fmt(y[k]), MarkerLayout.Kind.NON_FINITE));
            }
        }
    }

    /** @return the iteration shown after a jump back (for a vertical cursor), or −1 at the end of the history */
    public long cursor() {
        return cursor;
    }

    /** @return the curve shown, or null before the first update */
    public LossCurve curve() {
        return curve;
    }

    /**
     * @return the vertical axis label: what a point is, without naming a loss function, and how often the whole
     *         set is evaluated while a fast per-sample or mini-batch run only evaluates it once per epoch
     */
    String axisLabel() {
        String what = testCurve == null ? TRAINING_LABEL : SPLIT_LABEL;
        if (split.split() != null) {
            what = testCurve == null ? LossSplitSeries.WHAT : SPLIT_LABEL + "; " + LossSplitSeries.WHAT.substring(
                    LossSplitSeries.WHAT.indexOf("L = "));
        }
        return cadence > 1 ? what + String.format(java.util.Locale.ROOT, ", every %,d iterations", cadence) : what;
    }

    /** @param everyIterations every how many iterations the session evaluates the whole set now (see the snapshot) */
    public void setCadence(int everyIterations) {
        cadence = Math.max(1, everyIterations);
    }

    // Commands

    /**
     * Follows a new snapshot's curve.
     *
     * @param c          the decimated loss curve
     * @param iteration  the iteration the session shows
     * @param historyEnd the last iteration in its history
     * @return true if the series, the markers or the cursor changed (the chart must redraw)
     */
    public boolean update(LossCurve c, long iteration, long historyEnd) {
        long newCursor = iteration < historyEnd ? iteration : -1;
        boolean cursorChanged = newCursor != cursor;
        cursor = newCursor;
        curve = c;
        if (samePicture(c, drawn, drawnLog)) {
            return cursorChanged;
        }
        draw(c);
        return true;
    }

    private void draw(LossCurve c) {
        fill(series, c, logScale.get(), logIterations.get());
        drawn = c;
        drawnLog = logScale.get();
        drawnLogIterations = logIterations.get();
    }

    /**
     * Follows a new snapshot's test-loss curve.
     *
     * @param c the decimated test-loss curve, or null without a split
     * @return true if the test series changed (the chart must redraw)
     */
    public boolean updateTest(LossCurve c) {
        testCurve = c;
        if (c == null) {
            boolean had = testDrawn != null;
            testSeries.clear();
            testDrawn = null;
            return had;
        }
        if (samePicture(c, testDrawn, testDrawnLog)) {
            return false;
        }
        fill(testSeries, c, logScale.get(), logIterations.get());
        testDrawn = c;
        testDrawnLog = logScale.get();
        return true;
    }

    /**
     * Follows a new snapshot's split of the loss into data loss and penalty.
     *
     * @param s the split, or null if the run on show never had a penalty
     * @return true if the two series changed (the chart must redraw)
     */
    public boolean updateSplit(org.backproplab.session.LossSplit s) {
        return split.update(s, logScale.get(), logIterations.get());
    }

    /**
     * Follows a new snapshot's runs: the curves of the runs not on show and every run's legend entry. A run's series
     * is refilled only when its curve changed (a run not on show keeps its curve object until it changes).
     *
     * @return true if a series or the legend changed (the chart must redraw)
     */
    public boolean updateRuns(List<org.backproplab.session.RunCurve> curves, List<org.backproplab.session.RunInfo> all) {
        boolean changed = !all.equals(runs);
        runs = List.copyOf(all);
        boolean sameRuns = curves.size() == otherCurves.size() && java.util.stream.IntStream.range(0, curves.size())
                .allMatch(i -> curves.get(i).number() == otherCurves.get(i).number());
        boolean rescale = othersLog != logScale.get() || othersLogIterations != logIterations.get();
        otherCurves = List.copyOf(curves);
        if (!sameRuns) {
            others.removeAllSeries();
            othersDrawn.clear();
            for (org.backproplab.session.RunCurve r : curves) {
                others.addSeries(new XYSeries("run " + r.number(), false, true));
            }
            changed = true;
        }
        double ceiling = ceiling();
        rescale |= Double.compare(ceiling, othersCeiling) != 0;
        othersCeiling = ceiling;
        for (int i = 0; i < curves.size(); i++) {
            org.backproplab.session.RunCurve r = curves.get(i);
            if (rescale || othersDrawn.get(r.number()) != r.losses()) {
                fill(others.getSeries(i), r.losses(), logScale.get(), logIterations.get(), ceiling);
                othersDrawn.put(r.number(), r.losses());
                changed = true;
            }
        }
        othersLog = logScale.get();
        othersLogIterations = logIterations.get();
        return changed;
    }

    /** Rebuilds the series for the current scale (after the log switch changed). */
    public void redraw() {
        if (curve != null) {
            draw(curve);
        }
        if (testCurve != null) {
            testDrawn = null;
            updateTest(testCurve);
        }
        othersDrawn.clear();
        updateRuns(otherCurves, runs);
        split.redraw(logScale.get(), logIterations.get());
    }

    private boolean samePicture(LossCurve c, LossCurve before, boolean beforeLog) {
        return before != null && beforeLog == logScale.get() && drawnLogIterations == logIterations.get() && Arrays.equals(c.iterations(), before.iterations())
                && Arrays.equals(c.losses(), before.losses()) && c.markers().equals(before.markers());
    }

    /**
     * Refills {@code target} with exactly the points of {@code c}; a loss the axis cannot show (infinite, or not
     * above {@link #LOG_FLOOR} on a log axis) is a gap in the line (the chart marks an infinite loss by a line). On
     * a log iteration axis a point at iteration 0 is left out: it has no place there.
     */
    static void fill(XYSeries target, LossCurve c, boolean log, boolean logIterations) {
        fill(target, c, log, logIterations, Double.POSITIVE_INFINITY);
    }

    /** {@link #fill(XYSeries, LossCurve, boolean, boolean)}, leaving out losses above {@code ceiling} as well. */
    private static void fill(XYSeries target, LossCurve c, boolean log, boolean logIterations, double ceiling) {
        target.setNotify(false);
        target.clear();
        for (int k = 0; k < c.points(); k++) {
            if (logIterations && c.iterations()[k] < 1) {
                continue;
            }
            double y = c.losses()[k];
            boolean drawable = Double.isFinite(y) && (!log || y > LOG_FLOOR) && y <= ceiling;
            target.add(c.iterations()[k], drawable ? y : Double.NaN, false);
        }
        target.setNotify(true);
    }

    /**
     * Sets the readout for the cursor at iteration {@code x} (chart coordinates), or clears it if
     * {@code x} is NaN or outside the curve.
     */
    public void pointAt(double x) {
        readout.set(describe(x));
    }

    String describe(double x) {
        LossCurve c = curve;
        if (c == null || c.points() == 0 || Double.isNaN(x)) {
            return "";
        }
        int k = nearest(c, x);
        if (k < 0) {
            return "";
        }
        String text = "iteration " + String.format(Locale.ROOT, "%,d", c.iterations()[k]) + " · loss "
                + fmt(c.losses()[k]) + split.describe(c.iterations()[k]);
        long[] it = c.iterations();
        double tolerance = Math.max(0.6, 0.01 * Math.max(1, it[it.length - 1] - it[0]));
        List<String> near = new ArrayList<>();
        for (LossCurve.Marker m : c.markers()) {
            if (Math.abs(m.iteration() - x) <= tolerance && !near.contains(m.text())) {
                near.add(m.text());
            }
        }
        return near.isEmpty() ? text : text + " · " + String.join("; ", near);
    }

    /** @return the point closest to {@code x}, or −1 if {@code x} is far outside the curve */
    static int nearest(LossCurve c, double x) {
        long[] it = c.iterations();
        int n = it.length;
        double span = Math.max(1, it[n - 1] - it[0]);
        if (x < it[0] - 0.02 * span - 1 || x > it[n - 1] + 0.02 * span + 1) {
            return -1;
        }
        int k = Arrays.binarySearch(it, (long) Math.ceil(x));
        int after = k >= 0 ? k : -k - 1;
        if (after >= n) {
            return n - 1;
        }
        if (after > 0 && x - it[after - 1] < it[after] - x) {
            return after - 1;
        }
        return after;
    }

    /** @return a loss as every number people read is written ({@link NumberText}) */
    static String fmt(double v) {
        return NumberText.format(v);
    }
}

package org.backproplab.ui.loss;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.backproplab.session.LossCurve;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The loss chart's state, without any Node: one reused {@link XYSeries} drawn as a line through the minimum
 * and the maximum of every decimated point of the session's {@link LossCurve} (so spikes show however long
 * training ran), the log-scale switch, and the readout under the cursor. The series is rebuilt only when
 * the curve changed, and never holds more than two items per curve point.
 */
public final class LossChartViewModel {
    /** Losses at or below this are left out on a log scale (a log axis cannot show 0). */
    static final double LOG_FLOOR = 1e-300;

    private final XYSeries series = new XYSeries("loss", false, true);
    /** The test loss (rows held out), series 1; empty without a train/test split. */
    private final XYSeries testSeries = new XYSeries("test loss", false, true);
    private final XYSeriesCollection dataset = new XYSeriesCollection(series);
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper(this, "readout", "");
    private LossCurve curve;
    private boolean drawnLog;
    private long drawnCount = -1;
    private int drawnPoints = -1;
    private long drawnLatestBits;
    private int drawnMarkers = -1;
    private long drawnFirst = -1;
    private long cursor = -1;

    private LossCurve testCurve;
    private long testDrawnCount = -1;
    private long testDrawnLatestBits;
    private boolean testDrawnLog;

    public LossChartViewModel() {
        dataset.addSeries(testSeries);
    }

    // Properties

    /** @return the data set the chart draws (one series) */
    public XYSeriesCollection dataset() {
        return dataset;
    }

    /** True for a logarithmic loss axis; non-positive and non-finite losses are then left out. */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** @return "iteration 120 · loss 0.2345" for the point under the cursor, or empty */
    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
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

    /** @return the iteration shown after a jump back (for a vertical cursor), or −1 at the end of the history */
    public long cursor() {
        return cursor;
    }

    /** @return the curve shown, or null before the first update */
    public LossCurve curve() {
        return curve;
    }

    // Commands

    /**
     * Follows a new snapshot's curve.
     *
     * @param c          the decimated loss curve
     * @param iteration  the iteration the session shows
     * @param historyEnd the last iteration in its history
     * @return true if the series or the markers changed (the chart must redraw)
     */
    public boolean update(LossCurve c, long iteration, long historyEnd) {
        long newCursor = iteration < historyEnd ? iteration : -1;
        boolean cursorChanged = newCursor != cursor;
        cursor = newCursor;
        if (!changed(c)) {
            curve = c;
            return cursorChanged;
        }
        curve = c;
        rebuild(c);
        return true;
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
            boolean had = testSeries.getItemCount() > 0;
            testSeries.clear();
            testDrawnCount = -1;
            return had;
        }
        if (c.count() == testDrawnCount && Double.doubleToRawLongBits(c.latest()) == testDrawnLatestBits
                && testDrawnLog == logScale.get()) {
            return false;
        }
        fill(testSeries, c, logScale.get());
        testDrawnCount = c.count();
        testDrawnLatestBits = Double.doubleToRawLongBits(c.latest());
        testDrawnLog = logScale.get();
        return true;
    }

    /** Rebuilds the series for the current scale (after the log switch changed). */
    public void redraw() {
        if (curve != null) {
            rebuild(curve);
        }
        if (testCurve != null) {
            testDrawnCount = -1;
            updateTest(testCurve);
        }
    }

    private boolean changed(LossCurve c) {
        return c.count() != drawnCount || c.points() != drawnPoints
                || Double.doubleToRawLongBits(c.latest()) != drawnLatestBits
                || c.markers().size() != drawnMarkers || (c.points() > 0 && c.first()[0] != drawnFirst)
                || drawnLog != logScale.get();
    }

    private void rebuild(LossCurve c) {
        boolean log = logScale.get();
        fill(series, c, log);
        drawnCount = c.count();
        drawnPoints = c.points();
        drawnLatestBits = Double.doubleToRawLongBits(c.latest());
        drawnMarkers = c.markers().size();
        drawnFirst = c.points() > 0 ? c.first()[0] : -1;
        drawnLog = log;
    }

    /** Refills {@code target} with a line through the minimum and maximum of every point of {@code c}. */
    private static void fill(XYSeries target, LossCurve c, boolean log) {
        target.setNotify(false);
        target.clear();
        for (int k = 0; k < c.points(); k++) {
            double lo = c.min()[k];
            double hi = c.max()[k];
            if (c.first()[k] == c.last()[k] || lo == hi || Double.isNaN(lo) || Double.isNaN(hi)) {
                add(target, c.first()[k], hi, log);
            } else {
                add(target, c.first()[k], lo, log);
                add(target, c.last()[k], hi, log);
            }
        }
        target.setNotify(true);
    }

    /** Adds a point; a value the axis cannot show becomes a gap (NaN) rather than an exception. */
    private static void add(XYSeries target, long x, double y, boolean log) {
        boolean drawable = Double.isFinite(y) && (!log || y > LOG_FLOOR);
        target.add(x, drawable ? y : Double.NaN, false);
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
        String text;
        if (c.first()[k] == c.last()[k]) {
            text = "iteration " + String.format(Locale.ROOT, "%,d", c.first()[k]) + " · loss " + fmt(c.max()[k]);
        } else {
            text = "iterations " + String.format(Locale.ROOT, "%,d–%,d", c.first()[k], c.last()[k])
                    + " · loss " + fmt(c.min()[k]) + " … " + fmt(c.max()[k]);
        }
        double span = Math.max(1, c.last()[c.points() - 1] - c.first()[0]);
        for (int i = c.markers().size() - 1; i >= 0; i--) {
            LossCurve.Marker m = c.markers().get(i);
            if (Math.abs(m.iteration() + 0.5 - x) <= Math.max(0.6, 0.01 * span)) {
                return text + " · " + m.text();
            }
        }
        return text;
    }

    /** @return the point covering or closest to {@code x}, or −1 if {@code x} is far outside the curve */
    static int nearest(LossCurve c, double x) {
        long[] first = c.first();
        long[] last = c.last();
        int n = first.length;
        double span = Math.max(1, last[n - 1] - first[0]);
        if (x < first[0] - 0.02 * span - 1 || x > last[n - 1] + 0.02 * span + 1) {
            return -1;
        }
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (last[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > 0 && x - last[lo - 1] < first[lo] - x) {
            return lo - 1;
        }
        return lo;
    }

    /** Formats a loss with four significant digits (scientific when very small or large). */
    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(v);
        String s = a != 0 && (a < 1e-4 || a >= 1e5) ? String.format(Locale.ROOT, "%.3e", v)
                : String.format(Locale.ROOT, "%.4g", v);
        return s.replace('-', '−');
    }
}

package org.backproplab.ui.landscape;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;

/**
 * The colour of a loss on the landscape: a sequential scale (viridis: dark violet for the lowest loss of the grid,
 * through blue and green, to yellow for the highest; readable in grey and by colour-blind viewers) over
 * {@code log L}, since a loss surface spans decades: {@code t = (log L − log L_min) / (log L_max − log L_min)}.
 * When the grid holds a loss of 0 the scale is linear in {@code L} instead. A loss that is not finite is grey.
 */
final class LossScale {
    /** Viridis at {@code t = 0, 1/8, …, 1}. */
    private static final Color[] STOPS = {Color.web("#440154"), Color.web("#472d7b"), Color.web("#3b528b"),
        Color.web("#2c728e"), Color.web("#21918c"), Color.web("#28ae80"), Color.web("#5ec962"), Color.web("#addc30"),
        Color.web("#fde725")};
    /** The colour of a loss that is not finite. */
    static final Color NOT_FINITE = Color.web("#9a9a9a");

    private final double lo;
    private final double hi;
    private final boolean log;

    private LossScale(double lo, double hi, boolean log) {
        this.lo = lo;
        this.hi = hi;
        this.log = log;
    }

    /** @return the scale from the least to the greatest finite loss of {@code loss} */
    static LossScale of(double[][] loss) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : loss) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new LossScale(0, 1, false);
        }
        return new LossScale(lo, hi, lo > 0);
    }

    /** @return true if the scale is logarithmic */
    boolean isLog() {
        return log;
    }

    double min() {
        return lo;
    }

    double max() {
        return hi;
    }

    /** @return where {@code v} lies on the scale, 0 at the least loss to 1 at the greatest (NaN if not finite) */
    double position(double v) {
        if (!Double.isFinite(v)) {
            return Double.NaN;
        }
        if (hi == lo) {
            return 0.5;
        }
        double t = log ? (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (v - lo) / (hi - lo);
        return Math.max(0, Math.min(1, t));
    }

    /** @return the loss at position {@code t} of the scale */
    double value(double t) {
        return log ? Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo))) : lo + t * (hi - lo);
    }

    /** @return the colour of loss {@code v} */
    Color color(double v) {
        double t = position(v);
        if (Double.isNaN(t)) {
            return NOT_FINITE;
        }
        double x = t * (STOPS.length - 1);
        int k = Math.min(STOPS.length - 2, (int) Math.floor(x));
        return STOPS[k].interpolate(STOPS[k + 1], x - k);
    }

    /** @return the contour levels: {@code count} losses evenly spaced on the scale, strictly inside it */
    double[] levels(int count) {
        double[] l = new double[count];
        for (int k = 0; k < count; k++) {
            l[k] = value((k + 1.0) / (count + 1));
        }
        return l;
    }

    /**
     * @return the losses to label the colour bar with: its two ends (the least and the greatest loss of the grid) and
     *         round values between them that are not too near an end or each other — 1, 2 and 5 times powers of ten
     *         when the scale spans more than a decade, else evenly spaced round values
     */
    List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        t.add(lo);
        if (hi == lo) {
            return t;
        }
        List<Double> inside = new ArrayList<>();
        if (log && hi / lo > 10) {
            for (int e = (int) Math.floor(Math.log10(lo)); e <= (int) Math.ceil(Math.log10(hi)); e++) {
                for (double m : new double[] {1, 2, 5}) {
                    inside.add(m * Math.pow(10, e));
                }
            }
        } else {
            double step = niceStep((hi - lo) / 4);
            for (double v = Math.ceil(lo / step) * step; v < hi; v += step) {
                inside.add(v);
            }
        }
        for (double v : inside) {
            if (position(v) - position(t.get(t.size() - 1)) >= 0.14 && 1 - position(v) >= 0.14 && v < hi) {
                t.add(v);
            }
        }
        t.add(hi);
        return t;
    }

    /** @return 1, 2 or 5 times a power of ten, the nearest at or above {@code raw} */
    static double niceStep(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * mag;
    }
}

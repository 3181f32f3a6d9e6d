package org.backproplab.session;

/**
 * Where "back to the last finite state" lands after a divergence: not on the last finite weights (by then they are
 * often around 1e37, beyond rescue), but on the last iteration before the loss left its normal range for good.
 *
 * <p>Going back from the end, an iteration {@code k} is out of range when its loss is not finite or is more than
 * {@value #FACTOR} × the lowest loss of iterations up to {@code k}. The landing is the latest iteration whose loss
 * is in range and after which every measured loss is out of range. Iterations whose loss was not measured (fast
 * per-sample runs measure once per epoch) are skipped.
 */
final class DivergenceLanding {
    static final int FACTOR = 10;

    private DivergenceLanding() {
    }

    /**
     * @param h   the run
     * @param now the iteration on show (the search starts there)
     * @return the iteration to show
     */
    static long find(History h, long now) {
        long base = h.base();
        long end = Math.min(now, h.length() - 1);
        if (end < base) {
            return base;
        }
        double[] runningMin = new double[(int) (end - base + 1)];
        double min = Double.POSITIVE_INFINITY;
        for (long k = base; k <= end; k++) {
            double l = h.lossAt(k);
            if (Double.isFinite(l) && l < min) {
                min = l;
            }
            runningMin[(int) (k - base)] = min;
        }
        for (long k = end; k >= base; k--) {
            double l = h.lossAt(k);
            if (Double.isNaN(l) && k > base) {
                continue;
            }
            if (Double.isFinite(l) && l <= FACTOR * runningMin[(int) (k - base)]) {
                return k;
            }
        }
        return base;
    }
}

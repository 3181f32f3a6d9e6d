package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks a drawn {@link LossCurve} against the losses it was made from, entry {@code j} being the loss at
 * iteration {@code start + j} (NaN: no value there): every point is a real (iteration, loss) pair, the points are
 * in strictly increasing iteration order, and in every bucket the drawn minimum and maximum are the true ones and
 * the bucket's first and last value are drawn.
 */
public final class CurveTruth {
    private CurveTruth() {
    }

    /**
     * @param values  the loss at each iteration from {@code c.start()}, NaN where there is none
     * @param c       the curve drawn from them
     * @param columns the most buckets the curve was asked for
     */
    public static void assertFaithful(double[] values, LossCurve c, int columns) {
        int n = values.length;
        assertEquals(n, c.count(), "the curve counts every iteration");
        long[] it = c.iterations();
        double[] y = c.losses();
        assertEquals(it.length, y.length);
        assertTrue(c.bucket() >= 1 && (n + c.bucket() - 1) / c.bucket() <= columns,
                "at most " + columns + " buckets of " + c.bucket() + " iterations over " + n);
        for (int k = 0; k < it.length; k++) {
            long j = it[k] - c.start();
            assertTrue(j >= 0 && j < n, "point " + k + " at iteration " + it[k] + " is outside the history");
            assertTrue(k == 0 || it[k] > it[k - 1], "points in strictly increasing iteration order: " + it[k - Math.min(k, 1)]
                    + " then " + it[k]);
            assertEquals(0, Double.compare(values[(int) j], y[k]),
                    "point " + k + " is the loss at iteration " + it[k] + ": " + values[(int) j] + " drawn as " + y[k]);
        }
        int k = 0;
        int firstValue = -1;
        int lastValue = -1;
        for (int from = 0; from < n; from += (int) c.bucket()) {
            int to = (int) Math.min(n, from + c.bucket());
            double lo = Double.NaN;
            double hi = Double.NaN;
            int first = -1;
            int last = -1;
            for (int j = from; j < to; j++) {
                double v = values[j];
                if (!Double.isNaN(v)) {
                    lo = first < 0 || v < lo ? v : lo;
                    hi = first < 0 || v > hi ? v : hi;
                    first = first < 0 ? j : first;
                    last = j;
                }
            }
            if (firstValue < 0) {
                firstValue = first;
            }
            lastValue = last < 0 ? lastValue : last;
            double drawnLo = Double.NaN;
            double drawnHi = Double.NaN;
            boolean drawnFirst = false;
            boolean drawnLast = false;
            int inBucket = 0;
            while (k < it.length && it[k] - c.start() < to) {
                double v = y[k];
                drawnLo = inBucket == 0 || v < drawnLo ? v : drawnLo;
                drawnHi = inBucket == 0 || v > drawnHi ? v : drawnHi;
                drawnFirst |= it[k] - c.start() == first;
                drawnLast |= it[k] - c.start() == last;
                inBucket++;
                k++;
            }
            String where = "bucket of iterations " + (c.start() + from) + "–" + (c.start() + to - 1);
            if (first < 0) {
                assertEquals(0, inBucket, where + " has no value and no point");
                continue;
            }
            assertTrue(inBucket <= 4, where + ": at most 4 points, not " + inBucket);
            assertEquals(0, Double.compare(lo, drawnLo), where + ": drawn minimum " + drawnLo + ", true " + lo);
            assertEquals(0, Double.compare(hi, drawnHi), where + ": drawn maximum " + drawnHi + ", true " + hi);
            assertTrue(drawnFirst && drawnLast, where + ": its first and last value are drawn");
        }
        if (firstValue >= 0) {
            assertEquals(c.start() + firstValue, it[0], "the first value of the series is drawn");
            assertEquals(c.start() + lastValue, it[it.length - 1], "the last value of the series is drawn");
            assertEquals(0, Double.compare(values[lastValue], c.latest()), "latest is the last value");
        } else {
            assertEquals(0, it.length, "no value, no point");
        }
    }
}

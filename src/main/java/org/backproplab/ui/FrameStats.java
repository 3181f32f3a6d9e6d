package org.backproplab.ui;

import java.util.Arrays;

/** Intervals between FX pulses, kept for percentiles (the UI throughput benchmark). */
public final class FrameStats {
    private long last;
    private long[] intervals = new long[4096];
    private int count;

    /** Records a pulse at {@code now} (nanoseconds). */
    void frame(long now) {
        if (last != 0) {
            if (count == intervals.length) {
                intervals = Arrays.copyOf(intervals, count * 2);
            }
            intervals[count++] = now - last;
        }
        last = now;
    }

    /** Forgets what was recorded. */
    public void clear() {
        count = 0;
        last = 0;
    }

    public int count() {
        return count;
    }

    /** @return the {@code p}-th percentile (0–100) of the frame intervals in milliseconds, or NaN if none */
    public double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(intervals, count);
        Arrays.sort(sorted);
        int i = (int) Math.min(count - 1, Math.max(0, Math.ceil(p / 100.0 * count) - 1));
        return sorted[i] / 1e6;
    }
}

package org.backproplab.session;

import java.util.List;

/**
 * The loss history ready to draw: at most four points per bucket however long training ran, each a real
 * (iteration, loss) pair of the history, in iteration order. The history is cut into buckets of {@code bucket}
 * consecutive iterations from {@code start}; each bucket keeps its first, smallest, largest and last loss (the M4
 * scheme), so a line through the points takes every bucket's extremes in the order the loss took them.
 * Iterations without a value (not evaluated) have no point; an infinite loss (divergence) is a point.
 *
 * @param count      how many iterations the full history holds
 * @param start      the iteration of the first entry of the history (its initial loss)
 * @param bucket     iterations per bucket (1 while the history is drawn whole)
 * @param iterations the iteration of each point, strictly increasing: the point at {@code i} is the loss of the
 *                   weights after {@code i} updates
 * @param losses     the loss at each point: a number or {@code ±∞}, never NaN
 * @param markers    edits and η changes, in iteration order
 * @param latest     the loss of the last point, or NaN if there is none
 */
public record LossCurve(long count, long start, long bucket, long[] iterations, double[] losses,
                        List<Marker> markers, double latest) {

    /** An event worth a vertical line on the chart: something changed after {@code iteration} updates. */
    public record Marker(long iteration, String text) {
    }

    /** @return the number of drawn points */
    public int points() {
        return iterations.length;
    }
}

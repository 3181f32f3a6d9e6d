package org.backproplab.session;

import java.util.List;

/**
 * The loss history ready to draw: at most a few thousand points however long training ran. Point
 * {@code k} covers iterations {@code [first[k], last[k]]} and holds their smallest and largest loss, so
 * drawing a line through {@code min} and {@code max} shows every spike.
 *
 * @param count   how many iterations the full history holds (iteration {@code i} has the training
 *                loss over all samples with the weights before update {@code i}, counted from 1)
 * @param first   first iteration of each point
 * @param last    last iteration of each point
 * @param min     smallest loss within each point
 * @param max     largest loss within each point
 * @param markers edits and η changes, in iteration order
 * @param latest  the loss of the last iteration, or NaN if none
 */
public record LossCurve(long count, long[] first, long[] last, double[] min, double[] max,
                        List<Marker> markers, double latest) {

    /** An event worth a vertical line on the chart. */
    public record Marker(long iteration, String text) {
    }

    /** @return the number of drawn points */
    public int points() {
        return first.length;
    }
}

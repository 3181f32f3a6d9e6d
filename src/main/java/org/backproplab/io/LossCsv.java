package org.backproplab.io;

/**
 * The loss history as CSV, one row per iteration at full resolution: {@code iteration,loss,test_loss}.
 * Numbers are written with {@link Double#toString} (exact); a missing test loss (no split yet) is an empty
 * cell; a loss that is not finite is written as {@code NaN}, {@code Infinity} or {@code -Infinity}.
 */
public final class LossCsv {
    private LossCsv() {
    }

    /**
     * @param start      the iteration the history starts at (entry 0 is iteration {@code start + 1})
     * @param losses     the training loss before each update
     * @param testLosses the test losses, as many, or null without a test split
     * @return the CSV text with a header row, lines ending in {@code \n}
     * @throws IllegalArgumentException if the two arrays differ in length
     */
    public static String text(long start, double[] losses, double[] testLosses) {
        if (testLosses != null && testLosses.length != losses.length) {
            throw new IllegalArgumentException(testLosses.length + " test losses for " + losses.length + " losses");
        }
        StringBuilder b = new StringBuilder(losses.length * 24 + 32).append("iteration,loss,test_loss\n");
        for (int i = 0; i < losses.length; i++) {
            b.append(start + i + 1).append(',').append(losses[i]).append(',');
            if (testLosses != null && !Double.isNaN(testLosses[i])) {
                b.append(testLosses[i]);
            }
            b.append('\n');
        }
        return b.toString();
    }
}

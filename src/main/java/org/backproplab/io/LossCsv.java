package org.backproplab.io;

/**
 * The loss history as CSV, one row per iteration at full resolution: {@code iteration,loss,test_loss}, and with a
 * penalty (L1 or L2) {@code data_loss,penalty} after them, the two terms of {@code loss = data_loss + penalty}.
 * Numbers are written with {@link Double#toString} (exact); a missing test loss (no split yet) or penalty (none
 * recorded at that iteration) is an empty cell; a loss that is not finite is written as {@code NaN},
 * {@code Infinity} or {@code -Infinity}.
 */
public final class LossCsv {
    private LossCsv() {
    }

    /**
     * @param start      the iteration the history starts at (entry 0 is iteration {@code start + 1})
     * @param losses     the training loss before each update
     * @param testLosses the test losses, as many, or null without a test split
     * @param penalties  the penalty {@code Ω(W)} in each loss, as many (NaN where none was recorded), or null if no
     *                   iteration had one: then the two columns are left out
     * @return the CSV text with a header row, lines ending in {@code \n}
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static String text(long start, double[] losses, double[] testLosses, double[] penalties) {
        if (testLosses != null && testLosses.length != losses.length) {
            throw new IllegalArgumentException(testLosses.length + " test losses for " + losses.length + " losses");
        }
        if (penalties != null && penalties.length != losses.length) {
            throw new IllegalArgumentException(penalties.length + " penalties for " + losses.length + " losses");
        }
        StringBuilder b = new StringBuilder(losses.length * (penalties == null ? 24 : 64) + 48)
                .append(penalties == null ? "iteration,loss,test_loss\n" : "iteration,loss,test_loss,data_loss,penalty\n");
        for (int i = 0; i < losses.length; i++) {
            b.append(start + i + 1).append(',').append(losses[i]).append(',');
            if (testLosses != null && !Double.isNaN(testLosses[i])) {
                b.append(testLosses[i]);
            }
            if (penalties != null) {
                b.append(',');
                if (!Double.isNaN(penalties[i]) && !Double.isNaN(losses[i])) {
                    b.append(losses[i] - penalties[i]).append(',').append(penalties[i]);
                } else {
                    b.append(',');
                }
            }
            b.append('\n');
        }
        return b.toString();
    }
}

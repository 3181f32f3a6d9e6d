package org.backproplab.session;

import org.backproplab.data.Accuracy;

/**
 * The numbers a class watches besides the curve: loss and accuracy on the training rows and on the held-out
 * test rows. Accuracy is given only for classification data (every target 0 or 1): a sample counts as right
 * when its predicted class is the target's ({@link Accuracy}: {@code ŷ ≥ 0.5} exactly where {@code y = 1} with
 * one output, the largest output with several).
 *
 * @param trainingLoss     {@code L} over the training rows with the weights now
 * @param testLoss         {@code L} over the test rows, or NaN without a split
 * @param trainingAccuracy fraction right on the training rows, or NaN if not classification
 * @param testAccuracy     fraction right on the test rows, or NaN
 */
public record Scores(double trainingLoss, double testLoss, double trainingAccuracy, double testAccuracy) {

    /** @return true if the targets are classes (accuracy is meaningful) */
    public boolean isClassification() {
        return !Double.isNaN(trainingAccuracy);
    }

    /** @return true if some rows are held out */
    public boolean hasTestSet() {
        return !Double.isNaN(testLoss);
    }

    /**
     * @param outputs {@code ŷ}, one row per sample of the data set
     * @param targets {@code y}, same shape
     * @param rows    which rows to score
     * @return the fraction of {@code rows} classified right, NaN if the targets are not all 0 or 1 or no rows
     */
    static double accuracy(double[][] outputs, double[][] targets, int[] rows) {
        if (rows.length == 0) {
            return Double.NaN;
        }
        for (double[] t : targets) {
            for (double v : t) {
                if (v != 0.0 && v != 1.0) {
                    return Double.NaN;
                }
            }
        }
        return Accuracy.of(outputs, targets, rows);
    }
}

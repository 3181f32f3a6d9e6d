package org.backproplab.session;

/**
 * The loss of every iteration of the run on show, for exports. Entry {@code i} is the training-set loss of the
 * weights after {@code start + i} updates; NaN where the whole set was not evaluated (fast per-sample and
 * mini-batch runs evaluate it once per epoch).
 *
 * @param start      the first iteration
 * @param losses     training-set losses {@code L = L_data + Ω(W)}
 * @param testLosses test-set losses (NaN before a split), or null if no rows were ever held out
 * @param penalties  the penalty {@code Ω(W)} in each loss (NaN where none was recorded: no regularization, or not
 *                   measured), or null if no iteration recorded one
 */
public record LossHistory(long start, double[] losses, double[] testLosses, double[] penalties) {
    public LossHistory {
        losses = losses.clone();
        testLosses = testLosses == null ? null : testLosses.clone();
        penalties = penalties == null ? null : penalties.clone();
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    @Override
    public double[] testLosses() {
        return testLosses == null ? null : testLosses.clone();
    }

    @Override
    public double[] penalties() {
        return penalties == null ? null : penalties.clone();
    }
}

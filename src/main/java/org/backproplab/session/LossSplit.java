package org.backproplab.session;

import java.util.Arrays;
import java.util.List;

/**
 * The loss curve of the run on show split into its two terms, {@code L = L_data + Ω(W)}, where a regularization
 * adds a penalty on the weights: at exactly the iterations of the loss curve (the same decimation, so the three
 * lines meet point for point), those of them whose penalty is known.
 *
 * <p>{@code Ω(W)} is one number per iteration: the penalty of the weights at that iteration ({@code (λ/2)·Σ W²} for
 * L2, {@code λ·Σ |W|} for L1, summed over every weight, never averaged over the samples), computed by the engine as
 * it computed the loss; {@code L_data = L − Ω} is the loss without it (the mean or sum over the samples that the loss
 * function takes), equal to the engine's data loss up to the rounding of the last digit of {@code L}.
 *
 * @param dataLosses the data loss {@code L_data} at each point
 * @param penalties  the penalty {@code Ω(W)} at the same iterations
 */
public record LossSplit(LossCurve dataLosses, LossCurve penalties) {

    /**
     * @param losses     the loss curve drawn (its points are the iterations of the split)
     * @param penalties  the penalty of every iteration of the history (NaN where none was recorded)
     * @param endPenalty the penalty of the weights at the curve's last point if that is one past the history's
     *                   entries (the weights after the last update), else ignored; NaN if not known
     * @return the split at the points of {@code losses} whose penalty is known (both terms a number or {@code ±∞})
     */
    static LossSplit of(LossCurve losses, LossSeries penalties, double endPenalty) {
        long[] it = losses.iterations();
        double[] l = losses.losses();
        long[] x = new long[it.length];
        double[] data = new double[it.length];
        double[] omega = new double[it.length];
        int n = 0;
        for (int k = 0; k < it.length; k++) {
            long i = it[k] - losses.start();
            double p = i < penalties.size() ? penalties.get((int) i) : i == penalties.size() ? endPenalty : Double.NaN;
            double d = l[k] - p;
            if (!Double.isNaN(p) && !Double.isNaN(d)) {
                x[n] = it[k];
                data[n] = d;
                omega[n] = p;
                n++;
            }
        }
        x = Arrays.copyOf(x, n);
        return new LossSplit(curve(losses, x, Arrays.copyOf(data, n)), curve(losses, x, Arrays.copyOf(omega, n)));
    }

    private static LossCurve curve(LossCurve like, long[] x, double[] y) {
        return new LossCurve(like.count(), like.start(), like.bucket(), x, y, List.of(),
                y.length == 0 ? Double.NaN : y[y.length - 1]);
    }
}

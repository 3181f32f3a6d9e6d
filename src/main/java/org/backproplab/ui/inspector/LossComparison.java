package org.backproplab.ui.inspector;

import static org.backproplab.text.NumberText.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backproplab.engine.Activation;

/**
 * Why cross-entropy trains faster than squared error through a saturated output: the output δ of one sample
 * under both losses, from the same {@code ŷ}, with the factor that makes the difference written out.
 *
 * <ul>
 * <li>a sigmoid output: cross-entropy (bce) gives {@code δ = (ŷ − y)/n}; squared error (mse) gives
 *     {@code δ = 2(ŷ − y)/n · σ'(z)} with {@code σ'(z) = ŷ(1 − ŷ)}, which is near 0 when {@code ŷ} is near 0 or 1;</li>
 * <li>a softmax output: cross-entropy gives {@code δ_j = (ŷ_j − y_j)/n}; squared error gives the Jacobian
 *     product {@code δ_j = ŷ_j (g_j − Σ_k g_k ŷ_k)} with {@code g = 2(ŷ − y)/n}.</li>
 * </ul>
 */
final class LossComparison {
    private LossComparison() {
    }

    /** @return true if the comparison applies to an output layer of {@code f} */
    static boolean appliesTo(Activation f) {
        return f == Activation.SIGMOID || f == Activation.SOFTMAX;
    }

    /**
     * @param f    the output activation (sigmoid or softmax)
     * @param yHat the output row of the sample
     * @param y    its targets
     * @param j    the output neuron followed
     * @param n    the samples in the batch (both losses are means)
     * @return {δ with cross-entropy, δ with squared error} of neuron {@code j}
     */
    static double[] deltas(Activation f, double[] yHat, double[] y, int j, int n) {
        double ce = (yHat[j] - y[j]) / n;
        if (f == Activation.SIGMOID) {
            return new double[] {ce, 2 * (yHat[j] - y[j]) / n * (yHat[j] * (1 - yHat[j]))};
        }
        double dot = 0;
        for (int k = 0; k < yHat.length; k++) {
            dot += 2 * (yHat[k] - y[k]) / n * yHat[k];
        }
        return new double[] {ce, yHat[j] * (2 * (yHat[j] - y[j]) / n - dot)};
    }

    /** @return the lines that compare both losses' δ for neuron {@code j} of the sample */
    static List<String> lines(Activation f, double[] yHat, double[] y, int j, int n) {
        double[] d = deltas(f, yHat, y, j, n);
        double a = yHat[j];
        List<String> out = new ArrayList<>();
        out.add("Why cross-entropy learns faster:");
        out.add("  cross-entropy (mean): δ = (ŷ − y)/n = (" + format(a) + " − " + format(y[j]) + ")/" + n + " = " + format(d[0]));
        if (f == Activation.SIGMOID) {
            double fp = a * (1 - a);
            out.add("  squared error (mse): δ = 2(ŷ − y)/n·σ'(z) = " + format(2 * (a - y[j]) / n) + "·"
                    + Formulas.paren(fp) + " = " + format(d[1]));
            out.add("  σ'(z) = ŷ(1 − ŷ) is near 0 when ŷ is near 0 or 1" + ratio(d));
        } else {
            out.add("  squared error (mse): δ_j = ŷ_j(g_j − Σ_k g_k·ŷ_k), g = 2(ŷ − y)/n, = " + format(d[1]));
            out.add("  the Jacobian ŷ_j([j = k] − ŷ_k) is near 0 when the outputs are sure" + ratio(d));
        }
        return out;
    }

    /** @return how many times smaller squared error's δ is, when it is */
    private static String ratio(double[] d) {
        if (d[1] == 0 || Math.abs(d[1]) >= Math.abs(d[0])) {
            return "";
        }
        return String.format(Locale.ROOT, "; squared error's δ is %s× smaller", format(Math.abs(d[0] / d[1])));
    }
}

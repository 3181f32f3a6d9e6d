package org.backproplab.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks backpropagation against central finite differences on the batch of the next iteration:
 * for every weight and bias {@code θ}, {@code ĝ = (L(θ + h) − L(θ − h)) / 2h} with
 * {@code h = 1e-5 · max(1, |θ|)}, compared with the backprop gradient {@code g} by the relative error
 * {@code |g − ĝ| / max(|g| + |ĝ|, 1e-4)}. The floor keeps the rounding noise of the difference quotient
 * itself (about {@code 1e-11}) from counting as an error when both gradients are nearly zero.
 */
public final class GradientCheck {
    /** Relative errors at or below this pass. */
    public static final double TOLERANCE = 1e-6;
    static final double STEP = 1e-5;
    static final double FLOOR = 1e-4;

    private GradientCheck() {
    }

    /**
     * One parameter's check.
     *
     * @param layer         weight layer {@code l}, 1..L
     * @param from          neuron of layer {@code l−1}, or −1 for the bias
     * @param to            neuron of layer {@code l}
     * @param backprop      {@code g}, from backpropagation
     * @param numeric       {@code ĝ}, from central differences
     * @param relativeError {@code |g − ĝ| / max(|g| + |ĝ|, 1e-4)}
     */
    public record Entry(int layer, int from, int to, double backprop, double numeric, double relativeError) {
        public boolean isBias() {
            return from < 0;
        }

        public boolean passes() {
            return relativeError <= TOLERANCE;
        }

        /** @return e.g. {@code "W1[0][2]"} or {@code "b2[0]"} */
        public String name() {
            return isBias() ? "b" + layer + "[" + to + "]" : "W" + layer + "[" + from + "][" + to + "]";
        }
    }

    /**
     * @param entries every weight and bias, largest relative error first
     */
    public record Result(List<Entry> entries) {
        public double maxRelativeError() {
            return entries.isEmpty() ? 0.0 : entries.get(0).relativeError();
        }

        public Entry worst() {
            return entries.isEmpty() ? null : entries.get(0);
        }

        public boolean passes() {
            return maxRelativeError() <= TOLERANCE;
        }
    }

    /** Checks every parameter of the trainer's network; the trainer is not changed. */
    public static Result run(Trainer trainer) {
        Network net = trainer.network().copy();
        Workspace w = trainer.previewWorkspace(net);
        Loss loss = trainer.config().loss();
        List<Entry> entries = new ArrayList<>();
        for (int l = 1; l <= net.depth(); l++) {
            Layer layer = net.layer(l);
            double[][] wd = layer.weightData();
            double[][] g = Kernels.copy(w.gradW[l]);
            for (int i = 0; i < wd.length; i++) {
                for (int j = 0; j < wd[i].length; j++) {
                    entries.add(entry(l, i, j, g[i][j], numeric(net, w, loss, wd[i], j)));
                }
            }
            double[] b = layer.biasData();
            if (b != null) {
                double[] gb = w.gradB[l].clone();
                for (int j = 0; j < b.length; j++) {
                    entries.add(entry(l, -1, j, gb[j], numeric(net, w, loss, b, j)));
                }
            }
        }
        entries.sort(Comparator.comparingDouble(Entry::relativeError).reversed());
        return new Result(List.copyOf(entries));
    }

    private static Entry entry(int l, int from, int to, double g, double n) {
        double err = Math.abs(g - n) / Math.max(Math.abs(g) + Math.abs(n), FLOOR);
        if (Double.isNaN(err)) {
            err = Double.POSITIVE_INFINITY;
        }
        return new Entry(l, from, to, g, n, err);
    }

    /** {@code (L(θ + h) − L(θ − h)) / 2h} for {@code θ = params[k]}, restoring it afterwards. */
    private static double numeric(Network net, Workspace w, Loss loss, double[] params, int k) {
        double theta = params[k];
        double h = STEP * Math.max(1.0, Math.abs(theta));
        params[k] = theta + h;
        double plus = lossOf(net, w, loss);
        params[k] = theta - h;
        double minus = lossOf(net, w, loss);
        params[k] = theta;
        return (plus - minus) / (2 * h);
    }

    private static double lossOf(Network net, Workspace w, Loss loss) {
        for (int l = 1; l <= net.depth(); l++) {
            w.forward(net.layer(l), l);
        }
        return w.loss(loss);
    }
}

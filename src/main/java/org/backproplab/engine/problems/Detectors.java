package org.backproplab.engine.problems;

import static org.backproplab.text.NumberText.format;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.engine.Activation;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;

/**
 * Looks for training problems in the engine's numbers: the forward pass over every sample (an evaluation trace),
 * the gradients of an iteration, and the loss curve.
 */
public final class Detectors {
    /** A sigmoid or tanh with {@code |z|} above this for every sample is saturated. */
    public static final double SATURATION_Z = 5;
    /** The first layer's gradient norm below this share of the last layer's is vanishing. */
    public static final double VANISHING_SHARE = 0.01;
    /** A plateau spans at least this many iterations. */
    public static final long PLATEAU_ITERATIONS = 200;
    /** … over which the loss moved by at most this share of itself. */
    public static final double PLATEAU_CHANGE = 0.01;
    /** … while still above this share of the loss at the start of the curve ("far from 0"). */
    public static final double PLATEAU_FAR = 0.1;

    private Detectors() {
    }

    /**
     * @param evaluation the forward pass over every sample with the weights now (null: the unit detectors are skipped)
     * @param gradients  a trace with the weight gradients of an iteration (null: vanishing gradients are skipped)
     * @param iterations the loss curve's iterations, ascending (may be decimated); null or empty to skip the plateau
     * @param losses     the loss at each of them
     * @return every problem found, in the order of the kinds
     */
    public static List<Problem> detect(Network net, IterationTrace evaluation, IterationTrace gradients,
                                       long[] iterations, double[] losses) {
        List<Problem> out = new ArrayList<>();
        if (evaluation != null) {
            out.addAll(deadRelus(net, evaluation));
            out.addAll(saturated(net, evaluation));
        }
        if (gradients != null) {
            Problem v = vanishing(net, gradients);
            if (v != null) {
                out.add(v);
            }
        }
        Problem p = plateau(iterations, losses);
        if (p != null) {
            out.add(p);
        }
        out.addAll(symmetric(net));
        return out;
    }

    /** @return per hidden ReLU layer, the neurons with {@code z ≤ 0} for every sample of {@code evaluation} */
    public static List<Problem> deadRelus(Network net, IterationTrace evaluation) {
        List<Problem> out = new ArrayList<>();
        for (int l = 1; l < net.depth(); l++) {
            if (net.layer(l).activation() != Activation.RELU) {
                continue;
            }
            RealMatrix z = evaluation.preActivations().get(l);
            List<Integer> dead = new ArrayList<>();
            for (int j = 0; j < z.getColumnDimension(); j++) {
                boolean never = z.getRowDimension() > 0;
                for (int k = 0; k < z.getRowDimension() && never; k++) {
                    never = z.getEntry(k, j) <= 0;
                }
                if (never) {
                    dead.add(j);
                }
            }
            if (!dead.isEmpty()) {
                out.add(new Problem(Problem.Kind.DEAD_RELU, l, dead, "z ≤ 0 for all " + z.getRowDimension() + " samples"));
            }
        }
        return out;
    }

    /**
     * @return per sigmoid or tanh hidden layer, the neurons with {@code |z| > 5} for every sample of
     *         {@code evaluation}. The output layer is left out: a network sure of every answer has a large
     *         {@code |z|} there, and that is what training is for
     */
    public static List<Problem> saturated(Network net, IterationTrace evaluation) {
        List<Problem> out = new ArrayList<>();
        for (int l = 1; l < net.depth(); l++) {
            Activation f = net.layer(l).activation();
            if (f != Activation.SIGMOID && f != Activation.TANH) {
                continue;
            }
            RealMatrix z = evaluation.preActivations().get(l);
            List<Integer> stuck = new ArrayList<>();
            double smallest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < z.getColumnDimension(); j++) {
                double min = Double.POSITIVE_INFINITY;
                for (int k = 0; k < z.getRowDimension(); k++) {
                    min = Math.min(min, Math.abs(z.getEntry(k, j)));
                }
                if (z.getRowDimension() > 0 && min > SATURATION_Z) {
                    stuck.add(j);
                    smallest = Math.min(smallest, min);
                }
            }
            if (!stuck.isEmpty()) {
                out.add(new Problem(Problem.Kind.SATURATED, l, stuck, "|z| ≥ " + format(smallest) + " for all "
                        + z.getRowDimension() + " samples"));
            }
        }
        return out;
    }

    /**
     * @return the problem if {@code ‖∂L/∂W^1‖ < 1 % · ‖∂L/∂W^L‖} (Frobenius norms) in a network of at least two
     *         weight layers whose last gradient is not 0, else null
     */
    public static Problem vanishing(Network net, IterationTrace gradients) {
        int depth = net.depth();
        if (depth < 2 || gradients.weightGradients().get(1) == null || gradients.weightGradients().get(depth) == null) {
            return null;
        }
        double first = gradients.weightGradients().get(1).getFrobeniusNorm();
        double last = gradients.weightGradients().get(depth).getFrobeniusNorm();
        if (!(last > 0) || !(first < VANISHING_SHARE * last)) {
            return null;
        }
        List<Integer> all = new ArrayList<>();
        for (int j = 0; j < net.size(1); j++) {
            all.add(j);
        }
        return new Problem(Problem.Kind.VANISHING_GRADIENT, 1, all, "‖∂L/∂W1‖ = " + format(first) + ", ‖∂L/∂W"
                + depth + "‖ = " + format(last));
    }

    /**
     * @return the problem if over the last {@value #PLATEAU_ITERATIONS} iterations (or more: back to the curve's
     *         last point at or before their start, since a drawn curve is thinned) the loss moved by at most 1 % of itself while above 10 % of the curve's first loss, else null
     */
    public static Problem plateau(long[] iterations, double[] losses) {
        if (iterations == null || losses == null || iterations.length < 2 || iterations.length != losses.length) {
            return null;
        }
        int n = iterations.length;
        long end = iterations[n - 1];
        if (end - iterations[0] < PLATEAU_ITERATIONS) {
            return null;
        }
        double last = losses[n - 1];
        double min = last;
        double max = last;
        // the window reaches back to the last point at or before its start: a thinned curve may hold only one or two
        // points inside it, which alone would always look flat
        for (int k = n - 1; k >= 0; k--) {
            min = Math.min(min, losses[k]);
            max = Math.max(max, losses[k]);
            if (iterations[k] <= end - PLATEAU_ITERATIONS) {
                break;
            }
        }
        boolean flat = Double.isFinite(last) && max - min <= PLATEAU_CHANGE * last;
        boolean far = last > PLATEAU_FAR * losses[0] && last > 0;
        if (!flat || !far) {
            return null;
        }
        return new Problem(Problem.Kind.PLATEAU, 0, List.of(), "L = " + format(last) + " for " + PLATEAU_ITERATIONS
                + " iterations, from " + format(losses[0]) + " at the start");
    }

    /**
     * @return per hidden layer, each group of two or more neurons with exactly the same incoming weights and bias
     *         and the same outgoing weights (they stay the same under gradient descent)
     */
    public static List<Problem> symmetric(Network net) {
        List<Problem> out = new ArrayList<>();
        for (int l = 1; l < net.depth(); l++) {
            Layer in = net.layer(l);
            Layer above = net.layer(l + 1);
            boolean[] grouped = new boolean[in.size()];
            for (int a = 0; a < in.size(); a++) {
                if (grouped[a]) {
                    continue;
                }
                List<Integer> same = new ArrayList<>(List.of(a));
                for (int b = a + 1; b < in.size(); b++) {
                    if (!grouped[b] && twins(in, above, a, b)) {
                        same.add(b);
                        grouped[b] = true;
                    }
                }
                if (same.size() > 1) {
                    out.add(new Problem(Problem.Kind.SYMMETRIC_UNITS, l, same, same.size() + " neurons alike"));
                }
            }
        }
        return out;
    }

    private static boolean twins(Layer in, Layer above, int a, int b) {
        for (int i = 0; i < in.inputSize(); i++) {
            if (in.weight(i, a) != in.weight(i, b)) {
                return false;
            }
        }
        if (in.hasBias() && in.bias(a) != in.bias(b)) {
            return false;
        }
        for (int k = 0; k < above.size(); k++) {
            if (above.weight(a, k) != above.weight(b, k)) {
                return false;
            }
        }
        return true;
    }
}

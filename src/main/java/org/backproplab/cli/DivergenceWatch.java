package org.backproplab.cli;

import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.data.Dataset;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainerState;
import org.backproplab.session.TrainingSession;
import org.backproplab.text.NumberText;
import org.backproplab.text.ParameterNames;
import org.backproplab.text.TerminalText;

/**
 * Watches a {@code train} run for divergence, as the window does, and keeps a state worth saving when it comes.
 *
 * <p>The run has diverged when the trainer says so after a step (the batch loss or a weight became NaN or
 * infinite) or when the loss over all samples, measured at a checkpoint, is not finite. At each checkpoint whose
 * loss {@code L} is finite, the weights are finite and {@code L ≤} {@value TrainingSession#RESCUE_FACTOR} × the
 * lowest loss checked so far, the trainer's state is kept (a {@link TrainerState} snapshot: one copy of the
 * weights per checkpoint). That is the window's rule for "back to the last finite state": by the time a weight
 * overflows, the last finite weights are often around {@code 1e37}, beyond rescue. The state the run starts from
 * is the first checkpoint.
 */
final class DivergenceWatch {
    /**
     * Where and how a run diverged.
     *
     * @param iteration the updates the weights had had when it was found
     * @param what      what became NaN or infinite, e.g. {@code the loss became NaN (not a number)} or
     *                  {@code weight W1[2,3] became infinite} (names from a file escaped for a terminal)
     */
    record Divergence(long iteration, String what) {
    }

    private final Dataset data;
    private TrainerState kept;
    private double keptLoss;
    private double lowest = Double.POSITIVE_INFINITY;

    /** Starts watching {@code t} at its current state, the first checkpoint. */
    DivergenceWatch(Trainer t, Dataset data) {
        this.data = data;
        double loss = t.evaluate().loss();
        kept = t.state();
        keptLoss = loss;
        if (Double.isFinite(loss)) {
            lowest = loss;
        }
    }

    /**
     * After each step.
     *
     * @param batchLoss what {@link Trainer#step()} returned
     * @return the divergence if the trainer found one in this step, else null
     */
    Divergence afterStep(Trainer t, double batchLoss) {
        if (!t.isDiverged()) {
            return null;
        }
        String weight = firstNonFinite(t.network());
        String what = !Double.isFinite(batchLoss) ? "the loss became " + spelled(batchLoss)
                : weight != null ? weight : "the loss became " + spelled(t.evaluate().loss());
        return new Divergence(t.iteration(), what);
    }

    /**
     * At a checkpoint: keeps the state if it is in range.
     *
     * @param loss the loss over all samples with the weights now
     * @return the divergence if {@code loss} or a weight is not finite, else null
     */
    Divergence checkpoint(Trainer t, double loss) {
        String weight = firstNonFinite(t.network());
        if (weight != null) {
            return new Divergence(t.iteration(), weight);
        }
        if (!Double.isFinite(loss)) {
            return new Divergence(t.iteration(), "the loss over all samples became " + spelled(loss)
                    + firstNonFiniteOutput(t.network()));
        }
        lowest = Math.min(lowest, loss);
        if (loss <= TrainingSession.RESCUE_FACTOR * lowest) {
            kept = t.state();
            keptLoss = loss;
        }
        return null;
    }

    /** @return the last state kept: finite weights, and a finite loss in range unless the run started without one */
    TrainerState kept() {
        return kept;
    }

    /** @return the loss over all samples of {@link #kept()} */
    double keptLoss() {
        return keptLoss;
    }

    private static String spelled(double v) {
        return Double.isNaN(v) ? "NaN (not a number)" : "infinite";
    }

    /** @return e.g. {@code weight W1[2,3] became infinite}, for the first parameter that is not finite, or null */
    private static String firstNonFinite(Network n) {
        for (int l = 1; l <= n.depth(); l++) {
            Layer layer = n.layer(l);
            for (int from = 0; from < layer.inputSize(); from++) {
                for (int to = 0; to < layer.size(); to++) {
                    double w = layer.weight(from, to);
                    if (!Double.isFinite(w)) {
                        return "weight " + ParameterNames.weight(l, from, to) + " became " + spelled(w);
                    }
                }
            }
            for (int to = 0; layer.hasBias() && to < layer.size(); to++) {
                double b = layer.bias(to);
                if (!Double.isFinite(b)) {
                    return "bias " + ParameterNames.bias(l, to) + " became " + spelled(b);
                }
            }
        }
        return null;
    }

    /** @return e.g. {@code  (the output y1 of sample 'Alice' is infinite)}, or empty if every output is finite */
    private String firstNonFiniteOutput(Network n) {
        RealMatrix y = n.predict(data.inputs());
        for (int r = 0; r < y.getRowDimension(); r++) {
            for (int c = 0; c < y.getColumnDimension(); c++) {
                double v = y.getEntry(r, c);
                if (!Double.isFinite(v)) {
                    return " (the output " + TerminalText.escape(data.targetNames().get(c)) + " of sample '"
                            + TerminalText.escape(data.label(r)) + "' is " + spelled(v) + ")";
                }
            }
        }
        return "";
    }

    /**
     * @return the window's explanation of this divergence at learning rate {@code eta}, with what to try on the
     *         command line
     */
    String explanation(double eta) {
        String smaller = NumberText.editable(eta / 10);
        if (!Double.isFinite(keptLoss) || eta == 0) {
            return "the loss was not finite " + (eta == 0 ? "although η = 0 changes no weight" : "from the start")
                    + ": an input or a weight is too large for this network.";
        }
        return eta > 0.1
                ? "η = " + NumberText.format(eta) + " is too large for this network: each update overshot the minimum, "
                + "the loss grew instead of shrinking, and the numbers overflowed. Try a smaller η, e.g. --learning-rate "
                + smaller + "."
                : "the numbers overflowed even though η = " + NumberText.format(eta) + " is small: an input or a weight "
                + "may be very large, or the gradients explode in this network. Try --learning-rate " + smaller
                + " or smaller inputs.";
    }
}

package org.backproplab.engine.exercise;

import static org.backproplab.text.NumberText.format;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.backproplab.engine.Phase;
import org.backproplab.engine.TrainingConfig;

/**
 * Generates one predict-then-reveal question from the state before a phase runs. The answer is worked out from the
 * engine's own numbers: the preview of the iteration with the weights now ({@code Trainer.preview()}: forward, loss
 * and backward of its batch) and, for the update, a forward pass with {@code W − η·∂L/∂W}.
 */
public final class Questions {
    private Questions() {
    }

    /**
     * @param now      the weights now
     * @param preview  forward, loss and backward of the iteration the next phase belongs to, with {@code now}
     * @param next     the phase that runs next; at an iteration boundary (a whole step), the first
     * @param boundary true if a whole iteration runs next (a step), false for one phase
     * @param row      the batch row of the sample on show
     * @param edge     the weight asked about ({@code {l, i, j}}), or null for the first weight into the output
     * @param turn     which of the questions that fit to ask (any number: they take turns)
     * @return the question, or null if none fits this phase (the update questions need momentum 0)
     */
    public static Question next(Network now, IterationTrace preview, TrainingConfig config, Phase next,
                                boolean boundary, int row, int[] edge, Quantity.Names names, int turn) {
        List<Question> fits = new ArrayList<>();
        int depth = now.depth();
        boolean update = boundary || next.kind() == Phase.Kind.UPDATE;
        if (!boundary && next.kind() == Phase.Kind.FORWARD && now.size(next.layer()) > 1) {
            fits.add(largest(Question.Kind.LARGEST_ACTIVATION, preview.activations().get(next.layer()), next, row, names));
        }
        if (!boundary && next.kind() == Phase.Kind.BACKWARD && next.layer() < depth && now.size(next.layer()) > 1) {
            fits.add(largest(Question.Kind.LARGEST_DELTA, preview.deltas().get(next.layer()), next, row, names));
        }
        // the update questions work out w − η·∂L/∂w: plain gradient descent on the data loss only
        if (update && config.optimizer().kind() == org.backproplab.engine.Optimizer.Kind.SGD
                && config.regularization().isOff()) {
            Phase at = new Phase(Phase.Kind.UPDATE, 0);
            int[] e = edge != null && edge.length == 3 && edge[0] >= 1 && edge[0] <= depth && edge[1] >= 0
                    && edge[1] < now.layer(edge[0]).inputSize() && edge[2] >= 0 && edge[2] < now.size(edge[0])
                    ? edge : new int[] {depth, 0, 0};
            fits.add(weightDirection(now, preview, config, e, names, at));
            Network after = stepped(now, preview, config.learningRate());
            fits.add(lossDown(after, preview, config.loss(), at));
            fits.add(towardTarget(after, preview, row, names, at));
        }
        return fits.isEmpty() ? null : fits.get(Math.floorMod(turn, fits.size()));
    }

    /** "Which … is largest in magnitude?" over the neurons of a layer, for the sample on show. */
    private static Question largest(Question.Kind kind, RealMatrix values, Phase p, int row, Quantity.Names names) {
        int l = p.layer();
        boolean delta = kind == Question.Kind.LARGEST_DELTA;
        List<String> choices = new ArrayList<>();
        int best = 0;
        StringBuilder numbers = new StringBuilder();
        for (int j = 0; j < values.getColumnDimension(); j++) {
            choices.add(names.neuron(l, j));
            double v = values.getEntry(row, j);
            if (Math.abs(v) > Math.abs(values.getEntry(row, best))) {
                best = j;
            }
            numbers.append(j > 0 ? ", " : "").append(names.neuron(l, j)).append(": ").append(format(v));
        }
        String what = delta ? "δ" : "activation a";
        String text = "Which neuron of layer " + l + " will have the largest " + what
                + (delta ? " in magnitude" : "") + " for this sample?";
        String reason = (delta ? "|δ| is largest at " : "a is largest at ") + names.neuron(l, best) + " (" + numbers + ").";
        return new Question(kind, text, choices, best, reason, p);
    }

    private static Question weightDirection(Network now, IterationTrace preview, TrainingConfig config, int[] e,
                                            Quantity.Names names, Phase at) {
        double g = preview.weightGradients().get(e[0]).getEntry(e[1], e[2]);
        double dw = -config.learningRate() * g;
        String name = "W" + e[0] + " " + names.neuron(e[0] - 1, e[1]) + "→" + names.neuron(e[0], e[2]);
        int answer = dw > 0 ? 0 : dw < 0 ? 1 : 2;
        String reason = "∂L/∂w = " + format(g) + ", so Δw = −η·∂L/∂w = " + format(dw) + ": "
                + (answer == 0 ? "up" : answer == 1 ? "down" : "it stays") + " (from " + format(now.layer(e[0]).weight(e[1], e[2]))
                + " to " + format(now.layer(e[0]).weight(e[1], e[2]) + dw) + ").";
        return new Question(Question.Kind.WEIGHT_DIRECTION, "Will the weight " + name + " go up or down in this update?",
                List.of("Up", "Down", "Stays the same"), answer, reason, at);
    }

    private static Question lossDown(Network after, IterationTrace preview, Loss loss, Phase at) {
        RealMatrix yHat = after.predict(preview.inputs());
        RealMatrix y = preview.targets();
        double sum = 0;
        for (int k = 0; k < y.getRowDimension(); k++) {
            for (int o = 0; o < y.getColumnDimension(); o++) {
                sum += loss.sampleValue(yHat.getEntry(k, o), y.getEntry(k, o));
            }
        }
        double lossAfter = sum * loss.batchFactor(y.getRowDimension());
        boolean down = lossAfter < preview.loss();
        String reason = "The loss on this batch goes from " + format(preview.loss()) + " to " + format(lossAfter)
                + (down ? ": down." : ": not down (a step too large for this spot overshoots).");
        return new Question(Question.Kind.LOSS_DOWN, "Will the loss on this batch go down after this update?",
                List.of("Yes, down", "No"), down ? 0 : 1, reason, at);
    }

    private static Question towardTarget(Network after, IterationTrace preview, int row, Quantity.Names names,
                                          Phase at) {
        int depth = after.depth();
        double before = preview.activations().get(depth).getEntry(row, 0);
        double y = preview.targets().getEntry(row, 0);
        double now = after.predict(preview.inputs().getRow(row))[0];
        boolean toward = Math.abs(now - y) < Math.abs(before - y);
        String reason = names.neuron(depth, 0) + " goes from " + format(before) + " to " + format(now) + " with target y = "
                + format(y) + (toward ? ": towards it." : ": not towards it (the other samples of the batch pull too).");
        return new Question(Question.Kind.TOWARD_TARGET, "Will " + names.neuron(depth, 0)
                + " for this sample move towards its target after this update?", List.of("Yes, towards y", "No"),
                toward ? 0 : 1, reason, at);
    }

    /** @return a copy of {@code now} after plain gradient descent on the preview's gradients */
    static Network stepped(Network now, IterationTrace preview, double eta) {
        Network after = now.copy();
        for (int l = 1; l <= after.depth(); l++) {
            Layer layer = after.layer(l);
            layer.weights().setSubMatrix(layer.weights().subtract(preview.weightGradients().get(l).scalarMultiply(eta))
                    .getData(), 0, 0);
            if (layer.hasBias()) {
                layer.bias().setSubVector(0, layer.bias().subtract(preview.biasGradients().get(l).mapMultiply(eta)));
            }
        }
        return after;
    }
}

package org.backproplab.engine.exercise;

import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.backproplab.engine.Phase;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainingConfig;

/**
 * A 2-2-1 sigmoid network on the four XOR samples with literal weights, trained full-batch by the engine; for a loss
 * that needs a softmax output (cross-entropy), a 2-2-2 network with a softmax output and one-hot targets.
 */
final class ExerciseNets {
    static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    static final double[][] Y = {{0}, {1}, {1}, {0}};
    /** XOR as two classes, one-hot: (is 0, is 1). */
    static final double[][] Y_ONE_HOT = {{1, 0}, {0, 1}, {0, 1}, {1, 0}};
    static final double ETA = 0.5;

    private ExerciseNets() {
    }

    static Network network() {
        Layer hidden = new Layer(2, 2, Activation.SIGMOID, true);
        double[][] w1 = {{0.15, -0.40}, {0.65, 0.30}};
        hidden.weights().setSubMatrix(w1, 0, 0);
        hidden.bias().setEntry(0, 0.1);
        hidden.bias().setEntry(1, -0.2);
        Layer out = new Layer(2, 1, Activation.SIGMOID, true);
        out.weights().setEntry(0, 0, 0.7);
        out.weights().setEntry(1, 0, -0.35);
        out.bias().setEntry(0, 0.05);
        return new Network(2, List.of(hidden, out));
    }

    /** @return the hidden layer of {@link #network()} under a softmax output of two neurons */
    static Network softmaxNetwork() {
        Layer hidden = network().layer(1);
        Layer out = new Layer(2, 2, Activation.SOFTMAX, true);
        out.weights().setSubMatrix(new double[][] {{0.7, -0.2}, {-0.35, 0.45}}, 0, 0);
        out.bias().setEntry(0, 0.05);
        out.bias().setEntry(1, -0.1);
        return new Network(2, List.of(hidden, out));
    }

    static TrainingConfig config(Loss loss) {
        return new TrainingConfig(loss, ETA, BatchMode.FULL, 0, false, Initializer.XAVIER, 1);
    }

    static Trainer trainer(Loss loss) {
        if (loss.needsSoftmax()) {
            return new Trainer(softmaxNetwork(), MatrixUtils.createRealMatrix(X), MatrixUtils.createRealMatrix(Y_ONE_HOT),
                    config(loss));
        }
        return new Trainer(network(), MatrixUtils.createRealMatrix(X), MatrixUtils.createRealMatrix(Y), config(loss));
    }

    /** @return the worksheet after the engine has run phases up to and including {@code phase} */
    static Worksheet after(Trainer t, Phase phase, int row) {
        while (true) {
            Phase ran = t.stepPhase();
            if (ran.equals(phase)) {
                IterationTrace trace = t.trace();
                return Worksheet.of(t.network(), trace, t.config(), row);
            }
        }
    }
}

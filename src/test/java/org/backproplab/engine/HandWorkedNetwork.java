package org.backproplab.engine;

import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;

/**
 * The 2-2-1 sigmoid network with biases that the tests work by hand: W¹ = [[0.15, 0.25], [0.20, 0.30]],
 * b¹ = [0.35, −0.1], W² = [[0.40], [0.45]], b² = [0.60]; samples (0.05, 0.10) → 0.01 and (−0.2, 0.4) → 0.99;
 * mse, full batch.
 */
public final class HandWorkedNetwork {
    private HandWorkedNetwork() {
    }

    /** @return a trainer on a fresh copy of the network, with learning rate {@code eta} */
    public static Trainer trainer(double eta) {
        Layer hidden = new Layer(2, 2, Activation.SIGMOID, true);
        hidden.weights().setSubMatrix(new double[][] {{0.15, 0.25}, {0.20, 0.30}}, 0, 0);
        hidden.bias().setEntry(0, 0.35);
        hidden.bias().setEntry(1, -0.1);
        Layer out = new Layer(2, 1, Activation.SIGMOID, true);
        out.weights().setSubMatrix(new double[][] {{0.40}, {0.45}}, 0, 0);
        out.bias().setEntry(0, 0.60);
        TrainingConfig config = new TrainingConfig(Loss.MSE, eta, BatchMode.FULL, 0.0, false, Initializer.NORMAL, 1);
        return new Trainer(new Network(2, List.of(hidden, out)),
                MatrixUtils.createRealMatrix(new double[][] {{0.05, 0.10}, {-0.2, 0.4}}),
                MatrixUtils.createRealMatrix(new double[][] {{0.01}, {0.99}}), config);
    }
}

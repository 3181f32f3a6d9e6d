package org.backproplab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;

/**
 * The δ that "Compare losses" shows for each loss is the δ the engine computes when it trains with that loss, from
 * the same weights and sample.
 */
class LossComparisonTest {
    private static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    private static Network net(Activation out, int outputs, double outScale) {
        Layer hidden = new Layer(2, 2, Activation.SIGMOID, true);
        hidden.weights().setSubMatrix(new double[][] {{0.15, -0.40}, {0.65, 0.30}}, 0, 0);
        hidden.bias().setEntry(0, 0.1);
        Layer o = new Layer(2, outputs, out, true);
        for (int k = 0; k < outputs; k++) {
            o.weights().setEntry(0, k, outScale * (0.7 - 0.3 * k));
            o.weights().setEntry(1, k, outScale * (-0.35 + 0.4 * k));
            o.bias().setEntry(k, outScale * (0.5 - 0.2 * k));
        }
        return new Network(2, List.of(hidden, o));
    }

    /** @return the trace after the engine has run the output layer's backward phase */
    private static IterationTrace outputBackward(Network n, double[][] y, Loss loss) {
        Trainer t = new Trainer(n, MatrixUtils.createRealMatrix(X), MatrixUtils.createRealMatrix(y),
                new TrainingConfig(loss, 0.5, BatchMode.FULL, 0, false, Initializer.XAVIER, 1));
        while (!t.stepPhase().equals(new Phase(Phase.Kind.BACKWARD, n.depth()))) {
            // run up to it
        }
        return t.trace();
    }

    private static void check(Activation out, double[][] y, Loss crossEntropy, double outScale) {
        int outputs = y[0].length;
        IterationTrace ce = outputBackward(net(out, outputs, outScale), y, crossEntropy);
        IterationTrace se = outputBackward(net(out, outputs, outScale), y, Loss.MSE);
        for (int r = 0; r < X.length; r++) {
            for (int j = 0; j < outputs; j++) {
                double[] d = LossComparison.deltas(out, ce.activations().get(2).getRow(r), ce.targets().getRow(r), j, 4);
                String where = out + " row " + r + " output " + j;
                assertEquals(ce.deltas().get(2).getEntry(r, j), d[0], 1e-15, where + ": cross-entropy");
                assertEquals(se.deltas().get(2).getEntry(r, j), d[1], 1e-15, where + ": squared error");
            }
        }
    }

    @Test
    void aSigmoidOutputsDeltasAreTheEnginesUnderBothLosses() {
        check(Activation.SIGMOID, new double[][] {{0}, {1}, {1}, {0}}, Loss.BCE, 1);
    }

    @Test
    void aSoftmaxOutputsDeltasAreTheEnginesUnderBothLosses() {
        check(Activation.SOFTMAX, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}}, Loss.CROSS_ENTROPY, 1);
    }

    @Test
    void aSaturatedWrongOutputLearnsSlowlyWithSquaredError() {
        // output weights ×10: ŷ near 1 where y = 0, σ'(z) tiny
        IterationTrace t = outputBackward(net(Activation.SIGMOID, 1, 10), new double[][] {{0}, {1}, {1}, {0}}, Loss.BCE);
        double[] yHat = t.activations().get(2).getRow(0);
        double[] d = LossComparison.deltas(Activation.SIGMOID, yHat, t.targets().getRow(0), 0, 4);
        assertTrue(yHat[0] > 0.99, "saturated: ŷ = " + yHat[0]);
        assertTrue(Math.abs(d[0]) > 50 * Math.abs(d[1]), "cross-entropy " + d[0] + " against squared error " + d[1]);
        List<String> lines = LossComparison.lines(Activation.SIGMOID, yHat, t.targets().getRow(0), 0, 4);
        assertTrue(lines.get(lines.size() - 1).contains("× smaller"), String.join("\n", lines));
    }
}

package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.backproplab.engine.HandWorkedExampleTest.assertMatrix;
import static org.backproplab.engine.HandWorkedExampleTest.assertVector;

import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * Softmax with categorical cross-entropy: a 2-2-3 network (tanh hidden layer, softmax output, biases) worked
 * through one iteration by hand, the numerical safety of log-sum-exp, the softmax Jacobian against central
 * differences, and the combinations that are refused. The literals were computed independently with numpy
 * (float64) from the formulas beside them:
 * <pre>
 * X = [[0.5, −1.0], [1.5, 0.25]]   Y = [[0, 0, 1], [1, 0, 0]]   (classes 2 and 0, one-hot)
 * W1 = [[0.1, −0.3], [0.4, 0.2]]  b1 = [0.05, −0.1]
 * W2 = [[0.3, −0.2, 0.5], [−0.6, 0.4, 0.1]]  b2 = [0.1, 0.0, −0.1]   η = 0.5, full batch (n = 2)
 * </pre>
 */
class SoftmaxCrossEntropyTest {
    /** numpy and the engine may round sums in another order: a few ulps (as {@link HandWorkedExampleTest}). */
    static final double TOLERANCE = HandWorkedExampleTest.TOLERANCE;
    static final double ETA = 0.5;
    static final double STEP = 1e-6;
    /** Central differences with h = 1e-6 on functions of size ~1: truncation ~1e-12, rounding ~1e-10. */
    static final double DERIVATIVE_TOLERANCE = 1e-8;

    static Trainer handWorked() {
        Layer hidden = new Layer(2, 2, Activation.TANH, true);
        hidden.weights().setSubMatrix(new double[][] {{0.1, -0.3}, {0.4, 0.2}}, 0, 0);
        hidden.bias().setEntry(0, 0.05);
        hidden.bias().setEntry(1, -0.1);
        Layer out = new Layer(2, 3, Activation.SOFTMAX, true);
        out.weights().setSubMatrix(new double[][] {{0.3, -0.2, 0.5}, {-0.6, 0.4, 0.1}}, 0, 0);
        out.bias().setEntry(0, 0.1);
        out.bias().setEntry(2, -0.1);
        TrainingConfig config = new TrainingConfig(Loss.CROSS_ENTROPY, ETA, BatchMode.FULL, 0.0, false,
                Initializer.XAVIER, 1);
        return new Trainer(new Network(2, List.of(hidden, out)),
                MatrixUtils.createRealMatrix(new double[][] {{0.5, -1.0}, {1.5, 0.25}}),
                MatrixUtils.createRealMatrix(new double[][] {{0, 0, 1}, {1, 0, 0}}), config);
    }

    @Test
    void oneIterationByHand() {
        Trainer trainer = handWorked();
        trainer.step();
        IterationTrace t = trainer.trace();
        // z1 = X·W1 + b1, a1 = tanh(z1)
        assertMatrix(new double[][] {{-0.30000000000000004, -0.44999999999999996}, {0.3, -0.5}},
                t.preActivations().get(1), "z1");
        assertMatrix(new double[][] {{-0.29131261245159096, -0.4218990052500079},
                {0.2913126124515909, -0.46211715726000974}}, t.activations().get(1), "a1");
        // z2 = a1·W2 + b2, ŷ = softmax(z2) = e^{z − max z} / Σ e^{z − max z}
        assertMatrix(new double[][] {{0.26574561941452746, -0.11049707960968498, -0.2878462067507963},
                {0.46466407809148313, -0.2431093853943221, -0.0005554095002055365}}, t.preActivations().get(2), "z2");
        assertMatrix(new double[][] {{0.44222018702121996, 0.30355573050671725, 0.2542240824720629},
                {0.471534114257568, 0.23234375754884765, 0.29612212819358424}}, t.output(), "ŷ");
        // per sample −Σ y ln ŷ = Σ y (logsumexp(z2) − z2); L = mean over the two samples
        assertArrayEquals(new double[] {1.3695391864291087, 0.7517638269118069}, t.sampleLosses(), TOLERANCE);
        assertEquals(1.0606515066704578, t.loss(), TOLERANCE, "L");
        // ∂L/∂ŷ = −y/ŷ/n
        assertMatrix(new double[][] {{0, 0, -1.9667688251168958}, {-1.060368666617582, 0, 0}}, t.outputGradient(),
                "∂L/∂ŷ");
        // δ2 = (ŷ − y)/n; δ1 = (δ2·W2ᵀ) ⊙ (1 − a1²)
        assertMatrix(new double[][] {{0.22111009351060998, 0.15177786525335862, -0.3728879587639685},
                {-0.264232942871216, 0.11617187877442382, 0.14806106409679212}}, t.deltas().get(2), "δ2");
        assertMatrix(new double[][] {{-0.13769747797724335, -0.08979846053535806},
                {-0.02605735962318763, 0.1728727124361497}}, t.deltas().get(1), "δ1");
        // ∂L/∂W = (a_prev)ᵀ·δ, ∂L/∂b = Σ_samples δ
        assertMatrix(new double[][] {{-0.10793477842340313, 0.21440983838654554},
                {0.13118313807144644, 0.1330166386443955}}, t.weightGradients().get(1), "∂L/∂W1");
        assertVector(new double[] {-0.16375483760043097, 0.08307425190079165}, t.biasGradients().get(1), "∂L/∂b1");
        assertMatrix(new double[][] {{-0.14138654786357727, -0.010372472940094527, 0.15175902080367176},
                {0.02882044791123032, -0.11771994874215294, 0.08889950083092261}}, t.weightGradients().get(2), "∂L/∂W2");
        assertVector(new double[] {-0.043122849360606036, 0.26794974402778243, -0.2248268946671764},
                t.biasGradients().get(2), "∂L/∂b2");
        // W ← W − η ∂L/∂W
        Network net = trainer.network();
        assertMatrix(new double[][] {{0.15396738921170156, -0.40720491919327273},
                {0.3344084309642768, 0.13349168067780226}}, net.layer(1).weights(), "W1 after");
        assertVector(new double[] {0.13187741880021547, -0.14153712595039583}, net.layer(1).bias(), "b1 after");
        assertMatrix(new double[][] {{0.37069327393178864, -0.19481376352995275, 0.4241204895981641},
                {-0.6144102239556152, 0.4588599743710765, 0.0555502495845387}}, net.layer(2).weights(), "W2 after");
        assertVector(new double[] {0.12156142468030302, -0.13397487201389122, 0.012413447333588193},
                net.layer(2).bias(), "b2 after");
    }

    @Test
    void softmaxAndItsLossStayFiniteForHugePreActivations() {
        double[] a = Activation.SOFTMAX.apply(new double[] {1000, -1000, 0});
        assertArrayEquals(new double[] {1, 0, 0}, a, 0.0, "no overflow: e^{1000} is never formed");
        assertEquals(1000.0, Kernels.logSumExp(new double[] {1000, -1000, 0}), 0.0);
        // a network that is sure of the wrong class: z = (1000, 0, −1000) for a sample of class 2
        Layer out = new Layer(1, 3, Activation.SOFTMAX, true);
        out.bias().setEntry(0, 1000);
        out.bias().setEntry(2, -1000);
        TrainingConfig config = new TrainingConfig(Loss.CROSS_ENTROPY, 0.1, BatchMode.FULL, 0.0, false,
                Initializer.XAVIER, 1);
        Trainer t = new Trainer(new Network(1, List.of(out)), MatrixUtils.createRealMatrix(new double[][] {{0}}),
                MatrixUtils.createRealMatrix(new double[][] {{0, 0, 1}}), config);
        double loss = t.step();
        assertEquals(2000.0, loss, 0.0, "−ln ŷ_2 = logsumexp(z) − z_2 = 1000 + 1000, not ln 0 = −∞");
        assertArrayEquals(new double[] {1, 0, -1}, t.trace().deltas().get(1).getRow(0), 0.0, "δ = ŷ − y");
        assertTrue(!t.isDiverged());
    }

    @Test
    void softmaxJacobianProductMatchesFiniteDifferences() {
        double[] z = {0.3, -1.2, 2.0, 0.1};
        double[] g = {0.7, -0.4, 1.5, -2.0};
        double[] d = Activation.SOFTMAX.backpropagate(z, g);
        for (int j = 0; j < z.length; j++) {
            double[] plus = z.clone();
            double[] minus = z.clone();
            plus[j] += STEP;
            minus[j] -= STEP;
            double numeric = (dot(g, Activation.SOFTMAX.apply(plus)) - dot(g, Activation.SOFTMAX.apply(minus))) / (2 * STEP);
            assertEquals(numeric, d[j], DERIVATIVE_TOLERANCE, "∂(g·softmax(z))/∂z_" + j);
        }
        assertEquals(1.0, java.util.Arrays.stream(Activation.SOFTMAX.apply(z)).sum(), 1e-15, "probabilities sum to 1");
    }

    @Test
    void softmaxHasNoPerNeuronValue() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Activation.SOFTMAX.value(0.5));
        assertTrue(e.getMessage().contains("whole layer"), e.getMessage());
    }

    @Test
    void softmaxOnAHiddenLayerOrOneNeuronIsRefused() {
        List<LayerSpec> hidden = List.of(new LayerSpec(3, Activation.SOFTMAX, true), new LayerSpec(2, Activation.SIGMOID, true));
        LossActivationTest.assertMessageNames("output layer (2) only",
                () -> Network.create(2, hidden, Initializer.XAVIER, 1));
        List<LayerSpec> one = List.of(new LayerSpec(1, Activation.SOFTMAX, true));
        LossActivationTest.assertMessageNames("at least 2", () -> Network.create(2, one, Initializer.XAVIER, 1));
        LossActivationTest.assertMessageNames("layer 1 is softmax",
                () -> new Network(2, List.of(new Layer(2, 3, Activation.SOFTMAX, true), new Layer(3, 2, Activation.SOFTMAX, true))));
    }

    @Test
    void crossEntropyWithoutSoftmaxIsRefusedAndChangesNothing() {
        Network net = Network.create(1, List.of(new LayerSpec(3, Activation.SIGMOID, true)), Initializer.XAVIER, 1);
        RealMatrix x = MatrixUtils.createRealMatrix(new double[][] {{0}});
        RealMatrix y = MatrixUtils.createRealMatrix(new double[][] {{0, 0, 1}});
        TrainingConfig ce = new TrainingConfig(Loss.CROSS_ENTROPY, 0.1, BatchMode.FULL, 0.0, false, Initializer.XAVIER, 1);
        LossActivationTest.assertMessageNames("needs a softmax output layer, but the output layer is sigmoid",
                () -> new Trainer(net, x, y, ce));
        Trainer t = new Trainer(net, x, y, ce.withLoss(Loss.MSE));
        LossActivationTest.assertMessageNames("cross-entropy", () -> t.setConfig(ce));
        assertEquals(Loss.MSE, t.config().loss(), "the refused loss was not applied");
    }

    @Test
    void softmaxWithSquaredErrorUsesTheFullJacobian() {
        Layer out = new Layer(1, 3, Activation.SOFTMAX, true);
        out.bias().setEntry(0, 0.5);
        out.bias().setEntry(1, -0.5);
        TrainingConfig mse = new TrainingConfig(Loss.MSE, 0.1, BatchMode.FULL, 0.0, false, Initializer.XAVIER, 1);
        Trainer t = new Trainer(new Network(1, List.of(out)), MatrixUtils.createRealMatrix(new double[][] {{0}}),
                MatrixUtils.createRealMatrix(new double[][] {{1, 0, 0}}), mse);
        t.step();
        double[] yHat = t.trace().output().getRow(0);
        double[] g = {2 * (yHat[0] - 1), 2 * yHat[1], 2 * yHat[2]};
        double ga = dot(g, yHat);
        double[] d = t.trace().deltas().get(1).getRow(0);
        for (int j = 0; j < 3; j++) {
            assertEquals(yHat[j] * (g[j] - ga), d[j], 1e-16, "δ_" + j + " = ŷ_j (g_j − Σ g_k ŷ_k)");
        }
        assertTrue(Math.abs(d[0] - 2 * (yHat[0] - 1) * yHat[0] * (1 - yHat[0])) > 1e-3,
                "not the element-wise ŷ(1 − ŷ) a per-neuron derivative would give");
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }
}

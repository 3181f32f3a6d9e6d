package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 2-2-1 sigmoid network with biases, mse, full batch of two samples, η = 0.5, worked through one
 * iteration. The literals were computed independently with numpy (float64) from the formulas beside them:
 * <pre>
 * X = [[0.05, 0.10], [-0.2, 0.4]]   y = [[0.01], [0.99]]
 * W1 = [[0.15, 0.25], [0.20, 0.30]]  b1 = [0.35, -0.1]   W2 = [[0.40], [0.45]]  b2 = [0.60]
 * </pre>
 */
class HandWorkedExampleTest {
    /** numpy and the engine may round sums in another order: a few ulps. */
    static final double TOLERANCE = 1e-15;
    static final double ETA = 0.5;

    private Trainer trainer;

    @BeforeEach
    void setUp() {
        trainer = HandWorkedNetwork.trainer(ETA);
    }

    @Test
    void oneIterationByHand() {
        trainer.step();
        IterationTrace t = trainer.trace();
        // z1 = X·W1 + b1, a1 = σ(z1)
        assertMatrix(new double[][] {{0.3775, -0.0575}, {0.39999999999999997, -0.030000000000000013}},
                t.preActivations().get(1), "z1");
        assertMatrix(new double[][] {{0.5932699921071872, 0.4856289593029398}, {0.598687660112452, 0.4925005624493796}},
                t.activations().get(1), "a1");
        // z2 = a1·W2 + b2, ŷ = a2 = σ(z2)
        assertMatrix(new double[][] {{1.0558410285291977}, {1.0611003171472015}}, t.preActivations().get(2), "z2");
        assertMatrix(new double[][] {{0.7418949585780338}, {0.7429007611825346}}, t.output(), "a2");
        // per sample (ŷ − y)²; L = mean over the two samples
        assertArrayEquals(new double[] {0.5356702303919417, 0.06105803382417081}, t.sampleLosses(), TOLERANCE);
        assertEquals(0.2983641321080563, t.loss(), TOLERANCE, "L");
        // ∂L/∂ŷ = 2(ŷ − y)/n
        assertMatrix(new double[][] {{0.7318949585780338}, {-0.24709923881746543}}, t.outputGradient(), "∂L/∂ŷ");
        // δ2 = ∂L/∂ŷ ⊙ a2(1 − a2);  δ1 = (δ2·W2ᵀ) ⊙ a1(1 − a1)
        assertMatrix(new double[][] {{0.14014824478982943}, {-0.047195761930336644}}, t.deltas().get(2), "δ2");
        assertMatrix(new double[][] {{0.013527148309181412, 0.015753652572345025},
                {-0.004535715582888942, -0.005308328753612574}}, t.deltas().get(1), "δ1");
        // ∂L/∂W1 = Xᵀ·δ1, ∂L/∂b1 = Σ_samples δ1; ∂L/∂W2 = a1ᵀ·δ2, ∂L/∂b2 = Σ_samples δ2
        assertMatrix(new double[][] {{0.001583500532036859, 0.0018493483793397662},
                {-0.00046157140223743566, -0.0005479662442105273}}, t.weightGradients().get(1), "∂L/∂W1");
        assertVector(new double[] {0.008991432726292471, 0.010445323818732451}, t.biasGradients().get(1), "∂L/∂b1");
        assertMatrix(new double[][] {{0.05489022780300066}, {0.0448161069695007}}, t.weightGradients().get(2), "∂L/∂W2");
        assertVector(new double[] {0.09295248285949279}, t.biasGradients().get(2), "∂L/∂b2");
        // ΔW = −η·∂L/∂W, Δb = −η·∂L/∂b
        assertMatrix(new double[][] {{-0.0007917502660184295, -0.0009246741896698831},
                {0.00023078570111871783, 0.00027398312210526367}}, t.weightUpdates().get(1), "ΔW1");
        assertVector(new double[] {-0.004495716363146236, -0.0052226619093662255}, t.biasUpdates().get(1), "Δb1");
        assertMatrix(new double[][] {{-0.02744511390150033}, {-0.02240805348475035}}, t.weightUpdates().get(2), "ΔW2");
        assertVector(new double[] {-0.04647624142974639}, t.biasUpdates().get(2), "Δb2");
        // W ← W + ΔW
        Network n = trainer.network();
        assertMatrix(new double[][] {{0.14920824973398156, 0.24907532581033012},
                {0.20023078570111874, 0.30027398312210524}}, n.layer(1).weights(), "new W1");
        assertVector(new double[] {0.34550428363685376, -0.10522266190936623}, n.layer(1).bias(), "new b1");
        assertMatrix(new double[][] {{0.3725548860984997}, {0.4275919465152497}}, n.layer(2).weights(), "new W2");
        assertVector(new double[] {0.5535237585702536}, n.layer(2).bias(), "new b2");
        assertEquals(1, trainer.iteration());
    }

    static void assertMatrix(double[][] expected, RealMatrix actual, String what) {
        assertEquals(expected.length, actual.getRowDimension(), what + " rows");
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], actual.getRow(r), TOLERANCE, what + " row " + r);
        }
    }

    static void assertVector(double[] expected, RealVector actual, String what) {
        assertArrayEquals(expected, actual.toArray(), TOLERANCE, what);
    }
}

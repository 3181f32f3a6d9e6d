package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** The XOR tutorial (000_*.txt): 3-4-1 sigmoid, no bias, sse, η = 1, full batch, uniform01. */
class XorTutorialTest {
    static final int SEEDS = 200;
    static final int ITERATIONS = 1500;
    /** Every output within this of its target counts as learned. */
    static final double LEARNED = 0.1;
    /** The issue: at least 95% of seeds learn XOR (the tutorial's own numpy code: 199 of 200). */
    static final double MIN_SUCCESS_RATE = 0.95;
    /** The engine and the loops below round the sums in another order: a few ulps after one update. */
    static final double ONE_UPDATE_TOLERANCE = 1e-14;

    @Test
    void learnsXorForAlmostEverySeed() {
        int learned = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Trainer t = Fixtures.xor(seed);
            t.train(ITERATIONS);
            RealMatrix yHat = t.network().predict(MatrixUtils.createRealMatrix(Fixtures.XOR_X));
            boolean ok = true;
            for (int r = 0; r < 4; r++) {
                ok &= Math.abs(yHat.getEntry(r, 0) - Fixtures.XOR_Y[r][0]) <= LEARNED;
            }
            learned += ok ? 1 : 0;
        }
        final int count = learned;
        assertTrue(count >= MIN_SUCCESS_RATE * SEEDS, () -> count + " of " + SEEDS + " seeds learned XOR");
    }

    /**
     * One engine iteration against the tutorial's numpy update, written out with plain loops:
     * {@code layer1 = σ(X W1)}, {@code out = σ(layer1 W2)}, {@code e2 = 2(y − out) ⊙ σ'},
     * {@code W2 += layer1ᵀ e2}, {@code W1 += Xᵀ ((e2 W2ᵀ) ⊙ σ'(X W1))}.
     */
    @Test
    void oneIterationIsTheTutorialsUpdate() {
        for (long seed = 0; seed < 5; seed++) {
            Trainer t = Fixtures.xor(seed);
            double[][] w1 = t.network().layer(1).weights().getData();
            double[][] w2 = t.network().layer(2).weights().getData();
            double[][] x = Fixtures.XOR_X;
            double[][] y = Fixtures.XOR_Y;
            double[][] layer1 = new double[4][4];
            double[] out = new double[4];
            for (int r = 0; r < 4; r++) {
                for (int j = 0; j < 4; j++) {
                    double s = 0;
                    for (int i = 0; i < 3; i++) {
                        s += x[r][i] * w1[i][j];
                    }
                    layer1[r][j] = sigmoid(s);
                }
                double s = 0;
                for (int j = 0; j < 4; j++) {
                    s += layer1[r][j] * w2[j][0];
                }
                out[r] = sigmoid(s);
            }
            double[] e2 = new double[4];
            for (int r = 0; r < 4; r++) {
                e2[r] = 2 * (y[r][0] - out[r]) * out[r] * (1 - out[r]);
            }
            double[][] dW2 = new double[4][1];
            double[][] dW1 = new double[3][4];
            for (int j = 0; j < 4; j++) {
                for (int r = 0; r < 4; r++) {
                    dW2[j][0] += layer1[r][j] * e2[r];
                }
            }
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 4; j++) {
                    for (int r = 0; r < 4; r++) {
                        double e1 = e2[r] * w2[j][0] * layer1[r][j] * (1 - layer1[r][j]);
                        dW1[i][j] += x[r][i] * e1;
                    }
                }
            }
            t.step();
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 4; j++) {
                    w1[i][j] += dW1[i][j];
                }
                assertArrayEquals(w1[i], t.network().layer(1).weights().getRow(i), ONE_UPDATE_TOLERANCE, "W1 row " + i);
            }
            for (int j = 0; j < 4; j++) {
                w2[j][0] += dW2[j][0];
                assertArrayEquals(w2[j], t.network().layer(2).weights().getRow(j), ONE_UPDATE_TOLERANCE, "W2 row " + j);
            }
        }
    }

    private static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}

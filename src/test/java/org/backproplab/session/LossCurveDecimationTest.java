package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.backproplab.data.Presets;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The decimated loss curve (M4: first, minimum, maximum and last of every bucket, in iteration order) against
 * the full series it was made from: for every bucket the drawn minimum and maximum are the true ones, every point
 * is a real (iteration, loss) pair, and the points go forward in iteration order. Over 10⁵ iterations of real
 * training (full batch, per sample, mini-batch evaluated every few iterations) and over synthetic shapes.
 */
class LossCurveDecimationTest {
    private static final int N = 100_000;
    /** Bucket counts to draw with: the session's, a narrow chart, and a few that do not divide anything. */
    private static final int[] COLUMNS = {TrainingSession.CURVE_POINTS, 640, 333, 64, 7, 1};

    @Test
    void presetsAreDrawnTrueOverAHundredThousandIterations() {
        Map<String, double[]> runs = Map.of(
                "xor (full batch)", fullBatch("xor"),
                "gender (per sample, whole set every iteration)", evaluatedEvery("gender", 1),
                "relu-mlp (mini-batches of 32, whole set every 10th iteration)", evaluatedEvery("relu-mlp", 10));
        runs.forEach((name, values) -> {
            LossSeries series = of(values);
            for (int columns : COLUMNS) {
                for (long start : new long[] {0, 12_345}) {
                    try {
                        CurveTruth.assertFaithful(values, series.curve(columns, start), columns);
                    } catch (AssertionError e) {
                        throw new AssertionError(name + " in " + columns + " columns from " + start + ": "
                                + e.getMessage(), e);
                    }
                }
            }
        });
    }

    @Test
    void aFallingLossIsDrawnFalling() {
        double[] xor = fullBatch("xor");
        for (int i = 1; i < 1_500; i++) {
            assertTrue(xor[i] < xor[i - 1], "the xor loss falls at every one of its first 1,500 iterations");
        }
        LossCurve c = draw(java.util.Arrays.copyOf(xor, 1_500), 20, 0);
        assertTrue(c.bucket() > 1, "decimated");
        for (int k = 1; k < c.points(); k++) {
            assertTrue(c.losses()[k] < c.losses()[k - 1], "point " + k + " at iteration " + c.iterations()[k]
                    + " rises: " + c.losses()[k - 1] + " → " + c.losses()[k]);
        }
    }

    @Test
    void syntheticShapesAreDrawnTrue() {
        Random rnd = new Random(11);
        double[] noise = new double[N];
        for (int i = 0; i < N; i++) {
            noise[i % N] = rnd.nextGaussian();
        }
        Map<String, IntToDoubleFunction> shapes = Map.of(
                "falling", i -> 1.0 / (1 + i),
                "rising", i -> Math.log1p(i),
                "oscillating", i -> Math.sin(i / 37.0) + 0.1 * noise[i % N],
                "spikes", i -> i % 4_999 == 17 ? 100 + noise[i % N] : 1.0 / (1 + i),
                "flat (ties)", i -> 0.5,
                "diverging to ±∞", i -> i == 77_777 ? Double.POSITIVE_INFINITY : i == 88_888 ? Double.NEGATIVE_INFINITY
                        : Math.exp(i / 10_000.0),
                "evaluated every 7th iteration", i -> i % 7 == 3 ? Math.cos(i / 500.0) : Double.NaN,
                "no test set before iteration 60,001", i -> i <= 60_000 ? Double.NaN : 1.0 / i);
        int[] sizes = {0, 1, 2, 63, 64, 65, 999, 1_000, 1_001, 4_097, N, 2 * LossSeries.CHUNK + 3};
        shapes.forEach((name, f) -> {
            for (int n : sizes) {
                double[] values = LossSeriesTest.series(n, f);
                LossSeries series = of(values);
                for (int columns : COLUMNS) {
                    try {
                        CurveTruth.assertFaithful(values, series.curve(columns, 5), columns);
                    } catch (AssertionError e) {
                        throw new AssertionError(name + ", " + n + " iterations in " + columns + " columns: "
                                + e.getMessage(), e);
                    }
                }
            }
        });
    }

    @Test
    void theInitialLossIsAtIterationZero() {
        Trainer t = Presets.xor().createTrainer();
        double initial = t.datasetLoss();
        LossCurve c = draw(fullBatch("xor"), TrainingSession.CURVE_POINTS, 0);
        assertEquals(0, c.iterations()[0]);
        assertEquals(initial, c.losses()[0], 0.0, "the point at 0 is the loss of the initial weights");
    }

    private static LossCurve draw(double[] values, int columns, long start) {
        return of(values).curve(columns, start);
    }

    private static LossSeries of(double[] values) {
        LossSeries s = new LossSeries();
        for (double v : values) {
            s.add(v);
        }
        return s;
    }

    /** Entry j: the loss of a full-batch preset after j updates (the loss each update starts from). */
    private static double[] fullBatch(String preset) {
        Trainer t = Presets.get(preset).createTrainer();
        double[] v = new double[N];
        for (int j = 0; j < N; j++) {
            v[j] = t.step();
        }
        return v;
    }

    /** Entry j: the whole-set loss after j updates where {@code j % every == 0}, else NaN (not evaluated). */
    private static double[] evaluatedEvery(String preset, int every) {
        Trainer t = Presets.get(preset).createTrainer();
        assertTrue(!t.config().batch().isFull(), preset + " trains on part of the set per update");
        double[] v = new double[N];
        for (int j = 0; j < N; j++) {
            v[j] = j % every == 0 ? t.datasetLoss() : Double.NaN;
            t.step();
        }
        return v;
    }
}

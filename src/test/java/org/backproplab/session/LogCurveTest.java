package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The loss curve for a logarithmic iteration axis: every point a real (iteration, loss) pair, the start of training
 * kept point by point however long the run, every extreme of a long run still drawn, iteration 0 left out.
 */
class LogCurveTest {
    private static final int COLUMNS = TrainingSession.CURVE_POINTS;

    /** Every point is the value at its iteration, in strictly increasing order, none at iteration 0. */
    private static void assertPointsTrue(double[] values, LossCurve c) {
        long[] it = c.iterations();
        for (int k = 0; k < it.length; k++) {
            long j = it[k] - c.start();
            assertTrue(it[k] >= 1, "no iteration 0 on a log axis");
            assertTrue(k == 0 || it[k] > it[k - 1], "increasing at point " + k);
            assertEquals(0, Double.compare(values[(int) j], c.losses()[k]), "point " + k + " at iteration " + it[k]);
        }
        assertTrue(it.length <= 4 * COLUMNS, "at most four points per column: " + it.length);
    }

    @Test
    void theStartIsKeptPointByPointAndTheLastIsDrawn() {
        int n = 200_000;
        double[] v = new double[n];
        Random rnd = new Random(3);
        LossSeries s = new LossSeries();
        for (int i = 0; i < n; i++) {
            v[i] = 1.0 / (1 + i) + 1e-3 * rnd.nextDouble();
            s.add(v[i]);
        }
        LossCurve c = s.curve(COLUMNS, 0, true);
        assertPointsTrue(v, c);
        for (long i = 1; i <= 60; i++) {
            assertTrue(Arrays.binarySearch(c.iterations(), i) >= 0, "iteration " + i + " of the start is a point");
        }
        assertEquals(1, c.iterations()[0], "from iteration 1");
        assertEquals(n - 1, c.iterations()[c.points() - 1], "to the last");
        LossCurve linear = s.curve(COLUMNS, 0);
        assertTrue(Arrays.binarySearch(linear.iterations(), 30) < 0, "the linear curve sums the start up (which is why)");
    }

    @Test
    void everySpikeOfALongRunIsDrawn() {
        int n = 1_000_000;
        double[] v = new double[n];
        Arrays.fill(v, 1.0);
        LossSeries s = new LossSeries();
        int spikes = 0;
        for (double at = 7; at < n; at *= 1.5) {
            v[(int) at] = 2 + spikes++;
        }
        v[n / 2 + 17] = 0.25;
        for (double x : v) {
            s.add(x);
        }
        LossCurve c = s.curve(COLUMNS, 0, true);
        assertPointsTrue(v, c);
        for (double at = 7; at < n; at *= 1.5) {
            assertTrue(Arrays.binarySearch(c.iterations(), (long) at) >= 0, "the spike at iteration " + (long) at);
        }
        assertTrue(Arrays.binarySearch(c.iterations(), n / 2 + 17) >= 0, "the dip");
    }

    @Test
    void aHistoryThatStartsLaterStartsThere() {
        LossSeries s = new LossSeries();
        double[] v = new double[300];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
            s.add(v[i]);
        }
        LossCurve c = s.curve(COLUMNS, 500, true);
        assertEquals(500, c.iterations()[0], "a file saved at 500: its first entry has a place on the axis");
        assertEquals(300, c.points(), "short: drawn whole");
        assertEquals(0.0, c.losses()[0]);
    }

    @Test
    void theSessionSendsTheCurveForTheAxisOnShowWithTheLossNow() throws Exception {
        try (TrainingSession session = new TrainingSession(Presets.xor())) {
            session.stepMany(5_000);
            session.setLogIterations(true);
            Snapshot s = session.sync().get(30, TimeUnit.SECONDS);
            Trainer plain = Presets.xor().createTrainer();
            double[] truth = new double[5_001];
            for (int i = 0; i < 5_000; i++) {
                truth[i] = plain.step();
            }
            truth[5_000] = plain.datasetLoss();
            assertPointsTrue(truth, s.losses());
            assertEquals(5_000, s.losses().iterations()[s.losses().points() - 1], "the loss of the weights now");
            assertEquals(s.loss(), s.losses().latest(), 0.0);
            for (long i = 1; i <= 100; i++) {
                assertTrue(Arrays.binarySearch(s.losses().iterations(), i) >= 0, "iteration " + i);
            }
            session.setLogIterations(false);
            Snapshot linear = session.sync().get(30, TimeUnit.SECONDS);
            assertEquals(0, linear.losses().iterations()[0], "linear again: from iteration 0");
        }
    }
}

package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.linear.MatrixUtils;
import org.backproplab.data.Dataset;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestSplitTest {
    private TrainingSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    /** Two Gaussian-ish clusters on a grid: 40 samples, class 1 where x1 + x2 > 0. */
    static Scenario clusters(BatchMode batch) {
        double[][] x = new double[40][];
        double[][] y = new double[40][];
        for (int i = 0; i < 40; i++) {
            double a = (i % 8) - 3.5;
            double b = (i / 8) - 2.0 + 0.1 * i % 3;
            x[i] = new double[] {a, b};
            y[i] = new double[] {a + b > 0 ? 1 : 0};
        }
        Dataset d = new Dataset(List.of("x1", "x2"), List.of("y"), x, y, List.of(), null, List.of(), -1);
        return new Scenario("clusters", "test", d,
                List.of(new LayerSpec(3, Activation.TANH, true), new LayerSpec(1, Activation.SIGMOID, true)),
                new TrainingConfig(Loss.BCE, 0.5, batch, 0, true, Initializer.XAVIER, 3), 500);
    }

    @Test
    void heldOutRowsNeverTrainAndGetTheirOwnCurve() throws Exception {
        Scenario s = clusters(BatchMode.miniBatch(4));
        session = new TrainingSession(s);
        session.setTestFraction(0.25);
        session.stepMany(300);
        Snapshot snap = session.sync().get(10, TimeUnit.SECONDS);
        int[] test = TestSplit.rows(0.25, 40, 3);
        assertEquals(10, test.length);
        assertArrayEquals(test, snap.testRows());
        assertTrue(snap.isTestRow(test[0]));

        assertNotNull(snap.testLosses());
        assertEquals(301, snap.testLosses().count(), "points 0..300");
        assertTrue(snap.scores().hasTestSet());
        assertTrue(snap.scores().isClassification());
        assertTrue(snap.scores().trainingAccuracy() > 0.8, "accuracy " + snap.scores().trainingAccuracy());
        assertTrue(Double.isFinite(snap.scores().testLoss()));
        assertEquals(snap.loss(), snap.scores().trainingLoss(), 0.0);
    }

    @Test
    void fullBatchOnTrainingRowsEqualsATrainerOnThoseRowsAlone() throws Exception {
        Scenario s = clusters(BatchMode.FULL);
        session = new TrainingSession(s);
        session.setTestFraction(0.3);
        session.stepMany(50);
        Snapshot snap = session.sync().get(10, TimeUnit.SECONDS);
        int[] test = snap.testRows();
        int[] train = java.util.stream.IntStream.range(0, 40).filter(r -> java.util.Arrays.binarySearch(test, r) < 0).toArray();
        Trainer only = new Trainer(s.createNetwork(), MatrixUtils.createRealMatrix(rows(s.dataset().inputs().getData(), train)),
                MatrixUtils.createRealMatrix(rows(s.dataset().targets().getData(), train)), s.config());
        only.train(50);
        assertTrue(snap.network().sameAs(only.network()));
        assertEquals(only.datasetLoss(), snap.loss(), 0.0);
    }

    @Test
    void backUndoesTheSplitAndZeroRemovesIt() throws Exception {
        session = new TrainingSession(clusters(BatchMode.FULL));
        session.setTestFraction(0.5);
        session.back();
        Snapshot s = session.sync().get(10, TimeUnit.SECONDS);
        assertEquals(0, s.testRows().length);
        assertFalse(s.scores().hasTestSet());
        assertNull(s.testLosses());
        assertThrows(IllegalArgumentException.class, () -> session.setTestFraction(0.95));
        session.reset();
        assertEquals(0, session.sync().get(10, TimeUnit.SECONDS).testRows().length,
                "a reset after undoing the split must not bring it back");
    }

    private static double[][] rows(double[][] m, int[] rows) {
        double[][] r = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            r[i] = m[rows[i]];
        }
        return r;
    }
}

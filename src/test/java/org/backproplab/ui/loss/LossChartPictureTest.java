package org.backproplab.ui.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.engine.Trainer;
import org.backproplab.session.LossCurve;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

/**
 * The picture, not the count: what the chart is given to draw (the JFreeChart series) against the losses an
 * independent trainer computes, where the point at x = i is the loss of the weights after i updates. The default
 * xor run at its own 1,500-iteration target, whose loss falls at every iteration, must be drawn falling.
 */
class LossChartPictureTest {
    @Test
    void theXorRunIsDrawnAsTheLossItTook() throws Exception {
        int target = 1_500;
        double[] truth = xorLosses(target);
        for (int i = 1; i <= target; i++) {
            assertTrue(truth[i] < truth[i - 1], "the xor loss falls at every iteration");
        }
        Snapshot s = train(target);
        LossChartViewModel m = new LossChartViewModel();
        m.update(s.losses(), s.iteration(), s.historyEnd());
        XYSeries drawn = m.dataset().getSeries(0);
        assertTrue(drawn.getItemCount() > 1, "a line");
        assertTrueLine(drawn, truth, s);
        for (int k = 1; k < drawn.getItemCount(); k++) {
            assertTrue(drawn.getY(k).doubleValue() < drawn.getY(k - 1).doubleValue(), "the loss falls at every "
                    + "iteration, so must the line: item " + k + " at iteration " + drawn.getX(k) + " rises from "
                    + drawn.getY(k - 1) + " to " + drawn.getY(k));
        }
    }

    @Test
    void theSeriesGivenToTheChartIsExactlyTheCurve() throws Exception {
        int target = 20_000;
        Snapshot s = train(target);
        LossCurve c = s.losses();
        assertTrue(c.bucket() > 1, "decimated");
        LossChartViewModel m = new LossChartViewModel();
        m.update(c, s.iteration(), s.historyEnd());
        XYSeries drawn = m.dataset().getSeries(0);
        assertEquals(c.points(), drawn.getItemCount());
        for (int k = 0; k < c.points(); k++) {
            assertEquals(c.iterations()[k], drawn.getX(k).doubleValue(), 0.0, "x of item " + k);
            assertEquals(c.losses()[k], drawn.getY(k).doubleValue(), 0.0, "y of item " + k);
        }
        assertTrueLine(drawn, xorLosses(target), s);
    }

    /**
     * On a log iteration axis (for a run at full speed) the picture is still the run: every item the loss after
     * that many updates, the start of training drawn iteration by iteration, nothing at iteration 0.
     */
    @Test
    void onALogIterationAxisTheStartIsDrawnIterationByIteration() throws Exception {
        int target = 20_000;
        double[] truth = xorLosses(target);
        Snapshot s;
        try (TrainingSession session = new TrainingSession(Presets.xor())) {
            session.setLogIterations(true);
            session.stepMany(target);
            s = session.sync().get(60, TimeUnit.SECONDS);
        }
        LossChartViewModel m = new LossChartViewModel();
        m.logIterationsProperty().set(true);
        m.update(s.losses(), s.iteration(), s.historyEnd());
        XYSeries drawn = m.dataset().getSeries(0);
        for (int k = 0; k < drawn.getItemCount(); k++) {
            double x = drawn.getX(k).doubleValue();
            assertTrue(x >= 1 && x <= target && Math.rint(x) == x, "a whole iteration on the axis: " + x);
            assertEquals(truth[(int) x], drawn.getY(k).doubleValue(), 0.0, "the point at iteration " + x);
            assertTrue(k == 0 || x > drawn.getX(k - 1).doubleValue(), "iteration order at item " + k);
            if (k < 100) {
                assertEquals(k + 1, x, 0.0, "the first 100 iterations, each one");
            }
        }
        assertEquals(target, drawn.getX(drawn.getItemCount() - 1).doubleValue(), 0.0, "the last loss is drawn");
        assertTrue(drawn.getItemCount() <= 4 * 1000 + 1);
    }

    /**
     * Every item is a real (iteration, loss) pair of the run, in strictly increasing iteration order, from the
     * first iteration of the history to its last.
     */
    private static void assertTrueLine(XYSeries drawn, double[] truth, Snapshot s) {
        for (int k = 0; k < drawn.getItemCount(); k++) {
            double x = drawn.getX(k).doubleValue();
            assertEquals(Math.rint(x), x, 0.0, "points at whole iterations");
            assertTrue(x >= 0 && x < truth.length, "iteration " + x + " is in the run");
            assertEquals(truth[(int) x], drawn.getY(k).doubleValue(), 0.0, "the point at iteration " + x
                    + " is the loss after " + (long) x + " updates");
            assertTrue(k == 0 || x > drawn.getX(k - 1).doubleValue(), "iteration order at item " + k);
        }
        assertEquals(s.historyStart(), drawn.getX(0).longValue(), "the initial loss is drawn");
        assertEquals(s.historyStart() + s.losses().count() - 1, drawn.getX(drawn.getItemCount() - 1).longValue(),
                "the last loss is drawn");
    }

    /** @return the xor loss after 0, 1, ..., {@code n} updates */
    private static double[] xorLosses(int n) {
        Trainer plain = Presets.xor().createTrainer();
        double[] truth = new double[n + 1];
        for (int j = 0; j < n; j++) {
            truth[j] = plain.step();
        }
        truth[n] = plain.datasetLoss();
        return truth;
    }

    private static Snapshot train(int n) throws Exception {
        try (TrainingSession session = new TrainingSession(Presets.xor())) {
            session.stepMany(n);
            return session.sync().get(60, TimeUnit.SECONDS);
        }
    }
}

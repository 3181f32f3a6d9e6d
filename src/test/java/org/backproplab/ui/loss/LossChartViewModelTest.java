package org.backproplab.ui.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.session.LossCurve;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

/** The chart's view model without a window. */
class LossChartViewModelTest {
    /** A curve drawn whole: the loss at iterations 0, 1, 2 ... */
    private static LossCurve curve(double... losses) {
        long[] it = new long[losses.length];
        for (int i = 0; i < it.length; i++) {
            it[i] = i;
        }
        return new LossCurve(losses.length, 0, 1, it, losses.clone(),
                List.of(new LossCurve.Marker(2, "W1[1,1] = 0.5")), losses[losses.length - 1]);
    }

    @Test
    void onePointPerIterationWhileNotDecimated() {
        LossChartViewModel m = new LossChartViewModel();
        assertTrue(m.update(curve(1.0, 0.5, 0.25), 3, 3));
        assertEquals(3, m.pointCount());
        assertFalse(m.update(curve(1.0, 0.5, 0.25), 3, 3), "an unchanged curve must not redraw");
        assertTrue(m.update(curve(1.0, 0.5, 0.3), 3, 3), "a changed value redraws though the count is the same");
    }

    @Test
    void theSeriesHoldsExactlyTheCurvesPoints() {
        LossCurve c = new LossCurve(128, 0, 64, new long[] {0, 40, 63, 64, 90, 127},
                new double[] {0.9, 0.1, 0.2, 0.2, 5.0, 0.3}, List.of(), 0.3);
        LossChartViewModel m = new LossChartViewModel();
        m.update(c, 128, 128);
        XYSeries s = m.dataset().getSeries(0);
        assertEquals(6, s.getItemCount());
        for (int k = 0; k < 6; k++) {
            assertEquals(c.iterations()[k], s.getX(k).longValue());
            assertEquals(c.losses()[k], s.getY(k).doubleValue(), 0.0);
        }
        assertEquals("iteration 90 · loss 5", m.describe(92), "the readout names a real point");
    }

    @Test
    void anInfiniteLossIsAGapInTheLineAndAMarker() {
        LossChartViewModel m = new LossChartViewModel();
        m.update(curve(1.0, 4.0, Double.POSITIVE_INFINITY), 3, 3);
        XYSeries s = m.dataset().getSeries(0);
        assertEquals(3, s.getItemCount());
        assertTrue(Double.isNaN(s.getY(2).doubleValue()), "the axis cannot hold ∞: a gap");
        List<MarkerLayout.Mark> marks = m.marks();
        assertTrue(marks.contains(new MarkerLayout.Mark(2, "loss = ∞", MarkerLayout.Kind.NON_FINITE)), marks.toString());
    }

    @Test
    void logScaleLeavesOutZeroWithoutFailing() {
        LossChartViewModel m = new LossChartViewModel();
        m.logScaleProperty().set(true);
        m.update(curve(1.0, 0.0, 0.5), 3, 3);
        XYSeries s = m.dataset().getSeries(0);
        assertEquals(3, s.getItemCount());
        for (int i = 0; i < s.getItemCount(); i++) {
            double y = s.getY(i).doubleValue();
            assertTrue(Double.isNaN(y) || y > 0, "item " + i + " is " + y);
        }
        m.logScaleProperty().set(false);
        m.redraw();
        assertEquals(0.0, s.getY(1).doubleValue(), 0.0, "a linear axis shows the zero loss");
    }

    @Test
    void readoutNamesIterationLossAndMarker() {
        LossChartViewModel m = new LossChartViewModel();
        m.update(curve(1.0, 0.5, 0.25, 0.125), 4, 4);
        assertEquals("iteration 1 · loss 0.5", m.describe(1.2));
        assertTrue(m.describe(2.1).endsWith("W1[1,1] = 0.5"), m.describe(2.1));
        assertEquals("", m.describe(500));
        assertEquals(-1, m.cursor());
        m.update(curve(1.0, 0.5, 0.25, 0.125), 2, 4);
        assertEquals(2, m.cursor(), "after a jump back the chart marks the iteration shown");
    }

    @Test
    void theAxisNamesNoLossFunction() {
        LossChartViewModel m = new LossChartViewModel();
        assertEquals("training-set loss", m.axisLabel());
        m.updateTest(curve(0.7, 0.6));
        assertEquals("loss: training set, test set (dashed)", m.axisLabel());
        assertEquals("iteration (updates made)", LossChartViewModel.X_LABEL);
    }

    @Test
    void theAxisSaysHowOftenTheWholeSetIsEvaluatedWhileRunningFast() {
        LossChartViewModel m = new LossChartViewModel();
        m.setCadence(20_000);
        assertEquals("training-set loss, every 20,000 iterations", m.axisLabel());
        m.setCadence(1);
        assertEquals("training-set loss", m.axisLabel());
    }
}

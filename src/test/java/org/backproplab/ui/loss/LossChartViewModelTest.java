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
    private static LossCurve curve(double... losses) {
        long[] it = new long[losses.length];
        for (int i = 0; i < it.length; i++) {
            it[i] = i + 1;
        }
        return new LossCurve(losses.length, it, it.clone(), losses.clone(), losses.clone(),
                List.of(new LossCurve.Marker(2, "W1[1,1] = 0.5")), losses[losses.length - 1]);
    }

    @Test
    void onePointPerIterationWhileNotDecimated() {
        LossChartViewModel m = new LossChartViewModel();
        assertTrue(m.update(curve(1.0, 0.5, 0.25), 3, 3));
        assertEquals(3, m.pointCount());
        assertFalse(m.update(curve(1.0, 0.5, 0.25), 3, 3), "an unchanged curve must not redraw");
    }

    @Test
    void decimatedPointsDrawMinAndMax() {
        LossCurve c = new LossCurve(128, new long[] {1, 65}, new long[] {64, 128}, new double[] {0.1, 0.2},
                new double[] {0.9, 5.0}, List.of(), 0.2);
        LossChartViewModel m = new LossChartViewModel();
        m.update(c, 128, 128);
        assertEquals(4, m.pointCount());
        XYSeries s = m.dataset().getSeries(0);
        assertEquals(5.0, s.getY(3).doubleValue(), 0.0, "the spike (maximum) of the last bucket is drawn");
        assertEquals("iterations 65–128 · loss 0.2000 … 5.000", m.describe(100));
    }

    @Test
    void logScaleLeavesOutZeroAndNaNWithoutFailing() {
        LossChartViewModel m = new LossChartViewModel();
        m.logScaleProperty().set(true);
        m.update(curve(1.0, 0.0, Double.NaN, 0.5), 4, 4);
        XYSeries s = m.dataset().getSeries(0);
        assertEquals(4, s.getItemCount());
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
        assertEquals("iteration 1 · loss 1.000", m.describe(1.2));
        assertTrue(m.describe(2.5).endsWith("W1[1,1] = 0.5"), m.describe(2.5));
        assertEquals("", m.describe(500));
        assertEquals(-1, m.cursor());
        m.update(curve(1.0, 0.5, 0.25, 0.125), 2, 4);
        assertEquals(2, m.cursor(), "after a jump back the chart marks the iteration shown");
    }
}

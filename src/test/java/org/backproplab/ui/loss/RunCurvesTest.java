package org.backproplab.ui.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;
import org.backproplab.session.LossCurve;
import org.backproplab.session.Setting;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

/**
 * A run that diverges beside one that learns: the learning run is drawn exactly, the diverging one up to where its
 * loss leaves 10× the largest starting loss, so its 1e30 losses do not flatten the other curve.
 */
class RunCurvesTest {
    @Test
    void aDivergingRunLeavesTheChartAtTheTopInsteadOfFlatteningTheOthers() throws Exception {
        Scenario xor = Presets.xor();
        Scenario linear = xor.withLayers(List.of(new LayerSpec(4, Activation.LINEAR, false),
                new LayerSpec(1, Activation.LINEAR, false))).withConfig(xor.config().withLearningRate(0.05));
        Snapshot s;
        try (TrainingSession session = new TrainingSession(linear)) {
            session.stepMany(200);
            session.startVariant(0, List.of(Setting.LEARNING_RATE.parse("0.15")));
            session.stepMany(200);
            session.showRun(1);
            s = session.sync().get(60, TimeUnit.SECONDS);
        }
        LossChartViewModel m = new LossChartViewModel();
        m.update(s.losses(), s.iteration(), s.historyEnd());
        assertTrue(m.updateRuns(s.runCurves(), s.runs()));
        assertTrue(s.runs().get(1).diverged(), "η = 0.15 diverges");

        XYSeries learning = m.dataset().getSeries(0);
        LossCurve c = s.losses();
        assertEquals(c.points(), learning.getItemCount());
        for (int k = 0; k < c.points(); k++) {
            assertEquals(c.losses()[k], learning.getY(k).doubleValue(), 0.0, "run 1 drawn exactly at item " + k);
        }
        double ceiling = 10 * Math.max(c.losses()[0], s.runCurves().get(0).losses().losses()[0]);
        assertEquals(ceiling, m.ceiling(), 0.0);
        XYSeries wild = m.otherRuns().getSeries(0);
        LossCurve w = s.runCurves().get(0).losses();
        int drawn = 0;
        for (int k = 0; k < w.points(); k++) {
            double y = w.losses()[k];
            double shown = wild.getY(k).doubleValue();
            if (Double.isFinite(y) && y <= ceiling) {
                assertEquals(y, shown, 0.0, "run 2 below the ceiling, item " + k);
                drawn++;
            } else {
                assertTrue(Double.isNaN(shown), "run 2 above the ceiling is a gap, item " + k + ": " + y);
            }
        }
        assertTrue(drawn >= 2, "run 2 is drawn until it leaves the chart: " + java.util.Arrays.toString(java.util.Arrays.copyOf(w.losses(), 8)) + " ceiling " + ceiling);
        assertTrue(drawn < w.points(), "and leaves it");
    }
}

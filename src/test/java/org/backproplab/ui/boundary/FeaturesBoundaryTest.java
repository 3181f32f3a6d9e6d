package org.backproplab.ui.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.data.Accuracy;
import org.backproplab.data.Dataset;
import org.backproplab.data.InputFeature;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.data.Scenarios;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;
import org.backproplab.ui.UiState.NeuronRef;
import org.backproplab.ui.boundary.HeatmapModel.Heatmap;
import org.backproplab.ui.boundary.HeatmapModel.Plane;
import org.junit.jupiter.api.Test;

/**
 * With derived inputs the decision boundary is still the plane of x1 and x2, and every cell's colour is the network's
 * output for the inputs a sample at that point would have: x1, x2 and their derived inputs computed there.
 */
class FeaturesBoundaryTest {
    private static final int[][] POINTS = {{0, 0}, {0, 119}, {119, 0}, {119, 119}, {60, 37}, {13, 101}};

    @Test
    void theHeatmapComputesTheDerivedInputsAtEveryPoint() {
        Scenario s = Scenarios.withFeatures(Presets.get("xor"), List.of(InputFeature.X1_TIMES_X2, InputFeature.SIN_X1));
        Network net = s.createNetwork();
        Plane p = HeatmapModel.plane(s.dataset()).orElseThrow();
        assertEquals("x1", p.xName());
        assertEquals("x2", p.yName());
        Heatmap h = HeatmapModel.compute(net, p, HeatmapModel.CELLS, null);
        for (int[] rc : POINTS) {
            double x = p.cellX(rc[1], h.cells());
            double y = p.cellY(rc[0], h.cells());
            double[] in = {x, y, 1, x * y, StrictMath.sin(x)};
            assertEquals(net.predict(in)[0], h.value(rc[0], rc[1]), 1e-12, "ŷ at (" + x + ", " + y + ")");
        }
        Heatmap hidden = HeatmapModel.compute(net, p, HeatmapModel.CELLS, new NeuronRef(1, 2));
        double x = p.cellX(7, h.cells());
        double y = p.cellY(90, h.cells());
        double expected = net.activations(org.apache.commons.math3.linear.MatrixUtils.createRowRealMatrix(
                new double[] {x, y, 1, x * y, StrictMath.sin(x)})).get(0).getEntry(0, 2);
        assertEquals(expected, hidden.value(90, 7), 1e-12);
    }

    /** The picture is true: on the trained spirals the class of each sample's cell is the class the net gives it. */
    @Test
    void theTrainedSpiralsMapAgreesWithTheEnginesPredictions() {
        Scenario s = Presets.get("spiral-features");
        Trainer t = s.createTrainer();
        t.train(s.iterations());
        Dataset d = s.dataset();
        Plane p = HeatmapModel.plane(d).orElseThrow();
        int cells = HeatmapModel.CELLS;
        Heatmap h = HeatmapModel.compute(t.network(), p, cells, null);
        double[][] yHat = t.network().predict(d.inputs()).getData();
        int agree = 0;
        int right = 0;
        for (int r = 0; r < d.size(); r++) {
            int col = (int) Math.floor((d.input(r, 0) - p.xMin()) / (p.xMax() - p.xMin()) * cells);
            int row = (int) Math.floor((p.yMax() - d.input(r, 1)) / (p.yMax() - p.yMin()) * cells);
            boolean mapSaysOne = h.value(row, col) >= 0.5;
            agree += mapSaysOne == (yHat[r][0] >= 0.5) ? 1 : 0;
            right += mapSaysOne == (d.target(r, 0) == 1) ? 1 : 0;
        }
        assertTrue(agree >= 0.97 * d.size(), agree + " of " + d.size() + " cells agree with the engine");
        assertTrue(right >= 0.97 * d.size(), right + " of " + d.size() + " cells show the right class");
        assertEquals(1.0, Accuracy.of(yHat, d.targets().getData(), java.util.stream.IntStream.range(0, d.size()).toArray()));
    }
}

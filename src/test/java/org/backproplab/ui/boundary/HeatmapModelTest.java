package org.backproplab.ui.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.data.Dataset;
import org.backproplab.data.Generators;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.ui.UiState.NeuronRef;
import org.backproplab.ui.boundary.HeatmapModel.Heatmap;
import org.backproplab.ui.boundary.HeatmapModel.Plane;
import org.junit.jupiter.api.Test;

/** The heatmap's numbers against the engine's own forward pass and against a forward pass written out here. */
class HeatmapModelTest {
    /** Same arithmetic in a different order: only rounding may differ. */
    private static final double TOLERANCE = 1e-12;
    private static final int[][] POINTS = {{0, 0}, {0, 119}, {119, 0}, {119, 119}, {60, 37}, {13, 101}};

    @Test
    void outputHeatmapEqualsPredictWithTheBiasColumnHeldAtOne() {
        Scenario xor = Presets.get("xor");
        Network net = xor.createNetwork();
        Plane p = HeatmapModel.plane(xor.dataset()).orElseThrow();
        assertEquals(2, p.biasColumn());
        Heatmap h = HeatmapModel.compute(net, p, HeatmapModel.CELLS, null);
        for (int[] rc : POINTS) {
            double x = p.cellX(rc[1], h.cells());
            double y = p.cellY(rc[0], h.cells());
            double expected = net.predict(new double[] {x, y, 1})[0];
            assertEquals(expected, h.value(rc[0], rc[1]), TOLERANCE, "ŷ at (" + x + ", " + y + ")");
        }
        assertEquals(0.5, h.level());
        assertTrue(h.output());
    }

    @Test
    void outputHeatmapEqualsPredictOnATrainedDeepNetwork() {
        Scenario s = Presets.get("xor-bias");
        var trainer = s.createTrainer();
        trainer.train(500);
        Network net = trainer.network();
        Plane p = HeatmapModel.plane(s.dataset()).orElseThrow();
        Heatmap h = HeatmapModel.compute(net, p, 40, new NeuronRef(2, 0));
        for (int[] rc : new int[][] {{0, 0}, {39, 39}, {20, 7}, {5, 33}}) {
            double[] in = p.input(p.cellX(rc[1], 40), p.cellY(rc[0], 40));
            assertEquals(net.predict(in)[0], h.value(rc[0], rc[1]), TOLERANCE);
        }
    }

    @Test
    void hiddenNeuronHeatmapEqualsItsActivationComputedByHand() {
        Scenario s = Presets.get("xor-bias");
        Network net = s.createNetwork();
        Layer hidden = net.layer(1);
        assertEquals(Activation.TANH, hidden.activation());
        Plane p = HeatmapModel.plane(s.dataset()).orElseThrow();
        for (int j = 0; j < hidden.size(); j++) {
            Heatmap h = HeatmapModel.compute(net, p, HeatmapModel.CELLS, new NeuronRef(1, j));
            for (int[] rc : POINTS) {
                double x1 = p.cellX(rc[1], h.cells());
                double x2 = p.cellY(rc[0], h.cells());
                double z = x1 * hidden.weight(0, j) + x2 * hidden.weight(1, j) + hidden.bias(j);
                assertEquals(Math.tanh(z), h.value(rc[0], rc[1]), TOLERANCE, "a¹" + (j + 1));
            }
            assertEquals(0, h.center());
            assertEquals(1, h.range());
            assertFalse(h.output());
        }
    }

    @Test
    void planeIsTheDataBoundsWithATenPercentMargin() {
        Dataset d = Dataset.of(new double[][] {{-1, 2}, {3, 4}, {1, 3}}, new double[][] {{0}, {1}, {1}});
        Plane p = HeatmapModel.plane(d).orElseThrow();
        assertEquals(-1.4, p.xMin(), 1e-12);
        assertEquals(3.4, p.xMax(), 1e-12);
        assertEquals(1.8, p.yMin(), 1e-12);
        assertEquals(4.2, p.yMax(), 1e-12);
        assertEquals(0.5, p.targetMid());
        assertEquals(p.xMin() + 0.5 * 4.8 / 120, p.cellX(0, 120), 1e-12);
        assertEquals(p.yMax() - 0.5 * 2.4 / 120, p.cellY(0, 120), 1e-12, "row 0 is the top");
    }

    @Test
    void dataSetsWithoutTwoInputsHaveNoPlaneAndASentenceWhy() {
        Dataset sine = Generators.noisySine(20, 0.1, 1);
        assertTrue(HeatmapModel.plane(sine).isEmpty());
        String why = HeatmapModel.whyNoPlane(sine);
        assertTrue(why.startsWith("This data set has 1 input,"), why);
        Dataset three = Dataset.of(new double[][] {{0, 0, 0}}, new double[][] {{0}});
        assertTrue(HeatmapModel.whyNoPlane(three).contains("3 inputs"));
        assertEquals("", HeatmapModel.whyNoPlane(Presets.get("xor").dataset()), "the bias column does not count");
    }

    @Test
    void contourOfAVerticalBoundaryLiesOnIt() {
        Network net = new Network(2, List.of(new Layer(2, 1, Activation.SIGMOID, true)));
        net.layer(1).weights().setEntry(0, 0, 4);
        net.layer(1).bias().setEntry(0, -2);
        Dataset d = Dataset.of(new double[][] {{0, 0}, {1, 1}}, new double[][] {{0}, {1}});
        Plane p = HeatmapModel.plane(d).orElseThrow();
        Heatmap h = HeatmapModel.compute(net, p, 60, null);
        assertFalse(h.contour().isEmpty());
        for (double[] seg : h.contour()) {
            assertEquals(0.5, seg[0], 1e-2, "ŷ = 0.5 where 4·x1 − 2 = 0");
            assertEquals(0.5, seg[2], 1e-2);
        }
        double covered = h.contour().stream().mapToDouble(s -> Math.abs(s[3] - s[1])).sum();
        assertEquals(p.cellY(0, 60) - p.cellY(59, 60), covered, 1e-9, "the line runs the full height");
    }

    @Test
    void aNeuronThatDoesNotExistIsRefused() {
        Scenario s = Presets.get("xor-bias");
        Plane p = HeatmapModel.plane(s.dataset()).orElseThrow();
        Network net = s.createNetwork();
        assertThrows(IllegalArgumentException.class, () -> HeatmapModel.compute(net, p, 10, new NeuronRef(1, 4)));
        assertThrows(IllegalArgumentException.class, () -> HeatmapModel.compute(net, p, 10, new NeuronRef(0, 0)));
    }
}

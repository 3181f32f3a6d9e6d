package org.backproplab.ui.boundary;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Generators;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Network;
import org.backproplab.ui.ColorScale;
import org.backproplab.ui.Theme;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decision-boundary heatmap as the view computes it off the FX thread: ŷ of a 2-12-12-1 tanh network on
 * 120 × 120 cells of the two-spirals plane, and its colours. The view asks for at most 20 a second
 * ({@link DecisionBoundaryViewModel#MIN_INTERVAL_MS}), so one must take well under 50 ms. (In this package
 * because the colouring is package-private.)
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class HeatmapBench {
    private Network net;
    private HeatmapModel.Plane plane;

    @Setup
    public void setUp() {
        Scenario s = new Scenario("spirals", "benchmark", Generators.twoSpirals(200, 0, 1),
                List.of(new LayerSpec(12, Activation.TANH, true), new LayerSpec(12, Activation.TANH, true),
                        new LayerSpec(1, Activation.SIGMOID, true)), Presets.get("xor-bias").config(), 1000);
        net = s.createNetwork();
        plane = HeatmapModel.plane(s.dataset()).orElseThrow();
    }

    @Benchmark
    public int[] heatmap() {
        HeatmapModel.Heatmap h = HeatmapModel.compute(net, plane, HeatmapModel.CELLS, null);
        return HeatmapColors.argb(h, ColorScale.BLUE_ORANGE, Theme.LIGHT);
    }
}

package org.backproplab.bench;

import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.engine.LossLandscape;
import org.backproplab.engine.Progress;
import org.backproplab.engine.Trainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One loss-landscape grid as the window computes it off the FX thread: {@code side × side} losses over the whole
 * training set along two random directions normalised per neuron, after 300 iterations of the preset. The window
 * refines 9 → 17 → 33 → 65 while the finest grid's estimated total stays within 1.5 s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class LandscapeBench {
    @Param({"xor", "digits"})
    public String preset;
    @Param({"9", "17", "33", "65"})
    public int side;
    private LossLandscape land;
    private double[][] grid;

    @Setup
    public void setUp() {
        Trainer t = Presets.get(preset).createTrainer();
        t.train(300);
        double[][] d = LossLandscape.filterNormalised(t.network(), 1);
        land = new LossLandscape(t.state(), d[0], d[1]);
        grid = new double[side][side];
    }

    @Benchmark
    public double grid() {
        land.fill(grid, 1, 1, 1, false, Progress.NONE);
        return grid[side / 2][side / 2];
    }
}

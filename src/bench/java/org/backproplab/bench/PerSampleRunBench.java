package org.backproplab.bench;

import java.util.concurrent.TimeUnit;
import org.backproplab.data.Generators;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.data.Scenarios;
import org.backproplab.engine.BatchMode;
import org.backproplab.session.TrainingSession;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-sample training at full speed in a real {@link TrainingSession} (the worker thread, the history, the loss
 * curve and a snapshot about 60 times a second), on a data set of {@code samples} rows: the circle set with the
 * {@code xor} preset's 2-4-1 sigmoid layers. The counter {@code iterations} is the training speed (one sample per
 * iteration). The cost of the curve must not grow with the data set: the whole set is evaluated once per epoch
 * while running fast, so both sizes should train at about the same speed per sample.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1)
@State(Scope.Benchmark)
public class PerSampleRunBench {
    @Param({"200", "20000"})
    public int samples;

    private TrainingSession session;

    /** Iterations trained by the worker while the benchmark waited. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Trained {
        public long iterations;
    }

    @Setup(Level.Trial)
    public void start() throws Exception {
        Scenario xor = Presets.xor();
        Scenario s = Scenarios.forDataset(xor, Generators.circle(samples, 0.1, 1), "circle " + samples, "");
        session = new TrainingSession(s.withConfig(s.config().withBatch(BatchMode.SAMPLE)));
    }

    /** Each measurement starts a fresh run (a run stops at the history's cap of 2^23 iterations). */
    @Setup(Level.Iteration)
    public void run() throws Exception {
        session.reset();
        session.run();
        session.sync().get(1, TimeUnit.MINUTES);
    }

    @TearDown(Level.Trial)
    public void stop() {
        session.close();
    }

    /** Waits 100 ms of training and counts the iterations the worker made meanwhile. */
    @Benchmark
    public void train(Trained t) throws Exception {
        long before = session.latest().iteration();
        Thread.sleep(100);
        t.iterations += session.latest().iteration() - before;
    }
}

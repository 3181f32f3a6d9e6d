package org.backproplab.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.random.MersenneTwister;
import org.backproplab.data.Presets;
import org.backproplab.session.TrainingSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Jumping through a history of {@value #LENGTH} iterations of {@code xor}, as the history scrubber does:
 * {@code goTo(k)} for a random {@code k}, until the session has published the snapshot of iteration k.
 * Sample-time mode reports the percentiles. The setup also prints the heap used by the session (after a
 * GC) with the whole history in memory; the fork runs with {@code -Xmx256m}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@State(Scope.Benchmark)
public class HistoryBench {
    static final int LENGTH = 1_000_000;

    private TrainingSession session;
    private final MersenneTwister rng = new MersenneTwister(7);

    @Setup(Level.Trial)
    public void train() throws Exception {
        session = new TrainingSession(Presets.xor());
        session.stepMany(LENGTH);
        session.sync().get(10, TimeUnit.MINUTES);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%n[history] %d iterations of xor: heap used after GC %.1f MB (max heap %.0f MB)%n",
                LENGTH, (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
    }

    @TearDown(Level.Trial)
    public void close() {
        session.close();
    }

    /** One jump to a random iteration, waited for until its snapshot is published. */
    @Benchmark
    public long jump() throws Exception {
        long k = rng.nextInt(LENGTH + 1);
        session.goTo(k);
        return session.sync().get(10, TimeUnit.SECONDS).iteration();
    }
}

package org.backproplab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.io.BackpropFile;
import org.backproplab.session.TrainingSession;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reopening a saved {@code relu-mlp} session of {@link #iterations} iterations, about the largest the window
 * saves with its history (the file is close to the 64 MiB read limit). {@code open}: read the file and open it
 * until the session is usable (the weights on show replayed from the checkpoint before them). {@code openAndCheck}:
 * the same, then the background check that replays every iteration, which is what opening cost when files
 * stored no checkpoints: the reference, measured in the same run.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class ReopenBench {
    @Param("2500000")
    public long iterations;

    private Path file;

    @Setup
    public void save() throws Exception {
        file = Files.createTempFile("reopen", ".json");
        try (TrainingSession t = new TrainingSession(Presets.get("relu-mlp"))) {
            t.stepMany(iterations);
            t.goTo(iterations * 3 / 4 + 77);
            t.sync().get(30, TimeUnit.MINUTES);
            BackpropFile.of(t.record().get(10, TimeUnit.MINUTES).record()).write(file);
        }
        System.out.printf("%n[reopen] relu-mlp, %,d iterations: file %.1f MB%n", iterations, Files.size(file) / 1e6);
    }

    @TearDown
    public void delete() throws Exception {
        Files.deleteIfExists(file);
    }

    private TrainingSession opened() throws Exception {
        TrainingSession t = new TrainingSession(Presets.xor());
        String said = t.open(BackpropFile.read(file).sessionOrState()).get(10, TimeUnit.MINUTES);
        if (!said.startsWith("Opened the history")) {
            throw new IllegalStateException(said);
        }
        return t;
    }

    /** Read and open until the session answers with the opened weights. */
    @Benchmark
    public long open() throws Exception {
        try (TrainingSession t = opened()) {
            return t.sync().get(1, TimeUnit.MINUTES).iteration();
        }
    }

    /** Read, open, and replay the whole history to check it (what opening used to cost). */
    @Benchmark
    public Object openAndCheck() throws Exception {
        try (TrainingSession t = opened()) {
            String problem = t.historyCheck().get(30, TimeUnit.MINUTES);
            if (problem != null) {
                throw new IllegalStateException(problem);
            }
            return t.sync().get(1, TimeUnit.MINUTES).iteration();
        }
    }
}

package org.backproplab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The engine's 784-64-10 batch-32 step ({@link DenseBench}) against numpy doing the same maths, measured by JMH in
 * one run: {@link #numpy} drives {@code src/bench/python/numpy_reference.py --serve} (numpy with OpenBLAS on one
 * thread, {@code OPENBLAS_NUM_THREADS=1}) through a pipe, {@value #STEPS} steps per request, so the pipe's cost is
 * shared by that many steps. {@link #main} runs both and prints the ratio:
 * <pre>./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench.main=org.backproplab.bench.DenseVersusNumpy</pre>
 * The Python interpreter is {@code python3} unless {@code -Dbench.python=...} names another.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(1)
@State(Scope.Thread)
public class DenseVersusNumpy {
    /** Numpy steps per request through the pipe. */
    static final int STEPS = 50;
    /** The numpy script, from the project's root. */
    static final Path SCRIPT = Path.of("src", "bench", "python", "numpy_reference.py");

    private final DenseBench engine = new DenseBench();
    private Process python;
    private PrintWriter toPython;
    private BufferedReader fromPython;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        engine.setUp();
        if (!Files.isRegularFile(SCRIPT)) {
            throw new IOException(SCRIPT.toAbsolutePath() + " is missing: run from the project's root");
        }
        ProcessBuilder pb = new ProcessBuilder(System.getProperty("bench.python", "python3"), SCRIPT.toString(), "--serve")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        pb.environment().put("OMP_NUM_THREADS", "1");
        python = pb.start();
        toPython = new PrintWriter(python.getOutputStream(), false, StandardCharsets.US_ASCII);
        fromPython = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.US_ASCII));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        toPython.close();
        python.destroy();
    }

    /** One mini-batch of 32 through the engine's {@code Trainer.step()}. */
    @Benchmark
    public double engine() {
        return engine.step();
    }

    /** One mini-batch of 32 through numpy (the time of {@value #STEPS} steps over {@value #STEPS}). */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public String numpy() throws IOException {
        toPython.println(STEPS);
        toPython.flush();
        String answer = fromPython.readLine();
        if (!"ok".equals(answer)) {
            throw new IOException("numpy_reference.py --serve answered " + answer + " instead of ok");
        }
        return answer;
    }

    /** Runs both benchmarks in one JMH run and prints each time and the ratio engine / numpy. */
    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(DenseVersusNumpy.class.getName() + "\\.").build()).run();
        double engine = Double.NaN;
        double numpy = Double.NaN;
        for (RunResult r : results) {
            double us = r.getPrimaryResult().getScore();
            if (r.getParams().getBenchmark().endsWith(".engine")) {
                engine = us;
            } else {
                numpy = us;
            }
        }
        System.out.printf(Locale.ROOT, "784-64-10 batch-32 step: engine %.1f us, numpy (OpenBLAS, 1 thread) %.1f us: "
                + "the engine takes %.2f× numpy's time%n", engine, numpy, engine / numpy);
    }
}

package org.backproplab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.data.Dataset;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Trainer;
import org.backproplab.io.AtomicFiles;
import org.backproplab.io.BackpropFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code train --preset NAME | --load FILE [--iterations N | --epochs N] [--seed S] [--learning-rate X]
 * [--every K] [--save FILE] [--json]}: trains, printing the loss over all samples every K iterations, then
 * each sample's output next to its target and each probe's output.
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a preset or a saved network and print what it learned.")
final class TrainCommand implements Callable<Integer> {
    /** The most iterations one run may ask for. */
    static final long MAX_ITERATIONS = 1_000_000_000L;
    /** The most samples the text output lists. */
    static final int MAX_SAMPLE_LINES = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions source;

    static final class Length {
        @Option(names = "--iterations", paramLabel = "N", description = "updates to run (default: the scenario's)")
        Long iterations;

        @Option(names = "--epochs", paramLabel = "N", description = "passes over the data to run")
        Long epochs;
    }

    @ArgGroup(exclusive = true)
    Length length;

    @Option(names = "--seed", paramLabel = "S", description = "the seed of the initial weights and shuffling")
    Long seed;

    @Option(names = "--learning-rate", paramLabel = "X", description = "η, a finite number ≥ 0")
    Double learningRate;

    @Option(names = "--every", paramLabel = "K", description = "print the loss every K iterations (default: 10 lines)")
    Long every;

    @Option(names = "--save", paramLabel = "FILE", description = "save the trained network as a JSON file")
    Path save;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (save != null) {
            AtomicFiles.checkTarget(save);
        }
        ScenarioOptions.Loaded l = source.open(seed);
        if (learningRate != null) {
            l = l.with(l.scenario().config().withLearningRate(learningRate));
        }
        Scenario s = l.scenario();
        Trainer t = l.trainer();
        long n = iterations(s);
        long k = every != null ? every : Math.max(1, n / 10);
        if (k < 1) {
            throw new ParameterException(spec.commandLine(), "--every " + k + " is not allowed: expected 1 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), !json && System.console() != null);
        if (!json) {
            out.printf("%s: %s%ntraining %d iterations from iteration %d%n", s.name(), s.description(), n, t.iteration());
        }
        for (long i = 1; i <= n; i++) {
            t.step();
            if (!json && (i % k == 0 || i == n)) {
                bar.done();
                out.printf("iteration %8d  loss %.6g%n", t.iteration(), t.evaluate().loss());
            }
            bar.update(i, n);
        }
        bar.done();
        if (json) {
            printJson(out, s, t);
        } else {
            printOutputs(out, s, t);
        }
        if (save != null) {
            BackpropFile.of(s, t).write(save);
            if (!json) {
                out.println("saved " + save);
            }
        }
        return 0;
    }

    private long iterations(Scenario s) {
        long n;
        if (length != null && length.epochs != null) {
            checkRange("--epochs", length.epochs);
            n = length.epochs * s.config().batch().batchesPerEpoch(s.dataset().size());
        } else if (length != null && length.iterations != null) {
            n = length.iterations;
        } else {
            n = s.iterations();
        }
        checkRange("--iterations", n);
        return n;
    }

    private void checkRange(String option, long v) {
        if (v < 0 || v > MAX_ITERATIONS) {
            throw new ParameterException(spec.commandLine(), option + " " + v + " is not allowed: expected 0.."
                    + MAX_ITERATIONS + " iterations");
        }
    }

    /** Like the tutorials print them: each sample's inputs, output and target; then each probe's output. */
    private static void printOutputs(PrintWriter out, Scenario s, Trainer t) {
        Dataset d = s.dataset();
        RealMatrix y = t.network().predict(d.inputs());
        out.printf("outputs after %d iterations (loss %.6g):%n", t.iteration(), t.evaluate().loss());
        for (int i = 0; i < Math.min(d.size(), MAX_SAMPLE_LINES); i++) {
            out.printf("  %-10s %s -> %s  target %s%n", d.label(i), numbers(d.inputs().getRow(i)),
                    numbers(y.getRow(i)), numbers(d.targets().getRow(i)));
        }
        if (d.size() > MAX_SAMPLE_LINES) {
            out.printf("  … and %d more samples (--json prints them all)%n", d.size() - MAX_SAMPLE_LINES);
        }
        double[][] p = d.probes();
        for (int i = 0; i < p.length; i++) {
            String label = d.probeLabels().isEmpty() ? "probe " + (i + 1) : d.probeLabels().get(i);
            out.printf("  %-10s %s -> %s%n", label, numbers(p[i]), numbers(t.network().predict(p[i])));
        }
    }

    private static String numbers(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format("%.4f", v[i]));
        }
        return b.append(']').toString();
    }

    /** {@code {"iterations":N,"loss":x,"outputs":[[...]],"probes":[[...]]}} on one line. */
    private static void printJson(PrintWriter out, Scenario s, Trainer t) throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("iterations", t.iteration());
        o.put("loss", t.evaluate().loss());
        ArrayNode outputs = o.putArray("outputs");
        for (double[] row : t.network().predict(s.dataset().inputs()).getData()) {
            ArrayNode r = outputs.addArray();
            for (double v : row) {
                r.add(v);
            }
        }
        ArrayNode probes = o.putArray("probes");
        for (double[] p : s.dataset().probes()) {
            ArrayNode r = probes.addArray();
            for (double v : t.network().predict(p)) {
                r.add(v);
            }
        }
        out.println(m.writeValueAsString(o));
    }
}

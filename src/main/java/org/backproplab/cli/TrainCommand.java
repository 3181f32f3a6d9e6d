package org.backproplab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.data.Dataset;
import org.backproplab.data.InputFeature;
import org.backproplab.data.Scenario;
import org.backproplab.data.Scenarios;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.Trainer;
import org.backproplab.io.AtomicFiles;
import org.backproplab.io.BackpropFile;
import org.backproplab.session.TrainingSession;
import org.backproplab.text.NumberText;
import org.backproplab.text.TerminalText;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code train --preset NAME | --load FILE [--iterations N | --epochs N] [--seed S] [--learning-rate X]
 * [--optimizer sgd|momentum|nesterov|rmsprop|adam] [--l2 λ | --l1 λ] [--every K] [--save FILE] [--json]}: trains, printing the loss over all samples every K iterations, then
 * each sample's output next to its target and each probe's output; for classes, the accuracy and the confusion
 * matrix.
 *
 * <p>A run that diverges (the loss or a weight becomes NaN or infinite) stops there, as the window pauses, and
 * exits with {@link BackpropLabCli#DIVERGED}: it says at which iteration and what became non-finite, then prints
 * and saves the last finite state kept by the {@link DivergenceWatch}, never the broken weights.
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a preset or a saved network and print what it learned.",
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {
            "0:trained",
            "1:an internal error",
            "2:a user error (one line on stderr)",
            "3:training diverged: the loss or a weight became NaN or infinite; the last finite state is printed and "
                + "saved (--save), not the broken one"})
final class TrainCommand implements Callable<Integer> {
    /** The most iterations one run may ask for. */
    static final long MAX_ITERATIONS = 1_000_000_000L;
    /** The most samples the text output lists. */
    static final int MAX_SAMPLE_LINES = 20;
    /** A sample with more inputs than this is listed by its outputs and target only (an image's 64 pixels). */
    static final int MAX_INPUTS_SHOWN = 8;

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions source;

    static final class Length {
        @Option(names = "--iterations", paramLabel = "N", preprocessor = NumberOptions.Count.class,
                description = "updates to run, 0 to 1e9 (default: the scenario's)")
        Long iterations;

        @Option(names = "--epochs", paramLabel = "N", preprocessor = NumberOptions.Count.class,
                description = "passes over the data to run (at most 1e9 iterations in all)")
        Long epochs;
    }

    @ArgGroup(exclusive = true)
    Length length;

    @Option(names = "--seed", paramLabel = "S", preprocessor = NumberOptions.Seed.class,
            description = "the seed of the initial weights and shuffling")
    Long seed;

    @Option(names = "--learning-rate", paramLabel = "X", preprocessor = NumberOptions.LearningRate.class,
            description = "η, a number ≥ 0 such as 0.5 or 1e-3")
    Double learningRate;

    @Option(names = "--features", paramLabel = "LIST", description = "derived inputs of a data set with two inputs, "
            + "comma-separated: x1sq (x1²), x2sq (x2²), x1x2 (x1·x2), sin1 (sin x1), sin2 (sin x2), or none; other "
            + "features than the scenario's are a new input layer, so the network starts from its seed")
    String features;
    @Mixin
    OptimizerOptions optimizer;

    @Option(names = "--every", paramLabel = "K", preprocessor = NumberOptions.Every.class,
            description = "print (and check) the loss every K iterations (default: 10 lines)")
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
        ScenarioOptions.Loaded l = withFeatures(source.open(seed));
        double scenarioEta = l.scenario().config().learningRate();
        if (learningRate != null) {
            l = l.with(l.scenario().config().withLearningRate(learningRate));
        }
        l = optimizer.applyTo(l);
        Scenario s = l.scenario();
        Trainer t = l.trainer();
        long n = iterations(s, t);
        long k = every != null ? every : Math.max(1, n / 10);
        PrintWriter out = spec.commandLine().getOut();
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), !json && System.console() != null);
        if (!json) {
            out.printf("%s: %s%ntraining %d iterations from iteration %d with %s%n", TerminalText.escape(s.name()),
                    TerminalText.escape(s.description()), n, t.iteration(), eta(s, scenarioEta));
        }
        DivergenceWatch watch = new DivergenceWatch(t, s.dataset());
        DivergenceWatch.Divergence diverged = null;
        for (long i = 1; i <= n && diverged == null; i++) {
            diverged = watch.afterStep(t, t.step());
            if (diverged == null && (i % k == 0 || i == n)) {
                double loss = t.evaluate().loss();
                diverged = watch.checkpoint(t, loss);
                if (!json && diverged == null) {
                    bar.done();
                    out.printf("iteration %8d  loss %.6g%n", t.iteration(), loss);
                }
            }
            bar.update(i, n);
        }
        bar.done();
        if (diverged != null) {
            t.restore(watch.kept());
            if (!json) {
                printDivergence(out, diverged, watch, s.config().learningRate());
            }
        }
        ClassReport classes = ClassReport.of(s.dataset(), t);
        if (json) {
            printJson(out, s, t, diverged, classes);
        } else {
            printOutputs(out, s, t);
            if (classes != null) {
                classes.print(out);
            }
        }
        if (save != null) {
            BackpropFile.of(s, t).write(save);
            if (!json) {
                out.println(diverged == null ? "saved " + TerminalText.escape(save.toString())
                        : "saved iteration " + t.iteration() + ", the last finite state, to "
                        + TerminalText.escape(save.toString()) + " (training diverged at iteration " + diverged.iteration() + ")");
            }
        }
        return diverged == null ? 0 : BackpropLabCli.DIVERGED;
    }

    /**
     * @return {@code l}, or its scenario with the {@code --features} asked for and a trainer on a new network (a new
     *         input layer) when they are not the scenario's own
     * @throws IllegalArgumentException naming a bad value of {@code --features} and what is allowed, or saying why the
     *                                  data set takes no features
     */
    private ScenarioOptions.Loaded withFeatures(ScenarioOptions.Loaded l) {
        if (features == null) {
            return l;
        }
        List<InputFeature> wanted = InputFeature.parseList(features, "--features");
        if (wanted.equals(l.scenario().dataset().features())) {
            return l;
        }
        if (!l.scenario().dataset().takesFeatures()) {
            throw new IllegalArgumentException("--features " + features + ": " + TerminalText.escape(l.scenario().name())
                    + " has " + l.scenario().dataset().inputSize() + " inputs; input features need a data set with two "
                    + "inputs (not counting a bias column)");
        }
        Scenario s = Scenarios.withFeatures(l.scenario(), wanted);
        return new ScenarioOptions.Loaded(s, s.createTrainer());
    }

    /**
     * @return {@code η = 0.5}, and the scenario's own η when {@code --learning-rate} replaced it; then the optimiser
     *         (unless it is plain gradient descent or momentum and not asked for) and the penalty (if any)
     */
    private String eta(Scenario s, double scenarioEta) {
        String used = "η = " + NumberText.editable(s.config().learningRate());
        used = learningRate == null ? used
                : used + " (--learning-rate; the scenario's η is " + NumberText.editable(scenarioEta) + ")";
        Optimizer o = s.config().optimizer();
        if (optimizer.choseOptimizer() || o.kind() != Optimizer.Kind.SGD && o.kind() != Optimizer.Kind.MOMENTUM) {
            used += ", " + o.describe(NumberText::editable);
        }
        Regularization r = s.config().regularization();
        if (r.kind() != Regularization.Kind.NONE) {
            used += ", " + r.kind().title() + " λ = " + NumberText.editable(r.lambda());
        }
        return used;
    }

    /**
     * @return the iterations to run, 0 to {@link #MAX_ITERATIONS}, ending at {@link Trainer#MAX_ITERATION} at most
     */
    private long iterations(Scenario s, Trainer t) {
        long start = t.iteration();
        long n;
        String asked;
        if (length != null && length.epochs != null) {
            long perEpoch = s.config().batch().batchesPerEpoch(t.trainingRowCount());
            n = Math.multiplyExact(length.epochs, perEpoch);
            asked = "--epochs " + length.epochs;
            if (n > MAX_ITERATIONS) {
                throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, "%s is %,d iterations "
                        + "(%,d per epoch): at most %,d are allowed", asked, n, perEpoch, MAX_ITERATIONS));
            }
        } else if (length != null && length.iterations != null) {
            n = length.iterations;
            asked = "--iterations " + n;
        } else {
            n = s.iterations();
            asked = "the scenario's " + n + " iterations";
            if (n > MAX_ITERATIONS) {
                throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, "%s are more than the "
                        + "%,d allowed at once: give --iterations N", asked, MAX_ITERATIONS));
            }
        }
        if (n > Trainer.MAX_ITERATION - start) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, "%s from iteration %,d would "
                    + "go past iteration %,d (2^53), the last a run may reach", asked, start, Trainer.MAX_ITERATION));
        }
        return n;
    }

    private static void printDivergence(PrintWriter out, DivergenceWatch.Divergence d, DivergenceWatch w, double eta) {
        out.printf("training diverged at iteration %d: %s; %s%n", d.iteration(), d.what(), w.explanation(eta));
        out.printf(Double.isFinite(w.keptLoss())
                ? "kept iteration %d (loss %.6g), the last checked one whose loss was finite and at most %d× the lowest so far%n"
                : "kept iteration %d, where the run started (its loss was not finite already)%n",
                w.kept().iteration(), w.keptLoss(), TrainingSession.RESCUE_FACTOR);
    }

    /** Like the tutorials print them: each sample's inputs, output and target; then each probe's output. */
    private static void printOutputs(PrintWriter out, Scenario s, Trainer t) {
        Dataset d = s.dataset();
        RealMatrix y = t.network().predict(d.inputs());
        out.printf("outputs after %d iterations (loss %.6g):%n", t.iteration(), t.evaluate().loss());
        for (int i = 0; i < Math.min(d.size(), MAX_SAMPLE_LINES); i++) {
            double[] x = new double[d.inputSize()];
            double[] target = new double[d.targetSize()];
            for (int c = 0; c < x.length; c++) {
                x[c] = d.input(i, c);
            }
            for (int c = 0; c < target.length; c++) {
                target[c] = d.target(i, c);
            }
            String inputs = x.length > MAX_INPUTS_SHOWN ? "(" + x.length + " inputs)" : numbers(x);
            out.printf("  %-10s %s -> %s  target %s%n", TerminalText.escape(d.label(i)), inputs, numbers(y.getRow(i)),
                    numbers(target));
        }
        if (d.size() > MAX_SAMPLE_LINES) {
            out.printf("  … and %d more samples (--json prints them all)%n", d.size() - MAX_SAMPLE_LINES);
        }
        double[][] p = d.probes();
        for (int i = 0; i < p.length; i++) {
            String label = d.probeLabels().isEmpty() ? "probe " + (i + 1) : d.probeLabels().get(i);
            out.printf("  %-10s %s -> %s%n", TerminalText.escape(label), numbers(p[i]), numbers(t.network().predict(p[i])));
        }
    }

    private static String numbers(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format("%.4f", v[i]));
        }
        return b.append(']').toString();
    }

    /**
     * {@code {"iterations":N,"loss":x,"outputs":[[...]],"probes":[[...]],"learningRate":η,"diverged":false}} on one
     * line, of the state printed (after a divergence, the last finite one kept); {@code diverged} is
     * {@code {"iteration":k,"what":"..."}} after a divergence. For classes it adds {@code "accuracy"},
     * {@code "testAccuracy"}, {@code "confusion"} (rows = true class), {@code "confusionRows"} and {@code "classes"}
     * ({@link ClassReport}). With a penalty ({@code --l2} or {@code --l1}, λ > 0) it ends with {@code "dataLoss"}
     * and {@code "penalty"}, the two terms of {@code loss = L_data + Ω(W)} from the same evaluation. A number that is
     * not finite is written as null.
     */
    private static void printJson(PrintWriter out, Scenario s, Trainer t, DivergenceWatch.Divergence d,
                                  ClassReport classes) throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("iterations", t.iteration());
        org.backproplab.engine.IterationTrace all = t.evaluate();
        o.set("loss", number(all.loss()));
        ArrayNode outputs = o.putArray("outputs");
        for (double[] row : t.network().predict(s.dataset().inputs()).getData()) {
            numbers(outputs.addArray(), row);
        }
        ArrayNode probes = o.putArray("probes");
        for (double[] p : s.dataset().probes()) {
            numbers(probes.addArray(), t.network().predict(p));
        }
        o.set("learningRate", number(s.config().learningRate()));
        if (d == null) {
            o.put("diverged", false);
        } else {
            o.putObject("diverged").put("iteration", d.iteration()).put("what", d.what());
        }
        if (classes != null) {
            classes.addTo(o);
        }
        if (!t.config().regularization().isOff()) {
            o.set("dataLoss", number(all.dataLoss()));
            o.set("penalty", number(all.penalty()));
        }
        out.println(m.writeValueAsString(o));
    }

    private static void numbers(ArrayNode a, double[] v) {
        for (double x : v) {
            a.add(number(x));
        }
    }

    /** @return {@code v} as a JSON number, or null if it is NaN or infinite (JSON has no such numbers) */
    private static JsonNode number(double v) {
        return Double.isFinite(v) ? DoubleNode.valueOf(v) : NullNode.getInstance();
    }
}

package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An exported script, run by {@code python3} with NumPy, prints the numbers the engine computes: the training (and
 * test) loss at every printed iteration and every sample's output after training, each within {@link #TOLERANCE}
 * (relative to the number, absolute below 1). Every preset is checked for its own length of training, and variants
 * cover what the presets do not: momentum (from the start, and carried on from the middle of a run), a seed whose
 * high bits are set, per-sample and mini-batch orders with and without shuffling, binary cross-entropy, softmax
 * with a squared error, leaky ReLU and linear layers, and every optimiser and penalty ({@link #optimisersAndPenalties}).
 * Skipped, saying why, where Python or NumPy is missing.
 */
class PythonExportTest {
    /** The agreement asked of the script: 1e-12, relative for numbers above 1. */
    static final double TOLERANCE = 1e-12;

    @TempDir
    Path dir;

    /** A scenario, where its export starts (iterations trained first) and how long it runs. */
    record Case(String label, Scenario scenario, long trainedFirst, long iterations) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> c = new ArrayList<>();
        for (String name : Presets.names()) {
            Scenario s = Presets.get(name);
            c.add(new Case(name, s, 0, s.iterations()));
        }
        Scenario xor = Presets.get("xor");
        c.add(new Case("xor, momentum 0.9", xor.withConfig(xor.config().withMomentum(0.9)), 0, 600));
        Scenario gender = Presets.get("gender");
        c.add(new Case("gender, momentum 0.5, shuffled per sample, seed -3000000000123, from iteration 37",
                gender.withConfig(gender.config().withMomentum(0.5).withShuffle(true).withSeed(-3_000_000_000_123L)),
                37, 400));
        c.add(new Case("gender, mini-batches of 3 in order", gender.withConfig(gender.config().withBatch(BatchMode.miniBatch(3))),
                0, 300));
        Scenario and = Presets.get("and");
        c.add(new Case("and, binary cross-entropy", and.withConfig(and.config().withLoss(Loss.BCE)), 0, 500));
        Scenario clusters = Presets.get("three-clusters");
        c.add(new Case("three-clusters, softmax with mse, mini-batches of 7 shuffled", clusters.withConfig(
                clusters.config().withLoss(Loss.MSE).withBatch(BatchMode.miniBatch(7)).withShuffle(true)), 0, 400));
        Scenario xorBias = Presets.get("xor-bias");
        c.add(new Case("xor-bias, leaky ReLU and linear layers", xorBias.withLayers(List.of(
                new LayerSpec(5, Activation.LEAKY_RELU, true), new LayerSpec(3, Activation.LINEAR, false),
                new LayerSpec(1, Activation.SIGMOID, true))), 0, 800));
        c.addAll(optimisersAndPenalties());
        return c.stream().map(Arguments::of);
    }

    /**
     * Every optimiser and both penalties, from the start and carried on from the middle of a run (the optimiser's
     * memory and Adam's count t copied into the script).
     */
    static List<Case> optimisersAndPenalties() {
        Scenario xor = Presets.get("xor");
        Scenario clusters = Presets.get("three-clusters");
        Scenario gender = Presets.get("gender");
        Scenario and = Presets.get("and");
        List<Case> c = new ArrayList<>();
        for (Optimizer.Kind k : List.of(Optimizer.Kind.NESTEROV, Optimizer.Kind.RMSPROP, Optimizer.Kind.ADAM)) {
            double eta = k == Optimizer.Kind.NESTEROV ? 0.5 : 0.02;
            // RMSProp divides by √s, so on xor's saddle (loss 1 for the first 90 iterations) it magnifies a last-bit
            // difference of NumPy's matrix product to 1e-12 by iteration 95: its script starts past the saddle
            long first = k == Optimizer.Kind.RMSPROP ? 150 : 0;
            c.add(new Case("xor, " + k.id() + ", η " + eta + (first > 0 ? ", from iteration " + first : ""),
                    xor.withConfig(xor.config().withLearningRate(eta).withOptimizer(Optimizer.of(k))), first, 450));
            c.add(new Case("three-clusters, " + k.id() + ", η " + eta, clusters.withConfig(clusters.config()
                    .withLearningRate(eta).withOptimizer(Optimizer.of(k))), 0, 300));
        }
        c.add(new Case("gender, L2 λ 0.01, per sample", gender.withConfig(gender.config()
                .withRegularization(Regularization.l2(0.01))), 0, 400));
        c.add(new Case("gender, L1 λ 0.003, per sample", gender.withConfig(gender.config()
                .withRegularization(Regularization.l1(0.003))), 0, 400));
        c.add(new Case("xor, adam β1 0.8 β2 0.99 ε 1e-6, L2 λ 0.001, from iteration 37", xor.withConfig(xor.config()
                .withLearningRate(0.05).withOptimizer(Optimizer.adam(0.8, 0.99, 1e-6))
                .withRegularization(Regularization.l2(0.001))), 37, 300));
        c.add(new Case("three-clusters, rmsprop ρ 0.95, L1 λ 0.002, mini-batches of 7 shuffled, from iteration 25",
                clusters.withConfig(clusters.config().withLearningRate(0.01).withOptimizer(Optimizer.rmsprop(0.95, 1e-8))
                        .withRegularization(Regularization.l1(0.002)).withBatch(BatchMode.miniBatch(7)).withShuffle(true)),
                25, 200));
        c.add(new Case("and, nesterov μ 0.7, per sample shuffled, from iteration 41", and.withConfig(and.config()
                .withOptimizer(Optimizer.nesterov(0.7)).withBatch(BatchMode.SAMPLE).withShuffle(true)), 41, 300));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theExportedScriptPrintsTheEnginesNumbers(Case c) throws IOException {
        String why = PythonRun.unavailable();
        assumeTrue(why == null, () -> "skipped: " + why);
        Trainer t = c.scenario().createTrainer();
        t.train(c.trainedFirst());
        TrainerState start = t.state();
        long every = Math.max(1, c.iterations() / 10);
        String script = PythonExport.script(c.scenario().name(), start, c.iterations(), every);

        PythonRun.Output python = PythonRun.script(script, dir);
        PythonRun.Output engine = engine(t, start, c.iterations(), every);

        assertEquals(engine.losses().keySet(), python.losses().keySet(), "the iterations whose loss is printed");
        assertEquals(engine.outputs().size(), python.outputs().size(), "one output line per sample");
        assertEquals(engine.testSamples(), python.testSamples(), "the samples marked as held out");
        double worst = 0;
        String where = "";
        for (Map.Entry<Long, double[]> e : engine.losses().entrySet()) {
            double[] p = python.losses().get(e.getKey());
            for (int i = 0; i < 2; i++) {
                double d = difference(e.getValue()[i], p[i]);
                if (d > worst) {
                    worst = d;
                    where = (i == 0 ? "training" : "test") + " loss at iteration " + e.getKey();
                }
            }
        }
        for (int r = 0; r < engine.outputs().size(); r++) {
            double[] want = engine.outputs().get(r);
            double[] got = python.outputs().get(r);
            assertEquals(want.length, got.length, "outputs of sample " + (r + 1));
            for (int k = 0; k < want.length; k++) {
                double d = difference(want[k], got[k]);
                if (d > worst) {
                    worst = d;
                    where = "output " + (k + 1) + " of sample " + (r + 1);
                }
            }
        }
        System.out.printf(Locale.ROOT, "export as code, %s: %d iterations, largest difference %.3g (%s)%n", c, c.iterations(),
                worst, where.isEmpty() ? "none" : where);
        double w = worst;
        String at = where;
        assertTrue(w <= TOLERANCE, () -> c + ": the script differs from the engine by " + w + " in the " + at);
    }

    @Test
    void aNameCannotEndTheCommentItIsWrittenIn() {
        TrainerState start = Presets.get("xor").createTrainer().state();
        String script = PythonExport.script("xor\nimport os\u2028os.system('x')\r", start, 10, 5);
        assertTrue(script.startsWith("#!/usr/bin/env python3\n# xor import os os.system('x'): a network exported"), script);
        assertTrue(script.lines().noneMatch(l -> l.startsWith("import os") || l.startsWith("os.")), script);
    }

    @Test
    void refusesALengthOrAnIntervalThatCannotBe() {
        TrainerState start = Presets.get("xor").createTrainer().state();
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> PythonExport.script("xor", start, -1, 5));
        assertEquals("iterations -1 are not allowed: expected 0 to " + Trainer.MAX_ITERATION + " from iteration 0",
                negative.getMessage());
        IllegalArgumentException every = assertThrows(IllegalArgumentException.class,
                () -> PythonExport.script("xor", start, 10, 0));
        assertEquals("printing the loss every 0 iterations is not allowed: expected 1 or more", every.getMessage());
    }

    @Test
    void weightsAndDataAreWrittenExactly() {
        assertEquals("0.1", PythonExport.literal(0.1));
        assertEquals("-0.0", PythonExport.literal(-0.0));
        assertEquals("0", PythonExport.literal(0.0));
        for (double v : new double[] {Math.PI, -1e-300, Double.MIN_VALUE, Double.MAX_VALUE, 1.0 / 3, 135, 2.5e-7}) {
            assertEquals(v, Double.parseDouble(PythonExport.literal(v)), "read back exactly: " + PythonExport.literal(v));
        }
    }

    /** The engine's numbers for the same run, as the script prints them. */
    static PythonRun.Output engine(Trainer t, TrainerState start, long n, long every) {
        t.restore(start);
        Map<Long, double[]> losses = new LinkedHashMap<>();
        losses.put(t.iteration(), new double[] {t.datasetLoss(), t.testLoss()});
        for (long i = 1; i <= n; i++) {
            t.step();
            if (i % every == 0 || i == n) {
                losses.put(t.iteration(), new double[] {t.datasetLoss(), t.testLoss()});
            }
        }
        RealMatrix yHat = t.network().predict(new Array2DRowRealMatrix(start.inputs(), false));
        List<double[]> outputs = new ArrayList<>();
        for (int r = 0; r < yHat.getRowDimension(); r++) {
            outputs.add(yHat.getRow(r));
        }
        List<Integer> test = new ArrayList<>();
        for (int r : t.testRows()) {
            test.add(r);
        }
        return new PythonRun.Output(losses, outputs, test);
    }

    /** @return {@code |a − b|}, relative to {@code |a|} when that is above 1; infinite if one is NaN and not both */
    static double difference(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b) ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(a - b) / Math.max(1, Math.abs(a));
    }
}

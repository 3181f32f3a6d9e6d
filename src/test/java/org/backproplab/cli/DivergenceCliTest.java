package org.backproplab.cli;

import static org.backproplab.cli.BackpropLabCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.backproplab.cli.BackpropLabCliTest.Run;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Trainer;
import org.backproplab.io.BackpropFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that diverges says where and what, exits 3, keeps valid JSON and never saves broken weights. The scenario:
 * xor with every layer linear at η = 1, whose loss overflows within a few iterations.
 */
class DivergenceCliTest {
    @TempDir
    Path dir;

    private static final Scenario LINEAR = Presets.xor().withLayers(List.of(new LayerSpec(4, Activation.LINEAR, false),
            new LayerSpec(1, Activation.LINEAR, false)));

    private Path linearFile() throws Exception {
        Path f = dir.resolve("linear.json");
        BackpropFile.initial(LINEAR).write(f);
        return f;
    }

    /** The engine's own answer: the iteration after which the trainer reports divergence. */
    private static long divergesAt() {
        Trainer t = LINEAR.createTrainer();
        while (!t.isDiverged()) {
            t.step();
        }
        return t.iteration();
    }

    /**
     * The window's landing, worked out from the engine's losses: the last checkpoint (every {@code every} iterations,
     * the start included) before {@code k} whose loss over all samples is at most 10× the lowest so far.
     */
    private static long expectedKept(long every, long k) {
        Trainer t = LINEAR.createTrainer();
        double lowest = t.evaluate().loss();
        long kept = 0;
        for (long i = 1; i < k; i++) {
            t.step();
            if (i % every == 0) {
                double loss = t.evaluate().loss();
                lowest = Math.min(lowest, loss);
                kept = loss <= 10 * lowest ? i : kept;
            }
        }
        return kept;
    }

    /** The weights after {@code k} iterations, trained by the engine alone. */
    private static Trainer trainedFor(long k) {
        Trainer t = LINEAR.createTrainer();
        t.train(k);
        return t;
    }

    @Test
    void theTextSaysWhereAndWhatAndExitsThree() throws Exception {
        long k = divergesAt();
        assertTrue(k > 2 && k < 100, "the scenario diverges early: " + k);
        Path save = dir.resolve("out.json");
        Run r = run("train", "--load", linearFile().toString(), "--iterations", "100", "--every", "2", "--save",
                save.toString());
        assertEquals(BackpropLabCli.DIVERGED, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("training diverged at iteration " + k + ": the loss became "), r.out());
        assertTrue(r.out().contains("η = 1 is too large for this network"), r.out());
        assertFalse(r.out().contains("NaN  ") || r.out().contains("loss NaN") || r.out().contains("loss inf"), r.out());
        long kept = expectedKept(2, k);
        assertTrue(r.out().contains("iteration        4  loss 2.99055e+194"), "checked, but 10^192 × the lowest: " + r.out());
        assertTrue(r.out().contains("kept iteration " + kept + " (loss "), r.out());
        assertTrue(r.out().contains("outputs after " + kept + " iterations"), r.out());
        assertTrue(r.out().contains("saved iteration " + kept + ", the last finite state, to " + save
                + " (training diverged at iteration " + k + ")"), r.out());

        BackpropFile saved = BackpropFile.read(save);
        assertEquals(kept, saved.iteration());
        assertTrue(saved.network().sameAs(trainedFor(kept).network()), "the weights of the last finite checkpoint");
    }

    @Test
    void savingOverTheInputKeepsItsGoodWeights() throws Exception {
        Path f = linearFile();
        Run r = run("train", "--load", f.toString(), "--iterations", "100", "--save", f.toString());
        assertEquals(BackpropLabCli.DIVERGED, r.status(), r.out() + r.err());
        BackpropFile back = BackpropFile.read(f);
        assertEquals(0, back.iteration(), "the checkpoint every 10 iterations: only the start was finite and in range");
        assertTrue(back.network().sameAs(LINEAR.createNetwork()));
    }

    /** @return the first iteration after which the loss over all samples is not finite */
    private static long lossOverflowsAt() {
        Trainer t = LINEAR.createTrainer();
        do {
            t.step();
        } while (Double.isFinite(t.evaluate().loss()));
        return t.iteration();
    }

    /** Checked after every iteration, the loss over all samples overflows one iteration before the batch loss does. */
    @Test
    void jsonStaysValidWithADivergedField() throws Exception {
        long k = lossOverflowsAt();
        assertEquals(divergesAt() - 1, k, "full batch: iteration k + 1 computes the loss of the weights after k");
        Run r = run("train", "--load", linearFile().toString(), "--iterations", "100", "--every", "1", "--json");
        assertEquals(BackpropLabCli.DIVERGED, r.status(), r.out() + r.err());
        assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), r.out());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(k, j.get("diverged").get("iteration").asLong());
        assertTrue(j.get("diverged").get("what").asText().startsWith("the loss over all samples became "), r.out());
        assertEquals(expectedKept(1, k), j.get("iterations").asLong());
        assertTrue(j.get("loss").isNumber() && Double.isFinite(j.get("loss").asDouble()), r.out());
        for (JsonNode row : j.get("outputs")) {
            assertTrue(row.get(0).isNumber(), r.out());
        }
        assertEquals(trainedFor(expectedKept(1, k)).evaluate().loss(), j.get("loss").asDouble());
        assertEquals(1.0, j.get("learningRate").asDouble());

        Run fine = run("train", "--preset", "xor", "--iterations", "5", "--json");
        assertEquals(0, fine.status(), fine.err());
        assertTrue(new ObjectMapper().readTree(fine.out()).get("diverged").isBoolean(), fine.out());
        assertFalse(new ObjectMapper().readTree(fine.out()).get("diverged").asBoolean());
    }

    /**
     * A weight that overflows while the loss is still finite is named: hidden activations near 1e307 times output
     * weights of 1e-307 give outputs near 10, but the gradient of an output weight, a sum of 4 samples × 1e307,
     * is infinite.
     */
    @Test
    void aWeightThatOverflowsIsNamed() throws Exception {
        Trainer t = LINEAR.createTrainer();
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 3; i++) {
                t.setWeight(1, i, j, 1e307);
            }
            t.setWeight(2, j, 0, 1e-307);
        }
        assertTrue(Double.isFinite(t.evaluate().loss()));
        Path f = dir.resolve("huge.json");
        BackpropFile.of(LINEAR, t).write(f);
        Run r = run("train", "--load", f.toString(), "--iterations", "10");
        assertEquals(BackpropLabCli.DIVERGED, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("training diverged at iteration 1: weight W2[1,1] became infinite; "), r.out());
        assertTrue(r.out().contains("kept iteration 0 (loss 258.000)"), r.out());
    }

    /** Weights whose loss overflows before any training: the explanation blames the numbers, not η. */
    @Test
    void aFileThatStartsBrokenIsExplained() throws Exception {
        Trainer t = LINEAR.createTrainer();
        t.setWeight(2, 3, 0, 1e300);
        Path f = dir.resolve("broken.json");
        BackpropFile.of(LINEAR, t).write(f);
        Run r = run("train", "--load", f.toString(), "--iterations", "10", "--save", f.toString());
        assertEquals(BackpropLabCli.DIVERGED, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("training diverged at iteration 1: the loss became infinite; the loss was not finite "
                + "from the start: an input or a weight is too large for this network."), r.out());
        assertTrue(r.out().contains("kept iteration 0, where the run started"), r.out());
        assertTrue(BackpropFile.read(f).network().sameAs(t.network()), "the file is as it was");
    }
}

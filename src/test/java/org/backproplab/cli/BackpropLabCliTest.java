package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Trainer;
import org.backproplab.io.BackpropFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackpropLabCliTest {
    /** The outcome of one run: exit status, stdout, stderr. */
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BackpropLabCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void trainXorPrintsLossEveryKAndOutputsNextToTargets() {
        Run r = run("train", "--preset", "xor", "--every", "500");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err(), "no progress bar without a terminal");
        assertTrue(r.out().contains("training 1500 iterations"), r.out());
        assertEquals(3, r.out().lines().filter(l -> l.startsWith("iteration ")).count(), r.out());
        assertTrue(r.out().contains("iteration     1500  loss "), r.out());
        assertTrue(r.out().contains("0 xor 1    [0.0000, 1.0000, 1.0000] -> [0.9"), r.out());
        assertTrue(r.out().contains("target [1.0000]"), r.out());
    }

    @Test
    void trainGenderPrintsTheProbes() {
        Run r = run("train", "--preset", "gender", "--epochs", "1000");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("training 4000 iterations"), r.out());
        assertTrue(r.out().contains("Emily      [-7.0000, -3.0000] -> [0.9"), r.out());
        assertTrue(r.out().contains("Frank      [20.0000, 2.0000] -> [0.0"), r.out());
    }

    @Test
    void jsonIsOneObjectWithTheEngineNumbers() throws Exception {
        Run r = run("train", "--preset", "gender", "--iterations", "40", "--seed", "3", "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        JsonNode j = new ObjectMapper().readTree(r.out());
        Scenario s = Presets.get("gender");
        Trainer t = s.withConfig(s.config().withSeed(3)).createTrainer();
        t.train(40);
        assertEquals(40, j.get("iterations").asLong());
        assertEquals(t.evaluate().loss(), j.get("loss").asDouble());
        assertEquals(4, j.get("outputs").size());
        assertEquals(t.network().predict(new double[] {25, 6})[0], j.get("outputs").get(1).get(0).asDouble());
        assertEquals(2, j.get("probes").size());
    }

    @Test
    void learningRateAndSeedChangeTheRun() {
        String a = run("train", "--preset", "xor", "--iterations", "5", "--json").out();
        assertFalse(a.equals(run("train", "--preset", "xor", "--iterations", "5", "--json", "--seed", "2").out()));
        assertFalse(a.equals(run("train", "--preset", "xor", "--iterations", "5", "--json", "--learning-rate", "0.5").out()));
        assertEquals(a, run("train", "--preset", "xor", "--iterations", "5", "--json", "--seed", "1").out());
    }

    @Test
    void saveThenLoadContinuesTraining(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("xor.json");
        assertEquals(0, run("train", "--preset", "xor", "--iterations", "700", "--save", f.toString()).status());
        assertEquals(700, BackpropFile.read(f).iteration());
        Run more = run("train", "--load", f.toString(), "--iterations", "800", "--json");
        assertEquals(0, more.status(), more.err());
        Run straight = run("train", "--preset", "xor", "--iterations", "1500", "--json");
        assertEquals(straight.out(), more.out(), "700 + 800 iterations are 1500 iterations");
    }

    @Test
    void exportWritesTheInitialState(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("g.json");
        Run r = run("export", "--preset", "gender", "--seed", "9", "--out", f.toString());
        assertEquals(0, r.status(), r.err());
        Scenario s = Presets.get("gender");
        BackpropFile back = BackpropFile.read(f);
        assertEquals(0, back.iteration());
        assertTrue(back.network().sameAs(s.withConfig(s.config().withSeed(9)).createNetwork()));
    }

    @Test
    void presetsListsEveryPreset() {
        Run r = run("presets");
        assertEquals(0, r.status());
        assertEquals(Presets.names().size(), r.out().lines().count(), r.out());
        assertTrue(r.out().startsWith("xor "), r.out());
        assertTrue(r.out().contains("(default)"), r.out());
    }

    @Test
    void gradcheckPrintsTheLargestRelativeError(@TempDir Path dir) throws Exception {
        Run r = run("gradcheck", "--preset", "gender");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().matches("(?s)gender: 9 parameters, max relative error \\d\\.\\d{3}e-\\d+ at [Wb]\\d.*PASS\\R"
                + "  9 pass, 0 fail, 0 at a kink \\(not comparable\\)\\R"), r.out());
        Path f = dir.resolve("x.json");
        BackpropFile.initial(Presets.get("xor-bias")).write(f);
        assertEquals(0, run("gradcheck", "--load", f.toString()).status());
    }

    /** Every preset's own initial state passes: a difference step across a ReLU kink is not a failure. */
    @Test
    void gradcheckPassesOnEveryPresetsInitialState() {
        for (String name : Presets.names()) {
            Run r = run("gradcheck", "--preset", name);
            assertEquals(0, r.status(), name + ": " + r.out() + r.err());
            assertTrue(r.out().startsWith(name + ": ") && r.out().lines().findFirst().orElseThrow().endsWith(": PASS"), r.out());
            assertTrue(r.out().contains(" 0 fail, "), r.out());
        }
        Run relu = run("gradcheck", "--preset", "relu-mlp");
        assertTrue(relu.out().contains("337 pass, 0 fail, 0 at a kink (not comparable); 45 compared at a smaller step"),
                relu.out());
    }

    @Test
    void gradcheckListsParametersAtAKinkAndStillPasses() {
        Run r = run("gradcheck", "--preset", "relu-mlp", "--seed", "13");
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("335 pass, 0 fail, 2 at a kink (not comparable)"), r.out());
        assertTrue(r.out().contains("  at a kink, not comparable: b3[0]: z3[0] of sample #103 changes side of 0 even at h = 1e-08\n"),
                r.out());
        assertTrue(r.out().contains("  at a kink, not comparable: b2[8]: z2[8] of sample #159 changes side of 0"), r.out());
    }

    /** Weights so large that the loss overflows: no difference quotient can confirm a gradient, exit 1. */
    @Test
    void gradcheckFailsWhereTheGradientsCannotBeConfirmed(@TempDir Path dir) throws Exception {
        Scenario xor = Presets.xor();
        Scenario linear = xor.withLayers(List.of(new LayerSpec(4, Activation.LINEAR, false),
                new LayerSpec(1, Activation.LINEAR, false)));
        Trainer t = linear.createTrainer();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                t.setWeight(1, i, j, 1e100);
                t.setWeight(2, j, 0, 1e100);
            }
        }
        Path f = dir.resolve("overflow.json");
        BackpropFile.of(linear, t).write(f);
        Run r = run("gradcheck", "--load", f.toString());
        assertEquals(1, r.status(), r.out());
        assertTrue(r.out().contains("FAIL (tolerance 1.0E-6)") && r.out().contains("0 pass, 16 fail, 0 at a kink"), r.out());
        assertTrue(r.out().contains("  FAIL W1[0][0]: relative error Infinity"), r.out());
    }

    @Test
    void userErrorsExitTwoWithOneLineAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path malformed = dir.resolve("bad.json");
        Files.writeString(malformed, "{\"format\": \"backprop-lab/1\", \"layers\": [{\"size\": 0}]}");
        Path notJson = dir.resolve("junk.json");
        Files.writeString(notJson, "hello");
        String[][] cases = {
            {"train", "--preset", "nope"},
            {"train", "--preset", "xor", "--frobnicate"},
            {"train"},
            {"train", "--preset", "xor", "--load", "x.json"},
            {"train", "--load", dir.resolve("absent.json").toString()},
            {"train", "--load", dir.toString()},
            {"train", "--load", malformed.toString()},
            {"gradcheck", "--load", notJson.toString()},
            {"train", "--preset", "xor", "--iterations", "abc"},
            {"train", "--preset", "xor", "--iterations", "-1"},
            {"train", "--preset", "xor", "--iterations", "5", "--epochs", "5"},
            {"train", "--preset", "xor", "--learning-rate", "NaN"},
            {"train", "--preset", "xor", "--learning-rate", "-1"},
            {"train", "--preset", "xor", "--every", "0"},
            {"train", "--preset", "xor", "--seed", "1.5"},
            {"export", "--preset", "xor"},
            {"export", "--preset", "xor", "--out", dir.resolve("no/such/dir/x.json").toString()},
            {"frobnicate"},
            {},
        };
        for (String[] c : cases) {
            Run r = run(c);
            String what = String.join(" ", c) + " -> " + r.err();
            assertEquals(2, r.status(), what);
            assertEquals(1, r.err().lines().count(), what);
            assertTrue(r.err().startsWith("backprop-lab: "), what);
            assertFalse(r.err().contains("\tat "), what);
            assertFalse(r.err().contains("Exception"), what);
        }
        assertTrue(run("train", "--preset", "nope").err().contains("unknown preset 'nope'"));
        assertTrue(run("train", "--load", malformed.toString()).err().contains("bad.json: layers: has 1 entries"));
        assertTrue(run("export", "--preset", "xor", "--out", dir.resolve("no/x.json").toString()).err()
                .startsWith("backprop-lab: cannot save to " + dir.resolve("no/x.json") + ": the folder "));
    }
}

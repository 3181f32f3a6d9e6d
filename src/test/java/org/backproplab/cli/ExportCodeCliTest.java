package org.backproplab.cli;

import static org.backproplab.cli.BackpropLabCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.cli.BackpropLabCliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export-code}: the script of File → Export as code from the command line, and its refusals. */
class ExportCodeCliTest {
    @TempDir
    Path dir;

    @Test
    void writesAScriptThatTrainsAsTrainDoes() throws Exception {
        Path py = dir.resolve("gender.py");
        Run r = run("export-code", "--preset", "gender", "--seed", "3", "--iterations", "40", "--every", "10", "-o", py.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("wrote " + py + ": python3 gender.py trains gender for 40 iterations from iteration 0\n", r.out());
        String script = Files.readString(py);
        assertTrue(script.startsWith("#!/usr/bin/env python3\n# gender: "), script);
        assertTrue(script.contains("\nITERATIONS = 40 ") && script.contains("\nEVERY = 10 ") && script.contains("\nSEED = 3 "),
                script);

        List<String> printed = python(py);
        assertEquals(5 + 4, printed.size(), "iterations 0, 10, 20, 30, 40, then the 4 samples: " + printed);
        JsonNode trained = new ObjectMapper().readTree(run("train", "--preset", "gender", "--seed", "3", "--iterations", "40",
                "--json").out());
        for (int s = 0; s < 4; s++) {
            double want = trained.get("outputs").get(s).get(0).asDouble();
            double got = Double.parseDouble(printed.get(5 + s).split("y_hat ")[1].strip());
            assertEquals(want, got, 1e-12, "sample " + (s + 1) + ": " + printed.get(5 + s));
        }
    }

    @Test
    void theOptimiserAndThePenaltyAreTrainsOwn() throws Exception {
        String[] choice = {"--preset", "gender", "--optimizer", "adam", "--l1", "0.002", "--iterations", "40"};
        Path py = dir.resolve("gender.py");
        Run r = run(concat(new String[] {"export-code"}, choice, new String[] {"--every", "40", "-o", py.toString()}));
        assertEquals(0, r.status(), r.err());
        String script = Files.readString(py);
        assertTrue(script.contains("\n# and the optimiser Adam, per weight w (and bias):\n") && script.contains("\nBETA2 = 0.999 ")
                && script.contains("\n# the penalty on the weights L1: ") && script.contains("\nLAMBDA = 0.002 "), script);

        List<String> printed = python(py);
        assertEquals(2 + 4, printed.size(), "iterations 0 and 40, then the 4 samples: " + printed);
        JsonNode trained = new ObjectMapper().readTree(run(concat(new String[] {"train"}, choice, new String[] {"--json"})).out());
        double loss = Double.parseDouble(printed.get(1).split("loss ")[1]);
        assertEquals(trained.get("loss").asDouble(), loss, 1e-12, "data loss + penalty: " + printed.get(1));
        for (int s = 0; s < 4; s++) {
            double want = trained.get("outputs").get(s).get(0).asDouble();
            double got = Double.parseDouble(printed.get(2 + s).split("y_hat ")[1].strip());
            assertEquals(want, got, 1e-12, "sample " + (s + 1) + ": " + printed.get(2 + s));
        }
    }

    /** A file keeps the optimiser and the penalty; like {@code train --load}, its optimiser starts remembering afresh. */
    @Test
    void aSavedAdamRunGoesOnAsTrainLoadDoes() throws Exception {
        Path saved = dir.resolve("gender.json");
        assertEquals(0, run("train", "--preset", "gender", "--optimizer", "adam", "--l2", "0.01", "--iterations", "50",
                "--save", saved.toString()).status());
        Path py = dir.resolve("gender.py");
        Run r = run("export-code", "--load", saved.toString(), "--iterations", "30", "--every", "30", "-o", py.toString());
        assertEquals(0, r.status(), r.err());
        String script = Files.readString(py);
        assertTrue(script.contains("\n# and the optimiser Adam, ") && script.contains("\nLAMBDA = 0.01 "), script);
        List<String> printed = python(py);
        JsonNode trained = new ObjectMapper().readTree(run("train", "--load", saved.toString(), "--iterations", "30",
                "--json").out());
        assertEquals(trained.get("loss").asDouble(), Double.parseDouble(printed.get(1).split("loss ")[1]), 1e-12,
                printed.get(1));
        for (int s = 0; s < 4; s++) {
            double got = Double.parseDouble(printed.get(2 + s).split("y_hat ")[1].strip());
            assertEquals(trained.get("outputs").get(s).get(0).asDouble(), got, 1e-12, printed.get(2 + s));
        }
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    @Test
    void aSavedFileStartsFromItsIteration() throws Exception {
        Path saved = dir.resolve("xor.json");
        assertEquals(0, run("train", "--preset", "xor", "--iterations", "50", "--save", saved.toString()).status());
        Path py = dir.resolve("xor.py");
        Run r = run("export-code", "--load", saved.toString(), "--iterations", "30", "--out", py.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().endsWith("trains xor for 30 iterations from iteration 50\n"), r.out());
        assertTrue(Files.readString(py).contains("\nSTART = 50 "));
        List<String> printed = python(py);
        assertTrue(printed.get(0).startsWith("iteration 50  loss "), printed.get(0));
        JsonNode trained = new ObjectMapper().readTree(run("train", "--load", saved.toString(), "--iterations", "30",
                "--json").out());
        double last = Double.parseDouble(printed.get(printed.size() - 5).split("loss ")[1]);
        assertEquals(trained.get("loss").asDouble(), last, 1e-12, printed.get(printed.size() - 5));
    }

    @Test
    void refusalsWriteNothingAndSayWhyOnOneLine() throws Exception {
        Path py = dir.resolve("x.py");
        String[][] cases = {
            {"export-code", "--preset", "nope", "-o", py.toString()},
            {"export-code", "--preset", "xor"},
            {"export-code", "--preset", "xor", "--every", "0", "-o", py.toString()},
            {"export-code", "--preset", "xor", "--iterations", "-1", "-o", py.toString()},
            {"export-code", "--preset", "xor", "-o", dir.resolve("no/such/x.py").toString()},
            {"export-code", "--preset", "xor", "--optimizer", "adagrad", "-o", py.toString()},
            {"export-code", "--preset", "xor", "--l2", "-1", "-o", py.toString()},
            {"export-code", "--preset", "xor", "--l1", "0.1", "--l2", "0.1", "-o", py.toString()},
        };
        for (String[] c : cases) {
            Run r = run(c);
            String what = String.join(" ", c) + " -> " + r.err();
            assertEquals(2, r.status(), what);
            assertEquals(1, r.err().lines().count(), what);
            assertTrue(r.err().startsWith("backprop-lab: "), what);
            assertFalse(Files.exists(py), what);
        }
        assertTrue(run("export-code", "--preset", "xor", "-o", dir.resolve("no/x.py").toString()).err()
                .startsWith("backprop-lab: cannot save to " + dir.resolve("no/x.py") + ": the folder "));
        Files.writeString(py, "kept");
        assertEquals(2, run("export-code", "--preset", "nope", "-o", py.toString()).status());
        assertEquals("kept", Files.readString(py), "a refused export leaves the file as it was");
    }

    /** @return the lines {@code python3 script} printed; skips the test where Python with NumPy is missing */
    private List<String> python(Path script) throws Exception {
        Process check;
        try {
            check = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "skipped: python3 is not on the PATH, so the exported script is not run");
            return List.of();
        }
        assumeTrue(check.waitFor(2, TimeUnit.MINUTES) && check.exitValue() == 0,
                "skipped: python3 cannot import NumPy, so the exported script is not run");
        Path out = dir.resolve("printed.txt");
        Process p = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the script finishes");
        List<String> lines = Files.readAllLines(out);
        assertEquals(0, p.exitValue(), String.join("\n", lines));
        return lines;
    }
}

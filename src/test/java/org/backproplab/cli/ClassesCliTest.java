package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.data.Accuracy;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.data.StratifiedSplit;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.Test;

/** {@code train} on data sets of classes: accuracy and the confusion matrix, in text and in JSON. */
class ClassesCliTest {

    /** The same preset trained here, the engine's own predictions recounted. */
    private static Trainer trained(String preset, long iterations) {
        Scenario s = Presets.get(preset);
        Trainer t = s.createTrainer();
        t.train(iterations);
        return t;
    }

    private static int[][] recount(Trainer t) {
        RealMatrix out = t.network().predict(t.inputs());
        int k = t.targets().getColumnDimension();
        int[][] m = new int[k][k];
        for (int r : t.testRows()) {
            int truth = 0;
            int best = 0;
            for (int c = 1; c < k; c++) {
                truth = t.targets().getEntry(r, c) > t.targets().getEntry(r, truth) ? c : truth;
                best = out.getEntry(r, c) > out.getEntry(r, best) ? c : best;
            }
            m[truth][best]++;
        }
        return m;
    }

    @Test
    void trainDigitsPrintsAccuracyAndTheConfusionMatrix() {
        BackpropLabCliTest.Run r = BackpropLabCliTest.run("train", "--preset", "digits", "--iterations", "200");
        assertEquals(0, r.status(), r.err());
        Trainer t = trained("digits", 200);
        double[][] yHat = t.network().predict(t.inputs()).getData();
        double train = Accuracy.of(yHat, t.targets().getData(), StratifiedSplit.trainRows(1797, t.testRows()));
        double test = Accuracy.of(yHat, t.targets().getData(), t.testRows());
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "accuracy %.1f %% on the 1346 training rows", 100 * train)), r.out());
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "test accuracy %.1f %% on the 451 test rows", 100 * test)), r.out());
        assertTrue(r.out().contains("confusion matrix (test rows; a row per true class, a column per predicted class)"));
        int[][] m = recount(t);
        for (int row = 0; row < 10; row++) {
            Matcher line = Pattern.compile("(?m)^  " + row + " +((?:\\d+ *){10})$").matcher(r.out());
            assertTrue(line.find(), "row " + row + " of the matrix in " + r.out());
            String[] cells = line.group(1).trim().split(" +");
            for (int c = 0; c < 10; c++) {
                assertEquals(m[row][c], Integer.parseInt(cells[c]), "true " + row + ", predicted " + c);
            }
        }
        assertTrue(r.out().contains("(64 inputs)"), "an image's 64 pixels are not listed");
    }

    @Test
    void jsonAddsAccuracyTestAccuracyAndTheConfusionMatrixByTrueClass() throws Exception {
        BackpropLabCliTest.Run r = BackpropLabCliTest.run("train", "--preset", "iris", "--iterations", "100", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        Trainer t = trained("iris", 100);
        double[][] yHat = t.network().predict(t.inputs()).getData();
        assertEquals(Accuracy.of(yHat, t.targets().getData(), StratifiedSplit.trainRows(150, t.testRows())),
                o.get("accuracy").asDouble(), 0.0);
        assertEquals(Accuracy.of(yHat, t.targets().getData(), t.testRows()), o.get("testAccuracy").asDouble(), 0.0);
        assertEquals("test", o.get("confusionRows").asText());
        assertEquals("setosa", o.get("classes").get(0).asText());
        int[][] m = recount(t);
        int total = 0;
        for (int row = 0; row < 3; row++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(m[row][c], o.get("confusion").get(row).get(c).asInt(), "true " + row + ", predicted " + c);
                total += m[row][c];
            }
            assertEquals(15, m[row][0] + m[row][1] + m[row][2], "a row holds the 15 test flowers of its true species");
        }
        assertEquals(45, total);
    }

    @Test
    void withoutASplitTheMatrixCountsTheTrainingRowsAndRegressionHasNone() throws Exception {
        JsonNode xor = new ObjectMapper().readTree(BackpropLabCliTest.run("train", "--preset", "xor", "--json").out());
        assertTrue(xor.get("testAccuracy").isNull());
        assertEquals("training", xor.get("confusionRows").asText());
        assertEquals(1.0, xor.get("accuracy").asDouble(), 0.0);
        assertEquals(2, xor.get("confusion").get(0).get(0).asInt(), "the two 0s predicted 0");
        JsonNode sine = new ObjectMapper().readTree(BackpropLabCliTest.run("train", "--preset", "diabetes",
                "--iterations", "10", "--json").out());
        assertTrue(!sine.has("accuracy") && !sine.has("confusion"), "a regression has no classes");
    }

    @Test
    void aSavedRealDataSetKeepsItsTestSplit(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("iris.json");
        assertEquals(0, BackpropLabCliTest.run("train", "--preset", "iris", "--iterations", "50", "--save", f.toString())
                .status());
        JsonNode o = new ObjectMapper().readTree(BackpropLabCliTest.run("train", "--load", f.toString(), "--iterations",
                "0", "--json").out());
        assertEquals("test", o.get("confusionRows").asText(), "the file's 45 test flowers are still held out");
        int total = 0;
        for (JsonNode row : o.get("confusion")) {
            for (JsonNode v : row) {
                total += v.asInt();
            }
        }
        assertEquals(45, total);
    }

    @Test
    void aSeedChoosesTheSplitOfARealDataSet() throws Exception {
        JsonNode a = new ObjectMapper().readTree(BackpropLabCliTest.run("train", "--preset", "iris", "--iterations", "0",
                "--seed", "4", "--json").out());
        assertEquals(0, a.get("iterations").asInt());
        Scenario s = Presets.get("iris", 4);
        assertEquals(s.testRows().length, 45);
        assertTrue(!java.util.Arrays.equals(s.testRows(), Presets.get("iris").testRows()));
    }
}

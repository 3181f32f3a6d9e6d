package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backproplab.data.Dataset;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips are bit-exact; the written text is the documented format. */
class BackpropFileTest {
    static final double[] AWKWARD = {0.1, 1e-310, -0.0, 0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
        1.0 / 3.0, Math.PI, -2.5e-8, 123456789.123456789, Math.nextUp(1.0), 0.30000000000000004};

    @Test
    void everyPresetRoundTripsBitExactly() throws IOException {
        for (Scenario s : Presets.all()) {
            Trainer t = s.createTrainer();
            t.train(7);
            BackpropFile f = BackpropFile.of(s, t);
            String json = f.toJson();
            BackpropFile back = BackpropFile.read(json, s.name());
            assertTrue(back.network().sameAs(f.network()), s.name());
            assertEquals(7, back.iteration());
            assertEquals(s.layers(), back.scenario().layers());
            assertEquals(s.config(), back.scenario().config());
            assertEquals(s.iterations(), back.scenario().iterations());
            assertEquals(s.description(), back.scenario().description());
            assertSameData(s.dataset(), back.scenario().dataset());
            assertEquals(json, back.toJson(), s.name() + ": writing what was read gives the same text");
        }
    }

    @Test
    void aHeldOutTestSplitIsSavedAndComesBack() throws IOException {
        Scenario iris = Presets.get("iris");
        Trainer t = iris.createTrainer();
        t.train(3);
        String json = BackpropFile.of(iris, t).toJson();
        assertTrue(json.contains("\"testRows\""), "written in the dataset object");
        BackpropFile back = BackpropFile.read(json, "iris.json");
        org.junit.jupiter.api.Assertions.assertArrayEquals(iris.testRows(), back.scenario().testRows());
        org.junit.jupiter.api.Assertions.assertArrayEquals(iris.testRows(), back.createTrainer().testRows(),
                "the trainer of the file holds the same rows out");
        org.junit.jupiter.api.Assertions.assertArrayEquals(iris.testRows(), back.historyOrState().current().testRows());
        String none = BackpropFile.of(Presets.get("xor"), Presets.get("xor").createTrainer()).toJson();
        assertTrue(!none.contains("testRows"), "no split, no field: the file is as before");
    }

    @Test
    void awkwardDoublesRoundTripBitExactly() throws IOException {
        Scenario s = Presets.get("gender");
        Network net = s.createNetwork();
        int k = 0;
        for (var layer : net.layers()) {
            for (int i = 0; i < layer.inputSize(); i++) {
                for (int j = 0; j < layer.size(); j++) {
                    layer.weights().setEntry(i, j, AWKWARD[k++ % AWKWARD.length]);
                }
            }
            for (int j = 0; j < layer.size(); j++) {
                layer.bias().setEntry(j, AWKWARD[k++ % AWKWARD.length]);
            }
        }
        double[][] x = new double[AWKWARD.length][];
        double[][] y = new double[AWKWARD.length][];
        for (int i = 0; i < AWKWARD.length; i++) {
            x[i] = new double[] {AWKWARD[i], -AWKWARD[i]};
            y[i] = new double[] {AWKWARD[(i + 3) % AWKWARD.length]};
        }
        Scenario odd = s.withDataset(s.dataset().withSamples(x, y, List.of()));
        BackpropFile back = BackpropFile.read(new BackpropFile(odd, net, 12).toJson(), "awkward");
        assertTrue(back.network().sameAs(net));
        assertSameData(odd.dataset(), back.scenario().dataset());
        assertEquals(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(back.scenario().dataset().input(2, 0)));
    }

    @Test
    void writeIsAtomicAndReadBackFromDisk(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("xor.json");
        Files.writeString(p, "old content");
        BackpropFile f = BackpropFile.initial(Presets.get("xor"));
        f.write(p);
        assertEquals(f.toJson(), Files.readString(p));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(p), files.toList(), "no temporary file is left behind");
        }
        assertTrue(BackpropFile.read(p).network().sameAs(f.network()));
    }

    @Test
    void aFileWithoutWeightsStartsFromItsInitializer() throws IOException {
        Scenario s = Presets.get("xor");
        String json = BackpropFile.initial(s).toJson().replaceAll("(?s)\"weights\".*?\"training\"", "\"training\"");
        assertFalse(json.contains("\"biases\""));
        assertTrue(BackpropFile.read(json, "t").network().sameAs(s.createNetwork()));
    }

    @Test
    void trainingGoesOnFromTheSavedIteration() throws IOException {
        Scenario s = Presets.get("gender");
        Trainer straight = s.createTrainer();
        straight.train(10);
        Trainer half = s.createTrainer();
        half.train(5);
        Trainer resumed = BackpropFile.read(BackpropFile.of(s, half).toJson(), "t").createTrainer();
        resumed.train(5);
        assertTrue(resumed.network().sameAs(straight.network()), "sample 2, 3 ... come next, as in one run");
    }

    @Test
    void theTextIsTheDocumentedFormat() {
        String json = BackpropFile.initial(Presets.get("xor")).toJson();
        assertTrue(json.startsWith("{\n  \"format\": \"backprop-lab/6\",\n"), json);
        assertTrue(json.contains("\"layers\": [\n    { \"size\": 3 },\n    { \"size\": 4, \"activation\": \"sigmoid\", \"bias\": false },\n"), json);
        assertTrue(json.contains("\"biases\": [null, null]"), json);
        assertTrue(json.contains("\"inputs\": [\n      [0.0, 0.0, 1.0],\n      [0.0, 1.0, 1.0],\n"), json);
        assertTrue(json.contains("\"batch\": \"full\""), json);
        assertTrue(json.contains("\"biasColumn\": 2"), json);
        assertTrue(BackpropFile.initial(Presets.get("relu-mlp")).toJson().contains("\"batch\": 32"));
    }

    @Test
    void aNetworkOfAnotherShapeIsRefused() {
        Scenario xor = Presets.get("xor");
        Network other = Presets.get("gender").createNetwork();
        assertThrows(IllegalArgumentException.class, () -> new BackpropFile(xor, other, 0));
        assertThrows(IllegalArgumentException.class, () -> new BackpropFile(xor, xor.createNetwork(), -1));
    }

    static void assertSameData(Dataset a, Dataset b) {
        assertArrayEquals(bits(a.inputs().getData()), bits(b.inputs().getData()));
        assertArrayEquals(bits(a.targets().getData()), bits(b.targets().getData()));
        assertArrayEquals(bits(a.probes()), bits(b.probes()));
        assertEquals(a.labels(), b.labels());
        assertEquals(a.probeLabels(), b.probeLabels());
        assertEquals(a.inputNames(), b.inputNames());
        assertEquals(a.targetNames(), b.targetNames());
        assertEquals(a.biasColumn(), b.biasColumn());
    }

    private static long[] bits(double[][] m) {
        return java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream)
                .mapToLong(Double::doubleToRawLongBits).toArray();
    }
}

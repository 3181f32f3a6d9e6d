package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.backproplab.data.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of malformed file is refused with a message that names the field. */
class MalformedFileTest {
    private static final ObjectMapper M = new ObjectMapper();

    private static ObjectNode valid(String preset) throws IOException {
        return (ObjectNode) M.readTree(BackpropFile.initial(Presets.get(preset)).toJson());
    }

    /** Mutates a valid gender file and checks the refusal names {@code field} and says {@code problem}. */
    private static void refused(Consumer<ObjectNode> edit, String field, String problem) throws IOException {
        ObjectNode root = valid("gender");
        edit.accept(root);
        refusedText(root.toString(), field, problem);
    }

    private static void refusedText(String json, String field, String problem) {
        FileFormatException e = assertThrows(FileFormatException.class, () -> BackpropFile.read(json, "test.json"));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith("test.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    private static ArrayNode at(ObjectNode root, String... path) {
        JsonNode n = root;
        for (String p : path) {
            n = p.matches("\\d+") ? n.get(Integer.parseInt(p)) : n.get(p);
        }
        return (ArrayNode) n;
    }

    @Test
    void notJson() {
        refusedText("{\"format\": ", "", "not valid JSON");
        refusedText("hello", "", "not valid JSON");
        refusedText("", "", "empty");
        refusedText("{} {}", "", "more than one value");
        refusedText("[1, 2]", "(document)", "expected an object");
        refusedText("{\"format\": \"backprop-lab/1\", \"format\": \"x\"}", "", "Duplicate field");
        refusedText("{\"a\": NaN}", "", "not valid JSON");
    }

    @Test
    void wrongFormatStringOrUnknownField() throws IOException {
        refused(r -> r.put("format", "backprop-lab/7"), "format", "expected \"backprop-lab/6\" (or the older "
                + "\"backprop-lab/5\", \"backprop-lab/4\", \"backprop-lab/3\", \"backprop-lab/2\" or \"backprop-lab/1\"), "
                + "found \"backprop-lab/7\"");
        refused(r -> r.put("colour", "red"), "colour", "unknown field");
        refused(r -> ((ObjectNode) r.get("training")).put("speed", 3), "training.speed", "unknown field");
    }

    @Test
    void missingFields() throws IOException {
        refused(r -> r.remove("format"), "format", "missing");
        refused(r -> r.remove("layers"), "layers", "missing");
        refused(r -> r.remove("training"), "training", "missing");
        refused(r -> r.remove("dataset"), "dataset", "missing");
        refused(r -> ((ObjectNode) r.get("dataset")).remove("targets"), "dataset.targets", "missing");
        refused(r -> ((ObjectNode) r.get("training")).remove("loss"), "training.loss", "missing");
        refused(r -> ((ObjectNode) at(r, "layers").get(1)).remove("activation"), "layers[1].activation", "missing");
        refused(r -> r.remove("biases"), "biases", "missing");
    }

    @Test
    void wrongShapes() throws IOException {
        refused(r -> at(r, "weights", "1").remove(0), "weights[1]", "has 1 entries: expected 2");
        refused(r -> at(r, "weights", "0", "1").add(0.5), "weights[0][1]", "has 3 entries: expected 2");
        refused(r -> at(r, "biases").setNull(1), "biases[1]", "expected 1 biases because layers[2].bias is true");
        refused(r -> at(r, "dataset", "inputs", "2").remove(1), "dataset.inputs[2]", "has 1 entries: expected 2");
        refused(r -> at(r, "dataset", "targets").remove(3), "dataset.targets", "has 3 entries: expected 4");
        refused(r -> at(r, "dataset", "labels").remove(3), "dataset.labels", "has 3 entries: expected 4");
        refused(r -> at(r, "probes", "inputs", "0").add(1), "probes.inputs[0]", "has 3 entries: expected 2");
        refused(r -> r.put("weights", 3), "weights", "expected an array, found 3");
        refused(r -> at(r, "layers").remove(2), "dataset.targets[0]", "has 1 entries: expected 2");
        refused(r -> ((ObjectNode) r.get("dataset")).put("biasColumn", 2), "dataset.biasColumn", "expected -1..1");
    }

    @Test
    void unknownNames() throws IOException {
        refused(r -> ((ObjectNode) at(r, "layers").get(1)).put("activation", "swish"), "layers[1].activation",
                "unknown activation 'swish'");
        refused(r -> ((ObjectNode) r.get("training")).put("loss", "hinge"), "training.loss", "unknown loss 'hinge'");
        refused(r -> ((ObjectNode) r.get("training")).put("init", "zeros"), "training.init", "unknown initializer 'zeros'");
        refused(r -> ((ObjectNode) r.get("training")).put("batch", "half"), "training.batch", "found \"half\"");
    }

    @Test
    void testRowsMustBeRowsOfTheDataSetAscendingAndLeaveOneToTrain() throws IOException {
        refused(r -> ((ObjectNode) r.get("dataset")).putArray("testRows").add(2).add(1), "dataset.testRows[1]",
                "is 1 after 2: expected the rows in ascending order, each once");
        refused(r -> ((ObjectNode) r.get("dataset")).putArray("testRows").add(0).add(9), "dataset.testRows[1]", "9");
        refused(r -> ((ObjectNode) r.get("dataset")).putArray("testRows").add(0).add(1).add(2).add(3),
                "dataset.testRows", "4");
    }

    @Test
    void softmaxOffTheOutputAndCrossEntropyWithoutSoftmax() throws IOException {
        refused(r -> ((ObjectNode) at(r, "layers").get(1)).put("activation", "softmax"), "layers[1].activation",
                "softmax is allowed on the output layer (2) only");
        refused(r -> ((ObjectNode) at(r, "layers").get(2)).put("activation", "softmax"), "layers[2].activation",
                "softmax needs at least 2");
        refused(r -> ((ObjectNode) r.get("training")).put("loss", "cross-entropy"), "training.loss",
                "needs a softmax output layer, but the output layer is sigmoid");
    }

    @Test
    void nonFiniteOrWrongNumbers() throws IOException {
        refused(r -> at(r, "weights", "1", "0").set(0, "NaN"), "weights[1][0][0]", "expected a finite number, found \"NaN\"");
        refused(r -> at(r, "biases", "0").set(1, "x"), "biases[0][1]", "expected a finite number, found \"x\"");
        refused(r -> at(r, "dataset", "inputs", "1").set(0, (String) null), "dataset.inputs[1][0]", "found null");
        refusedText(valid("gender").toString().replace("-1.0]", "1e999]"), "dataset.inputs[0][1]",
                "expected a finite number, found Infinity");
        refused(r -> ((ObjectNode) r.get("training")).put("learningRate", -0.5), "training.learningRate", "≥ 0");
        refused(r -> ((ObjectNode) r.get("training")).put("momentum", 1.0), "training.momentum", "< 1");
        refused(r -> ((ObjectNode) r.get("training")).put("seed", 1.5), "training.seed", "expected a whole number");
        refused(r -> r.put("iteration", -3), "iteration", "is -3");
        refused(r -> ((ObjectNode) at(r, "layers").get(1)).put("bias", "yes"), "layers[1].bias", "expected true or false");
    }

    @Test
    void bceTargetsOutsideZeroOneAreRefused() throws IOException {
        ObjectNode r = valid("gender");
        ((ObjectNode) r.get("training")).put("loss", "bce");
        at(r, "dataset", "targets", "2").set(0, 1.5);
        refusedText(r.toString(), "dataset.targets[2][0]", "bce loss needs targets between 0 and 1");
    }

    @Test
    void zeroNegativeAndAbsurdSizes() throws IOException {
        refused(r -> ((ObjectNode) at(r, "layers").get(1)).put("size", 0), "layers[1].size", "is 0");
        refused(r -> ((ObjectNode) at(r, "layers").get(0)).put("size", -2), "layers[0].size", "is -2");
        refused(r -> ((ObjectNode) at(r, "layers").get(1)).put("size", 600_000), "layers[1]",
                "more than 1000000 parameters");
        refused(r -> ((ObjectNode) at(r, "layers").get(1)).put("size", 99_999_999_999L), "layers[1].size", "expected 1..1000000");
        refused(r -> ((ObjectNode) r.get("training")).put("batch", 0), "training.batch", "is 0");
        refused(r -> at(r, "dataset", "inputs").removeAll(), "dataset.inputs", "has 0 entries");
    }

    @Test
    void tooManySamplesIsRefusedBeforeReadingThem() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 600_000; i++) {
            rows.append(i == 0 ? "" : ",").append("[0,0]");
        }
        String json = "{\"format\":\"backprop-lab/1\",\"layers\":[{\"size\":2},{\"size\":1,\"activation\":\"sigmoid\","
                + "\"bias\":true}],\"training\":{\"loss\":\"mse\",\"learningRate\":0.1,\"batch\":\"full\",\"init\":\"normal\"},"
                + "\"dataset\":{\"inputs\":[" + rows + "],\"targets\":[]}}";
        refusedText(json, "dataset.inputs", "more than 1000000 numbers");
        refusedText("[" + "0,".repeat(4_000_001) + "0]", "", "more than 4000000 values");
    }

    @Test
    void deepNestingIsRefused() {
        refusedText("[".repeat(100_000), "", "not valid JSON");
    }

    @Test
    void oversizedOrUnreadableFiles(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.SPARSE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {' '}), BackpropFile.MAX_BYTES);
        }
        FileFormatException e = assertThrows(FileFormatException.class, () -> BackpropFile.read(big));
        assertTrue(e.getMessage().contains("at most " + BackpropFile.MAX_BYTES), e.getMessage());
        assertThrows(IOException.class, () -> BackpropFile.read(dir.resolve("absent.json")));
        Path bad = dir.resolve("bad.json");
        Files.write(bad, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        assertThrows(FileFormatException.class, () -> BackpropFile.read(bad));
    }
}

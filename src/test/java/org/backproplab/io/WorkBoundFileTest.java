package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Dataset;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.session.TrainingSession;
import org.junit.jupiter.api.Test;

/**
 * A legal file that asks too much work (a large network on many samples, many probes, or a history edit that adds
 * rows past the bound) is refused while it is read, naming the field and the limit, before anything of that size
 * is allocated.
 */
class WorkBoundFileTest {
    private static final ObjectMapper M = new ObjectMapper();

    /**
     * A file of an {@code in}-{@code hidden}-1 network without weights (they come from the initializer) on {@code n}
     * samples of zeros and {@code probes} probes.
     */
    static String file(int in, int hidden, int n, int probes) {
        String row = "[" + "0,".repeat(in - 1) + "0]";
        String rows = String.join(",", java.util.Collections.nCopies(n, row));
        String targets = String.join(",", java.util.Collections.nCopies(n, "[0]"));
        String p = String.join(",", java.util.Collections.nCopies(probes, row));
        return "{\"format\": \"backprop-lab/1\", \"layers\": [{\"size\": " + in + "}, {\"size\": " + hidden
                + ", \"activation\": \"tanh\", \"bias\": true}, {\"size\": 1, \"activation\": \"linear\", \"bias\": true}],"
                + " \"training\": {\"loss\": \"mse\", \"learningRate\": 0.1, \"batch\": \"full\", \"init\": \"xavier\"},"
                + " \"dataset\": {\"inputs\": [" + rows + "], \"targets\": [" + targets + "]}"
                + (probes > 0 ? ", \"probes\": {\"inputs\": [" + p + "]}" : "") + "}";
    }

    private static FileFormatException refused(String json) {
        return assertThrows(FileFormatException.class, () -> BackpropFile.read(json, "big.json"));
    }

    @Test
    void parametersTimesSamplesPastTheBoundAreRefusedWithTheLimit() throws Exception {
        FileFormatException e = refused(file(500, 1_000, 999, 0));
        assertEquals("dataset.inputs", e.field());
        assertEquals("big.json: dataset.inputs: 500-1000-1 on 999 samples is 5.01e8 multiply-adds per pass (parameters × "
                + "samples): at most 5e8 are allowed, so that one pass stays under a second; this network fits at most "
                + "993 samples", e.getMessage());
        assertNotNull(BackpropFile.read(file(500, 1_000, 993, 0), "big.json"), "at the bound the file opens");
    }

    @Test
    void tooManyProbesForTheNetworkAreRefused() {
        FileFormatException e = refused(file(1, 1_000, 10, 2_000));
        assertEquals("probes.inputs", e.field());
        assertEquals("big.json: probes.inputs: 1-1000-1 on 2,000 probes needs 2.01e6 activations per pass (probes × "
                + "(neurons + 3 per layer)): at most 1e6 are allowed, so that the buffers of one pass stay within about "
                + "32 MB; this network fits at most 993 probes", e.getMessage());
    }

    /** A saved session whose history holds an edit that added rows; that edit's data set is then grown past the bound. */
    @Test
    void aHistoryEditWhoseDataSetIsPastTheBoundIsRefused() throws Exception {
        double[][] x = new double[10][1];
        double[][] y = new double[10][1];
        Scenario s = new Scenario("wide", "", Dataset.of(x, y), List.of(new LayerSpec(1_000, Activation.TANH, true),
                new LayerSpec(1, Activation.LINEAR, true)),
                new TrainingConfig(Loss.MSE, 0.1, BatchMode.FULL, 0, false, Initializer.XAVIER, 1), 10);
        String json;
        try (TrainingSession t = new TrainingSession(s)) {
            t.stepMany(2);
            t.addSample(0);
            t.stepMany(2);
            t.sync().get(30, TimeUnit.SECONDS);
            json = BackpropFile.of(t.record().get(30, TimeUnit.SECONDS).record()).toJson();
        }
        ObjectNode root = (ObjectNode) M.readTree(json);
        ObjectNode data = (ObjectNode) root.get("history").get("edits").get(0).get("dataset");
        assertNotNull(data, root.get("history").get("edits").toString());
        ArrayNode inputs = (ArrayNode) data.get("inputs");
        ArrayNode targets = (ArrayNode) data.get("targets");
        while (inputs.size() < 994) {
            inputs.add(inputs.get(0).deepCopy());
            targets.add(targets.get(0).deepCopy());
        }
        FileFormatException e = refused(root.toString());
        assertEquals("history.edits[0].dataset.inputs", e.field());
        assertEquals("big.json: history.edits[0].dataset.inputs: 1-1000-1 on 994 samples needs 1.001e6 activations "
                + "per pass (samples × (neurons + 3 per layer)): at most 1e6 are allowed, so that the buffers of one pass "
                + "stay within about 32 MB; this network fits at most 993 samples", e.getMessage());
    }
}

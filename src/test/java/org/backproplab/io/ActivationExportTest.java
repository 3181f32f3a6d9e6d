package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.engine.Activation;
import org.backproplab.session.TrainingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export as code writes the run on show: a ReLU variant's script computes ReLU, run 1's sigmoid. */
class ActivationExportTest {
    private static final long N = 40;

    @TempDir
    Path dir;

    @Test
    void theScriptOfAVariantHasItsActivationAndPrintsItsLoss() throws Exception {
        try (TrainingSession t = new TrainingSession(Presets.xor())) {
            t.stepMany(N);
            t.startVariant(0, List.of(), Activation.RELU);
            t.stepMany(N);
            TrainingSession.RunStart relu = t.runStart().get(30, TimeUnit.SECONDS);
            double reluLoss = t.sync().get(30, TimeUnit.SECONDS).loss();
            String script = PythonExport.script("xor", relu.start(), relu.iterations(), N);
            assertTrue(script.contains("# layer 1: 4 neurons, relu, no bias"), "run 2 on show");
            assertTrue(script.contains("# layer 2: 1 neuron, sigmoid, no bias"));
            t.showRun(1);
            t.goTo(N);
            TrainingSession.RunStart sigmoid = t.runStart().get(30, TimeUnit.SECONDS);
            String first = PythonExport.script("xor", sigmoid.start(), sigmoid.iterations(), N);
            assertTrue(first.contains("# layer 1: 4 neurons, sigmoid, no bias"), "run 1 on show");

            String why = PythonRun.unavailable();
            if (why != null) {
                System.out.println("ActivationExportTest: the script is not run: " + why);
                return;
            }
            double printed = PythonRun.script(script, dir).losses().get(N)[0];
            assertEquals(reluLoss, printed, 1e-12 * Math.max(1, Math.abs(reluLoss)), "the loss after " + N + " iterations");
        }
    }
}

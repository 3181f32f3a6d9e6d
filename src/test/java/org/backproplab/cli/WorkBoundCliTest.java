package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backproplab.cli.BackpropLabCliTest.Run;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line under files that ask too much: a refusal in one line before any training, a gradient check
 * bounded to a sample it says it took, a progress bar, and Ctrl+C ending the check cleanly.
 */
class WorkBoundCliTest {
    @TempDir
    Path dir;

    /** A 1-{@code hidden}-1 network without weights on {@code n} samples, per-sample batches. */
    private Path file(int hidden, int n) throws Exception {
        String rows = String.join(",", java.util.Collections.nCopies(n, "[0.5]"));
        Path p = dir.resolve("wide.json");
        Files.writeString(p, "{\"format\": \"backprop-lab/1\", \"name\": \"wide\", \"layers\": [{\"size\": 1}, {\"size\": "
                + hidden + ", \"activation\": \"sigmoid\", \"bias\": true}, {\"size\": 1, \"activation\": \"linear\", "
                + "\"bias\": true}], \"training\": {\"loss\": \"mse\", \"learningRate\": 0.1, \"batch\": \"sample\", "
                + "\"init\": \"xavier\"}, \"dataset\": {\"inputs\": [" + rows + "], \"targets\": [" + rows + "]}}");
        return p;
    }

    @Test
    void aFileAskingTooMuchWorkIsRefusedInOneLineEvenWithoutTraining() throws Exception {
        Run r = BackpropLabCliTest.run("train", "--load", file(200_000, 1_000).toString(), "--iterations", "0");
        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("backprop-lab: " + dir.resolve("wide.json") + ": dataset.inputs: 1-200000-1 on "
                + "1,000 samples is 6e8 multiply-adds per pass (parameters × samples): at most 5e8 are allowed"), r.err());
    }

    @Test
    void aLargeNetworkIsCheckedOnASampleThatTheOutputNames() throws Exception {
        // 1-8000-1 on a batch of 1: 8,007 activations a pass, so 100 · 1e6 / 8,007 = 12,489 evaluations: 6,244 parameters
        Run r = BackpropLabCliTest.run("gradcheck", "--load", file(8_000, 4).toString());
        assertEquals(0, r.status(), r.err() + r.out());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("wide: 6,244 of 24,001 parameters (a sample), max relative error "), lines.get(0));
        assertEquals("  checking all 24,001 would take more than the work of 100 passes over the batch that a check "
                + "may do: 6,244 parameters evenly spaced through W1, b1, W2, … were checked", lines.get(1));
        assertEquals("  6244 pass, 0 fail, 0 at a kink (not comparable)", lines.get(2));
    }

    @Test
    void theProgressBarRunsOnStderrAndIsClearedAtTheEnd() {
        Scenario s = Presets.get("gender");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter e = new PrintWriter(err);
        int status = GradcheckCommand.check(new ScenarioOptions.Loaded(s, s.createTrainer()), CtrlC.manual(),
                new PrintWriter(out), e, new ProgressBar(e, true));
        assertEquals(0, status);
        assertTrue(err.toString().contains("] 100%"), err.toString());
        assertTrue(err.toString().endsWith("\r"), "the bar's line is cleared");
        assertTrue(out.toString().startsWith("gender: 9 parameters, max relative error"), out.toString());
    }

    /** What the shutdown hook does on Ctrl+C (raise the flag) ends the check with one line and status 130. */
    @Test
    void ctrlCEndsTheCheckWithOneLineAndStatus130() {
        Scenario s = Presets.get("relu-mlp");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CtrlC ctrlC = CtrlC.manual();
        ctrlC.request();
        int status = GradcheckCommand.check(new ScenarioOptions.Loaded(s, s.createTrainer()), ctrlC,
                new PrintWriter(out), new PrintWriter(err), new ProgressBar(new PrintWriter(err), false));
        assertEquals(130, status);
        assertEquals("", out.toString());
        assertEquals("backprop-lab: interrupted: gradient check stopped after 0 of 337 parameters" + System.lineSeparator(),
                err.toString());
    }
}

package org.backproplab.cli;

import static org.backproplab.cli.BackpropLabCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backproplab.cli.BackpropLabCliTest.Run;
import org.backproplab.data.Presets;
import org.backproplab.engine.Trainer;
import org.backproplab.io.BackpropFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Absurd iteration counts are refused before training, naming where they came from. */
class IterationLimitCliTest {
    @TempDir
    Path dir;

    /** The per-sample gender scenario saved at {@code iteration}. */
    private Path genderAt(long iteration) throws Exception {
        ObjectNode f = (ObjectNode) new ObjectMapper().readTree(BackpropFile.initial(Presets.get("gender")).toJson());
        f.put("iteration", iteration);
        Path p = dir.resolve("at" + iteration + ".json");
        Files.writeString(p, f.toString());
        return p;
    }

    @Test
    void aFileAtAnAbsurdIterationIsRefusedNamingTheField() throws Exception {
        Run r = run("train", "--load", genderAt(Long.MAX_VALUE).toString(), "--iterations", "1");
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().endsWith(".json: iteration: is 9223372036854775807: expected 0..9007199254740992\n"), r.err());
    }

    @Test
    void aRunThatWouldPassTheLastIterationIsRefusedBeforeTraining() throws Exception {
        Path near = genderAt(Trainer.MAX_ITERATION - 5);
        Run r = run("train", "--load", near.toString(), "--iterations", "6");
        assertEquals(2, r.status(), r.out() + r.err());
        assertEquals("", r.out(), "nothing trained");
        assertTrue(r.err().contains("--iterations 6 from iteration 9,007,199,254,740,987 would go past iteration "
                + "9,007,199,254,740,992 (2^53), the last a run may reach"), r.err());
        Run ok = run("train", "--load", near.toString(), "--iterations", "5", "--json");
        assertEquals(0, ok.status(), ok.err());
        assertEquals(Trainer.MAX_ITERATION, new ObjectMapper().readTree(ok.out()).get("iterations").asLong());
        Run epochs = run("train", "--load", near.toString(), "--epochs", "2");
        assertTrue(epochs.err().contains("--epochs 2 from iteration"), epochs.err());
    }

    @Test
    void hugeEpochCountsAreRefusedNamingEpochs() {
        Run r = run("train", "--preset", "gender", "--epochs", "1000000000");
        assertEquals(2, r.status());
        assertEquals("backprop-lab: --epochs 1000000000 is 4,000,000,000 iterations (4 per epoch): at most "
                + "1,000,000,000 are allowed\n", r.err());
        Run max = run("train", "--preset", "gender", "--epochs", Long.toString(Long.MAX_VALUE));
        assertEquals(2, max.status());
        assertTrue(max.err().contains("in --epochs"), max.err());
    }

    @Test
    void aFileAskingForTooManyIterationsByDefaultSaysSo() throws Exception {
        ObjectNode f = (ObjectNode) new ObjectMapper().readTree(BackpropFile.initial(Presets.get("gender")).toJson());
        f.put("defaultIterations", 5_000_000_000L);
        Path p = dir.resolve("long.json");
        Files.writeString(p, f.toString());
        Run r = run("train", "--load", p.toString());
        assertEquals(2, r.status());
        assertEquals("backprop-lab: the scenario's 5000000000 iterations are more than the 1,000,000,000 allowed at "
                + "once: give --iterations N\n", r.err());
    }
}

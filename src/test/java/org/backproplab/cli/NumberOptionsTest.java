package org.backproplab.cli;

import static org.backproplab.cli.BackpropLabCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.backproplab.cli.BackpropLabCliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numeric options are read like the window's fields: plain decimals and e-notation only; a refusal names the value,
 * the option and what it allows.
 */
class NumberOptionsTest {
    @TempDir
    Path dir;

    private static void refused(String expected, String... args) {
        Run r = run(args);
        assertEquals(2, r.status(), String.join(" ", args) + " -> " + r.out() + r.err());
        assertEquals("backprop-lab: " + expected + "\n", r.err());
    }

    @Test
    void javaSpellingsOfNumbersAreRefused() {
        String eta = ": expected a number ≥ 0, such as 0.5";
        for (String x : new String[] {"0x1p3", "1d", "1f", "1_000", "NaN", "Infinity", "0x10", "1,5,0", "--json"}) {
            refused("'" + x + "' in --learning-rate" + eta, "train", "--preset", "xor", "--learning-rate", x);
        }
        refused("'-1' in --learning-rate" + eta, "train", "--preset", "xor", "--learning-rate", "-1");
        refused("'1e999' in --learning-rate: too large; expected a number ≥ 0, such as 0.5",
                "train", "--preset", "xor", "--learning-rate=1e999");
        String count = ": expected a whole number from 0 to 1,000,000,000";
        for (String x : new String[] {"0x10", "1_000", "1.5", "010L", "-1", "2e9"}) {
            refused("'" + x + "' in --iterations" + count, "train", "--preset", "xor", "--iterations", x);
            refused("'" + x + "' in --epochs" + count, "train", "--preset", "xor", "--epochs", x);
        }
        refused("'0' in --every: expected a whole number ≥ 1", "train", "--preset", "xor", "--every", "0");
        refused("'1.5' in --seed: expected a whole number such as 42", "train", "--preset", "xor", "--seed", "1.5");
        refused("'0x10' in --seed: expected a whole number such as 42", "gradcheck", "--preset", "xor", "--seed", "0x10");
        refused("'9223372036854775808' in --seed: expected a whole number such as 42",
                "export", "--preset", "xor", "--seed", "9223372036854775808", "--out", dir.resolve("x.json").toString());
        refused("missing value for --learning-rate: expected a number ≥ 0, such as 0.5",
                "train", "--preset", "xor", "--learning-rate");
    }

    @Test
    void decimalsAndScientificNotationAreAccepted() throws Exception {
        String a = run("train", "--preset", "xor", "--iterations", "20", "--learning-rate", "0.5", "--seed", "3", "--json").out();
        String b = run("train", "--preset", "xor", "--iterations=2e1", "--learning-rate=5e-1", "--seed", "+3", "--json").out();
        assertEquals(a, b);
        assertEquals(20, new ObjectMapper().readTree(b).get("iterations").asLong());
        assertEquals(0.5, new ObjectMapper().readTree(b).get("learningRate").asDouble());
        Run negative = run("train", "--preset", "xor", "--iterations", "1", "--seed", "-7", "--every", "1");
        assertEquals(0, negative.status(), negative.err());
        Run both = run("train", "--preset", "xor", "--iterations", "5", "--epochs", "5");
        assertEquals(2, both.status(), "still one of the two");
        assertTrue(both.err().contains("mutually exclusive"), both.err());
    }

    @Test
    void theHeaderStatesTheLearningRateUsed() {
        Run own = run("train", "--preset", "xor", "--iterations", "1");
        assertTrue(own.out().contains("\ntraining 1 iterations from iteration 0 with η = 1\n"), own.out());
        Run other = run("train", "--preset", "xor", "--iterations", "1", "--learning-rate", "0.25");
        assertTrue(other.out().contains("\ntraining 1 iterations from iteration 0 with η = 0.25 (--learning-rate; the "
                + "scenario's η is 1)\n"), other.out());
        Run gender = run("train", "--preset", "gender", "--iterations", "1", "--learning-rate", "1e-3");
        assertTrue(gender.out().contains("with η = 0.001 (--learning-rate; the scenario's η is 0.1)"), gender.out());
    }
}

package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backproplab.cli.BackpropLabCliTest.Run;
import org.backproplab.data.InputFeature;
import org.backproplab.io.BackpropFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --features}: derived inputs on the command line, saved with the network; bad values refused by name. */
class FeaturesCliTest {
    @Test
    void featuresTrainAndAreSavedWithTheNetwork(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("xor-x1x2.json");
        Run r = BackpropLabCliTest.run("train", "--preset", "xor", "--features", "x1x2,x1sq", "--iterations", "200",
                "--save", file.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("with input features x1², x1·x2"), r.out());
        BackpropFile saved = BackpropFile.read(file);
        assertEquals(List.of(InputFeature.X1_SQUARED, InputFeature.X1_TIMES_X2), saved.scenario().dataset().features());
        assertEquals(5, saved.network().inputSize());
        // the file goes on with its own features; --features none takes them away (a new input layer)
        Run again = BackpropLabCliTest.run("train", "--load", file.toString(), "--iterations", "1", "--json");
        assertEquals(0, again.status(), again.err());
        Run none = BackpropLabCliTest.run("train", "--load", file.toString(), "--features", "none", "--iterations", "1",
                "--save", dir.resolve("plain.json").toString());
        assertEquals(0, none.status(), none.err());
        assertEquals(3, BackpropFile.read(dir.resolve("plain.json")).network().inputSize());
    }

    @Test
    void theSpiralsAreSeparatedWithTheFeaturesAndNotWithout() {
        Run with = BackpropLabCliTest.run("train", "--preset", "spiral-features", "--json");
        Run without = BackpropLabCliTest.run("train", "--preset", "spiral-features", "--features", "none", "--json");
        assertEquals(0, with.status(), with.err());
        assertEquals(0, without.status(), without.err());
        assertTrue(with.out().contains("\"accuracy\":1.0"), with.out().substring(0, Math.min(400, with.out().length())));
        assertTrue(without.out().contains("\"accuracy\":0.615"), without.out().substring(0, Math.min(400, without.out().length())));
    }

    @Test
    void badValuesAreRefusedNamingTheValueAndWhatIsAllowed() {
        Run unknown = BackpropLabCliTest.run("train", "--preset", "xor", "--features", "x1sq,cos1");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("--features: 'cos1' is not an input feature: expected one of x1sq, x2sq, x1x2, sin1, sin2"),
                unknown.err());
        Run twice = BackpropLabCliTest.run("train", "--preset", "xor", "--features", "sin1,sin1");
        assertEquals(2, twice.status());
        assertTrue(twice.err().contains("'sin1' is named twice"), twice.err());
        Run iris = BackpropLabCliTest.run("train", "--preset", "iris", "--features", "x1sq");
        assertEquals(2, iris.status());
        assertTrue(iris.err().contains("--features x1sq: iris has 4 inputs; input features need a data set with two inputs"),
                iris.err());
    }
}

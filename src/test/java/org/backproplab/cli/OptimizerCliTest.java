package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.Trainer;
import org.backproplab.io.BackpropFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --optimizer NAME}, {@code --l2 λ}, {@code --l1 λ}: the engine's numbers, and refusals that say why. */
class OptimizerCliTest {
    @Test
    void adamWithL2TrainsAsTheEngineDoesAndIsSaved(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("adam.json");
        BackpropLabCliTest.Run r = BackpropLabCliTest.run("train", "--preset", "gender", "--iterations", "40",
                "--optimizer", "adam", "--l2", "0.01", "--save", file.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("with η = 0.1, Adam (β1 = 0.9, β2 = 0.999, ε = 1e-8), L2 (weight decay) λ = 0.01"),
                r.out());
        BackpropFile saved = BackpropFile.read(file);
        assertEquals(Optimizer.of(Optimizer.Kind.ADAM), saved.scenario().config().optimizer());
        assertEquals(Regularization.l2(0.01), saved.scenario().config().regularization());
        Scenario s = Presets.get("gender");
        Trainer t = s.withConfig(s.config().withOptimizer(Optimizer.of(Optimizer.Kind.ADAM))
                .withRegularization(Regularization.l2(0.01))).createTrainer();
        t.train(40);
        assertTrue(t.network().sameAs(saved.network()), "the weights the engine reaches");
    }

    /**
     * Training 30 iterations, saving, and training the file 30 more reaches the weights of 60 in one go, bit for bit,
     * for every optimiser: the file keeps what the optimiser remembers (velocity, Adam's moments and step count) and
     * the epoch count, so the per-sample order and Adam's bias correction go on where they were (gender trains per
     * sample).
     */
    @Test
    void trainingASavedFileGoesOnAsIfNeverStopped(@TempDir Path dir) throws Exception {
        for (Optimizer.Kind k : Optimizer.Kind.values()) {
            Path half = dir.resolve(k.id() + "-30.json");
            Path whole = dir.resolve(k.id() + "-60.json");
            Path again = dir.resolve(k.id() + "-30-30.json");
            BackpropLabCliTest.Run r = BackpropLabCliTest.run("train", "--preset", "gender", "--iterations", "30", "--optimizer", k.id(), "--save", half.toString());
            assertEquals(0, r.status(), r.err());
            r = BackpropLabCliTest.run("train", "--load", half.toString(), "--iterations", "30", "--save", again.toString());
            assertEquals(0, r.status(), r.err());
            r = BackpropLabCliTest.run("train", "--preset", "gender", "--iterations", "60",
                    "--optimizer", k.id(), "--save", whole.toString());
            assertEquals(0, r.status(), r.err());
            BackpropFile a = BackpropFile.read(again);
            BackpropFile b = BackpropFile.read(whole);
            assertEquals(60, a.iteration(), k.id());
            assertTrue(a.network().sameAs(b.network()), k.id() + ": 30 + 30 iterations reach the weights of 60");
            assertTrue(b.createTrainer().optimizerState().sameAs(a.createTrainer().optimizerState()), k.id());
        }
    }

    @Test
    void everyOptimizerAndL1AreAccepted() {
        for (Optimizer.Kind k : Optimizer.Kind.values()) {
            BackpropLabCliTest.Run r = BackpropLabCliTest.run("train", "--preset", "xor", "--iterations", "5",
                    "--optimizer", k.id(), "--l1", "1e-3");
            assertEquals(0, r.status(), k + ": " + r.err());
            assertTrue(r.out().contains(k.title()) && r.out().contains("L1 λ = 0.001"), r.out());
        }
    }

    @Test
    void badValuesAreRefusedAsUserErrors() {
        BackpropLabCliTest.Run r = BackpropLabCliTest.run("train", "--preset", "xor", "--optimizer", "adagrad");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("backprop-lab: 'adagrad' in --optimizer: expected sgd, momentum, nesterov, rmsprop or adam"),
                r.err());
        r = BackpropLabCliTest.run("train", "--preset", "xor", "--l2", "-1");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("backprop-lab: '-1' in --l2: expected a number ≥ 0, such as 0.001"), r.err());
        r = BackpropLabCliTest.run("train", "--preset", "xor", "--l1", "NaN");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("backprop-lab: 'NaN' in --l1:"), r.err());
        r = BackpropLabCliTest.run("train", "--preset", "xor", "--l1", "0.1", "--l2", "0.1");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("mutually exclusive"), r.err());
    }
}

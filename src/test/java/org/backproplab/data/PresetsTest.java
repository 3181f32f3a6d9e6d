package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.WorkLimits;
import org.junit.jupiter.api.Test;

/** Each preset learns what the issue says it learns, over many seeds. */
class PresetsTest {

    /** Trains {@code s} with {@code seed} for its own iteration count. */
    private static Trainer trained(Scenario s, long seed) {
        Trainer t = s.withConfig(s.config().withSeed(seed)).createTrainer();
        t.train(s.iterations());
        return t;
    }

    private static double maxError(Scenario s, Trainer t) {
        RealMatrix out = t.network().predict(s.dataset().inputs());
        double max = 0;
        for (int i = 0; i < s.dataset().size(); i++) {
            max = Math.max(max, Math.abs(out.getEntry(i, 0) - s.dataset().target(i, 0)));
        }
        return max;
    }

    @Test
    void xorLearnsForAtLeast95PercentOf200Seeds() {
        Scenario s = Presets.get("xor");
        assertEquals(1500, s.iterations());
        int ok = 0;
        for (long seed = 1; seed <= 200; seed++) {
            if (maxError(s, trained(s, seed)) < 0.1) {
                ok++;
            }
        }
        assertTrue(ok >= 190, "xor: all four outputs within 0.1 for only " + ok + " of 200 seeds");
    }

    @Test
    void genderPutsEmilyNear095AndFrankNear004() {
        Scenario s = Presets.get("gender");
        assertEquals(4000, s.iterations());
        int ok = 0;
        for (long seed = 1; seed <= 100; seed++) {
            Trainer t = trained(s, seed);
            double[][] p = s.dataset().probes();
            double emily = t.network().predict(p[0])[0];
            double frank = t.network().predict(p[1])[0];
            if (Math.abs(emily - 0.95) <= 0.03 && Math.abs(frank - 0.04) <= 0.02) {
                ok++;
            }
        }
        assertTrue(ok >= 95, "gender: Emily 0.95 ± 0.03 and Frank 0.04 ± 0.02 for only " + ok + " of 100 seeds");
    }

    @Test
    void smallGatesLearnToALowLoss() {
        for (String name : List.of("and", "or", "xor-bias")) {
            Scenario s = Presets.get(name);
            for (long seed = 1; seed <= 50; seed++) {
                Trainer t = trained(s, seed);
                double loss = t.evaluate().loss();
                assertTrue(loss < 0.01, name + " seed " + seed + ": sse loss " + loss + ", expected < 0.01");
                assertTrue(maxError(s, t) < 0.1, name + " seed " + seed + ": an output is 0.1 or more off");
            }
        }
    }

    @Test
    void reluMlpLearnsTheBowlForMostSeeds() {
        Scenario s = Presets.get("relu-mlp");
        for (var layer : s.layers()) {
            assertEquals(Activation.RELU, layer.activation());
        }
        int ok = 0;
        for (long seed = 1; seed <= 30; seed++) {
            if (trained(s, seed).evaluate().loss() < 1e-3) {
                ok++;
            }
        }
        assertTrue(ok >= 24, "relu-mlp: mse below 1e-3 for only " + ok + " of 30 seeds");
        assertTrue(trained(s, Presets.DEFAULT_SEED).evaluate().loss() < 1e-3, "the default seed must learn");
    }

    @Test
    void reluMlpTakesItsSizesAndLearningRate() {
        Scenario s = Presets.reluMlp(new int[] {8, 4, 3}, 0.05);
        assertEquals(4, s.layers().size());
        assertEquals(8, s.layers().get(0).size());
        assertEquals(0.05, s.config().learningRate());
        assertThrows(IllegalArgumentException.class, () -> Presets.reluMlp(new int[] {0}, 0.1));
    }

    @Test
    void xorUsesTheConstantColumnAsBias() {
        Dataset d = Presets.get("xor").dataset();
        assertEquals(2, d.biasColumn());
        for (int i = 0; i < d.size(); i++) {
            assertEquals(1.0, d.input(i, 2));
        }
    }

    @Test
    void unknownNameIsRefusedWithTheKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Presets.get("nope"));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        assertTrue(e.getMessage().contains("xor-bias"), e.getMessage());
    }

    /**
     * Room to spare: every preset uses under 1 % of the work and the activations a pass may take; the real data
     * sets (1,797 digits) under 10 %.
     */
    @Test
    void everyPresetFitsTheWorkBoundWithRoomToSpare() {
        for (Scenario s : Presets.all()) {
            int in = s.dataset().inputSize();
            long n = s.dataset().size();
            long work = WorkLimits.parameters(in, s.layers()) * n;
            long activations = WorkLimits.activationsPerSample(s.layers()) * n;
            long share = List.of("iris", "digits", "diabetes").contains(s.name()) ? 10 : 100;
            assertTrue(work < WorkLimits.MAX_WORK / share, s.name() + ": " + work);
            assertTrue(activations < WorkLimits.MAX_ACTIVATIONS / share, s.name() + ": " + activations);
        }
        // the biggest network the editor offers (6 hidden layers of 12) fits 10,000 generated samples (of the 20,000 allowed)
        List<org.backproplab.engine.LayerSpec> most = new java.util.ArrayList<>();
        for (int h = 0; h < Scenarios.MAX_HIDDEN_LAYERS; h++) {
            most.add(new org.backproplab.engine.LayerSpec(Scenarios.MAX_NEURONS, Activation.TANH, true));
        }
        most.add(new org.backproplab.engine.LayerSpec(1, Activation.SIGMOID, true));
        assertEquals(null, WorkLimits.refusal(2, most, 10_000));
        assertTrue(WorkLimits.refusal(2, most, 20_000).endsWith("this network fits at most 10,638 samples"));
    }

    @Test
    void allListsEveryNameOnceWithTheDefaultFirst() {
        List<Scenario> all = Presets.all();
        assertEquals(Presets.names(), all.stream().map(Scenario::name).toList());
        assertEquals(Presets.DEFAULT, all.get(0).name());
        assertEquals(List.of("xor", "gender", "relu-mlp", "and", "or", "xor-bias", "three-clusters", "spiral-features", "race", "iris", "digits", "diabetes"), Presets.names());
    }

    @Test
    void theMenuEntriesNameAndDescribeEachPresetAsItsScenarioDoes() {
        List<Presets.Entry> entries = Presets.entries();
        assertEquals(Presets.names(), entries.stream().map(Presets.Entry::name).toList());
        for (Presets.Entry e : entries) {
            assertEquals(Presets.get(e.name()).description(), e.description(), e.name());
        }
    }
}

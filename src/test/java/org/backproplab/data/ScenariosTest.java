package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.junit.jupiter.api.Test;

/** The rules that build a scenario around a new data set or a new architecture. */
class ScenariosTest {
    @Test
    void aGeneratedSetKeepsTheHiddenLayersAndGetsBiasesAndAMeanLoss() {
        Scenario xor = Presets.get("xor");
        Scenario s = Scenarios.forDataset(xor, Generators.circle(200, 0.1, 3), "circle", "Circle");
        assertEquals(2, s.dataset().inputSize());
        assertEquals(List.of(new LayerSpec(4, Activation.SIGMOID, true), new LayerSpec(1, Activation.SIGMOID, true)),
                s.layers());
        assertEquals(Loss.BCE, s.config().loss(), "sse over 200 samples would make η 50 times larger");
        assertEquals(xor.config().learningRate(), s.config().learningRate());
        assertEquals(xor.config().seed(), s.config().seed());
        assertTrue(s.description().startsWith("Circle · 2-4-1"), s.description());
    }

    @Test
    void aRegressionSetGetsALinearOutputAndMse() {
        Scenario s = Scenarios.forDataset(Presets.get("xor-bias"), Generators.noisySine(30, 0.05, 1), "sine", "Sine");
        assertEquals(Activation.LINEAR, s.layers().get(1).activation());
        assertEquals(Activation.TANH, s.layers().get(0).activation());
        assertEquals(Loss.MSE, s.config().loss());
        assertFalse(Scenarios.isClassification(s.dataset()));
    }

    @Test
    void aSetWithABiasColumnGetsNoBiasesAndATinySetKeepsSse() {
        Scenario s = Scenarios.forDataset(Presets.get("xor-bias"), Presets.get("xor").dataset(), "xor", "XOR");
        assertTrue(s.layers().stream().noneMatch(LayerSpec::bias));
        assertEquals(Loss.SSE, s.config().loss());
    }

    @Test
    void anEditedArchitectureIsNamedSoThePresetLoadsAfresh() {
        Scenario xor = Presets.get("xor");
        List<LayerSpec> l = List.of(new LayerSpec(6, Activation.TANH, false), new LayerSpec(1, Activation.SIGMOID, false));
        Scenario s = Scenarios.withArchitecture(xor, l);
        assertEquals("xor (edited)", s.name());
        assertEquals("xor (edited)", Scenarios.withArchitecture(s, l).name(), "not xor (edited) (edited)");
        assertEquals(l, s.layers());
        assertEquals(xor.config(), s.config());
        assertTrue(s.description().contains("3-6-1 (tanh, sigmoid), sse"), s.description());
    }

    @Test
    void oneHotTargetsGetASoftmaxOutputAndCrossEntropyAndBackAgain() {
        Dataset three = Generators.threeClusters(30, 0.1, 1);
        assertTrue(Scenarios.isOneHot(three));
        assertEquals(List.of("A", "B", "C"), three.targetNames());
        Scenario s = Scenarios.forDataset(Presets.get("xor-bias"), three, "three clusters", "three clusters");
        assertEquals(new LayerSpec(3, Activation.SOFTMAX, true), s.layers().get(s.layers().size() - 1));
        assertEquals(Loss.CROSS_ENTROPY, s.config().loss());
        s.createTrainer().step();

        Scenario back = Scenarios.forDataset(s, Generators.circle(30, 0.1, 1), "circle", "circle");
        assertEquals(Activation.SIGMOID, back.layers().get(back.layers().size() - 1).activation());
        assertEquals(Loss.BCE, back.config().loss(), "cross-entropy cannot stay without softmax");
    }
}

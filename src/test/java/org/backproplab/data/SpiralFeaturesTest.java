package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The two spirals that a small net cannot separate from {@code x1, x2} alone become separable with the derived
 * inputs: the same 2-4-1 layers, the same seed, η and iterations. Measured: 61.5 % of the 200 samples right without
 * features, 100 % with all five.
 */
class SpiralFeaturesTest {
    @Test
    void theSameSmallNetSeparatesTheSpiralsOnlyWithTheDerivedInputs() {
        Scenario with = Presets.get("spiral-features");
        Scenario without = Scenarios.withFeatures(with, List.of());
        assertEquals(List.of("x1", "x2"), without.dataset().inputNames());
        assertEquals(with.layers(), without.layers());
        assertEquals(with.config(), without.config());
        double accWith = trainedAccuracy(with);
        double accWithout = trainedAccuracy(without);
        assertTrue(accWith >= 0.98, "with features: " + accWith);
        assertTrue(accWithout <= 0.75, "without features: " + accWithout);
    }

    private static double trainedAccuracy(Scenario s) {
        Trainer t = s.createTrainer();
        for (long i = 0; i < s.iterations(); i++) {
            t.step();
        }
        double[][] yHat = t.network().predict(s.dataset().inputs()).getData();
        return Accuracy.of(yHat, s.dataset().targets().getData(), IntStream.range(0, s.dataset().size()).toArray());
    }
}

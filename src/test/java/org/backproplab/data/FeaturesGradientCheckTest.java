package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.GradientCheck;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.Test;

/** Backpropagation against central differences with every derived input on: the input layer's seven rows too. */
class FeaturesGradientCheckTest {
    @Test
    void backpropagationAgreesWithCentralDifferencesWithEveryFeatureOn() {
        for (BatchMode batch : List.of(BatchMode.FULL, BatchMode.SAMPLE)) {
            Scenario s = Presets.get("spiral-features");
            s = s.withConfig(s.config().withBatch(batch));
            assertEquals(7, s.dataset().inputSize());
            Trainer t = s.createTrainer();
            for (int i = 0; i < 25; i++) {
                t.step();
            }
            GradientCheck.Result r = GradientCheck.run(t);
            assertTrue(r.passes(), batch.id() + ": worst " + r.worst());
            assertTrue(r.maxRelativeError() < GradientCheck.TOLERANCE, batch.id() + ": " + r.maxRelativeError());
            long firstLayerFromFeatures = r.entries().stream()
                    .filter(e -> e.layer() == 1 && !e.isBias() && e.from() >= 2).count();
            assertEquals(5 * 4, firstLayerFromFeatures, batch.id());
        }
    }
}

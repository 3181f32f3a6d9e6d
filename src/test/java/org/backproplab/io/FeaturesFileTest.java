package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.data.InputFeature;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.data.Scenarios;
import org.backproplab.engine.Trainer;
import org.junit.jupiter.api.Test;

/** Derived inputs are part of the saved file: written, read back exactly, and checked; files without them as before. */
class FeaturesFileTest {
    @Test
    void theFeaturesComeBackWithTheirColumnsAndTheTrainingGoesOnExactly() throws Exception {
        Scenario s = Scenarios.withFeatures(Presets.get("xor"), List.of(InputFeature.SIN_X2, InputFeature.X1_TIMES_X2));
        Trainer t = s.createTrainer();
        t.train(40);
        String json = BackpropFile.of(s, t).toJson();
        assertTrue(json.contains("\"features\": [\"x1x2\", \"sin2\"]"), json);
        BackpropFile back = BackpropFile.read(json, "xor-features.json");
        assertEquals(List.of(InputFeature.X1_TIMES_X2, InputFeature.SIN_X2), back.scenario().dataset().features());
        assertEquals(List.of("x1", "x2", "x3", "x1·x2", "sin x2"), back.scenario().dataset().inputNames());
        assertArrayEquals(s.dataset().inputs().getData(), back.scenario().dataset().inputs().getData());
        Trainer again = back.createTrainer();
        t.train(10);
        again.train(10);
        assertTrue(t.network().sameAs(again.network()), "ten more iterations give the same bits");
        assertEquals(json, back.toJson(), "writing what was read gives the same text");
    }

    @Test
    void aFileWithoutFeaturesHasNoFieldAndReadsAsBefore() throws Exception {
        Scenario xor = Presets.get("xor");
        String json = BackpropFile.of(xor, xor.createTrainer()).toJson();
        assertFalse(json.contains("features"));
        assertEquals(List.of(), BackpropFile.read(json, "xor.json").scenario().dataset().features());
    }

    @Test
    void anUnknownFeatureOrADerivedValueThatIsNotItsFormulaIsRefusedByName() throws Exception {
        Scenario s = Presets.get("spiral-features");
        String json = BackpropFile.of(s, s.createTrainer()).toJson();
        FileFormatException unknown = assertThrows(FileFormatException.class,
                () -> BackpropFile.read(json.replace("\"sin1\"", "\"cos1\""), "f.json"));
        assertTrue(unknown.getMessage().contains("dataset.features[3]: is 'cos1': expected one of x1sq, x2sq, x1x2, sin1, sin2"),
                unknown.getMessage());
        FileFormatException order = assertThrows(FileFormatException.class,
                () -> BackpropFile.read(json.replace("\"x1sq\", \"x2sq\"", "\"x2sq\", \"x1sq\""), "f.json"));
        assertTrue(order.getMessage().contains("dataset.features: is x2sq,x1sq,x1x2,sin1,sin2: expected each feature once"),
                order.getMessage());
        double x1 = s.dataset().input(0, 0);
        double sq = s.dataset().input(0, 2);
        String edited = json.replaceFirst(java.util.regex.Pattern.quote(Double.toString(sq)), "0.5");
        FileFormatException wrong = assertThrows(FileFormatException.class, () -> BackpropFile.read(edited, "f.json"));
        assertTrue(wrong.getMessage().contains("input row 1, column 3 (x1²) is 0.5 but x1² of that row is " + x1 * x1),
                wrong.getMessage());
    }
}

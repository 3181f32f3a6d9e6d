package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.InputFeature;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenarios;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Turning derived inputs on is a new input layer, like an architecture edit; an edited input takes them along. */
class FeaturesSessionTest {
    private TrainingSession session;

    private Snapshot sync() throws Exception {
        return session.sync().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void featuresStartANewInputLayerAndBackBringsTheTrainedNetworkBack() throws Exception {
        session = new TrainingSession(SessionFixtures.xor());
        session.stepMany(50);
        Snapshot trained = sync();
        session.reshape(s -> Scenarios.withFeatures(s, List.of(InputFeature.X1_TIMES_X2)), "input feature x1·x2");
        Snapshot on = sync();
        assertEquals(4, on.network().inputSize(), "x1, x2, x3 and x1·x2");
        assertEquals(List.of("x1", "x2", "x3", "x1·x2"), on.scenario().dataset().inputNames());
        assertEquals(0, on.iteration());
        assertEquals(4, on.network().layers().get(0).weights().getRowDimension(), "a new first weight matrix");
        assertTrue(on.message().contains("input feature x1·x2"), on.message());
        session.back();
        Snapshot back = sync();
        assertEquals(50, back.iteration());
        assertTrue(back.network().sameAs(trained.network()), "nothing trained is lost");
        assertEquals(List.of(), back.scenario().dataset().features());
    }

    @Test
    void anEditedInputTakesItsDerivedInputsAlongAndADerivedOneIsRefused() throws Exception {
        session = new TrainingSession(Scenarios.withFeatures(SessionFixtures.xor(),
                List.of(InputFeature.X1_SQUARED, InputFeature.SIN_X1)));
        session.setInput(2, 0, 3.0);
        Snapshot after = sync();
        assertEquals(9.0, after.scenario().dataset().input(2, 3), 0.0);
        assertEquals(9.0, after.evaluation().inputs().getEntry(2, 3), 0.0, "the engine trains on x1² = 9");
        assertEquals(StrictMath.sin(3.0), after.evaluation().inputs().getEntry(2, 4), 0.0);
        session.setInput(2, 3, 4.0);
        Snapshot refused = sync();
        assertTrue(refused.message().contains("x1² is a derived input"), refused.message());
        assertEquals(9.0, refused.evaluation().inputs().getEntry(2, 3), 0.0);
        assertEquals(after.losses().markers().size(), refused.losses().markers().size(), "nothing changed");
    }

    @Test
    void samplesWithoutTheNetworksFeaturesAreRefusedAndNothingChanges() throws Exception {
        session = new TrainingSession(Presets.get("spiral-features"));
        Snapshot before = sync();
        org.backproplab.data.Dataset plain = before.scenario().dataset().withFeatures(List.of());
        double[][] x = new double[plain.size()][];
        for (int r = 0; r < x.length; r++) {
            x[r] = new double[] {plain.input(r, 0), plain.input(r, 1), 0, 0, 0, 0, 0};
        }
        org.backproplab.data.Dataset wide = new org.backproplab.data.Dataset(java.util.List.of("a", "b", "c", "d", "e", "f", "g"),
                plain.targetNames(), x, plain.targets().getData(), List.of(), null, List.of(), -1);
        session.setDataset(wide);
        Snapshot after = sync();
        assertTrue(after.message().contains("has the input features none but the network takes x1sq,x2sq,x1x2,sin1,sin2"),
                after.message());
        assertTrue(after.network().sameAs(before.network()));
        assertEquals(before.scenario().dataset().features(), after.scenario().dataset().features());
    }
}

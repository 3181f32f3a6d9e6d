package org.backproplab.ui.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.backproplab.data.Dataset;
import org.backproplab.data.Scenario;
import org.backproplab.data.Scenarios;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.session.LossCurve;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.graph.GraphScene;
import org.backproplab.ui.graph.NetworkView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The architecture editor in the real window, opened with Ctrl+E and used by clicking and typing. */
@ExtendWith(ApplicationExtension.class)
class ArchitectureFxTest extends FxRobot {
    private ClassroomFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = ClassroomFixture.start(this);
        press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        fx.settle();
        assertTrue(lookup("#architecturePanel").query().isVisible(), "Ctrl+E opens the editor");
    }

    @AfterEach
    void stop() throws Exception {
        fx.stop();
    }

    private void type(String id, String text) {
        fx.type(id, text);
    }

    private GraphScene graph() {
        return lookup("#networkView").queryAs(NetworkView.class).viewModel().scene();
    }

    private static long neuronsIn(GraphScene g, int layer) {
        return g.neurons().stream().filter(n -> n.layer() == layer).count();
    }

    @Test
    void addingALayerReachesTheSessionAndTheGraph() throws Exception {
        assertEquals(2, fx.settle().network().depth());
        clickOn("#addLayerButton");
        Snapshot s = fx.settle();
        assertEquals(3, s.network().depth(), "input → 4 → 4 → output");
        assertEquals(List.of(4, 4, 1), s.network().specs().stream().map(LayerSpec::size).toList());
        assertEquals("xor (edited)", s.scenario().name());
        GraphScene g = graph();
        assertEquals(4, neuronsIn(g, 2), "the graph draws the new hidden layer");
        assertEquals(1, neuronsIn(g, 3), "and the output one layer further right");
        assertEquals(2, lookup("#removeLayer2").queryAll().size() + lookup("#removeLayer1").queryAll().size());
        clickOn("#removeLayer2");
        assertEquals(2, fx.settle().network().depth());
        assertEquals(0, neuronsIn(graph(), 3));
    }

    @Test
    void aLearningRateChangeKeepsTheWeightsAndMarksTheChart() throws Exception {
        for (int i = 0; i < 5; i++) {
            clickOn("#stepButton");
        }
        Snapshot before = fx.settle();
        assertEquals(5, before.iteration());
        type("#archLearningRateField", "0.25");
        Snapshot after = fx.settle();
        assertEquals(0.25, after.scenario().config().learningRate());
        assertEquals(5, after.iteration(), "training goes on from where it was");
        assertTrue(after.network().sameAs(before.network()), "the weights are exactly those of iteration 5");
        List<LossCurve.Marker> markers = after.losses().markers();
        assertEquals(before.losses().markers().size() + 1, markers.size());
        assertTrue(markers.get(markers.size() - 1).text().contains("η"), markers.toString());
        assertEquals("xor", after.scenario().name(), "no new architecture");
    }

    @Test
    void aShapeChangeStartsOverFromTheSeed() throws Exception {
        for (int i = 0; i < 3; i++) {
            clickOn("#stepButton");
        }
        Snapshot trained = fx.settle();
        clickOn("#moreNeurons1");
        Snapshot s = fx.settle();
        assertEquals(0, s.iteration());
        assertEquals(5, s.network().size(1));
        List<LayerSpec> expected = List.of(new LayerSpec(5, Activation.SIGMOID, false),
                new LayerSpec(1, Activation.SIGMOID, false));
        assertTrue(s.network().sameAs(Scenarios.withArchitecture(trained.scenario(), expected).createNetwork()),
                "the initial weights of the seed");
        assertEquals(5, neuronsIn(graph(), 1));
        interact(() -> lookup("#hiddenActivation1").queryComboBox().setValue(Activation.TANH));
        Snapshot tanh = fx.settle();
        assertEquals(Activation.TANH, tanh.network().layer(1).activation());
    }

    @Test
    void theEditorShowsTheRunOnShowsActivationAndAShapeChangeStartsOverFromIt() throws Exception {
        fx.app.session().stepMany(20);
        fx.app.session().startVariant(0, List.of(), Activation.RELU);
        fx.settle();
        assertEquals(Activation.RELU, lookup("#hiddenActivation1").queryComboBox().getValue(), "run 2 on show");
        fx.app.session().showRun(1);
        fx.settle();
        assertEquals(Activation.SIGMOID, lookup("#hiddenActivation1").queryComboBox().getValue(), "run 1 on show");
        fx.app.session().showRun(2);
        fx.settle();
        clickOn("#moreNeurons1");
        Snapshot s = fx.settle();
        assertEquals(1, s.runs().size());
        assertEquals(List.of(new LayerSpec(5, Activation.RELU, false), new LayerSpec(1, Activation.SIGMOID, false)),
                s.network().specs(), "the layers of run 2, with one neuron more");
        assertEquals(Activation.RELU, lookup("#hiddenActivation1").queryComboBox().getValue());
        clickOn("#backButton");
        Snapshot back = fx.settle();
        assertEquals(2, back.runs().size(), "Back brings both runs back: " + back.message());
        assertEquals(Activation.RELU, back.network().layer(1).activation());
    }

    /** 1-12-1 on 30,000 samples takes 19 activations a sample; another layer of 12 would take 34, past 1e6 a pass. */
    @Test
    void aLayerPastTheWorkBoundIsRefusedWithTheLimitAndChangesNothing() throws Exception {
        double[][] x = new double[30_000][1];
        double[][] y = new double[30_000][1];
        fx.app.session().load(new Scenario("many", "", Dataset.of(x, y), List.of(new LayerSpec(12, Activation.TANH, true),
                new LayerSpec(1, Activation.LINEAR, true)), new TrainingConfig(Loss.MSE, 0.1, BatchMode.miniBatch(32), 0,
                false, Initializer.XAVIER, 1), 10));
        Snapshot before = fx.settle();
        assertEquals("many", before.scenario().name());
        clickOn("#addLayerButton");
        Snapshot after = fx.settle();
        assertEquals("Not changed (a hidden layer added): 1-12-12-1 on 30,000 samples needs 1.02e6 activations per pass "
                + "(samples × (neurons + 3 per layer)): at most 1e6 are allowed, so that the buffers of one pass stay "
                + "within about 32 MB; this network fits at most 29,411 samples.",
                lookup("#architectureError").queryAs(Label.class).getText());
        assertEquals(before.scenario(), after.scenario(), "nothing sent");
        assertEquals(before.changes(), after.changes());
    }

    @Test
    void aBadValueIsNamedAndChangesNothing() throws Exception {
        Snapshot before = fx.settle();
        type("#hiddenNeurons1", "13");
        Snapshot after = fx.settle();
        String error = lookup("#architectureError").queryAs(Label.class).getText();
        assertEquals("'13' in hidden layer 1, neurons: expected a whole number from 1 to 12", error);
        assertTrue(after.network().sameAs(before.network()));
        assertEquals(before.scenario(), after.scenario());
        type("#momentumField", "1.5");
        error = lookup("#architectureError").queryAs(Label.class).getText();
        assertEquals("'1.5' in momentum μ: expected a number from 0 up to (not including) 1, such as 0.9", error);
        type("#seedField", "x7");
        assertEquals("'x7' in seed: expected a whole number such as 42",
                lookup("#architectureError").queryAs(Label.class).getText());
        assertEquals(before.scenario().config(), fx.settle().scenario().config());
        type("#seedField", "7");
        Snapshot reseeded = fx.settle();
        assertEquals(7, reseeded.scenario().config().seed());
        assertFalse(lookup("#architectureError").query().isVisible(), "a good value clears the message");
    }
}

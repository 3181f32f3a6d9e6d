package org.backproplab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.OptimizerState;
import org.backproplab.engine.Regularization;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.ThemedScene;
import org.backproplab.ui.UiState;
import org.backproplab.ui.data.PanelScenarios;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The inspector shows the chosen optimiser's update and the penalty's terms with the engine's numbers. */
@ExtendWith(ApplicationExtension.class)
class OptimizerInspectorTest {
    /** Formulas show four significant digits. */
    private static final double SHOWN = 5e-4;

    private TrainingSession session;
    private SessionBridge bridge;

    @Start
    void start(Stage stage) {
        session = new TrainingSession(PanelScenarios.xor());
        bridge = new SessionBridge(session);
        stage.setScene(ThemedScene.of(new InspectorView(bridge, new UiState()), 700, 800));
        stage.setMaximized(false);
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private static double result(String text, String prefix) {
        return InspectorViewTest.result(text, prefix);
    }

    private static void near(double engine, double shown, String what) {
        assertEquals(engine, shown, SHOWN * Math.max(1e-12, Math.abs(engine)), what + ": shown " + shown + ", engine "
                + engine);
    }

    private String formula(FxRobot robot) {
        return String.join("\n", robot.lookup("#inspector").queryAs(InspectorView.class).lines().stream()
                .map(Label::getText).toList());
    }

    private void configure(Optimizer o, Regularization r) {
        session.updateConfig(c -> c.withOptimizer(o).withRegularization(r));
    }

    @Test
    void adamsUpdateShowsGMVTheirCorrectionsAndTheStep(FxRobot robot) {
        configure(Optimizer.adam(0.8, 0.99, 1e-8), Regularization.NONE);
        session.step();
        session.step();
        PanelScenarios.settle(session, bridge);
        Snapshot s = bridge.snapshot();
        IterationTrace t = s.trace();
        OptimizerState m = t.optimizerState();
        assertEquals(2, m.adamStep());
        String text = formula(robot); // the default edge: W2[0,0]
        double first = m.weight(OptimizerState.Slot.FIRST_MOMENT, 2, 0, 0);
        double second = m.weight(OptimizerState.Slot.SECOND_MOMENT, 2, 0, 0);
        near(t.weightGradients().get(2).getEntry(0, 0), result(text, "g = ∂L/∂w"), "g");
        near(first, result(text, "m = β1"), "m");
        near(second, result(text, "v = β2"), "v");
        near(first / (1 - 0.8 * 0.8), result(text, "m̂"), "m̂");
        near(second / (1 - 0.99 * 0.99), result(text, "v̂"), "v̂");
        near(t.weightUpdates().get(2).getEntry(0, 0), result(text, "Δw"), "the step");
        near(s.network().layer(2).weight(0, 0), result(text, "w ←"), "the weight after it");
        assertTrue(text.contains("(update t = 2)"), text);
    }

    @Test
    void rmspropAndNesterovShowTheirMemory(FxRobot robot) {
        configure(Optimizer.rmsprop(0.9, 1e-8), Regularization.NONE);
        session.step();
        PanelScenarios.settle(session, bridge);
        IterationTrace t = bridge.snapshot().trace();
        String text = formula(robot);
        near(t.optimizerState().weight(OptimizerState.Slot.MEAN_SQUARE, 2, 0, 0), result(text, "s = ρ"), "s");
        near(t.weightUpdates().get(2).getEntry(0, 0), result(text, "Δw"), "the step");
        configure(Optimizer.nesterov(0.9), Regularization.NONE);
        session.step();
        PanelScenarios.settle(session, bridge);
        t = bridge.snapshot().trace();
        text = formula(robot);
        near(t.optimizerState().weight(OptimizerState.Slot.VELOCITY, 2, 0, 0), result(text, "v = μ"), "v");
        near(t.weightUpdates().get(2).getEntry(0, 0), result(text, "Δw"), "the step");
    }

    @Test
    void thePenaltyIsItsOwnTermOfTheLossAndOfTheGradient(FxRobot robot) {
        configure(Optimizer.sgd(), Regularization.l2(0.1));
        for (int i = 0; i < 3; i++) {
            session.stepPhase(); // forward 1, forward 2, loss
        }
        PanelScenarios.settle(session, bridge);
        IterationTrace t = bridge.snapshot().trace();
        String loss = formula(robot);
        near(t.dataLoss(), result(loss, "L_data"), "the data loss");
        near(t.loss(), result(loss, "L = L_data + (λ/2)·Σ W²"), "data loss + penalty");
        assertTrue(t.penalty() > 0);
        session.stepPhase(); // backward 2
        PanelScenarios.settle(session, bridge);
        t = bridge.snapshot().trace();
        String back = formula(robot);
        double w = bridge.snapshot().network().layer(2).weight(0, 0);
        near(t.weightGradients().get(2).getEntry(0, 0) - 0.1 * w, result(back, "∂L_data/∂W_ij"), "the data term");
        near(t.weightGradients().get(2).getEntry(0, 0), result(back, "∂L/∂W_ij = ∂L_data/∂W_ij + λ·W_ij"),
                "with the penalty");
    }
}

package org.backproplab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backproplab.engine.IterationTrace;
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

/** The inspector shows the engine's numbers for each phase, and its grids edit weights. */
@ExtendWith(ApplicationExtension.class)
class InspectorViewTest {
    /** Formulas show four significant digits. */
    private static final double SHOWN = 5e-4;
    private static final Pattern LAST_NUMBER = Pattern.compile("= ([+−-]?\\d+(?:\\.\\d+)?(?:e[+−-]?\\d+)?)(?:\\s*\\(.*\\))?\\s*$");

    private TrainingSession session;
    private SessionBridge bridge;
    private UiState state;

    @Start
    void start(Stage stage) {
        session = new TrainingSession(PanelScenarios.xor());
        bridge = new SessionBridge(session);
        state = new UiState();
        stage.setScene(ThemedScene.of(new InspectorView(bridge, state), 700, 800));
        // the test stage is shared: an earlier test's window may have left its minimum size or maximised it
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

    /** @return the result at the end of the first line of {@code text} that starts with {@code prefix} */
    static double result(String text, String prefix) {
        String[] lines = text.split("\n");
        int i = 0;
        while (i < lines.length && !lines[i].strip().startsWith(prefix)) {
            i++;
        }
        if (i == lines.length) {
            throw new AssertionError("no line starts with " + prefix + " in\n" + text);
        }
        while (i + 1 < lines.length && lines[i + 1].strip().matches("^[=+−·].*")) {
            i++; // a derivation continues on the next line: its result is at the end of the last one
        }
        String line = lines[i];
        Matcher m = LAST_NUMBER.matcher(line);
        assertTrue(m.find(), line);
        return Double.parseDouble(m.group(1).replace('−', '-'));
    }

    /** @return the gradient: the result of the "= Σ over n samples of δ_j·a_i = …" line after "∂L/∂W_ij" */
    private static double gradient(String text) {
        String[] lines = text.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].strip().startsWith("∂L/∂W_ij")) {
                String rest = String.join("\n", Arrays.copyOfRange(lines, i + 1, lines.length));
                return result(rest, "=");
            }
        }
        throw new AssertionError("no gradient in\n" + text);
    }

    private static void near(double expected, double shown) {
        assertEquals(expected, shown, SHOWN * Math.max(1, Math.abs(expected)), "shown " + shown + ", engine " + expected);
    }

    /** @return the lines of the derivation as the panel shows them, one per label */
    private String formula(FxRobot robot) {
        return String.join("\n", robot.lookup("#inspector").queryAs(InspectorView.class).lines().stream()
                .map(Label::getText).toList());
    }

    private void phases(int n) {
        for (int i = 0; i < n; i++) {
            session.stepPhase();
        }
        PanelScenarios.settle(session, bridge);
    }

    @Test
    void aNarrowInspectorSetsTheFormulaASizeSmaller(FxRobot robot) {
        phases(1);
        javafx.scene.layout.Region formula = robot.lookup("#inspectorFormula").queryAs(javafx.scene.layout.Region.class);
        InspectorView view = robot.lookup("#inspector").queryAs(InspectorView.class);
        javafx.css.PseudoClass narrow = javafx.css.PseudoClass.getPseudoClass("narrow");
        assertTrue(!formula.getPseudoClassStates().contains(narrow), "700 px: full size");
        double wide = view.lines().get(0).getFont().getSize();
        robot.interact(() -> formula.getScene().getWindow().setWidth(340));
        // the window's new width reaches the inspector on a later pulse: wait for it, not for a time
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> {
                robot.interact(() -> formula.getScene().getRoot().applyCss());
                return formula.getPseudoClassStates().contains(narrow) && view.lines().get(0).getFont().getSize() < wide;
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("340 px: a size smaller, but " + formula.getPseudoClassStates() + " at "
                    + view.lines().get(0).getFont().getSize() + " px (was " + wide + ")", e);
        }
    }

    @Test
    void forwardShowsZAndAOfTheTrace(FxRobot robot) {
        phases(1);
        IterationTrace t = bridge.snapshot().trace();
        String text = formula(robot);
        near(t.preActivations().get(1).getEntry(0, 0), result(text, "="));
        near(t.activations().get(1).getEntry(0, 0), result(text, "a_j"));
        assertTrue(robot.lookup("#inspectorPhase").queryAs(Label.class).getText().startsWith("Forward, layer 1 · neuron h1"));
    }

    @Test
    void compareLossesShowsTheOutputDeltaUnderBothLosses(FxRobot robot) {
        phases(4);
        javafx.scene.control.ToggleButton compare = robot.lookup("#compareLossesToggle")
                .queryAs(javafx.scene.control.ToggleButton.class);
        assertTrue(compare.isVisible(), "the output layer's backward phase of a sigmoid output");
        robot.clickOn(compare);
        PanelScenarios.settle(session, bridge);
        IterationTrace t = bridge.snapshot().trace();
        double[] d = LossComparison.deltas(org.backproplab.engine.Activation.SIGMOID, t.activations().get(2).getRow(0),
                t.targets().getRow(0), 0, 4);
        String out = formula(robot);
        near(d[0], result(out, "cross-entropy (mean)"));
        near(d[1], result(out, "squared error (mse)"));
        phases(1);
        assertTrue(!compare.isVisible(), "backward 1 has nothing to compare");
    }

    @Test
    void lossAndBackwardShowTheTraceNumbers(FxRobot robot) {
        phases(3);
        IterationTrace t = bridge.snapshot().trace();
        near(t.loss(), result(formula(robot), "L = Σ over 4 samples"));
        near(t.outputGradient().getEntry(0, 0), result(formula(robot), "∂L/∂ŷ"));
        phases(1);
        t = bridge.snapshot().trace();
        String out = formula(robot);
        near(t.deltas().get(2).getEntry(0, 0), result(out, "δ ="));
        near(t.weightGradients().get(2).getEntry(0, 0), gradient(out));
        robot.interact(() -> state.selectedEdgeProperty().set(new UiState.EdgeRef(1, 1, 2)));
        phases(1);
        t = bridge.snapshot().trace();
        String hidden = formula(robot);
        near(t.deltas().get(1).getEntry(0, 2), result(hidden, "= (("));
        near(t.weightGradients().get(1).getEntry(1, 2), gradient(hidden));
        assertTrue(hidden.contains("Σ over 4 samples"), "the batch sum is marked as a sum: " + hidden);
    }

    @Test
    void updateShowsTheAppliedChange(FxRobot robot) {
        session.step();
        PanelScenarios.settle(session, bridge);
        Snapshot s = bridge.snapshot();
        String text = formula(robot);
        near(s.trace().weightUpdates().get(2).getEntry(0, 0), result(text, "Δw"));
        near(s.network().layer(2).weight(0, 0), result(text, "w ←"));
    }

    @Test
    void gridEditsTheWeight(FxRobot robot) {
        TextField cell = robot.lookup("#w1_2_3").queryAs(TextField.class);
        robot.clickOn(cell);
        robot.interact(() -> cell.setText("0.625"));
        robot.type(KeyCode.ENTER);
        PanelScenarios.settle(session, bridge);
        assertEquals(0.625, bridge.snapshot().network().layer(1).weight(1, 2), 0.0);
        assertEquals(new UiState.EdgeRef(1, 1, 2), state.selectedEdgeProperty().get(), "clicking a cell selects its edge");
        robot.clickOn(cell);
        robot.interact(() -> cell.setText("abc"));
        robot.type(KeyCode.ENTER);
        PanelScenarios.settle(session, bridge);
        assertEquals("'abc' in W1[2,3]: expected a number such as 0.5 or -1.2e-3", robot.lookup("#inspectorMessage").queryAs(Label.class).getText());
        assertEquals(0.625, bridge.snapshot().network().layer(1).weight(1, 2), 0.0);
        robot.type(KeyCode.ESCAPE);
    }
}

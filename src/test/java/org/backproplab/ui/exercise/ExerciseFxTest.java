package org.backproplab.ui.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.exercise.Mistake;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.text.NumberText;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.backproplab.ui.graph.GraphScene;
import org.backproplab.ui.graph.GraphText;
import org.backproplab.ui.graph.NetworkView;
import org.backproplab.ui.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Check my working in the real window at 1024×768 (the XOR tutorial, 3-4-1, full batch): the toggle hides the
 * numbers of the phase just run from the graph, the derivation and the table; a right answer is graded right, the
 * sigmoid's value typed for its slope is diagnosed as that mistake, and the score follows; the same in lecture mode.
 */
@ExtendWith(ApplicationExtension.class)
class ExerciseFxTest extends FxRobot {
    private TrainingSession session;
    private SessionBridge bridge;
    private UiState state;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        session = new TrainingSession(Presets.get("xor"));
        bridge = new SessionBridge(session);
        state = new UiState();
        window = new MainWindow(bridge, state, Presets.all());
        Scene scene = new Scene(window, 1024, 768);
        window.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        interact(() -> state.lectureProperty().set(false));
        session.close();
    }

    private Snapshot settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        session.sync().get(20, TimeUnit.SECONDS);
        interact(bridge::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        return bridge.snapshot();
    }

    private Snapshot phases(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            interact(() -> window.viewModel().stepPhase());
            settle();
        }
        return settle();
    }

    private List<String> graphLines() throws Exception {
        NetworkView graph = lookup("#networkView").queryAs(NetworkView.class);
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> lines = new ArrayList<>();
            GraphScene scene = graph.viewModel().scene();
            for (GraphScene.Label l : scene.labels()) {
                lines.addAll(l.lines());
            }
            lines.add(scene.caption());
            return lines;
        }).get(10, TimeUnit.SECONDS);
    }

    private void answer(String id, double value) {
        TextField field = lookup(id).queryAs(TextField.class);
        interact(field::clear);
        clickOn(field);
        write(Double.toString(value));
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    private static boolean showing(Node n) {
        if (n == null || n.getScene() == null) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void hiddenNumbersAreGradedAndAWrongOneIsDiagnosed() throws Exception {
        clickOn("#exerciseToggle");
        Snapshot s = phases(4); // forward 1, forward 2, loss, backward 2
        IterationTrace t = s.trace();
        double delta = t.deltas().get(2).getEntry(0, 0);
        double gradient = t.weightGradients().get(2).getEntry(0, 0);
        assertNotNull(lookup("#answer-delta-yhat").tryQuery().orElse(null), "the output δ is asked for");
        assertNotNull(lookup("#answer-dLdw-h1-yhat").tryQuery().orElse(null), "and ∂L/∂w of the edge h1→ŷ");

        // hidden everywhere: graph labels, hover text, derivation panel
        List<String> lines = graphLines();
        assertTrue(lines.contains("δ = ?"), lines.toString());
        for (String line : lines) {
            assertFalse(line.contains(GraphText.num(delta)) && line.startsWith("δ"), "δ shown: " + line);
            assertFalse(line.contains(GraphText.num(gradient)), "∂L/∂w shown: " + line);
        }
        assertFalse(showing(lookup("#derivation").tryQuery().orElse(null)), "the derivation panel is away");
        assertTrue(showing(lookup("#exercisePanel").query()));
        String hover = WaitForAsyncUtils.asyncFx(() -> lookup("#networkView").queryAs(NetworkView.class).viewModel()
                .describe(new UiState.EdgeRef(2, 0, 0))).get(5, TimeUnit.SECONDS);
        assertFalse(hover.contains(GraphText.num(gradient)), hover);

        // a right answer, to 3 significant digits
        answer("#answer-delta-yhat", Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", delta)));
        assertTrue(text("#gradeLabel").contains("✓"), text("#gradeLabel"));
        assertEquals("✓", text("#mark-delta-yhat"));
        assertEquals("Score: 1 of 1 right", text("#scoreLabel"));

        // σ(z) typed where σ'(z) belongs
        double yHat = t.activations().get(2).getEntry(0, 0);
        answer("#answer-delta-yhat", t.outputGradient().getEntry(0, 0) * yHat);
        assertTrue(text("#gradeLabel").contains("✗"), text("#gradeLabel"));
        assertTrue(text("#gradeLabel").contains(Mistake.ACTIVATION_FOR_DERIVATIVE.description()), text("#gradeLabel"));
        assertEquals("Hint: " + Mistake.ACTIVATION_FOR_DERIVATIVE.hint(), text("#hintLabel"));
        assertEquals("✗", text("#mark-delta-yhat"));
        assertEquals("Score: 1 of 2 right", text("#scoreLabel"));

        // the worked solution is the inspector's derivation of that number
        clickOn("#solution-delta-yhat");
        assertTrue(text("#solutionText").contains(NumberText.format(delta)), text("#solutionText"));

        // off: the numbers are back
        type(KeyCode.ESCAPE);
        clickOn("#exerciseToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(graphLines().contains("δ = " + GraphText.num(delta)), graphLines().toString());
        assertTrue(showing(lookup("#derivation").query()));
    }

    @Test
    void theOutputAndTheLossAreHiddenFromTheTableToo() throws Exception {
        clickOn("#exerciseToggle");
        phases(2); // forward 2: ŷ
        List<String> cells = WaitForAsyncUtils.asyncFx(() -> {
            List<String> out = new ArrayList<>();
            for (Node n : lookup(".prediction-cell").queryAll()) {
                out.add(((javafx.scene.control.TableCell<?, ?>) n).getText());
            }
            return out;
        }).get(5, TimeUnit.SECONDS);
        assertTrue(cells.contains("?"), cells.toString());
        assertTrue(cells.stream().allMatch(c -> c == null || c.equals("?")), cells.toString());
        assertTrue(graphLines().stream().anyMatch(l -> l.startsWith("ŷ = ?")), graphLines().toString());
        assertEquals("ŷ = ?", text("#probeResult"), "the inputs typed below the table may be a sample's");
        clickOn("#exerciseToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text("#probeResult").startsWith("ŷ = 0."), text("#probeResult"));
    }

    @Test
    void worksInLectureModeAt1024x768() throws Exception {
        clickOn("#exerciseToggle");
        phases(4);
        type(KeyCode.ESCAPE);
        interact(() -> state.lectureProperty().set(true));
        settle();
        Node field = lookup("#answer-delta-yhat").query();
        assertTrue(showing(field), "the answer field is on screen in lecture mode");
        Bounds b = field.localToScene(field.getLayoutBounds());
        assertTrue(b.getMinX() >= 0 && b.getMaxX() <= 1024 && b.getMinY() >= 0 && b.getMaxY() <= 768, b.toString());
        assertFalse(showing(lookup("#derivation").tryQuery().orElse(null)));
        for (String id : new String[] {"#exerciseToggle", "#predictionToggle", "#nextPhaseLabel"}) {
            Node n = lookup(id).query();
            Bounds nb = n.localToScene(n.getLayoutBounds());
            assertTrue(nb.getMaxX() <= 1024, id + " within the window in lecture mode: " + nb);
        }
        assertTrue(lookup("#exercisePanel").query().lookup(".answer-label").getStyle().isEmpty()
                && ((javafx.scene.control.ScrollPane) lookup("#exercisePanel").query()).getContent().getStyle()
                        .contains("-fx-font-size"), "the panel is set in the lecture's large type");
        double delta = bridge.snapshot().trace().deltas().get(2).getEntry(0, 0);
        answer("#answer-delta-yhat", delta);
        assertTrue(lookup("#answer-delta-yhat").queryAs(TextField.class).getAccessibleHelp().startsWith("✓ Right"),
                "a screen reader hears the grade with the field");
        assertTrue(text("#gradeLabel").contains("✓"), text("#gradeLabel"));
        assertTrue(graphLines().contains("δ = ?"));
    }

    @Test
    void keyboardAloneOpensAnswersAndGrades() throws Exception {
        type(KeyCode.X);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#exerciseSection").query().isVisible(), "X turns Check my working on");
        press(KeyCode.SHIFT).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.SHIFT);
        Snapshot s = settle();
        WaitForAsyncUtils.waitForFxEvents();
        TextField first = lookup("#answer-z-h1").queryAs(TextField.class);
        assertTrue(first.isFocused(), "the first answer field takes the keys");
        assertEquals("Your value of z h1. Enter checks it.", first.getAccessibleText());
        write(Double.toString(s.trace().preActivations().get(1).getEntry(0, 0)));
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text("#gradeLabel").startsWith("z h1: ✓"), text("#gradeLabel"));
        String typed = first.getText();
        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(typed, first.getText(), "Esc gives the keys back but keeps the answer");
        assertFalse(first.isFocused());
        interact(first::requestFocus);
        type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        Node focus = first.getScene().getFocusOwner();
        assertEquals("solution-z-h1", focus.getId(), "Tab reaches the Solution button");
    }

    @Test
    void anUpdateExerciseHidesTheNewWeightsAndTheGrids() throws Exception {
        clickOn("#exerciseToggle");
        interact(() -> window.viewModel().step());
        Snapshot s = settle();
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(lookup("#answer-dw-h1-yhat").tryQuery().orElse(null), "Δw of h1→ŷ is asked for");
        assertNotNull(lookup("#answer-w-h1-yhat").tryQuery().orElse(null), "and the new weight");
        assertFalse(lookup("#weightGrids").queryAs(javafx.scene.control.ScrollPane.class).getContent().isVisible(),
                "the weight grids would show the new weights");
        double w = s.network().layer(2).weight(0, 0);
        String hover = WaitForAsyncUtils.asyncFx(() -> lookup("#networkView").queryAs(NetworkView.class).viewModel()
                .describe(new UiState.EdgeRef(2, 0, 0))).get(5, TimeUnit.SECONDS);
        assertTrue(hover.startsWith("weight W2[1,1] = ?"), hover);
        double before = w - s.trace().weightUpdates().get(2).getEntry(0, 0);
        type(KeyCode.ESCAPE);
        answer("#answer-w-h1-yhat", w);
        assertTrue(text("#gradeLabel").contains("✓"), text("#gradeLabel"));
        assertTrue(lookup("#answer-w-h1-yhat").query().getParent() != null);
        TextField dw = lookup("#answer-dw-h1-yhat").queryAs(TextField.class);
        assertTrue(dw.getAccessibleHelp().contains("η = 1"), dw.getAccessibleHelp());
        assertTrue(((Label) lookup("#exercisePanel .givens").query()).getText().contains("∂L/∂w"));
        assertTrue(before != w);
        clickOn("#exerciseToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#weightGrids").queryAs(javafx.scene.control.ScrollPane.class).getContent().isVisible());
    }

    @Test
    void aPredictionIsAskedThenRevealedWithTheEnginesAnswer() throws Exception {
        Snapshot before = settle();
        clickOn("#predictionToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(showing(lookup("#predictionPanel").query()));
        String question = text("#predictionQuestion");
        assertTrue(question.startsWith("Will the weight W2 h1→ŷ go up or down"), question);
        assertNotNull(lookup("#prediction-choice-2").tryQuery().orElse(null), "one button per choice");
        assertTrue(graphLines().stream().noneMatch(l -> l.contains(GraphText.num(
                before.preview().weightGradients().get(2).getEntry(0, 0)))), "its gradient is hidden meanwhile");
        clickOn("#prediction-choice-1");
        assertTrue(text("#predictionStatus").startsWith("Your prediction: Down"), text("#predictionStatus"));
        clickOn("#hands-0").write("3");
        clickOn("#hands-1").write("5");
        clickOn("#handsButton");
        assertTrue(text("#predictionStatus").startsWith("Show of hands: 3, 5, 0"), text("#predictionStatus"));
        type(KeyCode.ESCAPE);
        interact(() -> window.viewModel().step());
        Snapshot after = settle();
        WaitForAsyncUtils.waitForFxEvents();
        double w0 = before.network().layer(2).weight(0, 0);
        double w1 = after.network().layer(2).weight(0, 0);
        String truth = w1 > w0 ? "Up" : w1 < w0 ? "Down" : "Stays the same";
        String reveal = text("#revealLabel");
        assertTrue(reveal.startsWith("Answer: " + truth + "."), reveal);
        boolean right = truth.equals("Down");
        assertTrue(reveal.contains(right ? "✓ Your prediction was right." : "✗ Your prediction (Down) was wrong."), reveal);
        assertTrue(reveal.contains("Class: " + (right ? 5 : 3) + " of 8 hands right."), reveal);
        assertTrue(text("#tallyLabel").startsWith("Predictions: " + (right ? 1 : 0) + " of 1 right"), text("#tallyLabel"));
        assertFalse(text("#predictionQuestion").isEmpty(), "the next question is asked at once");
        assertEquals(new UiState.EdgeRef(2, 0, 0), state.selectedEdgeProperty().get(),
                "the answer points at its weight on the graph");
    }
}

package org.backproplab.ui.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.exercise.Mistake;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.graph.GraphScene;
import org.backproplab.ui.graph.GraphText;
import org.backproplab.ui.graph.NetworkView;
import org.backproplab.ui.shell.ClassroomWindow;
import org.backproplab.ui.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bias numbers in the real window at 1024×768 (XOR with biases, 2-4-1, full batch of 4): after the output's
 * backward phase ∂L/∂b of ŷ is asked for and hidden on the graph, the engine's number is graded right and one
 * sample's δ alone is diagnosed as not summed over the batch; after the update the new b of ŷ is asked for and the
 * engine's new bias is graded right.
 */
@ExtendWith(ApplicationExtension.class)
class BiasExerciseFxTest extends FxRobot {
    private TrainingSession session;
    private SessionBridge bridge;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        session = new TrainingSession(Presets.get("xor-bias"));
        bridge = new SessionBridge(session);
        window = ClassroomWindow.show(stage, bridge);
    }

    @AfterEach
    void close() {
        session.close();
    }

    private Snapshot phases(int n) throws Exception {
        for (int i = 0; i <= n; i++) {
            if (i > 0) {
                interact(() -> window.viewModel().stepPhase());
            }
            WaitForAsyncUtils.waitForFxEvents();
            session.sync().get(20, TimeUnit.SECONDS);
            interact(bridge::refresh);
            WaitForAsyncUtils.waitForFxEvents();
        }
        return bridge.snapshot();
    }

    private void answer(String id, double value) {
        TextField field = lookup(id).queryAs(TextField.class);
        // the bias rows come last: below the fold of the panel at this size, so the keyboard goes to them
        interact(() -> {
            field.clear();
            field.requestFocus();
        });
        write(Double.toString(value));
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String grade() {
        return lookup("#gradeLabel").queryAs(Label.class).getText();
    }

    @Test
    void theBiasGradientAndTheNewBiasAreAskedAndGraded() throws Exception {
        clickOn("#exerciseToggle");
        Snapshot s = phases(4); // forward 1, forward 2, loss, backward 2
        IterationTrace t = s.trace();
        double gradient = t.biasGradients().get(2).getEntry(0);
        assertTrue(lookup("#answer-dLdb-yhat").tryQuery().isPresent(), "∂L/∂b of ŷ is asked for");
        NetworkView graph = lookup("#networkView").queryAs(NetworkView.class);
        List<String> lines = WaitForAsyncUtils.asyncFx(() -> {
            List<String> all = new ArrayList<>();
            for (GraphScene.Label l : graph.viewModel().scene().labels()) {
                all.addAll(l.lines());
            }
            return all;
        }).get(10, TimeUnit.SECONDS);
        for (String line : lines) {
            assertFalse(line.contains(GraphText.num(gradient)), "∂L/∂b shown on the graph: " + line);
        }

        answer("#answer-dLdb-yhat", t.deltas().get(2).getEntry(0, 0));
        assertTrue(grade().contains("✗") && grade().contains(Mistake.NOT_SUMMED.description()), grade());
        answer("#answer-dLdb-yhat", gradient);
        assertTrue(grade().startsWith("∂L/∂b ŷ: ✓"), grade());
        assertEquals("✓", lookup("#mark-dLdb-yhat").queryAs(Label.class).getText());
        interact(() -> lookup("#solution-dLdb-yhat").queryAs(javafx.scene.control.Button.class).fire());
        String solution = lookup("#solutionText").queryAs(Label.class).getText();
        assertTrue(solution.contains("∂L/∂b_j (b of ŷ)"), "the worked solution follows the bias: " + solution);

        Snapshot after = phases(2); // backward 1, update
        assertTrue(lookup("#answer-b-yhat").tryQuery().isPresent(), "the new b of ŷ is asked for");
        answer("#answer-b-yhat", after.network().layer(2).bias(0));
        assertTrue(grade().startsWith("new b ŷ: ✓"), grade());
        assertTrue(lookup("#scoreLabel").queryAs(Label.class).getText().contains("2 of 3"),
                lookup("#scoreLabel").queryAs(Label.class).getText());
    }
}

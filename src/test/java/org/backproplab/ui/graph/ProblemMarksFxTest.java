package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.engine.problems.Problem;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.ThemedScene;
import org.backproplab.ui.UiState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A training problem the engine finds is pointed at on the graph: its neurons ringed, a line saying what to try. */
@ExtendWith(ApplicationExtension.class)
class ProblemMarksFxTest extends FxRobot {
    private TrainingSession session;
    private SessionBridge bridge;
    private NetworkView view;

    @Start
    void start(Stage stage) {
        session = new TrainingSession(Presets.get("xor"));
        bridge = new SessionBridge(session);
        view = new NetworkView(bridge, new UiState());
        stage.setScene(ThemedScene.of(new StackPane(view), 900, 600));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        session.sync().get(10, TimeUnit.SECONDS);
        interact(bridge::refresh);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void symmetricHiddenUnitsAreRingedAndExplained() throws Exception {
        settle();
        Label note = lookup("#problemsLabel").queryAs(Label.class);
        assertFalse(note.isVisible(), "the xor preset starts without a problem: " + note.getText());
        for (int i = 0; i < 3; i++) {
            session.setWeight(1, i, 0, 0.5);
            session.setWeight(1, i, 1, 0.5);
        }
        session.setWeight(2, 0, 0, 0.3);
        session.setWeight(2, 1, 0, 0.3);
        settle();
        List<Problem> found = view.viewModel().problems();
        assertEquals(1, found.size(), found.toString());
        assertEquals(Problem.Kind.SYMMETRIC_UNITS, found.get(0).kind());
        assertEquals(List.of(0, 1), found.get(0).neurons());
        assertTrue(note.isVisible());
        assertTrue(note.getText().startsWith("⚠ Symmetric hidden units h1, h2: the same weights in and out"),
                note.getText());
        assertTrue(note.getText().contains("Start from random weights"), note.getText());
        // the ring is drawn around h1: red pixels just outside its circle
        GraphScene scene = view.viewModel().scene();
        GraphScene.Neuron h1 = scene.neurons().stream().filter(n -> n.layer() == 1 && n.index() == 0).findFirst()
                .orElseThrow();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> view.canvasImage()).get(5, TimeUnit.SECONDS);
        double r = h1.r() + scene.font() / 2.5;
        int red = 0;
        for (int a = 0; a < 360; a += 5) {
            int x = (int) Math.round(h1.x() + r * Math.cos(Math.toRadians(a)));
            int y = (int) Math.round(h1.y() + r * Math.sin(Math.toRadians(a)));
            Color c = img.getPixelReader().getColor(x, y);
            if (c.getRed() > 0.7 && c.getGreen() < 0.35 && c.getBlue() < 0.35) {
                red++;
            }
        }
        assertTrue(red > 10, "dashed red ring around h1: " + red + " of 72 points red");
        double lowest = scene.neurons().stream().mapToDouble(n -> n.y() + n.r()).max().orElseThrow();
        assertTrue(note.getLayoutY() >= lowest, "the lines sit under the graph, below every neuron: " + note.getLayoutY()
                + " < " + lowest);
        assertTrue(note.getLayoutY() + note.getHeight() <= view.getHeight() + 0.5, "and inside it");
    }
}

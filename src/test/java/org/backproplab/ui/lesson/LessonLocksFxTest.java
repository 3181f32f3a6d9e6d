package org.backproplab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.shell.ClassroomWindow;
import org.backproplab.ui.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A lesson's locks in the real window: the locked controls are disabled, the keys that would reach them are refused
 * by the session with a message, and closing the lesson gives everything back. A malformed lesson is refused with
 * the field named, and the session is left as it was.
 */
@ExtendWith(ApplicationExtension.class)
class LessonLocksFxTest extends FxRobot {
    private TrainingSession session;
    private SessionBridge bridge;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        session = new TrainingSession(Presets.get("and"));
        bridge = new SessionBridge(session);
        window = ClassroomWindow.show(stage, bridge);
    }

    @AfterEach
    void close() {
        session.close();
    }

    private Snapshot settle() throws Exception {
        return ClassroomWindow.settle(this, session, bridge);
    }

    private boolean disabled(String id) {
        return lookup(id).query().isDisabled();
    }

    @Test
    void lockedControlsAreDisabledAndTheirKeysRefused() throws Exception {
        interact(() -> window.lessons().openShipped("xor-from-scratch"));
        Snapshot s = settle();
        assertEquals("xor", s.scenario().name());
        for (String id : new String[] {"#runButton", "#resetButton", "#newSeedButton", "#learningRateField",
                "#runToField", "#runToButton", "#presetChoice"}) {
            assertTrue(disabled(id), id + " is disabled");
        }
        assertFalse(disabled("#phaseButton"), "stepping is the lesson's point");
        interact(() -> window.viewModel().step());
        assertEquals(1, settle().iteration());

        // the keys reach the session, which refuses them
        clickOn("#lessonText");
        type(KeyCode.SPACE);
        s = settle();
        assertFalse(s.running());
        assertTrue(s.message().startsWith("This lesson locks running training"), s.message());
        type(KeyCode.R);
        s = settle();
        assertEquals(1, s.iteration(), "not reset");
        assertEquals("This lesson locks reset and new seed.", s.message());
        assertEquals("This lesson locks reset and new seed.", lookup("#statusMessage").queryAs(Label.class).getText());

        clickOn("#lessonClose");
        settle();
        for (String id : new String[] {"#runButton", "#resetButton", "#learningRateField", "#presetChoice"}) {
            assertFalse(disabled(id), id + " is enabled again");
        }
        Node panel = lookup("#lessonPanel").query();
        assertFalse(panel.isVisible() || panel.isManaged(), "the panel takes no room without a lesson");
        type(KeyCode.R);
        assertEquals(0, settle().iteration(), "reset works again");
    }

    /**
     * A lesson that locks the training settings only: the architecture editor, made when it is first opened (after
     * the lesson), has every training control disabled (the optimiser, its parameters, the penalty and λ, η, the
     * batch), and the architecture's own controls enabled.
     */
    @Test
    void theTrainingControlsOfTheEditorMadeLaterAreLockedToo(@TempDir Path dir) throws Exception {
        Path lesson = Files.writeString(dir.resolve("training.json"), """
                { "format": "backprop-lab-lesson/1", "title": "Settings stay", "start": { "preset": "xor" },
                  "locked": ["training"], "steps": [ { "text": "Look" } ] }
                """);
        interact(() -> window.lessons().open(lesson));
        settle();
        assertTrue(window.lessons().player().openProperty().get(), lookup("#statusMessage").queryAs(Label.class).getText());
        interact(() -> window.architecture().shownProperty().set(true));
        settle();
        for (String id : new String[] {"#optimizerChoice", "#momentumField", "#regularizationChoice", "#lambdaField",
                "#archLearningRateField", "#lossChoice", "#batchChoice", "#initChoice"}) {
            assertTrue(disabled(id), id + " is disabled");
        }
        assertFalse(disabled("#hiddenActivation1"), "the architecture is not locked");
        interact(() -> window.lessons().player().close());
        assertFalse(disabled("#optimizerChoice"), "closing the lesson gives it back");
    }

    @Test
    void aMalformedLessonIsRefusedNamingTheField(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), """
                { "format": "backprop-lab-lesson/1", "title": "Bad", "start": { "preset": "xor" },
                  "steps": [ { "text": "Hello", "task": { "goal": { "id": "g", "text": "t", "lossBelow": -1 } } } ] }
                """);
        long changes = settle().changes();
        interact(() -> window.lessons().open(bad));
        assertEquals("Could not open the lesson: bad.json: steps[0].task.goal.lossBelow: is -1.0: expected a number > 0",
                lookup("#statusMessage").queryAs(Label.class).getText());
        Snapshot s = settle();
        assertEquals("and", s.scenario().name());
        assertEquals(changes, s.changes());
        assertFalse(window.lessons().player().openProperty().get());
    }
}

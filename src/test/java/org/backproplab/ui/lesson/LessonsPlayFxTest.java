package org.backproplab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.engine.exercise.Mistake;
import org.backproplab.engine.exercise.Question;
import org.backproplab.engine.exercise.Worksheet;
import org.backproplab.io.LessonFile;
import org.backproplab.io.ResultsFile;
import org.backproplab.io.ShippedLessons;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.exercise.AnswerRow;
import org.backproplab.ui.shell.MainViewModel;
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
 * Plays each lesson that comes with the app to its end in the real window at 1024×768, as a student would: every
 * exercise answered right with the engine's own numbers ({@link Worksheet#truth}), every prediction made (the
 * engine's right choice clicked), every goal reached with the window's controls (Run to, New seed, η, Reset, the
 * divergence banner). The goals reached are in the student's results.
 */
@ExtendWith(ApplicationExtension.class)
class LessonsPlayFxTest extends FxRobot {
    private TrainingSession session;
    private SessionBridge bridge;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        session = new TrainingSession(Presets.get("and"));
        bridge = new SessionBridge(session);
        window = ClassroomWindow.show(stage, bridge);
        bridge.start();
    }

    @AfterEach
    void close() {
        interact(() -> window.lessons().player().close());
        bridge.stop();
        session.close();
    }

    private LessonPlayer player() {
        return window.lessons().player();
    }

    private Snapshot settle() throws Exception {
        return ClassroomWindow.settle(this, session, bridge);
    }

    private void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
                interact(bridge::refresh);
                return WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS);
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what + "; lesson says: " + player().progressProperty().get()
                    + " / " + player().taskProperty().get() + " / status: " + window.viewModel().statusTextProperty().get(), e);
        }
    }

    private MenuItem menuItem(String id) {
        MenuBar bar = lookup(".menu-bar").queryAs(MenuBar.class);
        for (Menu m : bar.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (id.equals(i.getId())) {
                    return i;
                }
            }
        }
        throw new AssertionError("no menu item #" + id);
    }

    private void runTo(long n) {
        TextField f = lookup("#runToField").queryAs(TextField.class);
        interact(f::clear);
        clickOn(f).write(Long.toString(n)).type(KeyCode.ENTER);
    }

    private void learningRate(String eta) {
        TextField f = lookup("#learningRateField").queryAs(TextField.class);
        interact(f::clear);
        clickOn(f).write(eta).type(KeyCode.ENTER);
    }

    /**
     * Types {@code text} and Enter into the field {@code id} as a keyboard user does (the focus moved to it): a
     * field scrolled out of the exercise panel's view is reached as well.
     */
    private void type(String id, String text) {
        TextField f = lookup(id).queryAs(TextField.class);
        interact(() -> {
            f.clear();
            f.requestFocus();
        });
        write(text).type(KeyCode.ENTER);
    }

    /** Answers the exercise's numbers right from the engine's numbers, stepping a phase when none is asked. */
    private void doExercise() throws Exception {
        for (int guard = 0; guard < 20 && !stepDone(); guard++) {
            Snapshot s = settle();
            List<AnswerRow> open = new ArrayList<>();
            for (AnswerRow r : window.exercises().exercise().rows()) {
                if (r.gradeProperty().get() == null || !r.gradeProperty().get().right()) {
                    open.add(r);
                }
            }
            if (open.isEmpty()) {
                interact(() -> window.viewModel().stepPhase());
                continue;
            }
            Worksheet w = Worksheet.of(s.network(), s.trace(), s.scenario().config(), 0);
            for (AnswerRow r : open) {
                type("#answer-" + r.symbol(), Double.toString(w.truth(r.quantity())));
                WaitForAsyncUtils.waitForFxEvents();
                assertNotNull(r.gradeProperty().get(), r.label() + " is graded: " + window.exercises().exercise()
                        .gradeProperty().get());
                assertTrue(r.gradeProperty().get().right(), r.label() + ": " + r.gradeProperty().get());
                if (stepDone()) {
                    return;
                }
            }
        }
        assertTrue(stepDone(), "the exercise is done");
    }

    /** Makes the engine's right prediction for each question asked, then runs what it is about. */
    private void doPredict() throws Exception {
        for (int guard = 0; guard < 20 && !stepDone(); guard++) {
            Snapshot s = settle();
            Question q = window.exercises().prediction().questionProperty().get();
            if (q != null) {
                clickOn("#prediction-choice-" + q.answer());
            }
            if (s.phaseIndex() == 0 && q != null) {
                interact(() -> window.viewModel().step());
            } else {
                interact(() -> window.viewModel().stepPhase());
            }
        }
        assertTrue(stepDone(), "the prediction is revealed");
    }

    /** The step at which the ReLU tutorial's order (update, then pass back) is typed first, or −1. */
    private int tutorialOrderAt = -1;

    /**
     * Types δ of h2.7 as the ReLU tutorial's {@code Neuron.backward} computes it (through the weights already
     * updated) and expects that mistake named: the difference shown with the engine's numbers.
     */
    private void typeTutorialOrder() throws Exception {
        Snapshot s = settle();
        // the panel first asks for the output's δ (backward 3, run by the lesson): the student steps on
        while (window.exercises().exercise().rows().stream().noneMatch(r -> r.symbol().equals("delta-h2_7"))) {
            interact(() -> window.viewModel().stepPhase());
            s = settle();
        }
        assertEquals("backward 2", s.phases().get(s.phaseIndex() - 1).label());
        AnswerRow row = window.exercises().exercise().rows().get(0);
        assertEquals("delta-h2_7", row.symbol());
        Worksheet w = Worksheet.of(s.network(), s.trace(), s.scenario().config(), 0);
        double textbook = w.truth(row.quantity());
        double tutorial = w.underMistake(row.quantity(), Mistake.UPDATED_BEFORE_BACKPROP, Map.of());
        assertTrue(tutorial != textbook, "the two orders give different numbers: " + tutorial + " and " + textbook);
        type("#answer-" + row.symbol(), Double.toString(tutorial));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(row.gradeProperty().get().right());
        assertEquals(Mistake.UPDATED_BEFORE_BACKPROP, row.gradeProperty().get().diagnosis());
        assertTrue(lookup("#gradeLabel").queryAs(Label.class).getText().contains(
                Mistake.UPDATED_BEFORE_BACKPROP.description()), lookup("#gradeLabel").queryAs(Label.class).getText());
    }

    private boolean stepDone() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> player().canNextProperty().get() || player().completeProperty().get())
                .get(10, TimeUnit.SECONDS);
    }

    /** Plays lesson {@code name}; {@code goals} reach the goal of the step they are keyed by. */
    private void play(String name, Map<Integer, ThrowingRunnable> goals) throws Exception {
        interact(() -> window.viewModel().setSpeedFromSlider(MainViewModel.SPEED_SLIDER_MAX));
        LessonFile lesson = ShippedLessons.read(name);
        interact(() -> menuItem("lesson-" + name).fire());
        assertEquals(lesson.title(), lookup("#lessonTitle").queryAs(Label.class).getText());
        int n = lesson.steps().size();
        for (int i = 0; i < n; i++) {
            int step = i;
            waitUntil("step " + (step + 1) + " is on show and its action done",
                    () -> player().index() == step && !player().busyProperty().get());
            assertEquals("Step " + (i + 1) + " of " + n, lookup("#lessonProgress").queryAs(Label.class).getText()
                    .replaceFirst(" ·.*", ""));
            LessonFile.Task t = lesson.steps().get(i).task();
            if (t instanceof LessonFile.Exercise) {
                if (i == tutorialOrderAt) {
                    typeTutorialOrder();
                }
                doExercise();
            } else if (t instanceof LessonFile.Predict) {
                doPredict();
            } else if (t instanceof LessonFile.Goal) {
                ThrowingRunnable reach = goals.get(i);
                if (reach != null) {
                    reach.run();
                }
                waitUntil("the goal of step " + (step + 1) + " is reached", this::stepDone);
                assertTrue(player().taskProperty().get().startsWith("✓ Goal reached"), player().taskProperty().get());
            }
            if (i < n - 1) {
                waitUntil("Next opens", () -> !lookup("#lessonNext").queryAs(Button.class).isDisabled());
                clickOn("#lessonNext");
            }
        }
        waitUntil("the lesson is complete", () -> player().completeProperty().get());
        assertTrue(lookup("#lessonProgress").queryAs(Label.class).getText().endsWith("lesson complete"));
        // every goal reached is in the student's results, under the lesson's name
        ResultsFile r = window.exercises().results().results();
        assertNotNull(r);
        assertEquals(name, r.lesson());
        List<String> goalsReached = r.tasks().stream().filter(x -> x.kind() == ResultsFile.Kind.GOAL && x.right())
                .map(ResultsFile.Task::symbol).toList();
        List<String> goalIds = lesson.steps().stream().filter(s -> s.task() instanceof LessonFile.Goal)
                .map(s -> ((LessonFile.Goal) s.task()).id()).toList();
        assertEquals(goalIds, goalsReached);
        assertEquals(tutorialOrderAt < 0 ? 0 : 1, r.tasks().stream()
                .filter(x -> x.kind() == ResultsFile.Kind.ANSWER && !x.right()).count(), "every answer typed was right");
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void xorFromScratch() throws Exception {
        play("xor-from-scratch", Map.of());
        assertEquals(1500, settle().iteration());
    }

    @Test
    void emilyAndFrank() throws Exception {
        play("emily-and-frank", Map.of(6, () -> {
            while (settle().iteration() < 4) {
                interact(() -> window.viewModel().step());
            }
        }));
        Snapshot s = settle();
        assertTrue(s.probeOutputs().getEntry(0, 0) > 0.9, "Emily is female");
        assertTrue(s.probeOutputs().getEntry(1, 0) < 0.1, "Frank is male");
    }

    @Test
    void reluAndMiniBatches() throws Exception {
        tutorialOrderAt = 2;
        play("relu-and-mini-batches", Map.of(4, () -> {
            while (settle().iteration() < 10) {
                interact(() -> window.viewModel().step());
            }
        }));
    }

    @Test
    void breakItThenFixIt() throws Exception {
        play("break-it-then-fix-it", Map.of(
                1, () -> runTo(500),
                2, () -> {
                    clickOn("#newSeedButton");
                    runTo(1500);
                },
                3, () -> clickOn("#runButton"),
                4, () -> {
                    waitUntil("the banner offers the way back", () -> lookup("#backToFiniteButton").queryAs(Button.class)
                            .isVisible());
                    clickOn("#backToFiniteButton");
                    learningRate("0.05");
                    runTo(300);
                },
                5, () -> runTo(1500),
                6, () -> {
                    clickOn("#newSeedButton");
                    runTo(1500);
                },
                7, () -> runTo(100),
                8, () -> {
                    learningRate("0.1");
                    clickOn("#resetButton");
                    runTo(10_000);
                }));
    }
}

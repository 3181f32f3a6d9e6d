package org.backproplab.ui.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.backproplab.app.BackpropLabApp;
import org.backproplab.engine.exercise.Grade;
import org.backproplab.io.ResultsFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The results of a session in the real window: a wrong and a right answer typed into an answer field, the name
 * typed into the prompt, then Exercises → Save results… writes a file that holds exactly what was graded; the
 * window asks before closing over results not saved; a results folder gets them after every answer.
 */
@ExtendWith(ApplicationExtension.class)
class ResultsFxTest extends FxRobot {
    @TempDir
    Path dir;
    private BackpropLabApp app;
    private Stage stage;
    private ExerciseMode mode;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("backproplab.prefs", "org/backproplab/lab-test");
        ResultsLog.userNode().remove(ResultsLog.NAME_KEY);
        ResultsLog.userNode().remove(ResultsLog.FOLDER_KEY);
        stage = FxToolkit.registerPrimaryStage();
        app = (BackpropLabApp) FxToolkit.setupApplication(BackpropLabApp.class);
        // the window is shown with its first screen and completed on the frames after it
        app.window().whenComplete().get(30, java.util.concurrent.TimeUnit.SECONDS);
        mode = app.window().exercises();
        settle();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        ResultsLog.userNode().remove(ResultsLog.NAME_KEY);
        ResultsLog.userNode().remove(ResultsLog.FOLDER_KEY);
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        app.session().sync().get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> app.bridge().refresh()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void type(String id, String text) {
        TextField field = lookup(id).queryAs(TextField.class);
        interact(field::clear);
        clickOn(field);
        write(text);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Check my working on, one phase stepped; a wrong then a right answer to its first number. */
    private AnswerRow answerWrongThenRight() throws Exception {
        clickOn("#exerciseToggle");
        interact(() -> app.window().viewModel().stepPhase());
        settle();
        AnswerRow row = mode.exercise().rows().get(0);
        type("#answer-" + row.symbol(), "12345");
        Grade wrong = row.gradeProperty().get();
        assertFalse(wrong.right());
        type("#answer-" + row.symbol(), Double.toString(wrong.expected()));
        assertTrue(row.gradeProperty().get().right());
        return row;
    }

    @Test
    void saveResultsWritesWhatWasGraded() throws Exception {
        AnswerRow row = answerWrongThenRight();
        assertTrue(lookup("#studentNamePrompt").query().isVisible(), "the name is asked at the first answer");
        type("#studentNameField", "Ada Lovelace");
        assertFalse(lookup("#studentNamePrompt").query().isVisible());
        AtomicReference<String> offered = new AtomicReference<>();
        mode.resultsView().saveChooser = (w, name) -> {
            offered.set(name);
            return Optional.of(dir.resolve(name));
        };
        clickOn("Exercises");
        clickOn("Save results…");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> mode.results().unsavedProperty().get() == 0);
        String lesson = app.bridge().snapshot().scenario().name();
        assertEquals("Ada_Lovelace-" + lesson + "-" + LocalDate.now() + ".backprop-results.json", offered.get());
        ResultsFile r = ResultsFile.read(dir.resolve(offered.get()));
        assertEquals("Ada Lovelace", r.student());
        assertEquals(lesson, r.lesson());
        assertEquals(2, r.tasks().size());
        ResultsFile.Task first = r.tasks().get(0);
        ResultsFile.Task second = r.tasks().get(1);
        for (ResultsFile.Task t : List.of(first, second)) {
            assertEquals(ResultsFile.Kind.ANSWER, t.kind());
            assertEquals(row.symbol(), t.symbol());
            assertEquals(row.label(), t.asked());
            assertEquals("forward 1", t.phase());
            assertEquals(1, t.iteration());
        }
        assertEquals("12345", first.answer());
        assertFalse(first.right());
        assertTrue(second.right());
        assertNull(second.diagnosis());
        assertEquals(Double.toString(row.gradeProperty().get().expected()), second.answer());
        assertFalse(second.time().isBefore(first.time()));
    }

    @Test
    void aPredictionRevealedIsATaskWithItsQuestionChoiceAndVerdict() throws Exception {
        clickOn("#predictionToggle");
        WaitForAsyncUtils.waitForFxEvents();
        String question = mode.prediction().questionProperty().get().text();
        clickOn("#prediction-choice-1");
        type(KeyCode.ESCAPE);
        interact(() -> app.window().viewModel().step());
        settle();
        WaitForAsyncUtils.waitForFxEvents();
        String reveal = mode.prediction().revealProperty().get();
        assertTrue(reveal.startsWith("Answer: "), reveal);
        List<ResultsFile.Task> tasks = mode.results().results().tasks();
        assertEquals(1, tasks.size(), tasks.toString());
        ResultsFile.Task t = tasks.get(0);
        assertEquals(ResultsFile.Kind.PREDICTION, t.kind());
        assertEquals("weight-direction", t.symbol());
        assertEquals(question, t.asked());
        assertEquals("Down", t.answer());
        assertEquals(reveal.contains("✓ Your prediction was right."), t.right(), reveal);
        assertEquals("update", t.phase());
        assertEquals(1, t.iteration());
        assertTrue(lookup("#studentNamePrompt").query().isVisible(), "a prediction asks the name too");
    }

    @Test
    void closingOverUnsavedResultsAsksAndCancelKeepsTheWindow() throws Exception {
        answerWrongThenRight();
        AtomicInteger asked = new AtomicInteger();
        mode.resultsView().unsavedPrompt = (w, n) -> {
            asked.set(n);
            return ResultsView.CANCEL;
        };
        interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertEquals(2, asked.get(), "asked about the 2 answers not saved");
        assertTrue(stage.isShowing(), "Cancel keeps the window open");
        mode.resultsView().unsavedPrompt = (w, n) -> ResultsView.SAVE;
        mode.resultsView().saveChooser = (w, name) -> Optional.of(dir.resolve("kept.backprop-results.json"));
        interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !stage.isShowing());
        assertEquals(2, ResultsFile.read(dir.resolve("kept.backprop-results.json")).tasks().size());
    }

    @Test
    void withoutAResultsFolderACopyIsKeptInTheDataFolderAndStillCountsAsUnsaved() throws Exception {
        answerWrongThenRight();
        Path kept = org.backproplab.ui.files.DataFolder.user().resolve("results");
        java.time.Instant started = mode.results().results().started();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            try (var files = Files.list(kept)) {
                for (Path p : files.toList()) {
                    ResultsFile r = ResultsFile.read(p);
                    if (r.started().equals(started) && r.tasks().size() == 2) {
                        return true;
                    }
                }
            } catch (java.io.IOException e) {
                return false;
            }
            return false;
        });
        assertEquals(2, mode.results().unsavedProperty().get(), "a copy is not where the student saves");
    }

    @Test
    void aResultsFolderGetsTheResultsAfterEveryAnswer() throws Exception {
        mode.resultsView().folderChooser = (w, near) -> Optional.of(dir);
        clickOn("Exercises");
        clickOn("Results folder…");
        assertEquals(dir, mode.results().folderProperty().get());
        answerWrongThenRight();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> mode.results().unsavedProperty().get() == 0);
        try (var files = Files.list(dir)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(ResultsFile.EXTENSION)).toList();
            assertEquals(1, all.size(), all.toString());
            assertTrue(all.get(0).getFileName().toString().startsWith("unnamed-"), all.toString());
            assertEquals(2, ResultsFile.read(all.get(0)).tasks().size());
        }
        // the name typed later renames the file: one file, under the student's name
        type("#studentNameField", "Bo");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            try (var files = Files.list(dir)) {
                List<Path> all = files.filter(p -> p.toString().endsWith(ResultsFile.EXTENSION)).toList();
                return all.size() == 1 && all.get(0).getFileName().toString().startsWith("Bo-");
            }
        });
        assertNotNull(mode.results().results());
    }
}

package org.backproplab.ui.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.prefs.Preferences;
import org.backproplab.engine.Phase;
import org.backproplab.engine.exercise.Question;
import org.backproplab.io.ResultsFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The results of a session without a window: predictions and goals as tasks, the name asked once and checked. */
class ResultsLogTest {
    private final Preferences prefs = Preferences.userRoot().node("org/backproplab/lab-test/results-log-test");
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    @AfterEach
    void forget() throws Exception {
        prefs.removeNode();
    }

    private ResultsLog log() {
        ResultsLog log = new ResultsLog(prefs, clock);
        log.lessonFrom(() -> "xor\u0007 lesson");
        return log;
    }

    @Test
    void aPredictionAndAGoalBecomeTasksAndTheNameIsAskedOnce() {
        ResultsLog log = log();
        assertNull(log.results());
        assertFalse(log.askNameProperty().get());
        Question q = new Question(Question.Kind.WEIGHT_DIRECTION, "Will W2 h1→ŷ go up or down?", List.of("up", "down"),
                1, "because", new Phase(Phase.Kind.UPDATE, 0));
        log.record(new PredictionViewModel.Predicted(q, 0, 3));
        assertTrue(log.askNameProperty().get(), "the name is asked at the first task");
        log.setStudent("  Ada  ");
        assertFalse(log.askNameProperty().get());
        log.recordGoal("diverge", "Make the network diverge", "step 2", 40, true, "the loss became NaN");
        assertFalse(log.askNameProperty().get(), "asked once");
        ResultsFile r = log.results();
        assertEquals("Ada", r.student());
        assertEquals("xor  lesson", r.lesson(), "a control character in the lesson's name becomes a space");
        assertEquals(List.of(
                new ResultsFile.Task(ResultsFile.Kind.PREDICTION, "weight-direction", q.text(), "update", 3, "up",
                        false, null, clock.instant()),
                new ResultsFile.Task(ResultsFile.Kind.GOAL, "diverge", "Make the network diverge", "step 2", 40,
                        "the loss became NaN", true, null, clock.instant())), r.tasks());
        assertEquals(2, log.unsavedProperty().get());
        assertEquals("Ada", new ResultsLog(prefs, clock).studentProperty().get(), "the name is remembered");
        assertEquals("Ada-xor_lesson-" + java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.systemDefault())
                + ".backprop-results.json", log.suggestedName());
    }

    @Test
    void aNameWithAControlCharacterIsRefusedAndTheOldOneKept() {
        ResultsLog log = log();
        log.setStudent("Bo");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.setStudent("B\u001bo"));
        assertTrue(e.getMessage().contains("control character"), e.getMessage());
        assertEquals("Bo", log.studentProperty().get());
        assertEquals("Bo", prefs.get(ResultsLog.NAME_KEY, ""));
    }
}

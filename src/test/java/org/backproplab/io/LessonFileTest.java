package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.backproplab.engine.exercise.Quantity;
import org.backproplab.engine.exercise.Scope;
import org.backproplab.engine.problems.Problem;
import org.backproplab.session.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lessons are read strictly: a malformed one is refused with a message naming the field. */
class LessonFileTest {
    static final String GOOD = """
            {
              "format": "backprop-lab-lesson/1",
              "title": "XOR",
              "start": { "preset": "xor", "learningRate": 0.5 },
              "locked": ["training", "architecture"],
              "steps": [
                { "text": "Look at the *graph*.\\n- one\\n- two" },
                { "text": "Work out δ.", "action": { "phase": "backward 2", "select": "h1" },
                  "task": { "exercise": { "answers": 2, "scope": "layer", "numbers": ["delta", "dLdw"], "phase": "backward 1" } } },
                { "text": "Guess.", "task": { "predict": { "count": 1 } } },
                { "text": "Train.", "action": { "runTo": 100 },
                  "task": { "goal": { "id": "loss-under-0.05", "text": "Get the loss under 0.05", "lossBelow": 0.05,
                            "maxHidden": 4, "noProblems": ["symmetric-units"] } } }
              ]
            }
            """;

    @Test
    void readsEveryField() throws Exception {
        LessonFile l = LessonFile.read(GOOD, "good.json");
        assertEquals("XOR", l.title());
        assertEquals("xor", l.start().scenario().name());
        assertEquals(0.5, l.start().scenario().config().learningRate());
        assertNull(l.start().file());
        assertEquals(Set.of(Lock.TRAINING, Lock.ARCHITECTURE), l.locked());
        assertEquals(4, l.steps().size());
        assertEquals("backward 2", l.steps().get(1).action().phase());
        assertEquals("h1", l.steps().get(1).action().select());
        assertEquals(-1, l.steps().get(1).action().runTo());
        LessonFile.Exercise e = (LessonFile.Exercise) l.steps().get(1).task();
        assertEquals(2, e.answers());
        assertEquals(Scope.LAYER, e.scope());
        assertEquals(Set.of(Quantity.Kind.DELTA, Quantity.Kind.DLDW), e.numbers());
        assertEquals("backward 1", e.phase());
        assertEquals(1, ((LessonFile.Predict) l.steps().get(2).task()).count());
        LessonFile.Goal g = (LessonFile.Goal) l.steps().get(3).task();
        assertEquals(0.05, g.lossBelow());
        assertTrue(Double.isNaN(g.testLossBelow()));
        assertEquals(4, g.maxHidden());
        assertNull(g.diverged());
        assertEquals(Set.of(Problem.Kind.SYMMETRIC_UNITS), g.noProblems());
    }

    @Test
    void aStartingStateInTodaysFileFormatKeepsItsWeights() throws Exception {
        String lesson = """
                { "format": "backprop-lab-lesson/1", "title": "t", "steps": [ { "text": "x" } ],
                  "start": { "file": {
                    "format": "backprop-lab/4",
                    "layers": [ { "size": 1 }, { "size": 1, "activation": "sigmoid", "bias": false } ],
                    "weights": [ [ [0.25] ] ], "biases": [ null ],
                    "training": { "loss": "sse", "learningRate": 1, "batch": "full", "init": "normal" },
                    "dataset": { "inputs": [[1]], "targets": [[1]] } } } }
                """;
        LessonFile l = LessonFile.read(lesson, "w.json");
        assertEquals(0.25, l.start().file().network().layer(1).weights().getEntry(0, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"format\": \"backprop-lab-lesson/1\"|\"format\": \"backprop-lab/4\"|format: is \"backprop-lab/4\": expected \"backprop-lab-lesson/1\" (this is a session file",
        "\"title\": \"XOR\"|\"title\": \"\"|title: has 0 characters: expected 1..200",
        "\"preset\": \"xor\"|\"preset\": \"xnor\"|start.preset: is \"xnor\": expected one of [xor,",
        "\"learningRate\": 0.5|\"learningRate\": -1|start.learningRate: is -1.0: expected a number ≥ 0",
        "\"training\", \"architecture\"|\"training\", \"colour\"|locked[1]: is \"colour\": expected one of [run, back, reset, training, architecture, data, weights, load]",
        "\"phase\": \"backward 2\"|\"phase\": \"backward 3\"|steps[1].action.phase: is \"backward 3\": expected one of [forward 1, forward 2, loss, backward 2, backward 1, update]",
        "\"answers\": 2|\"answers\": 0|steps[1].task.exercise.answers: is 0: expected 1..100",
        "\"scope\": \"layer\"|\"scope\": \"room\"|steps[1].task.exercise.scope: is \"room\": expected one of [neuron, layer, phase]",
        "\"delta\", \"dLdw\"|\"delta\", \"gradient\"|steps[1].task.exercise.numbers[1]: is \"gradient\": expected one of [z, a, loss, delta, dLdw, dw, w]",
        "\"phase\": \"backward 1\"|\"phase\": \"backwards\"|steps[1].task.exercise.phase: is \"backwards\": expected one of [forward 1,",
        "\"count\": 1|\"count\": \"one\"|steps[2].task.predict.count: expected a whole number, found \"one\"",
        "\"id\": \"loss-under-0.05\"|\"id\": \"Loss under\"|steps[3].task.goal.id: is \"Loss under\": expected lower-case letters",
        "\"lossBelow\": 0.05|\"lossBelow\": 0|steps[3].task.goal.lossBelow: is 0.0: expected a number > 0",
        "\"symmetric-units\"|\"symmetry\"|steps[3].task.goal.noProblems[0]: is \"symmetry\": expected one of [dead-relu, saturated, vanishing-gradient, plateau, symmetric-units]",
        "\"runTo\": 100|\"runTo\": -5|steps[3].action.runTo: is -5: expected 0..9007199254740992",
        "\"text\": \"Guess.\"|\"text\": \"  \"|steps[2].text: is blank: a step says something",
        "\"text\": \"Guess.\"|\"txt\": \"Guess.\"|steps[2].txt: unknown field: expected one of",
        "{ \"predict\": { \"count\": 1 } }|{ }|steps[2].task: has 0 fields: expected one of",
    })
    void refusesNamingTheField(String good, String bad, String message) {
        assertTrue(GOOD.contains(good), good);
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> LessonFile.read(GOOD.replace(good, bad), "bad.json"));
        assertTrue(e.getMessage().startsWith("bad.json: " + message), e.getMessage());
    }

    @Test
    void aBrokenStartingFileIsNamedUnderStartFile() {
        String lesson = """
                { "format": "backprop-lab-lesson/1", "title": "t", "steps": [ { "text": "x" } ],
                  "start": { "file": {
                    "format": "backprop-lab/4",
                    "layers": [ { "size": 1 }, { "size": 1, "activation": "swish", "bias": false } ],
                    "training": { "loss": "sse", "learningRate": 1, "batch": "full", "init": "normal" },
                    "dataset": { "inputs": [[1]], "targets": [[1]] } } } }
                """;
        FileFormatException e = assertThrows(FileFormatException.class, () -> LessonFile.read(lesson, "w.json"));
        assertTrue(e.getMessage().startsWith("w.json: start.file.layers[1].activation: unknown activation 'swish'"),
                e.getMessage());
    }

    @Test
    void aGoalWithoutAConditionAndAnEmptyFileAreRefused(@TempDir Path dir) throws Exception {
        String noCondition = GOOD.replaceAll(",\\s*\"lossBelow\": 0.05,\\s*\"maxHidden\": 4, \"noProblems\": \\[\"symmetric-units\"\\]", "");
        assertTrue(!noCondition.equals(GOOD));
        FileFormatException e = assertThrows(FileFormatException.class, () -> LessonFile.read(noCondition, "g.json"));
        assertTrue(e.getMessage().startsWith("g.json: steps[3].task.goal: has no condition"), e.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        e = assertThrows(FileFormatException.class, () -> LessonFile.read(empty));
        assertEquals("empty.json: not JSON: the file is empty", e.getMessage());
    }

    @Test
    void everyShippedLessonIsReadWithItsTasks() throws Exception {
        for (String name : ShippedLessons.NAMES) {
            LessonFile l = ShippedLessons.read(name);
            assertTrue(l.steps().size() >= 5, name);
            assertTrue(l.steps().stream().anyMatch(s -> s.task() instanceof LessonFile.Goal), name + " has a goal");
            assertEquals(l.title(), ShippedLessons.title(name), "the menu's title, read alone, is the lesson's");
        }
        assertEquals("../secrets", ShippedLessons.title("../secrets"), "a name that is no lesson is its own title");
        assertThrows(java.io.IOException.class, () -> ShippedLessons.read("../secrets"));
    }
}

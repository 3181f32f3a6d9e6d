package org.backproplab.ui.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.engine.Activation;
import org.backproplab.engine.exercise.Grade;
import org.backproplab.engine.exercise.Mistake;
import org.backproplab.engine.exercise.Quantity;
import org.backproplab.engine.exercise.Scope;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.UiState.NeuronRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Check my working without a window: which numbers are asked and hidden, carry my value, the score. */
class ExerciseViewModelTest {
    private TrainingSession session;
    private final ExerciseViewModel vm = new ExerciseViewModel();

    @BeforeEach
    void open() {
        session = new TrainingSession(Presets.get("xor"));
    }

    @AfterEach
    void close() {
        session.close();
    }

    private Snapshot phase() throws Exception {
        session.stepPhase();
        Snapshot s = session.sync().get(20, TimeUnit.SECONDS);
        vm.update(s, 1, null);
        return s;
    }

    private AnswerRow row(String symbol) {
        return vm.rows().stream().filter(r -> r.symbol().equals(symbol)).findFirst().orElseThrow(
                () -> new AssertionError(symbol + " not in " + vm.rows().stream().map(AnswerRow::symbol).toList()));
    }

    @Test
    void offAsksNothingAndHidesNothing() throws Exception {
        phase();
        assertTrue(vm.rows().isEmpty());
        assertTrue(vm.hiddenProperty().get().isEmpty());
    }

    @Test
    void scopeChoosesTheNumbersAndTheyAreHidden() throws Exception {
        vm.onProperty().set(true);
        Snapshot s = phase(); // forward 1, sample “0 xor 1” (row 1 of the batch)
        assertEquals(List.of("z-h1", "a-h1"), vm.rows().stream().map(AnswerRow::symbol).toList());
        vm.update(s, 1, new NeuronRef(1, 2));
        assertEquals(List.of("z-h3", "a-h3"), vm.rows().stream().map(AnswerRow::symbol).toList());
        vm.scopeProperty().set(Scope.LAYER);
        assertEquals(8, vm.rows().size());
        assertEquals(8, vm.hiddenProperty().get().quantities().size());
        assertTrue(vm.hiddenProperty().get().hides(Quantity.Kind.Z, 1, 3));
        vm.kindsProperty().set(EnumSet.of(Quantity.Kind.A));
        assertEquals(4, vm.rows().size());
        assertFalse(vm.hiddenProperty().get().hides(Quantity.Kind.Z, 1, 3), "z is not asked, so not hidden");
        assertTrue(vm.titleProperty().get().startsWith("Forward 1 · sample “0 xor 1”"), vm.titleProperty().get());
        vm.onProperty().set(false);
        assertTrue(vm.rows().isEmpty());
        assertTrue(vm.hiddenProperty().get().isEmpty());
    }

    @Test
    void carryMyValueGradesTheNextNumberFromMyAnswer() throws Exception {
        vm.onProperty().set(true);
        Snapshot s = phase();
        double z = s.trace().preActivations().get(1).getEntry(1, 0);
        double myZ = z + 0.3;
        Grade wrongZ = vm.answer(row("z-h1"), Double.toString(myZ));
        assertFalse(wrongZ.right());
        Grade a = vm.answer(row("a-h1"), Double.toString(Activation.SIGMOID.value(myZ)));
        assertTrue(a.right(), "σ of my own z is right with carry my value: " + a.verdict());
        vm.carryProperty().set(false);
        Grade strict = vm.answer(row("a-h1"), Double.toString(Activation.SIGMOID.value(myZ)));
        assertFalse(strict.right(), "and wrong against the engine's z");
        assertEquals("Score: 1 of 3 right", vm.scoreProperty().get());
        vm.resetScore();
        assertEquals("Score: no answers yet", vm.scoreProperty().get());
    }

    @Test
    void aMistakeIsDiagnosedWithItsHintAndTheSolutionIsTheDerivation() throws Exception {
        vm.onProperty().set(true);
        phase();
        phase();
        phase();
        Snapshot s = phase(); // backward 2
        double g = s.trace().outputGradient().getEntry(1, 0);
        double yHat = s.trace().activations().get(2).getEntry(1, 0);
        Grade grade = vm.answer(row("delta-yhat"), Double.toString(-g * yHat * (1 - yHat)));
        assertEquals(Mistake.SIGN_FLIPPED, grade.diagnosis());
        assertEquals("Hint: " + Mistake.SIGN_FLIPPED.hint(), vm.hintProperty().get());
        assertTrue(vm.gradeProperty().get().startsWith("δ ŷ: ✗ Wrong"), vm.gradeProperty().get());
        assertNull(vm.answer(row("delta-yhat"), "abc"), "not a number");
        assertTrue(vm.gradeProperty().get().contains("'abc' in δ ŷ"), vm.gradeProperty().get());
        vm.showSolution(row("delta-yhat"));
        assertTrue(vm.solutionProperty().get().contains("Backward, layer 2"), vm.solutionProperty().get());
        assertTrue(row("dLdw-h1-yhat").givensProperty().get().contains("with your δ ŷ = "
                + org.backproplab.text.NumberText.format(-g * yHat * (1 - yHat))),
                "the δ I typed is the one my ∂L/∂w is checked against: " + row("dLdw-h1-yhat").givensProperty().get());
    }
}

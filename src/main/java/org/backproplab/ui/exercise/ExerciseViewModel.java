package org.backproplab.ui.exercise;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backproplab.data.Dataset;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Phase;
import org.backproplab.engine.exercise.Grade;
import org.backproplab.engine.exercise.Quantity;
import org.backproplab.engine.exercise.Scope;
import org.backproplab.engine.exercise.Worksheet;
import org.backproplab.session.Snapshot;
import org.backproplab.text.NumberText;
import org.backproplab.ui.HiddenNumbers;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.ui.UiState.NeuronRef;
import org.backproplab.ui.inspector.NeuronNames;
import org.backproplab.ui.inspector.WorkedSolution;

/**
 * Check my working (FX thread, no nodes): while on, the numbers of the phase just run (for the selected neuron, its
 * layer or the whole phase) are hidden from every view and asked for; each answer is graded at once against the
 * engine's number, or against the number that follows from the student's earlier answers ("carry my value"), and a
 * wrong one is diagnosed with the engine's catalogue of mistakes. The score counts every answer of the session.
 */
public final class ExerciseViewModel {
    private final BooleanProperty on = new SimpleBooleanProperty(this, "on", false);
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(this, "scope", Scope.NEURON);
    private final BooleanProperty carry = new SimpleBooleanProperty(this, "carry", true);
    private final ObjectProperty<Set<Quantity.Kind>> kinds = new SimpleObjectProperty<>(this, "kinds",
            EnumSet.allOf(Quantity.Kind.class));
    private final ObservableList<AnswerRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper grade = new ReadOnlyStringWrapper(this, "grade", "");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyStringWrapper score = new ReadOnlyStringWrapper(this, "score", "Score: no answers yet");
    private final ReadOnlyStringWrapper solution = new ReadOnlyStringWrapper(this, "solution", "");
    private final ReadOnlyObjectWrapper<HiddenNumbers> hidden = new ReadOnlyObjectWrapper<>(this, "hidden",
            HiddenNumbers.NONE);
    /** The student's answers in the iteration on show, by number (what "carry my value" carries). */
    private final Map<Quantity, Double> answers = new HashMap<>();
    private Snapshot snapshot;
    private int selectedSample = -1;
    private NeuronRef neuron;
    private Worksheet sheet;
    private Phase phase;
    private int sample;
    private Object key;
    private long answersOf = -1;
    private int right;
    private int total;
    private final List<java.util.function.Consumer<Answered>> answered = new ArrayList<>();

    /**
     * An answer graded, for the results file.
     *
     * @param row       what was asked
     * @param text      what was typed
     * @param grade     its grade
     * @param phase     the phase it belongs to
     * @param iteration the iteration it belongs to
     */
    public record Answered(AnswerRow row, String text, Grade grade, Phase phase, long iteration) {
    }

    public ExerciseViewModel() {
        on.addListener((o, was, is) -> rebuild(true));
        scope.addListener((o, was, is) -> rebuild(true));
        kinds.addListener((o, was, is) -> rebuild(true));
        carry.addListener((o, was, is) -> refreshGivens());
    }

    // Properties

    /** @return true while check-my-working is on */
    public BooleanProperty onProperty() {
        return on;
    }

    /** @return which numbers of the phase are asked for: the selected neuron's, its layer's or the whole phase's */
    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    /** @return true to grade later numbers against the student's own earlier answers, false against the engine's */
    public BooleanProperty carryProperty() {
        return carry;
    }

    /** @return the kinds of number asked for (z, a, ℓ, δ, ∂L/∂w, Δw, new w) */
    public ObjectProperty<Set<Quantity.Kind>> kindsProperty() {
        return kinds;
    }

    /** @return the numbers asked for, in the order they are computed */
    public ObservableList<AnswerRow> rows() {
        return rows;
    }

    /** @return what the exercise is about, e.g. "Backward, layer 2 · sample “01”: work out 3 numbers" */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** @return the last grade, e.g. "✓ Right: …" or "✗ Wrong: … Looks like η forgotten." */
    public ReadOnlyStringProperty gradeProperty() {
        return grade.getReadOnlyProperty();
    }

    /** @return the hint for the last wrong answer, or empty */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** @return the running score of the session, e.g. "Score: 3 of 4 right" */
    public ReadOnlyStringProperty scoreProperty() {
        return score.getReadOnlyProperty();
    }

    /** @return the worked solution asked for last (the inspector's derivation of that number), or empty */
    public ReadOnlyStringProperty solutionProperty() {
        return solution.getReadOnlyProperty();
    }

    /** @return the numbers the open exercise hides from every view */
    public ReadOnlyObjectProperty<HiddenNumbers> hiddenProperty() {
        return hidden.getReadOnlyProperty();
    }

    // Commands

    /**
     * Follows snapshot {@code s}: a new phase run (or an iteration stepped) opens a new exercise on its numbers.
     *
     * @param selectedSample the data-set row selected (−1: all; the batch's first sample is then used)
     * @param neuron         the selected neuron, or null
     */
    public void update(Snapshot s, int selectedSample, NeuronRef neuron) {
        snapshot = s;
        this.selectedSample = selectedSample;
        this.neuron = neuron;
        rebuild(false);
    }

    /**
     * Grades {@code text} typed for {@code row}: parsed as every number typed in the window is.
     *
     * @return the grade, or null if the text is not a number (the grade line then says why)
     */
    public Grade answer(AnswerRow row, String text) {
        row.textProperty().set(text);
        if (sheet == null || !rows.contains(row)) {
            return null;
        }
        double value;
        try {
            value = NumberText.parse(text, row.label());
        } catch (IllegalArgumentException e) {
            grade.set("✗ " + e.getMessage());
            hint.set("");
            return null;
        }
        Grade g = sheet.grade(row.quantity(), value, carried());
        answers.put(row.quantity(), value);
        row.graded(g);
        total++;
        right += g.right() ? 1 : 0;
        grade.set(row.label() + ": " + g.verdict());
        hint.set(g.hint().isEmpty() ? "" : "Hint: " + g.hint());
        score.set("Score: " + right + " of " + total + " right");
        refreshGivens();
        Answered a = new Answered(row, text, g, phase, snapshot.trace().iteration());
        answered.forEach(l -> l.accept(a));
        return g;
    }

    /** Calls {@code listener} with every answer graded from now on (FX thread). */
    public void onAnswered(java.util.function.Consumer<Answered> listener) {
        answered.add(listener);
    }

    /**
     * Shows the worked solution of {@code row}: the inspector's derivation of its phase for its neuron, weight or
     * bias.
     */
    public void showSolution(AnswerRow row) {
        if (sheet == null || snapshot == null) {
            return;
        }
        Quantity q = row.quantity();
        int depth = snapshot.network().depth();
        boolean bias = q.kind() == Quantity.Kind.DLDB || q.kind() == Quantity.Kind.NEW_B;
        EdgeRef edge = q.kind() == Quantity.Kind.LOSS ? new EdgeRef(depth, 0, 0)
                : new EdgeRef(q.layer(), bias ? -1 : Math.max(0, q.from()), q.to());
        List<String> lines = WorkedSolution.of(snapshot, sample, edge, phase);
        solution.set("Worked solution of " + row.label() + " (expected " + NumberText.format(
                sheet.expected(q, carried())) + ")\n" + String.join("\n", lines));
    }

    /** Starts the score again at 0 of 0. */
    public void resetScore() {
        right = 0;
        total = 0;
        score.set("Score: no answers yet");
    }

    private Map<Quantity, Double> carried() {
        return carry.get() ? answers : Map.of();
    }

    /** Opens the exercise of the snapshot's last phase, unless it is the one open (then the answers stay). */
    private void rebuild(boolean force) {
        Snapshot s = snapshot;
        IterationTrace t = s == null ? null : s.trace();
        Phase ran = null;
        if (on.get() && t != null && !s.running()) {
            if (s.phaseIndex() > 0) {
                ran = s.phases().get(s.phaseIndex() - 1);
            } else if (t.isComplete() && t.iteration() == s.iteration()) {
                ran = s.phases().get(s.phases().size() - 1);
            }
        }
        if (ran == null) {
            close(on.get() ? (s != null && s.running() ? "Training runs: pause, then step a phase (Shift+→) or an "
                    + "iteration (→); its numbers are hidden for you to work out."
                    : "Step a phase (Shift+→) or an iteration (→): the numbers it computes are hidden for you to "
                    + "work out.") : "");
            return;
        }
        int[] batch = t.samples();
        int row = 0;
        for (int k = 0; k < batch.length; k++) {
            if (batch[k] == selectedSample) {
                row = k;
            }
        }
        int[] selected = neuron == null ? null : new int[] {neuron.layer(), neuron.index()};
        Object newKey = List.of(s.runs().isEmpty() ? 0 : s.runs().size(), t.iteration(), s.phaseIndex(), ran, row,
                scope.get(), kinds.get(), scope.get() == Scope.NEURON && neuron != null ? neuron : "");
        if (!force && Objects.equals(newKey, key)) {
            return;
        }
        key = newKey;
        if (t.iteration() != answersOf) {
            answers.clear();
            answersOf = t.iteration();
        }
        sheet = Worksheet.of(s.network(), t, s.scenario().config(), row);
        phase = ran;
        sample = batch[row];
        Dataset d = s.scenario().dataset();
        Quantity.Names names = (l, j) -> NeuronNames.of(s.network(), d, l, j);
        List<AnswerRow> fresh = new ArrayList<>();
        Set<Quantity> hide = new LinkedHashSet<>();
        for (Quantity q : sheet.quantities(ran, scope.get(), selected)) {
            if (kinds.get().contains(q.kind())) {
                fresh.add(new AnswerRow(q, q.symbol(names), q.label(names),
                        Givens.of(q, sheet, s.scenario().config(), names, carried())));
                hide.add(q);
            }
        }
        rows.setAll(fresh);
        grade.set("");
        hint.set("");
        solution.set("");
        title.set(ran.label().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + ran.label().substring(1)
                + " · sample “" + d.label(sample) + "”" + (batch.length > 1 ? " (batch of " + batch.length + ")" : "")
                + (fresh.isEmpty() ? ": nothing to work out here with these choices"
                        : ": work out " + fresh.size() + (fresh.size() == 1 ? " number" : " numbers")));
        hidden.set(hide.isEmpty() ? HiddenNumbers.NONE : new HiddenNumbers(hide));
    }

    private void refreshGivens() {
        if (sheet == null || snapshot == null) {
            return;
        }
        Dataset d = snapshot.scenario().dataset();
        Quantity.Names names = (l, j) -> NeuronNames.of(snapshot.network(), d, l, j);
        for (AnswerRow r : rows) {
            r.setGivens(Givens.of(r.quantity(), sheet, snapshot.scenario().config(), names, carried()));
        }
    }

    private void close(String why) {
        key = null;
        sheet = null;
        phase = null;
        rows.clear();
        grade.set("");
        hint.set("");
        solution.set("");
        title.set(why);
        hidden.set(HiddenNumbers.NONE);
    }
}

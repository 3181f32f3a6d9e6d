package org.backproplab.ui.exercise;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.backproplab.data.Dataset;
import org.backproplab.engine.Phase;
import org.backproplab.engine.exercise.Quantity;
import org.backproplab.engine.exercise.Question;
import org.backproplab.engine.exercise.Questions;
import org.backproplab.session.Snapshot;
import org.backproplab.text.NumberText;
import org.backproplab.ui.HiddenNumbers;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.ui.inspector.NeuronNames;

/**
 * Predict, then reveal (FX thread, no nodes): while on, before the next phase or step one question is asked from
 * the state now ({@link Questions}); the student picks a choice, or the teacher enters the class's show of hands;
 * once the phase has run the answer is revealed with its reason, and the tally counts it. While a question is open,
 * the numbers that would answer it (its weight's gradient, its layer's δ or a) are hidden like an exercise's.
 */
public final class PredictionViewModel {
    private final BooleanProperty on = new SimpleBooleanProperty(this, "on", false);
    private final ReadOnlyObjectWrapper<Question> question = new ReadOnlyObjectWrapper<>(this, "question");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper reveal = new ReadOnlyStringWrapper(this, "reveal", "");
    private final ReadOnlyStringWrapper tally = new ReadOnlyStringWrapper(this, "tally", "Predictions: none yet");
    private final ReadOnlyObjectWrapper<HiddenNumbers> hidden = new ReadOnlyObjectWrapper<>(this, "hidden",
            HiddenNumbers.NONE);
    private final ReadOnlyObjectWrapper<int[]> pointAt = new ReadOnlyObjectWrapper<>(this, "pointAt");
    private Snapshot snapshot;
    private int selectedSample = -1;
    private EdgeRef edge;
    /** When the open question was asked: the iteration done and the phases run of the next. */
    private long askedAt;
    private int askedPhase;
    private int chosen = -1;
    private int[] askedEdge;
    private int askedDepth;
    private int[] hands;
    private int turn;
    private int right;
    private int total;
    private int handsRight;
    private int handsTotal;

    private final java.util.List<java.util.function.Consumer<Predicted>> predicted = new java.util.ArrayList<>();

    /**
     * A prediction revealed, for the results file.
     *
     * @param question  what was asked
     * @param chosen    the index of the choice made
     * @param iteration the iteration it was about: the number of the update it makes (1 for the first)
     */
    public record Predicted(Question question, int chosen, long iteration) {
        /** @return true if the choice made was the right one */
        public boolean right() {
            return chosen == question.answer();
        }
    }

    public PredictionViewModel() {
        on.addListener((o, was, is) -> {
            question.set(null);
            hidden.set(HiddenNumbers.NONE);
            reveal.set("");
            status.set("");
            follow();
        });
    }

    // Properties

    /** @return true while predict-then-reveal is on */
    public BooleanProperty onProperty() {
        return on;
    }

    /** @return the open question, or null */
    public ReadOnlyObjectProperty<Question> questionProperty() {
        return question.getReadOnlyProperty();
    }

    /** @return what was chosen for the open question, or why there is none */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** @return the last answer revealed, with its reason and whether the prediction was right (✓/✗) */
    public ReadOnlyStringProperty revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    /** @return the tally of the session, e.g. "Predictions: 3 of 4 right · class: 40 of 60 hands right" */
    public ReadOnlyStringProperty tallyProperty() {
        return tally.getReadOnlyProperty();
    }

    /** @return the numbers that would answer the open question, hidden until it is revealed */
    public ReadOnlyObjectProperty<HiddenNumbers> hiddenProperty() {
        return hidden.getReadOnlyProperty();
    }

    /**
     * @return what the last answer revealed is about, for the graph to point at: {@code {l, i, j}} for a weight,
     *         {@code {l, j}} for a neuron; null before the first reveal or for the loss
     */
    public ReadOnlyObjectProperty<int[]> pointAtProperty() {
        return pointAt.getReadOnlyProperty();
    }

    // Commands

    /** Follows snapshot {@code s}: reveals the open question once its phase has run, then asks the next. */
    public void update(Snapshot s, int selectedSample, EdgeRef edge) {
        this.snapshot = s;
        this.selectedSample = selectedSample;
        this.edge = edge;
        follow();
    }

    /** Calls {@code listener} with every prediction of the student's revealed from now on (FX thread). */
    public void onPredicted(java.util.function.Consumer<Predicted> listener) {
        predicted.add(listener);
    }

    /** The student's (or the class's) prediction: choice {@code i} of the open question. */
    public void choose(int i) {
        Question q = question.get();
        if (q == null || i < 0 || i >= q.choices().size()) {
            return;
        }
        chosen = i;
        status.set("Your prediction: " + q.choices().get(i) + ". Now run the phase to see.");
    }

    /**
     * The teacher's show of hands for the open question: how many chose each choice.
     *
     * @param text one count per choice as typed, e.g. {@code "12"}, {@code "8"}
     * @throws IllegalArgumentException naming the text and the choice if a count is not a whole number ≥ 0
     */
    public void hands(String[] text) {
        Question q = question.get();
        if (q == null) {
            return;
        }
        int[] counts = new int[q.choices().size()];
        for (int i = 0; i < counts.length; i++) {
            String t = i < text.length && text[i] != null && !text[i].isBlank() ? text[i] : "0";
            counts[i] = (int) NumberText.parseWhole(t, "hands for “" + q.choices().get(i) + "”", 0, 100_000);
        }
        hands = counts;
        status.set("Show of hands: " + Arrays.toString(counts).replace("[", "").replace("]", "")
                + ". Now run the phase to see.");
    }

    /** Shows why the typed show of hands was refused (the message names the text and the choice). */
    public void refuse(String message) {
        status.set(message);
    }

    private void follow() {
        Snapshot s = snapshot;
        if (!on.get() || s == null) {
            return;
        }
        Question q = question.get();
        if (q != null && hasRun(s, q)) {
            revealAnswer(q);
        }
        // the reveal may have come back here and asked already
        s = snapshot;
        if (question.get() == null && !s.running() && s.preview() != null) {
            ask(s);
        }
    }

    /** @return true if the phase that answers {@code q} has run since it was asked */
    private boolean hasRun(Snapshot s, Question q) {
        if (s.iteration() != askedAt) {
            return s.iteration() > askedAt;
        }
        // an update question's phase is the last: the iteration is then done, and counted above
        return s.phaseIndex() > s.phases().indexOf(q.revealAt());
    }

    private void ask(Snapshot s) {
        int row = 0;
        int[] batch = s.preview().samples();
        for (int k = 0; k < batch.length; k++) {
            if (batch[k] == selectedSample) {
                row = k;
            }
        }
        Dataset d = s.scenario().dataset();
        Quantity.Names names = (l, j) -> NeuronNames.of(s.network(), d, l, j);
        boolean boundary = s.phaseIndex() == 0;
        int[] e = edge == null || edge.isBias() ? null : new int[] {edge.layer(), edge.from(), edge.to()};
        Question q = Questions.next(s.network(), s.preview(), s.scenario().config(), s.nextPhase(), boundary, row, e,
                names, turn++);
        askedAt = s.iteration();
        askedPhase = s.phaseIndex();
        askedEdge = e != null ? e : new int[] {s.network().depth(), 0, 0};
        askedDepth = s.network().depth();
        chosen = -1;
        hands = null;
        question.set(q);
        status.set(q == null ? "No question before " + s.nextPhase().label() + ": step on." : "Sample “"
                + d.label(batch[row]) + "”. Choose, then run " + (boundary ? "the iteration (→)." : "the phase (Shift+→)."));
        hidden.set(q == null ? HiddenNumbers.NONE : hiding(q, s, e));
    }

    private static HiddenNumbers hiding(Question q, Snapshot s, int[] edge) {
        Set<Quantity> out = new LinkedHashSet<>();
        int depth = s.network().depth();
        switch (q.kind()) {
            case WEIGHT_DIRECTION -> {
                int[] e = edge != null ? edge : new int[] {depth, 0, 0};
                out.add(Quantity.dLdw(e[0], e[1], e[2]));
                out.add(Quantity.dw(e[0], e[1], e[2]));
            }
            case LARGEST_DELTA, LARGEST_ACTIVATION -> {
                int l = q.revealAt().layer();
                for (int j = 0; j < s.network().size(l); j++) {
                    out.add(q.kind() == Question.Kind.LARGEST_DELTA ? Quantity.delta(l, j) : Quantity.a(l, j));
                }
            }
            case LOSS_DOWN, TOWARD_TARGET -> {
            }
        }
        return out.isEmpty() ? HiddenNumbers.NONE : new HiddenNumbers(out);
    }

    private void revealAnswer(Question q) {
        // closed first: what the reveal sets off (the graph pointing at its numbers) may bring a snapshot back here
        question.set(null);
        hidden.set(HiddenNumbers.NONE);
        StringBuilder b = new StringBuilder("Answer: ").append(q.answerText()).append(". ").append(q.reason());
        if (chosen >= 0) {
            boolean ok = chosen == q.answer();
            total++;
            right += ok ? 1 : 0;
            b.append(ok ? "\n✓ Your prediction was right." : "\n✗ Your prediction (" + q.choices().get(chosen)
                    + ") was wrong.");
            Predicted p = new Predicted(q, chosen, askedAt + 1);
            predicted.forEach(l -> l.accept(p));
        }
        if (hands != null) {
            int sum = Arrays.stream(hands).sum();
            handsTotal += sum;
            handsRight += hands[q.answer()];
            b.append("\nClass: ").append(hands[q.answer()]).append(" of ").append(sum).append(" hands right.");
        }
        reveal.set(b.toString());
        tally.set("Predictions: " + right + " of " + total + " right"
                + (handsTotal > 0 ? " · class: " + handsRight + " of " + handsTotal + " hands right" : ""));
        pointAt.set(switch (q.kind()) {
            case WEIGHT_DIRECTION -> askedEdge;
            case LARGEST_DELTA, LARGEST_ACTIVATION -> new int[] {q.revealAt().layer(), q.answer()};
            case TOWARD_TARGET -> new int[] {askedDepth, 0};
            case LOSS_DOWN -> null;
        });
    }
}

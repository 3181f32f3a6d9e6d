package org.backproplab.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backproplab.data.Dataset;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.engine.Phase;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SampleOnShow;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.text.NumberText;

/**
 * The inspector's state (FX thread, no Nodes): the phase just run and its formula with the engine's numbers
 * (from {@code snapshot.trace()} while an iteration is in progress, from {@code snapshot.preview()} at an
 * iteration boundary), the whole iteration below it, and the weight edits sent to the session.
 */
public final class InspectorViewModel {
    /** Lines longer than this are broken at their {@code =} signs. */
    static final int BREAK_AT = 40;

    private final TrainingSession session;
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper activeTitle = new ReadOnlyStringWrapper(this, "activeTitle", "");
    private final ReadOnlyStringWrapper activeText = new ReadOnlyStringWrapper(this, "activeText", "");
    private final ReadOnlyStringWrapper allText = new ReadOnlyStringWrapper(this, "allText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanProperty expandSums = new SimpleBooleanProperty(this, "expandSums", false);
    private final ReadOnlyBooleanWrapper activeHasSum = new ReadOnlyBooleanWrapper(this, "activeHasSum", false);
    private final BooleanProperty compareLosses = new SimpleBooleanProperty(this, "compareLosses", false);
    private final ReadOnlyBooleanWrapper activeComparesLosses = new ReadOnlyBooleanWrapper(this, "activeComparesLosses", false);
    private Snapshot snapshot;
    private EdgeRef shownEdge;

    public InspectorViewModel(TrainingSession session) {
        this.session = session;
    }

    // Properties

    /** @return e.g. "Iteration 3 · phase 4 of 6 run: backward 2 · next: backward 1" */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** @return the title of the phase shown large, e.g. "Backward, layer 2 · neuron ŷ · sample 01" */
    public ReadOnlyStringProperty activeTitleProperty() {
        return activeTitle.getReadOnlyProperty();
    }

    /**
     * @return true to write the phase's sum over the samples of the batch term by term (one term per sample),
     *         false to show it folded: the sample on show's term and the sum
     */
    public BooleanProperty expandSumsProperty() {
        return expandSums;
    }

    /**
     * @return true to add to the output layer's backward phase the δ of cross-entropy beside that of squared
     *         error (why cross-entropy trains faster through a saturated output)
     */
    public BooleanProperty compareLossesProperty() {
        return compareLosses;
    }

    /** @return true if the phase shown is the backward phase of a sigmoid or softmax output (the losses compare) */
    public ReadOnlyBooleanProperty activeComparesLossesProperty() {
        return activeComparesLosses.getReadOnlyProperty();
    }

    /** @return true if the phase shown holds a sum over the samples of the batch (which can be expanded) */
    public ReadOnlyBooleanProperty activeHasSumProperty() {
        return activeHasSum.getReadOnlyProperty();
    }

    /** @return the formula lines of that phase, with numbers (one line of the derivation each; the view breaks them to its width) */
    public ReadOnlyStringProperty activeTextProperty() {
        return activeText.getReadOnlyProperty();
    }

    /** @return every phase of the iteration (in progress, or the preview of the next one) */
    public ReadOnlyStringProperty allTextProperty() {
        return allText.getReadOnlyProperty();
    }

    /** @return why the last weight edit was refused, or empty */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** @return the edge the formulas follow (the selected one, or the first weight of the active layer) */
    public EdgeRef shownEdge() {
        return shownEdge;
    }

    // Commands

    /** Explains snapshot {@code s} with data-set row {@code selected} (−1: all) selected, and the selected {@code edge}. */
    public void update(Snapshot s, int selected, EdgeRef edge) {
        update(s, s == null ? null : SampleOnShow.of(s, selected), edge);
    }

    /**
     * Explains snapshot {@code s} for the sample on show (the one the graph names; the first of the batch when it
     * shows the mean) and the selected {@code edge}.
     */
    public void update(Snapshot s, SampleOnShow onShow, EdgeRef edge) {
        snapshot = s;
        if (s == null) {
            return;
        }
        try {
            explain(s, onShow.isMean() ? -1 : onShow.sample(), edge);
            if (!onShow.note().isEmpty()) {
                headline.set(headline.get() + "\n" + onShow.note());
            }
        } catch (RuntimeException e) {
            headline.set("The inspector cannot show this state (" + e.getMessage() + ").");
            activeTitle.set("");
            activeText.set("");
            allText.set("");
        }
    }

    private void explain(Snapshot s, int sample, EdgeRef edge) {
        Network net = s.network();
        Dataset d = s.scenario().dataset();
        TrainingConfig c = s.scenario().config();
        IterationTrace trace = s.trace();
        if (s.phaseIndex() > 0 && trace != null) {
            List<Phase> run = s.phases().subList(0, s.phaseIndex());
            Phase last = run.get(run.size() - 1);
            shownEdge = resolve(net, edge, last.layer() > 0 ? last.layer() : net.depth());
            Formulas f = new Formulas(net, d, trace, c, sample, shownEdge);
            activeHasSum.set(f.hasBatchSum(last));
            activeComparesLosses.set(f.canCompareLosses(last));
            f.expandSums(expandSums.get()).compareLosses(compareLosses.get());
            headline.set("Iteration " + trace.iteration() + " (epoch " + trace.epoch() + ") · " + s.phaseIndex()
                    + " of " + s.phases().size() + " phases run · next: " + s.nextPhase().label()
                    + batchNote(f));
            activeTitle.set(f.title(last));
            activeText.set(String.join("\n", f.lines(last)));
            List<String> all = new ArrayList<>();
            f.expandSums(false).compareLosses(false);
            for (Phase p : run) {
                section(all, (p == last ? "▶ " : "") + f.title(p), f.lines(p));
            }
            allText.set(String.join("\n", all));
            return;
        }
        shownEdge = resolve(net, edge, net.depth());
        activeHasSum.set(false);
        activeComparesLosses.set(false);
        IterationTrace preview = s.preview();
        boolean applied = trace != null && trace.isComplete() && trace.iteration() == s.iteration();
        if (applied) {
            Formulas done = new Formulas(net, d, trace, c, sample, shownEdge);
            Phase update = s.phases().get(s.phases().size() - 1);
            activeTitle.set("Iteration " + trace.iteration() + " applied · " + done.title(update));
            activeText.set(String.join("\n", done.lines(update)));
        }
        if (preview == null) {
            headline.set(s.running() ? "Training runs: the formulas appear when it pauses." : "Iteration " + s.iteration());
            if (!applied) {
                activeTitle.set("");
                activeText.set("");
            }
            allText.set("");
            return;
        }
        Formulas next = new Formulas(net, d, preview, c, sample, shownEdge);
        headline.set((s.iteration() == 0 ? "Start" : "Iteration " + s.iteration() + " done")
                + " · next: iteration " + preview.iteration() + " (preview with the weights now)" + batchNote(next));
        if (!applied) {
            Phase first = s.phases().get(0);
            activeTitle.set("Next · " + next.title(first));
            activeText.set(String.join("\n", next.lines(first)));
        }
        List<String> all = new ArrayList<>();
        for (Phase p : s.phases()) {
            if (p.kind() == Phase.Kind.UPDATE) {
                double w = shownEdge.isBias() ? net.layer(shownEdge.layer()).bias(shownEdge.to())
                        : net.layer(shownEdge.layer()).weight(shownEdge.from(), shownEdge.to());
                section(all, "Planned · " + next.title(p), next.update(true, w));
            } else {
                section(all, next.title(p), next.lines(p));
            }
        }
        allText.set(String.join("\n", all));
    }

    private static String batchNote(Formulas f) {
        int n = f.batchSize();
        return n == 1 ? " · batch: " + f.sampleName() : " · batch of " + n + " samples";
    }

    private static void section(List<String> out, String title, List<String> lines) {
        if (!out.isEmpty()) {
            out.add("");
        }
        out.add(title);
        for (String l : lines) {
            for (String part : breakAtEquals(l)) {
                out.add("  " + part);
            }
        }
    }

    /**
     * Writes a long chain {@code a = b = c} as a derivation, one {@code = …} per line (as on a blackboard),
     * so that a narrow inspector does not wrap in the middle of a number.
     */
    static List<String> breakAtEquals(String line) {
        String[] parts = line.split(" = ");
        if (line.length() <= BREAK_AT || parts.length < 3) {
            return List.of(line);
        }
        List<String> out = new ArrayList<>();
        out.add(parts[0] + " = " + parts[1]);
        String pad = " ".repeat(parts[0].length() + 1);
        for (int i = 2; i < parts.length; i++) {
            out.add(pad + "= " + parts[i]);
        }
        return out;
    }

    /** @return {@code edge} if it exists in {@code net}, else the first weight of layer {@code active} */
    static EdgeRef resolve(Network net, EdgeRef edge, int active) {
        if (edge != null && edge.layer() >= 1 && edge.layer() <= net.depth()) {
            Layer layer = net.layer(edge.layer());
            boolean fromOk = edge.isBias() ? edge.from() == -1 && layer.hasBias() : edge.from() < layer.inputSize();
            if (fromOk && edge.to() >= 0 && edge.to() < layer.size()) {
                return edge;
            }
        }
        return new EdgeRef(Math.max(1, Math.min(active, net.depth())), 0, 0);
    }

    /**
     * Sets {@code W^l[from][to]} (or {@code b^l[to]} when {@code from == -1}) from typed text.
     *
     * @return true if sent; false if the text was refused (see {@link #messageProperty()})
     */
    public boolean commit(int l, int from, int to, String text, String place) {
        try {
            double v = NumberText.parse(text, place);
            message.set("");
            if (from < 0) {
                session.setBias(l, to, v);
            } else {
                session.setWeight(l, from, to, v);
            }
            return true;
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
    }
}

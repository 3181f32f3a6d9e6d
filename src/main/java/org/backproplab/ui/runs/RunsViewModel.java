package org.backproplab.ui.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backproplab.engine.Activation;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.session.HiddenActivation;
import org.backproplab.session.RunInfo;
import org.backproplab.session.Setting;
import org.backproplab.session.Snapshot;
import org.backproplab.text.NumberText;
import org.backproplab.ui.SessionBridge;

/**
 * The runs table's state and commands (FX thread): every run of the session with the settings in which the runs
 * differ, its iterations, loss, accuracy and training time at its end; showing a run; starting a variant from
 * what was typed in the Compare dialog, which is read here (one field per {@link Setting}) and refused, changing
 * nothing, with a message naming the value, the place and what is allowed.
 */
public final class RunsViewModel {
    /** While training runs, the table follows at most this often. */
    private static final long EVERY_NANOS = 500_000_000L;
    /** Where the iteration a variant starts from is typed, for messages. */
    static final String FROM = "Start from";
    /** Where the iteration all runs are trained to is typed, for messages. */
    static final String TRAIN_ALL = "Train all to";

    private final SessionBridge bridge;
    private final ObservableList<RunInfo> runs = FXCollections.observableArrayList();
    private final ObservableList<RunInfo> readOnlyRuns = FXCollections.unmodifiableObservableList(runs);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private long shownAt;

    public RunsViewModel(SessionBridge bridge) {
        this.bridge = bridge;
        bridge.snapshotProperty().addListener((o, was, now) -> update(now));
        update(bridge.snapshot());
    }

    // Properties

    /** @return the runs, oldest first, as the last snapshot had them */
    public ObservableList<RunInfo> runs() {
        return readOnlyRuns;
    }

    /** @return why the last variant was refused, or empty */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return the iteration on show: where a variant starts unless another is typed */
    long shownIteration() {
        return bridge.snapshot().iteration();
    }

    /** @return e.g. "0 to 1,500 (run 1)": the iterations a variant of the run on show may start from */
    String fromRange() {
        Snapshot s = bridge.snapshot();
        return String.format(Locale.ROOT, "%,d to %,d (run %d)", s.historyStart(), s.historyEnd(), current(s));
    }

    /** @return the text each setting's field starts with: the value training has at the iteration on show */
    String initialText(Setting setting) {
        return setting.initialText(config());
    }

    /** @return the id of the hidden layers' activation at the iteration on show (empty without hidden layers) */
    String initialActivation() {
        return HiddenActivation.idOf(bridge.snapshot().scenario().layers());
    }

    /** @return true if the network on show has a hidden layer, whose activation a variant may change */
    boolean hasHiddenLayers() {
        return bridge.snapshot().scenario().layers().size() > 1;
    }

    /**
     * @param typed the ids chosen for some of the settings chosen among names (the optimiser, the penalty)
     * @return the settings training has now with those chosen (as a variant would start with them), or as they are
     *         if one is not allowed
     */
    TrainingConfig chosen(Map<Setting, String> typed) {
        TrainingConfig c = config();
        try {
            for (Setting.Change change : changes(typed)) {
                c = change.apply(c);
            }
        } catch (IllegalArgumentException e) {
            return config();
        }
        return c;
    }

    /**
     * @return the change of each setting whose text differs from {@link #initialText}, in {@link Setting} order
     * @throws IllegalArgumentException naming the value, the place and what is allowed, if one is refused
     */
    private List<Setting.Change> changes(Map<Setting, String> typed) {
        List<Setting.Change> changes = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            String t = typed.getOrDefault(setting, initialText(setting));
            if (!t.strip().equals(initialText(setting))) {
                changes.add(setting.parse(t));
            }
        }
        return changes;
    }

    private TrainingConfig config() {
        return bridge.snapshot().scenario().config();
    }

    // Commands

    /** Shows run {@code number} where it was left (the run on show stays as it is). */
    public void showRun(int number) {
        if (runs.stream().noneMatch(r -> r.number() == number && r.current())) {
            bridge.session().showRun(number);
        }
    }

    /** Forgets the refusal shown (a dialog opens afresh). */
    public void clearError() {
        error.set("");
    }

    /**
     * Starts a variant from iteration {@code fromText} of the run on show, with each setting whose text differs
     * from {@link #initialText} set to it.
     *
     * @param typed the text of each setting's field; a setting left out keeps its value
     * @return true if the variant was sent to the session; false (and {@link #errorProperty()} says why, nothing
     *         changed) if a value was refused or nothing differs
     */
    public boolean startVariant(String fromText, Map<Setting, String> typed) {
        return startVariant(fromText, typed, null);
    }

    /**
     * As {@link #startVariant(String, Map)}, with the hidden layers' activation chosen.
     *
     * @param activationId the id of the activation every hidden layer of the variant computes; null or the one on
     *                     show ({@link #initialActivation}) keeps the activations of the run on show
     */
    public boolean startVariant(String fromText, Map<Setting, String> typed, String activationId) {
        Snapshot s = bridge.snapshot();
        try {
            long from = NumberText.parseWhole(fromText, FROM, s.historyStart(), s.historyEnd());
            Activation hidden = activationId == null || activationId.strip().equals(initialActivation()) ? null
                    : HiddenActivation.parse(activationId);
            List<Setting.Change> changes = changes(typed);
            TrainingConfig checked = config();
            for (Setting.Change change : changes) {
                checked = change.apply(checked); // a number that the chosen optimiser or penalty has not: refused here
            }
            if (changes.isEmpty() && hidden == null && from == s.iteration()) {
                throw new IllegalArgumentException("Nothing differs from run " + current(s) + ": change at least one "
                        + "setting for the variant.");
            }
            bridge.session().startVariant(from, changes, hidden);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return false;
        }
        error.set("");
        return true;
    }

    /**
     * Train all to: trains every run that ends before the iteration typed up to it, one after another.
     *
     * @return true if sent; false (and {@link #errorProperty()} says why) if the text is not such an iteration
     */
    public boolean trainAllTo(String text) {
        try {
            long k = NumberText.parseWhole(text, TRAIN_ALL, 1, org.backproplab.engine.Trainer.MAX_ITERATION);
            bridge.session().trainAllTo(k);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return false;
        }
        error.set("");
        return true;
    }

    /**
     * @return the last iteration of the longest run: where Train all to brings the others by default; while every run
     *         is still at its start (the race just loaded), the scenario's own length
     */
    long longest() {
        long l = runs.stream().mapToLong(RunInfo::iterations).max().orElse(0);
        return l > 0 ? l : bridge.snapshot().scenario().iterations();
    }

    private static int current(Snapshot s) {
        return s.runs().stream().filter(RunInfo::current).mapToInt(RunInfo::number).findFirst().orElse(1);
    }

    /** Follows a new snapshot: at once when paused or when runs come and go, twice a second while training runs. */
    void update(Snapshot s) {
        if (s == null || runs.equals(s.runs())) {
            return;
        }
        long now = System.nanoTime();
        boolean sameRuns = runs.size() == s.runs().size() && java.util.stream.IntStream.range(0, runs.size())
                .allMatch(i -> runs.get(i).number() == s.runs().get(i).number() && runs.get(i).current() == s.runs().get(i).current());
        if (!s.running() || !sameRuns || now - shownAt > EVERY_NANOS) {
            runs.setAll(s.runs());
            shownAt = now;
        }
    }
}

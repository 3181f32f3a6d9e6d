package org.backproplab.ui.history;

import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backproplab.session.RunInfo;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.SessionBridge;

/**
 * The history scrubber's state and commands (FX thread). Jumps are coalesced: while the worker is still
 * replaying one {@code goTo}, only the latest requested iteration is kept and sent when it is done, so
 * dragging the slider across a million iterations sends a handful of jumps, not thousands.
 */
public final class HistoryViewModel {
    private final SessionBridge bridge;
    private final Executor fx;

    // Properties
    private final ReadOnlyLongWrapper start = new ReadOnlyLongWrapper(this, "start");
    private final ReadOnlyLongWrapper end = new ReadOnlyLongWrapper(this, "end");
    private final ReadOnlyLongWrapper shown = new ReadOnlyLongWrapper(this, "shown");
    private final ReadOnlyStringWrapper positionText = new ReadOnlyStringWrapper(this, "positionText", "");
    private final ReadOnlyStringWrapper resumeTooltip = new ReadOnlyStringWrapper(this, "resumeTooltip", "");
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(this, "canResume");
    private final ReadOnlyBooleanWrapper atEnd = new ReadOnlyBooleanWrapper(this, "atEnd", true);

    private final ObservableList<RunInfo> runs = FXCollections.observableArrayList();
    private final ObservableList<RunInfo> readOnlyRuns = FXCollections.unmodifiableObservableList(runs);

    /** While running, the Runs list is refreshed at most this often. */
    private static final long RUNS_EVERY_NANOS = 500_000_000L;
    private long runsShownAt;
    private boolean busy;
    private long sent = -1;
    private Long pending;

    /** @param bridge the session as the window sees it; completions come back through {@code Platform.runLater} */
    public HistoryViewModel(SessionBridge bridge) {
        this(bridge, Platform::runLater);
    }

    /** @param fx runs the completion of a jump on the FX thread (tests may pass a direct executor) */
    HistoryViewModel(SessionBridge bridge, Executor fx) {
        this.bridge = bridge;
        this.fx = fx;
        bridge.snapshotProperty().addListener((o, was, now) -> update(now));
        update(bridge.snapshot());
    }

    // Properties

    /** @return the first iteration of the history */
    public ReadOnlyLongProperty startProperty() {
        return start.getReadOnlyProperty();
    }

    /** @return the last iteration of the history */
    public ReadOnlyLongProperty endProperty() {
        return end.getReadOnlyProperty();
    }

    /** @return the iteration the slider should show: the snapshot's, or the one a jump is on its way to */
    public ReadOnlyLongProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** @return e.g. "Iteration 1,200 of 5,000" */
    public ReadOnlyStringProperty positionTextProperty() {
        return positionText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resumeTooltipProperty() {
        return resumeTooltip.getReadOnlyProperty();
    }

    /** @return true when an earlier iteration is shown and training is paused */
    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty atEndProperty() {
        return atEnd.getReadOnlyProperty();
    }

    /** @return true while a jump is being replayed on the worker */
    public boolean isBusy() {
        return busy;
    }

    // Commands

    /** Shows iteration {@code k} (clamped into the history); coalesced while a jump is under way. */
    public void goTo(long k) {
        long target = Math.max(start.get(), Math.min(end.get(), k));
        shown.set(target);
        if (!busy && target == bridge.snapshot().iteration()) {
            return;
        }
        if (busy) {
            pending = target;
            return;
        }
        send(target);
    }

    /**
     * Makes the iteration shown the end of a new run (the run shown so far is kept in the Runs list); training
     * does not start until Step or Run.
     */
    public void resume() {
        bridge.session().resumeFromHere();
    }

    /** Shows run {@code number} where it was left. */
    public void showRun(int number) {
        if (runs.stream().noneMatch(r -> r.number() == number && r.current())) {
            bridge.session().showRun(number);
        }
    }

    /** Deletes run {@code number} (never the one on show). */
    public void deleteRun(int number) {
        bridge.session().deleteRun(number);
    }

    /** @return the runs of the session, oldest first, as the last snapshot had them */
    public ObservableList<RunInfo> runs() {
        return readOnlyRuns;
    }

    /** Shows the last iteration of the history. */
    public void jumpToEnd() {
        goTo(end.get());
    }

    private void send(long k) {
        busy = true;
        sent = k;
        bridge.session().goTo(k);
        bridge.session().sync().whenComplete((s, e) -> fx.execute(this::jumpDone));
    }

    private void jumpDone() {
        busy = false;
        bridge.refresh();
        if (pending != null) {
            long next = pending;
            pending = null;
            if (next != sent || bridge.snapshot().iteration() != next) {
                send(next);
            }
        }
    }

    /** Follows a new snapshot (FX thread). */
    void update(Snapshot s) {
        start.set(s.historyStart());
        end.set(s.historyEnd());
        if (!busy && pending == null) {
            shown.set(s.iteration());
        }
        long k = s.iteration();
        boolean past = k < s.historyEnd();
        atEnd.set(!past);
        canResume.set(past && !s.running());
        positionText.set(past
                ? String.format(Locale.ROOT, "Iteration %,d of %,d", k, s.historyEnd())
                : String.format(Locale.ROOT, "Iteration %,d (latest)", k));
        resumeTooltip.set(past
                ? String.format(Locale.ROOT, "Start a new run from iteration %,d (paused: Step or Run trains it). "
                + "This run, to iteration %,d, is kept in the Runs list.", k, s.historyEnd())
                : "Drag the slider back to an earlier iteration first.");
        // while running, the last run's iterations and loss change every frame: its entry follows twice a second
        long now = System.nanoTime();
        boolean sameRuns = runs.size() == s.runs().size() && java.util.stream.IntStream.range(0, runs.size())
                .allMatch(i -> runs.get(i).number() == s.runs().get(i).number() && runs.get(i).current() == s.runs().get(i).current());
        if (!runs.equals(s.runs()) && (!s.running() || !sameRuns || now - runsShownAt > RUNS_EVERY_NANOS)) {
            runs.setAll(s.runs());
            runsShownAt = now;
        }
    }
}

package org.backproplab.ui.lesson;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backproplab.data.Dataset;
import org.backproplab.engine.Phase;
import org.backproplab.io.LessonFile;
import org.backproplab.session.Lock;
import org.backproplab.session.RunTarget;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.backproplab.ui.exercise.ExerciseViewModel;
import org.backproplab.ui.exercise.PredictionViewModel;
import org.backproplab.ui.exercise.ResultsLog;
import org.backproplab.ui.inspector.NeuronNames;

/**
 * Plays a lesson (FX thread, no nodes): shows one step at a time, performs its action the first time it is shown
 * (a new start, run to N, step to a phase, select a neuron), sets up its task (Check my working, Predict, then
 * reveal, or a goal checked on every state shown) and lets the student go on once the task is done. The lesson's
 * locks go to the session, which refuses the locked commands whatever sends them. Goals reached go into the
 * student's results.
 */
public final class LessonPlayer {
    private final SessionBridge bridge;
    private final UiState state;
    private final ExerciseViewModel exercise;
    private final PredictionViewModel prediction;
    private final ResultsLog results;

    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open", false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper task = new ReadOnlyStringWrapper(this, "task", "");
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper(this, "canNext", false);
    private final ReadOnlyBooleanWrapper canPrevious = new ReadOnlyBooleanWrapper(this, "canPrevious", false);
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(this, "complete", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyObjectWrapper<Set<Lock>> locked = new ReadOnlyObjectWrapper<>(this, "locked", Set.of());

    private LessonFile lesson;
    private String name = "";
    private int index;
    private boolean[] done = new boolean[0];
    private boolean[] entered = new boolean[0];
    /** Right answers or revealed predictions counted in the step on show. */
    private int count;
    /** The action's rest waits for a snapshot at least this new (after its start or run), and for training to stop. */
    private long waitFor = Long.MAX_VALUE;
    private String pendingPhase;
    private String pendingSelect;
    private Consumer<String> report = t -> { };

    public LessonPlayer(SessionBridge bridge, UiState state, ExerciseViewModel exercise,
                        PredictionViewModel prediction, ResultsLog results) {
        this.bridge = bridge;
        this.state = state;
        this.exercise = exercise;
        this.prediction = prediction;
        this.results = results;
        bridge.snapshotProperty().addListener((o, was, s) -> follow(s));
        exercise.onAnswered(a -> {
            if (lesson != null && current().task() instanceof LessonFile.Exercise e && a.grade().right()
                    && (e.phase() == null || e.phase().equals(a.phase().label()))) {
                count++;
                if (count >= e.answers()) {
                    done[index] = true;
                }
                refresh();
            }
        });
        prediction.revealProperty().addListener((o, was, is) -> {
            if (lesson != null && !is.isEmpty() && current().task() instanceof LessonFile.Predict p) {
                count++;
                if (count >= p.count()) {
                    done[index] = true;
                }
                refresh();
            }
        });
    }

    // Properties

    /** @return true while a lesson is open */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** @return the lesson's title */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** @return e.g. "Step 3 of 8" or "Step 8 of 8 · lesson complete" */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** @return the step's text (a small Markdown, see {@link LessonText}) */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** @return what the step asks and how far it is, e.g. "Task: work out 2 numbers right (1 so far)", or "" */
    public ReadOnlyStringProperty taskProperty() {
        return task.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPreviousProperty() {
        return canPrevious.getReadOnlyProperty();
    }

    /** @return true once the last step's task is done */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    /** @return true while the step's action is still being performed (a run, the phases stepped to) */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** @return the controls the open lesson locks (empty when none is open) */
    public ReadOnlyObjectProperty<Set<Lock>> lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /** @return the lesson's file name without {@code .json}, or "" when none is open */
    public String name() {
        return lesson == null ? "" : name;
    }

    /** @return the step on show, from 0 */
    public int index() {
        return index;
    }

    // Commands

    /** Where the player says what it could not do (a neuron the network does not have). */
    public void onReport(Consumer<String> report) {
        this.report = report;
    }

    /** Opens {@code l} (file name {@code fileName} without {@code .json}): its start, its locks, its first step. */
    public void open(LessonFile l, String fileName) {
        // a lesson open before leaves nothing behind: not an action still waiting for its snapshot
        pendingPhase = null;
        pendingSelect = null;
        waitFor = Long.MAX_VALUE;
        busy.set(false);
        lesson = l;
        name = fileName;
        done = new boolean[l.steps().size()];
        entered = new boolean[l.steps().size()];
        title.set(l.title());
        open.set(true);
        TrainingSession s = bridge.session();
        s.setLocks(Set.of());
        load(l.start());
        s.setLocks(l.locked());
        locked.set(Set.copyOf(l.locked()));
        index = 0;
        enter(false);
    }

    /** The next step, once the task of this one is done. */
    public void next() {
        if (canNext.get()) {
            index++;
            enter(false);
        }
    }

    /** The step before (its action is not performed again). */
    public void previous() {
        if (canPrevious.get()) {
            index--;
            enter(true);
        }
    }

    /** Closes the lesson: its locks are lifted; the session stays as it is. */
    public void close() {
        if (lesson == null) {
            return;
        }
        lesson = null;
        bridge.session().setLocks(Set.of());
        locked.set(Set.of());
        open.set(false);
        pendingPhase = null;
        pendingSelect = null;
        waitFor = Long.MAX_VALUE;
        busy.set(false);
        exercise.onProperty().set(false);
        prediction.onProperty().set(false);
        title.set("");
        text.set("");
        task.set("");
        progress.set("");
        canNext.set(false);
        canPrevious.set(false);
        complete.set(false);
    }

    private LessonFile.Step current() {
        return lesson.steps().get(index);
    }

    private void enter(boolean back) {
        LessonFile.Step step = current();
        count = 0;
        text.set(step.text());
        if (step.task() == null) {
            done[index] = true;
        }
        if (!entered[index] && !back && step.action() != null) {
            perform(step.action());
        }
        entered[index] = true;
        setUpTask(step.task());
        refresh();
        follow(bridge.snapshot());
    }

    private void setUpTask(LessonFile.Task t) {
        if (t instanceof LessonFile.Exercise e) {
            prediction.onProperty().set(false);
            exercise.scopeProperty().set(e.scope());
            exercise.kindsProperty().set(e.numbers().isEmpty() ? EnumSet.noneOf(
                    org.backproplab.engine.exercise.Quantity.Kind.class) : EnumSet.copyOf(e.numbers()));
            exercise.onProperty().set(true);
        } else if (t instanceof LessonFile.Predict) {
            exercise.onProperty().set(false);
            prediction.onProperty().set(true);
        } else {
            exercise.onProperty().set(false);
            prediction.onProperty().set(false);
        }
    }

    private void perform(LessonFile.Action a) {
        TrainingSession s = bridge.session();
        if (a.start() != null || a.runTo() >= 0) {
            // the lesson's own actions are not the student's: unlocked, then locked again (commands run in order)
            s.setLocks(Set.of());
            if (a.start() != null) {
                load(a.start());
            }
            if (a.runTo() >= 0) {
                s.runTo(RunTarget.iterations(a.runTo()));
            }
            s.setLocks(lesson.locked());
        }
        pendingPhase = a.phase();
        pendingSelect = a.select();
        if (pendingPhase != null || pendingSelect != null) {
            busy.set(true);
            waitFor = Long.MAX_VALUE;
            s.sync().thenAccept(snap -> Platform.runLater(() -> {
                waitFor = snap.version();
                bridge.refresh();
                follow(bridge.snapshot());
            }));
        }
    }

    private void load(LessonFile.Start start) {
        if (start.file() != null) {
            bridge.session().load(start.scenario(), start.file().createTrainer().state());
        } else {
            bridge.session().load(start.scenario());
        }
    }

    /** Follows the session: finishes the step's action once the session has caught up, checks a goal. */
    private void follow(Snapshot s) {
        if (lesson == null || s == null) {
            return;
        }
        if ((pendingPhase != null || pendingSelect != null) && s.version() >= waitFor && !s.running()) {
            String phase = pendingPhase;
            String select = pendingSelect;
            pendingPhase = null;
            pendingSelect = null;
            if (select != null) {
                select(s, select);
            }
            if (phase != null) {
                stepTo(s, phase);
            }
            // done once the phases stepped have run
            bridge.session().sync().thenAccept(x -> Platform.runLater(() -> busy.set(false)));
        }
        if (current().task() instanceof LessonFile.Goal g && !done[index]) {
            GoalCheck.Result r = GoalCheck.check(g, s);
            if (r.reached()) {
                done[index] = true;
                results.recordGoal(g.id(), g.text(), "step " + (index + 1), s.iteration(), true, r.what());
            }
            goalText(g, r);
            if (r.reached()) {
                refresh();
            }
        }
    }

    private void stepTo(Snapshot s, String phase) {
        List<String> labels = s.phases().stream().map(Phase::label).toList();
        int target = labels.indexOf(phase);
        if (target < 0) {
            report.accept("The lesson asks for phase " + phase + ", which this network does not have: expected one of "
                    + labels + ".");
            return;
        }
        int steps = Math.floorMod(target - s.phaseIndex(), labels.size());
        for (int i = 0; i < steps; i++) {
            bridge.session().stepPhase();
        }
    }

    private void select(Snapshot s, String neuron) {
        Dataset d = s.scenario().dataset();
        String wanted = neuron.equals("yhat") ? "ŷ" : neuron;
        for (int l = 0; l <= s.network().depth(); l++) {
            int size = l == 0 ? s.network().inputSize() : s.network().size(l);
            for (int j = 0; j < size; j++) {
                if (NeuronNames.of(s.network(), d, l, j).equals(wanted)) {
                    state.selectedNeuronProperty().set(new UiState.NeuronRef(l, j));
                    return;
                }
            }
        }
        report.accept("The lesson selects neuron " + neuron + ", which this network does not have.");
    }

    private void goalText(LessonFile.Goal g, GoalCheck.Result r) {
        task.set((done[index] ? "✓ Goal reached: " : "Goal: ") + g.text() + "\nNow: " + r.what());
    }

    private void refresh() {
        int n = lesson.steps().size();
        LessonFile.Task t = current().task();
        boolean d = done[index];
        if (t instanceof LessonFile.Exercise e) {
            task.set((d ? "✓ Done: " : "Task: ") + "work out " + e.answers() + (e.answers() == 1 ? " number" : " numbers")
                    + " right in the exercise panel (" + Math.min(count, e.answers()) + " so far)");
        } else if (t instanceof LessonFile.Predict p) {
            task.set((d ? "✓ Done: " : "Task: ") + "make " + (p.count() == 1 ? "a prediction" : p.count() + " predictions")
                    + ", then run the phase to see (" + Math.min(count, p.count()) + " revealed so far)");
        } else if (t == null) {
            task.set("");
        } else if (task.get().isEmpty() || !task.get().contains(((LessonFile.Goal) t).text())) {
            task.set("Goal: " + ((LessonFile.Goal) t).text());
        }
        if (t instanceof LessonFile.Goal g && d && !task.get().startsWith("✓")) {
            task.set("✓ Goal reached: " + g.text());
        }
        complete.set(index == n - 1 && d);
        progress.set("Step " + (index + 1) + " of " + n + (complete.get() ? " · lesson complete" : d || t == null ? ""
                : " · do the task to go on"));
        canNext.set(index < n - 1 && d);
        canPrevious.set(index > 0);
    }
}

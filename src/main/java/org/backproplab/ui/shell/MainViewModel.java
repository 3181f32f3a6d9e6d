package org.backproplab.ui.shell;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import java.util.function.Function;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Throttle;
import org.backproplab.ui.common.NumberField;
import org.backproplab.text.NumberText;

/**
 * The window's own state (FX thread): the texts of the toolbar labels and the status bar, and the commands
 * the toolbar, the menus and the keyboard send to the session. Holds no nodes; everything it shows comes
 * from the latest {@link Snapshot}.
 */
public final class MainViewModel {
    /**
     * The speeds a teacher can name, iterations per second, slow to fast; the last is "as fast as the machine goes".
     * The speed slider stops at each of them.
     */
    public static final List<Double> NAMED_SPEEDS = List.of(1.0, 2.0, 5.0, 10.0, 100.0, 1000.0, TrainingSession.MAX_SPEED);
    /** Slider position of the right end: "as fast as the machine goes". */
    public static final double SPEED_SLIDER_MAX = NAMED_SPEEDS.size() - 1;
    /** Speed the window starts at: slow enough to watch the network learn. */
    public static final double DEFAULT_SPEED = 100.0;

    private final SessionBridge bridge;
    /** The it/s read-out in the status bar follows at most twice a second while running. */
    private final Throttle speedThrottle = new Throttle(2);
    /** The number of the last session message shown in the status bar. */
    private long shownMessage;
    /** Where the last snapshot shown stood. */
    private long shownIteration = -1;
    private int shownPhase = -1;
    private final List<Presets.Entry> presets;
    /** Makes the scenario of a listed preset's name. */
    private final Function<String, Scenario> preset;

    // Properties
    private final ReadOnlyStringWrapper iterationText = new ReadOnlyStringWrapper(this, "iterationText", "");
    private final ReadOnlyStringWrapper lossText = new ReadOnlyStringWrapper(this, "lossText", "");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper nextPhaseText = new ReadOnlyStringWrapper(this, "nextPhaseText", "");
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper(this, "speedText", "");
    private final ReadOnlyStringWrapper learningRateText = new ReadOnlyStringWrapper(this, "learningRateText", "");
    private final ReadOnlyStringWrapper learningRateError = new ReadOnlyStringWrapper(this, "learningRateError", "");
    private final ReadOnlyStringWrapper scenarioName = new ReadOnlyStringWrapper(this, "scenarioName", "");
    private final ReadOnlyStringWrapper scenarioDescription = new ReadOnlyStringWrapper(this, "scenarioDescription", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(this, "speed", DEFAULT_SPEED);
    /** The last failure of the training thread not yet shown in a dialog, or "" (the window shows it, then clears it). */
    private final javafx.beans.property.SimpleStringProperty failure = new javafx.beans.property.SimpleStringProperty(this, "failure", "");
    private long shownFailure;

    /**
     * The built-in presets ({@link Presets#entries()}): a real data set is read when it is first chosen.
     *
     * @param bridge the session as the window sees it
     */
    public MainViewModel(SessionBridge bridge) {
        this(bridge, Presets.entries(), Presets::get);
    }

    /**
     * @param bridge  the session as the window sees it
     * @param presets the scenarios offered in the preset menu and choice box, in menu order
     */
    public MainViewModel(SessionBridge bridge, List<Scenario> presets) {
        this(bridge, presets.stream().map(s -> new Presets.Entry(s.name(), s.description())).toList(),
                name -> presets.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow());
    }

    private MainViewModel(SessionBridge bridge, List<Presets.Entry> presets, Function<String, Scenario> preset) {
        this.bridge = bridge;
        this.presets = List.copyOf(presets);
        this.preset = preset;
        bridge.snapshotProperty().addListener((o, old, s) -> show(s));
        show(bridge.snapshot());
        statusText.set("Ready: " + scenarioName.get() + ". Step with →, one phase with Shift+→, Run with Space.");
        speedText.set(speedLabel(DEFAULT_SPEED));
    }

    /**
     * @return the last failure of the training thread (a command that broke) not yet acknowledged, or ""; the
     *         window shows it in a dialog and sets it back to ""
     */
    public javafx.beans.property.StringProperty failureProperty() {
        return failure;
    }

    private void show(Snapshot s) {
        iterationText.set(String.format(Locale.ROOT, "Iteration %d · epoch %s", s.iteration(), epochs(s.epochs())));
        lossText.set(lossLabel(s.loss()));
        if (s.failureNumber() > shownFailure) {
            shownFailure = s.failureNumber();
            failure.set(s.failure());
        }
        if (s.messageNumber() > shownMessage) {
            shownMessage = s.messageNumber();
            statusText.set(s.message());
        } else if (s.running() != running.get() || !s.running() && s.iteration() > 0
                && (s.iteration() != shownIteration || s.phaseIndex() != shownPhase)) {
            // a step or a phase leaves no message: say where training stands instead of the opening hint (a
            // snapshot that moved nothing leaves the last message, e.g. where Run to stopped)
            statusText.set(s.running() ? "Running at " + speedText.get() + ". Space pauses."
                    : String.format(Locale.ROOT, "Paused at iteration %d. Space runs on, → steps, ← goes back.", s.iteration()));
        }
        if (s.running()) {
            // the speed changes every frame: twice a second is readable and spares the status bar a relayout
            speedThrottle.submit(false, () -> nextPhaseText.set(String.format(Locale.ROOT, "Running · %,.0f it/s",
                    bridge.snapshot().iterationsPerSecond())));
        } else {
            speedThrottle.submit(true, () -> nextPhaseText.set("Next: " + s.nextPhase().label()));
        }
        learningRateText.set(formatNumber(s.scenario().config().learningRate()));
        scenarioName.set(s.scenario().name());
        scenarioDescription.set(s.scenario().description());
        running.set(s.running());
        shownIteration = s.iteration();
        shownPhase = s.phaseIndex();
    }

    /**
     * @return e.g. "Loss 0.01234", "Loss 3.21e−5", "Loss 1.5e150", "Loss NaN (diverged)": four significant digits
     *         at any size ({@link NumberText#format(double)}), so the read-out stays short after a divergence
     */
    public static String lossLabel(double loss) {
        return "Loss " + NumberText.format(loss) + (Double.isFinite(loss) ? "" : " (diverged)");
    }

    private static String epochs(double e) {
        String t = String.format(Locale.ROOT, "%.2f", e);
        return t.endsWith(".00") ? t.substring(0, t.length() - 3) : t;
    }

    /** @return {@code v} as the η field shows it: exact ({@link NumberText#editable}), e.g. {@code 1}, {@code 0.5} */
    static String formatNumber(double v) {
        return NumberText.editable(v);
    }

    // Properties

    /** @return e.g. "Iteration 123 · epoch 30.75" */
    public ReadOnlyStringProperty iterationTextProperty() {
        return iterationText.getReadOnlyProperty();
    }

    /** @return e.g. "Loss 0.01234" */
    public ReadOnlyStringProperty lossTextProperty() {
        return lossText.getReadOnlyProperty();
    }

    /** @return the session's last non-empty message (what just happened, or why a command was refused) */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** @return e.g. "Next: backward 2", or the speed while running */
    public ReadOnlyStringProperty nextPhaseTextProperty() {
        return nextPhaseText.getReadOnlyProperty();
    }

    /** @return the speed chosen on the slider, e.g. "100 it/s" or "max" */
    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.getReadOnlyProperty();
    }

    /** @return η of the session now, formatted for the field */
    public ReadOnlyStringProperty learningRateTextProperty() {
        return learningRateText.getReadOnlyProperty();
    }

    /** @return why the last typed η was refused, or empty */
    public ReadOnlyStringProperty learningRateErrorProperty() {
        return learningRateError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scenarioNameProperty() {
        return scenarioName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scenarioDescriptionProperty() {
        return scenarioDescription.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** @return the presets' names and descriptions, in menu order */
    public List<Presets.Entry> presets() {
        return presets;
    }

    // Commands

    public void step() {
        bridge.session().step();
    }

    public void stepPhase() {
        bridge.session().stepPhase();
    }

    public void back() {
        bridge.session().back();
    }

    public void toggleRun() {
        bridge.session().toggleRun();
    }

    public void pause() {
        bridge.session().pause();
    }

    public void reset() {
        bridge.session().reset();
    }

    public void newSeed() {
        bridge.session().newSeed();
    }

    /** Starts over on the preset called {@code name}. */
    public void loadPreset(String name) {
        for (Presets.Entry e : presets) {
            if (e.name().equals(name)) {
                if (!name.equals(scenarioName.get())) {
                    bridge.session().load(preset.apply(name));
                }
                return;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + name + "'");
    }

    /**
     * Sets the speed from a slider position: the {@link #NAMED_SPEEDS named speed} nearest to it, the right end
     * ({@link #SPEED_SLIDER_MAX}) as fast as the machine goes.
     */
    public void setSpeedFromSlider(double position) {
        double speed = speedForSlider(position);
        if (speed == this.speed.get() && !speedText.get().isEmpty()) {
            return;
        }
        this.speed.set(speed);
        speedText.set(speedLabel(speed));
        bridge.session().setSpeed(speed);
    }

    /** @return the speed chosen, iterations per second ({@link TrainingSession#MAX_SPEED} for max) */
    public ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    /** @return the named speed at slider position {@code position} (rounded to the nearest stop, 0 to {@link #SPEED_SLIDER_MAX}) */
    public static double speedForSlider(double position) {
        int stop = (int) Math.round(Math.max(0, Math.min(SPEED_SLIDER_MAX, position)));
        return NAMED_SPEEDS.get(stop);
    }

    /** @return the slider position of the named speed nearest to {@code speed} (on a log scale) */
    public static double sliderForSpeed(double speed) {
        if (Double.isInfinite(speed)) {
            return SPEED_SLIDER_MAX;
        }
        int best = 0;
        for (int i = 1; i < NAMED_SPEEDS.size() - 1; i++) {
            if (Math.abs(Math.log(speed / NAMED_SPEEDS.get(i))) < Math.abs(Math.log(speed / NAMED_SPEEDS.get(best)))) {
                best = i;
            }
        }
        return best;
    }

    static String speedLabel(double speed) {
        return Double.isInfinite(speed) ? "max" : String.format(Locale.ROOT, "%,.0f it/s", speed);
    }

    /**
     * Commits a typed η. A value that is not a number ≥ 0 ({@link NumberField#LEARNING_RATE}) is refused: nothing changes and
     * {@link #learningRateErrorProperty()} names the value, the field and what is allowed.
     *
     * @return true if the value was sent to the session
     */
    public boolean commitLearningRate(String typed) {
        double eta;
        try {
            eta = NumberField.LEARNING_RATE.parse(typed);
        } catch (IllegalArgumentException e) {
            learningRateError.set(e.getMessage());
            return false;
        }
        learningRateError.set("");
        if (eta != bridge.snapshot().scenario().config().learningRate()) {
            bridge.session().setLearningRate(eta);
        }
        return true;
    }

    /** Shows {@code text} in the status bar (for problems the window itself runs into). */
    public void report(String text) {
        statusText.set(text);
    }

    /** Forgets a refused η (the field shows the session's value again). */
    public void cancelLearningRate() {
        learningRateError.set("");
    }
}

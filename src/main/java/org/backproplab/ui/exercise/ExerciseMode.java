package org.backproplab.ui.exercise;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.backproplab.engine.exercise.Quantity;
import org.backproplab.engine.exercise.Scope;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.HiddenNumbers;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;

/**
 * Puts Check my working and Predict, then reveal together: their view models follow the session's snapshots and
 * the selection, the numbers either hides go to {@link UiState#hiddenNumbersProperty()} for every view, and the
 * window gets their panel, the Exercises menu ({@code #exercisesMenu}) and two toggles for the status bar
 * ({@code #exerciseToggle}, {@code #predictionToggle}; keys X and P). The answers and predictions go into the
 * student's results ({@link ResultsLog}, {@link ResultsView}).
 */
public final class ExerciseMode {
    private final ExerciseViewModel exercise = new ExerciseViewModel();
    private final PredictionViewModel prediction = new PredictionViewModel();
    /** Made when first asked for ({@link #panel()}): the window's first frame does without it. */
    private ExercisePanel panel;
    /** Sizes the panel's text for lecture mode or not ({@link org.backproplab.ui.Styles#followLectureText}). */
    private final Runnable sizeText;
    private final BooleanBinding open = exercise.onProperty().or(prediction.onProperty());
    private final UiState state;
    private final ResultsLog results = new ResultsLog(ResultsLog.userNode(), java.time.Clock.systemUTC());
    private final ResultsView resultsView = new ResultsView(results,
            () -> panel == null || panel.getScene() == null ? null : panel.getScene().getWindow());

    public ExerciseMode(SessionBridge bridge, UiState state) {
        this.state = state;
        // every answer graded and every prediction revealed goes into the student's results
        exercise.onAnswered(results::record);
        prediction.onPredicted(results::record);
        results.lessonFrom(() -> bridge.snapshot() == null ? "" : bridge.snapshot().scenario().name());
        Runnable follow = () -> {
            Snapshot s = bridge.snapshot();
            if (s != null) {
                exercise.update(s, state.selectedSampleProperty().get(), state.selectedNeuronProperty().get());
                prediction.update(s, state.selectedSampleProperty().get(), state.selectedEdgeProperty().get());
            }
        };
        bridge.snapshotProperty().addListener((o, was, is) -> follow.run());
        state.selectedSampleProperty().addListener((o, was, is) -> follow.run());
        state.selectedNeuronProperty().addListener((o, was, is) -> follow.run());
        exercise.onProperty().addListener((o, was, is) -> follow.run());
        prediction.onProperty().addListener((o, was, is) -> follow.run());
        state.hiddenNumbersProperty().bind(Bindings.createObjectBinding(() -> {
            Set<Quantity> all = new LinkedHashSet<>(exercise.hiddenProperty().get().quantities());
            all.addAll(prediction.hiddenProperty().get().quantities());
            return all.isEmpty() ? HiddenNumbers.NONE : new HiddenNumbers(all);
        }, exercise.hiddenProperty(), prediction.hiddenProperty()));
        follow.run();
        // a revealed answer points at its numbers on the graph: its weight or its neuron is selected (ringed, and
        // followed by the derivation)
        prediction.pointAtProperty().addListener((o, was, at) -> {
            if (at != null && at.length == 3) {
                state.selectedNeuronProperty().set(new UiState.NeuronRef(at[0], at[2]));
                state.selectedEdgeProperty().set(new UiState.EdgeRef(at[0], at[1], at[2]));
            } else if (at != null && at.length == 2) {
                state.selectedNeuronProperty().set(new UiState.NeuronRef(at[0], at[1]));
            }
        });
        // in lecture mode the panel is read from the back of the room, as the derivation it replaces
        sizeText = org.backproplab.ui.Styles.followLectureText(state, () -> panel == null ? null : panel.getContent());
    }

    // Properties

    public ExerciseViewModel exercise() {
        return exercise;
    }

    public PredictionViewModel prediction() {
        return prediction;
    }

    /** @return the student's results of this session */
    public ResultsLog results() {
        return results;
    }

    /** @return the results' name prompt, menu items and dialogs */
    public ResultsView resultsView() {
        return resultsView;
    }

    /**
     * @return the panel shown in place of the derivation while {@link #openProperty()} is true, made at the first
     *         call (showing the exercise and the question as they are then)
     */
    public ExercisePanel panel() {
        if (panel == null) {
            panel = new ExercisePanel(exercise, prediction);
            panel.showAbove(resultsView.namePrompt());
            sizeText.run();
        }
        return panel;
    }

    /** @return true once the panel is made ({@link #panel()}) */
    public boolean panelMade() {
        return panel != null;
    }

    /** @return true while Check my working or Predict, then reveal is on */
    public ObservableBooleanValue openProperty() {
        return open;
    }

    // Commands

    /** Check my working on or off (key X). */
    public void toggleExercise() {
        exercise.onProperty().set(!exercise.onProperty().get());
    }

    /** Predict, then reveal on or off (key P). */
    public void togglePrediction() {
        prediction.onProperty().set(!prediction.onProperty().get());
    }

    /** @return the two toggles for the status bar */
    public Node toggles() {
        ToggleButton check = new ToggleButton();
        check.setId("exerciseToggle");
        check.selectedProperty().bindBidirectional(exercise.onProperty());
        check.setTooltip(new Tooltip("Check my working [X]: the numbers of each phase you step are hidden; type them "
                + "and they are checked at once, wrong ones with a diagnosis"));
        check.setAccessibleHelp("Key X");
        ToggleButton predict = new ToggleButton("Predict");
        predict.setId("predictionToggle");
        predict.selectedProperty().bindBidirectional(prediction.onProperty());
        predict.setTooltip(new Tooltip("Predict, then reveal [P]: before each phase or step, a question about what it "
                + "will do; the answer is revealed once it has run"));
        predict.setAccessibleHelp("Key P");
        // lecture mode's status bar also holds the drawers' buttons: a shorter name keeps it within 1024 px
        check.textProperty().bind(Bindings.when(state.lectureProperty()).then("Check").otherwise("Check my working"));
        HBox box = new HBox(4, check, predict);
        box.setMinWidth(HBox.USE_PREF_SIZE);
        return box;
    }

    /** Adds the Exercises menu ({@code #exercisesMenu}) after the View menu (or at the end). */
    public void installMenu(MenuBar bar) {
        CheckMenuItem check = new CheckMenuItem("Check my working (X)");
        check.setId("exerciseMenuItem");
        check.selectedProperty().bindBidirectional(exercise.onProperty());
        CheckMenuItem predict = new CheckMenuItem("Predict, then reveal (P)");
        predict.setId("predictionMenuItem");
        predict.selectedProperty().bindBidirectional(prediction.onProperty());
        Menu ask = new Menu("Ask for");
        ToggleGroup group = new ToggleGroup();
        for (Scope s : Scope.values()) {
            RadioMenuItem item = new RadioMenuItem(s.toString());
            item.setToggleGroup(group);
            item.setSelected(exercise.scopeProperty().get() == s);
            item.setOnAction(e -> exercise.scopeProperty().set(s));
            exercise.scopeProperty().addListener((o, was, is) -> item.setSelected(is == s));
            ask.getItems().add(item);
        }
        Menu numbers = new Menu("Numbers to hide");
        for (Quantity.Kind k : Quantity.Kind.values()) {
            CheckMenuItem item = new CheckMenuItem(k.symbol());
            item.setSelected(exercise.kindsProperty().get().contains(k));
            item.setOnAction(e -> {
                Set<Quantity.Kind> kinds = EnumSet.noneOf(Quantity.Kind.class);
                kinds.addAll(exercise.kindsProperty().get());
                if (item.isSelected()) {
                    kinds.add(k);
                } else {
                    kinds.remove(k);
                }
                exercise.kindsProperty().set(kinds);
            });
            numbers.getItems().add(item);
        }
        CheckMenuItem carry = new CheckMenuItem("Carry my value");
        carry.selectedProperty().bindBidirectional(exercise.carryProperty());
        MenuItem reset = new MenuItem("Reset the score");
        reset.setOnAction(e -> exercise.resetScore());
        Menu menu = new Menu("Exercises", null, check, predict, new SeparatorMenuItem(), ask, numbers, carry,
                new SeparatorMenuItem(), reset, new SeparatorMenuItem());
        menu.getItems().addAll(resultsView.menuItems());
        menu.setId("exercisesMenu");
        int view = -1;
        for (int i = 0; i < bar.getMenus().size(); i++) {
            if ("View".equals(bar.getMenus().get(i).getText())) {
                view = i;
            }
        }
        bar.getMenus().add(view < 0 ? bar.getMenus().size() : view + 1, menu);
    }
}

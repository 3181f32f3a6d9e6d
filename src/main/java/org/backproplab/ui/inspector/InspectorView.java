package org.backproplab.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Styles;
import org.backproplab.ui.OnScreen;
import org.backproplab.ui.Throttle;
import org.backproplab.ui.UiState;

/**
 * The inspector (id {@code inspector}): on top, the derivation panel ({@code #derivation}): the phase just run
 * and its formula with the engine's numbers substituted, for the selected sample and edge, one line of the
 * derivation per label ({@code #inspectorFormula}), broken to the panel's width as on a blackboard, then every
 * phase of the iteration; below, every weight matrix and bias as an editable, colour-tinted grid. In lecture
 * mode the derivation alone fills the inspector at the lecture text size (the grids go to a drawer: see
 * {@link #detachWeights()}).
 */
public final class InspectorView extends VBox {
    /** While training runs: formulas at most 4 times a second, weight grids at most twice. */
    private final Throttle textThrottle = new Throttle(4);
    private final Throttle gridThrottle = new Throttle(2);
    private final InspectorViewModel model;
    private final UiState state;
    private final SessionBridge bridge;
    private final WeightGrids grids;
    /** Below this width (at 100 % zoom) the active formula is set a size smaller. */
    static final double NARROW_BELOW = 400;
    private static final javafx.css.PseudoClass NARROW = javafx.css.PseudoClass.getPseudoClass("narrow");
    private final VBox active = new VBox();
    /** Measures the width of a character of the formula's font (never shown). */
    private final Label probe = new Label("0");
    private final TextArea all = area("inspectorIteration", "formula-all");
    private final ScrollPane derivation;
    private final ScrollPane weights;
    private final SplitPane split;
    private final List<Node> normalOnly = new ArrayList<>();
    private double weightsDivider = 0.62;
    /** The exercise panel's share of the inspector's height, above the weight grids. */
    static final double EXERCISE_SHARE = 0.8;
    private int columns = -1;

    public InspectorView(SessionBridge bridge, UiState state) {
        this.bridge = bridge;
        this.state = state;
        this.model = new InspectorViewModel(bridge.session());
        setId("inspector");
        getStyleClass().add("inspector-view");
        getStylesheets().add(InspectorView.class.getResource("inspector.css").toExternalForm());

        Label title = new Label("Inspector");
        title.getStyleClass().add("panel-title");
        Label headline = label("inspectorHeadline", "headline");
        headline.textProperty().bind(model.headlineProperty());
        Label activeTitle = label("inspectorPhase", "phase-title");
        activeTitle.textProperty().bind(model.activeTitleProperty());
        headline.setMinHeight(Region.USE_PREF_SIZE);
        activeTitle.setMinHeight(Region.USE_PREF_SIZE);
        active.setId("inspectorFormula");
        active.getStyleClass().add("formula-active");
        active.setMinHeight(Region.USE_PREF_SIZE);
        active.setMinWidth(0);
        probe.getStyleClass().add("formula-line");
        probe.setManaged(false);
        probe.setVisible(false);
        active.getChildren().add(probe);
        model.activeTextProperty().addListener((o, was, is) -> showLines(true));
        active.widthProperty().addListener((o, was, is) -> showLines(false));
        ToggleButton expand = new ToggleButton("Σ per sample");
        expand.setId("expandSumToggle");
        expand.getStyleClass().add("expand-sum");
        expand.setTooltip(new Tooltip("Write the sum over the samples of the batch term by term, one term per sample"));
        expand.selectedProperty().bindBidirectional(model.expandSumsProperty());
        expand.visibleProperty().bind(model.activeHasSumProperty());
        expand.managedProperty().bind(expand.visibleProperty());
        expand.setFocusTraversable(false);
        model.expandSumsProperty().addListener((o, was, is) -> refreshText());
        ToggleButton compare = new ToggleButton("Compare losses");
        compare.setId("compareLossesToggle");
        compare.getStyleClass().add("expand-sum");
        compare.setTooltip(new Tooltip("Beside this output's δ: what it would be with cross-entropy and with squared "
                + "error, and the factor that makes squared error learn slowly when the output is saturated"));
        compare.selectedProperty().bindBidirectional(model.compareLossesProperty());
        compare.visibleProperty().bind(model.activeComparesLossesProperty());
        compare.managedProperty().bind(compare.visibleProperty());
        compare.setFocusTraversable(false);
        model.compareLossesProperty().addListener((o, was, is) -> refreshText());
        all.textProperty().bind(model.allTextProperty());
        Label allTitle = label(null, "section-title");
        allTitle.setText("Whole iteration");
        VBox.setVgrow(all, Priority.ALWAYS);
        all.setMinHeight(60);
        normalOnly.addAll(List.of(title, headline, allTitle, all));
        VBox formulas = new VBox(6, title, headline, activeTitle, active, new HBox(6, expand, compare), allTitle, all);
        formulas.setPadding(new Insets(6, 8, 6, 8));
        formulas.getStyleClass().add("derivation-content");
        derivation = new ScrollPane(formulas);
        derivation.setId("derivation");
        derivation.getStyleClass().add("derivation");
        derivation.setFitToWidth(true);
        derivation.setFitToHeight(true);
        derivation.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        derivation.setMinHeight(0);

        grids = new WeightGrids(model::commit, e -> state.selectedEdgeProperty().set(e));
        Label message = label("inspectorMessage", "error-message");
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        Label weightsTitle = label(null, "section-title");
        weightsTitle.setText("Weights and biases (type a value, Enter)");
        VBox weightBox = new VBox(4, weightsTitle, message, grids);
        weightBox.setPadding(new Insets(6, 8, 6, 8));
        weights = new ScrollPane(weightBox);
        weights.setId("weightGrids");
        weights.setFitToWidth(true);
        weights.setMinHeight(0);
        weights.getStyleClass().add("weights-scroll");

        split = new SplitPane(derivation, weights);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(weightsDivider);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().add(split);
        setMinWidth(0);
        // a narrow inspector (a 1024-px window) shows the phase's formula a size smaller, so that a line like
        // "= 0.08462·(1 − 0.08462)" is not broken in the middle of the expression
        Runnable fit = () -> active.pseudoClassStateChanged(NARROW, !state.lectureProperty().get()
                && getWidth() < NARROW_BELOW * state.zoomProperty().get());
        widthProperty().addListener((o, was, is) -> fit.run());
        state.zoomProperty().addListener((o, was, is) -> {
            fit.run();
            showLines(true);
        });
        state.lectureProperty().addListener((o, was, is) -> {
            fit.run();
            lecture();
        });
        state.lectureTextProperty().addListener((o, was, is) -> lecture());

        bridge.snapshotProperty().addListener((o, was, s) -> {
            boolean immediate = s == null || !s.running();
            // while training runs behind another tab, the inspector waits: the first snapshot after it is shown
            // (or the one that pauses) brings it up to date
            if (immediate || OnScreen.showing(this)) {
                textThrottle.submit(immediate, this::refreshText);
                gridThrottle.submit(immediate, this::refreshGrids);
            }
        });
        state.selectedSampleProperty().addListener((o, was, is) -> refresh());
        state.selectedEdgeProperty().addListener((o, was, is) -> refresh());
        state.colorScaleProperty().addListener((o, was, is) -> refresh());
        refresh();
        lecture();
    }

    // Properties

    /** @return the view model (for tests) */
    public InspectorViewModel model() {
        return model;
    }

    /** @return the derivation panel ({@code #derivation}) */
    public ScrollPane derivation() {
        return derivation;
    }

    /** @return the lines of the derivation on show now, as broken to the panel's width */
    public List<Label> lines() {
        List<Label> out = new ArrayList<>();
        for (Node n : active.getChildren()) {
            if (n != probe && n instanceof Label l) {
                out.add(l);
            }
        }
        return out;
    }

    // Commands

    /**
     * Takes the weight grids ({@code #weightGrids}) out of the inspector, which then shows the derivation alone.
     *
     * @return the grids, to be placed elsewhere (lecture mode's drawer) until {@link #attachWeights()}
     */
    public Node detachWeights() {
        if (split.getItems().contains(weights)) {
            weightsDivider = split.getDividerPositions()[0];
            split.getItems().remove(weights);
        }
        return weights;
    }

    /** Puts the weight grids back below the derivation (from wherever {@link #detachWeights()} placed them). */
    public void attachWeights() {
        if (!split.getItems().contains(weights)) {
            if (weights.getParent() instanceof javafx.scene.layout.Pane p) {
                p.getChildren().remove(weights);
            }
            split.getItems().add(weights);
            split.setDividerPositions(weightsDivider);
        }
    }

    /**
     * Shows {@code panel} in place of the derivation while {@code open} is true (an exercise: the derivation would
     * give its numbers away), and the weight grids blank while an exercise hides a new weight.
     */
    public void showInstead(Node panel, javafx.beans.value.ObservableBooleanValue open) {
        Runnable swap = () -> {
            boolean on = open.get();
            int i = split.getItems().indexOf(on ? derivation : panel);
            if (i >= 0) {
                double[] dividers = split.getDividerPositions();
                split.getItems().set(i, on ? panel : derivation);
                if (dividers.length > 0) {
                    // the answers, the grade and the hint want most of the height; the derivation its own again
                    split.setDividerPositions(on ? EXERCISE_SHARE : weightsDivider);
                    if (on) {
                        weightsDivider = dividers[0];
                    }
                }
            }
        };
        open.addListener((o, was, is) -> swap.run());
        swap.run();
        Runnable blank = () -> weights.getContent().setVisible(!state.hiddenNumbers().hidesAny(
                org.backproplab.engine.exercise.Quantity.Kind.NEW_W) && !state.hiddenNumbers().hidesAny(
                org.backproplab.engine.exercise.Quantity.Kind.NEW_B));
        state.hiddenNumbersProperty().addListener((o, was, is) -> blank.run());
        blank.run();
    }

    /** Lecture mode on or off: the derivation at the lecture text size, without the title, headline and whole iteration. */
    private void lecture() {
        boolean on = state.lectureProperty().get() && state.lectureTextProperty().get() > 0;
        for (Node n : normalOnly) {
            n.setVisible(!on);
            n.setManaged(!on);
        }
        derivation.setFitToHeight(!on);
        derivation.getContent().setStyle(on ? Styles.fontStyle(state.lectureTextProperty().get()) : "");
        if (on != getStyleClass().contains("lecture")) {
            if (on) {
                getStyleClass().add("lecture");
            } else {
                getStyleClass().remove("lecture");
            }
        }
        showLines(true);
    }

    /**
     * Shows the derivation's lines, each broken to the width of the panel in characters of its font.
     *
     * @param always false to redo them only if the width in characters changed
     */
    private void showLines(boolean always) {
        probe.applyCss();
        Text t = new Text("0000000000");
        t.setFont(probe.getFont());
        double ch = t.getLayoutBounds().getWidth() / 10;
        double w = active.getWidth() - active.snappedLeftInset() - active.snappedRightInset();
        int cols = w <= 0 || ch <= 0 ? Integer.MAX_VALUE : Math.max(8, (int) Math.floor((w - 2) / ch));
        if (!always && cols == columns) {
            return;
        }
        columns = cols;
        List<Node> nodes = new ArrayList<>();
        nodes.add(probe);
        String text = model.activeTextProperty().get();
        if (!text.isEmpty()) {
            for (String line : text.split("\n", -1)) {
                for (String part : DerivationWrap.wrap(line, cols)) {
                    Label l = new Label(part);
                    l.getStyleClass().add("formula-line");
                    l.setMinWidth(0);
                    l.setMinHeight(Region.USE_PREF_SIZE);
                    nodes.add(l);
                }
            }
        }
        active.getChildren().setAll(nodes);
    }

    private void refresh() {
        refreshText();
        refreshGrids();
    }

    /** Formulas and read-outs for the snapshot shown now. */
    private void refreshText() {
        Snapshot s = bridge.snapshot();
        if (s != null) {
            model.update(s, state.sampleOnShow(s), state.selectedEdgeProperty().get());
        }
    }

    /** The weight grids for the snapshot shown now (after {@link #refreshText()}: it picks the edge shown). */
    private void refreshGrids() {
        Snapshot s = bridge.snapshot();
        if (s != null) {
            grids.show(s.network(), s.scenario().dataset(), state.colorScaleProperty().get(), model.shownEdge());
        }
    }

    private static TextArea area(String id, String style) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(true);
        a.setFocusTraversable(false);
        a.getStyleClass().add(style);
        return a;
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        if (id != null) {
            l.setId(id);
        }
        l.getStyleClass().add(style);
        l.setWrapText(true);
        return l;
    }
}

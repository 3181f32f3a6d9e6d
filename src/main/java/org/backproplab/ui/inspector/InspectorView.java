package org.backproplab.ui.inspector;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Throttle;
import org.backproplab.ui.UiState;

/**
 * The inspector (id {@code inspector}): on top, the phase just run and its formula with the engine's numbers
 * substituted, for the selected sample and edge, then every phase of the iteration; below, every weight
 * matrix and bias as an editable, colour-tinted grid. Text is selectable (to copy numbers into notes).
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
    private final TextArea active = area("inspectorFormula", "formula-active");
    private final TextArea all = area("inspectorIteration", "formula-all");

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
        active.textProperty().bind(model.activeTextProperty());
        active.setMinHeight(Region.USE_PREF_SIZE);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        activeTitle.setMinHeight(Region.USE_PREF_SIZE);
        active.textProperty().addListener((o, was, is) -> active.setPrefRowCount(Math.max(2, is.split("\n", -1).length + 1)));
        all.textProperty().bind(model.allTextProperty());
        Label allTitle = label(null, "section-title");
        allTitle.setText("Whole iteration");
        VBox.setVgrow(all, Priority.ALWAYS);
        all.setMinHeight(60);
        VBox formulas = new VBox(6, title, headline, activeTitle, active, allTitle, all);
        formulas.setPadding(new Insets(6, 8, 6, 8));
        formulas.setMinHeight(0);

        grids = new WeightGrids(model::commit, e -> state.selectedEdgeProperty().set(e));
        Label message = label("inspectorMessage", "error-message");
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        Label weightsTitle = label(null, "section-title");
        weightsTitle.setText("Weights and biases (type a value, Enter)");
        VBox weights = new VBox(4, weightsTitle, message, grids);
        weights.setPadding(new Insets(6, 8, 6, 8));
        ScrollPane scroll = new ScrollPane(weights);
        scroll.setFitToWidth(true);
        scroll.setMinHeight(0);
        scroll.getStyleClass().add("weights-scroll");

        SplitPane split = new SplitPane(formulas, scroll);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().add(split);
        setMinWidth(0);
        // a narrow inspector (a 1024-px window) shows the phase's formula a size smaller, so that a line like
        // "= 0.08462·(1 − 0.08462)" is not broken in the middle of the expression
        Runnable fit = () -> active.pseudoClassStateChanged(NARROW,
                getWidth() < NARROW_BELOW * state.zoomProperty().get());
        widthProperty().addListener((o, was, is) -> fit.run());
        state.zoomProperty().addListener((o, was, is) -> fit.run());

        bridge.snapshotProperty().addListener((o, was, s) -> {
            boolean immediate = s == null || !s.running();
            textThrottle.submit(immediate, this::refreshText);
            gridThrottle.submit(immediate, this::refreshGrids);
        });
        state.selectedSampleProperty().addListener((o, was, is) -> refresh());
        state.selectedEdgeProperty().addListener((o, was, is) -> refresh());
        state.colorScaleProperty().addListener((o, was, is) -> refresh());
        refresh();
    }

    // Properties

    /** @return the view model (for tests) */
    public InspectorViewModel model() {
        return model;
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

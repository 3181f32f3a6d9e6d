package org.backproplab.ui.landscape;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.backproplab.engine.Network;
import org.backproplab.text.NumberText;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.backproplab.ui.common.CanvasPane;

/**
 * The loss landscape ({@code #landscapeView}): the loss over a plane of weight space through the weights on show,
 * {@code L(θ + α d1 + β d2)}, along two chosen weights or two random directions normalised per neuron, as a heatmap
 * with lines of equal loss, the path training took through the plane and the weights on show marked. It shows why a
 * too large η overshoots (the path zig-zags across a valley) and how momentum rolls along one.
 */
public final class LandscapeView extends BorderPane {
    /** Canvas font size at 100 % zoom, px. */
    static final double BASE_FONT = 13;
    /** The canvas side (px) above which the font grows with it. */
    static final double GROWS_ABOVE = 560;
    static final String TWO_WEIGHTS = "Two weights";
    static final String RANDOM = "Two random directions";

    private final UiState state;
    private final javafx.beans.InvalidationListener redrawOnStyle = o -> redraw();
    private final SessionBridge bridge;
    private final boolean canOpenWindow;
    private final LandscapeViewModel vm;
    private final CanvasPane plot = new CanvasPane(this::redraw);
    private final Canvas canvas = plot.canvas();
    private final ChoiceBox<String> directions = new ChoiceBox<>(FXCollections.observableArrayList(TWO_WEIGHTS, RANDOM));
    private final ComboBox<String> first = new ComboBox<>();
    private final ComboBox<String> second = new ComboBox<>();
    private final TextField seed = new TextField();
    private final TextField range = new TextField();
    private final Label status = new Label();
    private LandscapePainter.Drawn drawn;
    private boolean updating;

    public LandscapeView(SessionBridge bridge, UiState state) {
        this(bridge, state, true);
    }

    /** @param canOpenWindow true to offer a button that opens the landscape in a large window of its own */
    LandscapeView(SessionBridge bridge, UiState state, boolean canOpenWindow) {
        this.state = state;
        this.bridge = bridge;
        this.canOpenWindow = canOpenWindow;
        this.vm = new LandscapeViewModel(bridge);
        setId("landscapeView");
        getStyleClass().add("landscape-view");
        setMinSize(200, 200);
        setPadding(new javafx.geometry.Insets(4, 6, 4, 6));
        setTop(controls());
        setCenter(plot);
        status.setId("landscapeStatus");
        status.setWrapText(true);
        status.textProperty().bind(javafx.beans.binding.Bindings.when(vm.refusalProperty().isEmpty())
                .then(vm.statusProperty()).otherwise(vm.refusalProperty()));
        setBottom(status);
        vm.landscapeProperty().addListener((o, a, l) -> redraw());
        vm.settingsProperty().addListener((o, a, s) -> updateControls());
        // the weight lists name the weights: they change with the network's shape, not with each iteration
        vm.networkProperty().addListener((o, a, n) -> {
            if (a == null || n == null || !a.sameShape(n)) {
                updateControls();
            }
        });
        state.zoomProperty().addListener(redrawOnStyle);
        state.themeProperty().addListener(redrawOnStyle);
        updateControls();
    }

    private VBox controls() {
        directions.setId("landscapeDirections");
        directions.valueProperty().addListener((o, a, v) -> {
            if (!updating && v != null) {
                vm.setRandom(RANDOM.equals(v));
            }
        });
        first.setId("landscapeFirst");
        second.setId("landscapeSecond");
        first.valueProperty().addListener((o, a, v) -> pickWeights());
        second.valueProperty().addListener((o, a, v) -> pickWeights());
        seed.setId("landscapeSeed");
        seed.setPrefColumnCount(5);
        seed.setOnAction(e -> vm.setSeedText(seed.getText()));
        seed.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.setSeedText(seed.getText());
            }
        });
        range.setId("landscapeRange");
        range.setPrefColumnCount(5);
        range.setOnAction(e -> vm.setRangeText(range.getText()));
        range.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.setRangeText(range.getText());
            }
        });
        Button fit = new Button("Fit path");
        fit.setId("landscapeFit");
        fit.setOnAction(e -> vm.fitPath());
        Label seedLabel = new Label("seed");
        HBox weights = row(new Label("across"), first, new Label("up"), second);
        HBox random = row(seedLabel, seed);
        weights.visibleProperty().bind(directions.valueProperty().isEqualTo(TWO_WEIGHTS));
        weights.managedProperty().bind(weights.visibleProperty());
        random.visibleProperty().bind(directions.valueProperty().isEqualTo(RANDOM));
        random.managedProperty().bind(random.visibleProperty());
        FlowPane line = new FlowPane(12, 4, row(new Label("Plane"), directions), weights, random,
                row(new Label("range ±"), range, fit));
        if (canOpenWindow) {
            Button window = new Button("Open in window");
            window.setId("landscapeWindow");
            window.setOnAction(e -> LandscapeWindow.open(bridge, state, vm.settingsProperty().get(),
                    getScene() == null ? null : getScene().getWindow()));
            line.getChildren().add(window);
        }
        VBox box = new VBox(4, line);
        box.getStyleClass().add("landscape-controls");
        return box;
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox h = new HBox(6, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    // Properties

    /** @return the view model (for tests) */
    public LandscapeViewModel viewModel() {
        return vm;
    }

    /** @return where the last picture's parts were drawn, in canvas pixels, or null */
    LandscapePainter.Drawn drawn() {
        return drawn;
    }

    /** @return the canvas the landscape is drawn on (for tests) */
    Canvas canvas() {
        return canvas;
    }

    private void pickWeights() {
        if (updating || first.getValue() == null || second.getValue() == null) {
            return;
        }
        vm.setWeights(first.getItems().indexOf(first.getValue()), second.getItems().indexOf(second.getValue()));
    }

    private void updateControls() {
        LandscapeSettings s = vm.settingsProperty().get();
        Network net = vm.networkProperty().get();
        if (s == null || net == null) {
            return;
        }
        updating = true;
        try {
            List<String> names = vm.parameterNames();
            if (!names.equals(first.getItems())) {
                first.setItems(FXCollections.observableArrayList(names));
                second.setItems(FXCollections.observableArrayList(names));
            }
            directions.setValue(s.random() ? RANDOM : TWO_WEIGHTS);
            if (!s.random()) {
                first.setValue(names.get(s.first()));
                second.setValue(names.get(s.second()));
            }
            seed.setText(Long.toString(s.seed()));
            range.setText(NumberText.format(s.range()));
        } finally {
            updating = false;
        }
    }

    /**
     * @return the canvas font size: {@link #BASE_FONT} at the window's zoom, larger on a large canvas (a window of
     *         its own on a projector) so the labels grow with the picture
     */
    private double fontSize(double w, double h) {
        return BASE_FONT * state.zoomProperty().get() * Math.max(1, Math.min(w, h) / GROWS_ABOVE);
    }

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        Landscape l = vm.landscapeProperty().get();
        if (w < 1 || h < 1) {
            return;
        }
        if (l == null) {
            canvas.getGraphicsContext2D().setFill(state.themeProperty().get().background());
            canvas.getGraphicsContext2D().fillRect(0, 0, w, h);
            drawn = null;
            return;
        }
        drawn = new LandscapePainter(canvas.getGraphicsContext2D(), fontSize(w, h), state.themeProperty().get())
                .paint(w, h, l);
    }

    /** Stops following the session and the window's zoom and theme (a closed window), and stops computing. */
    public void dispose() {
        state.zoomProperty().removeListener(redrawOnStyle);
        state.themeProperty().removeListener(redrawOnStyle);
        vm.dispose();
    }
}

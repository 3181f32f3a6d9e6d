package org.backproplab.ui.boundary;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.backproplab.ui.common.CanvasPane;
import org.backproplab.ui.UiState.NeuronRef;
import org.backproplab.ui.boundary.DecisionBoundaryViewModel.Result;

/**
 * The decision boundary ({@code #decisionBoundary}): for a data set with two inputs, the network's output
 * {@code ŷ} (or the activation of the neuron picked here or in the graph) over the input plane, with the
 * samples on it. Redrawn whenever a new heatmap arrives from the view model's worker (up to 20 a second
 * while training runs). For other data sets, one sentence says why there is nothing to draw.
 */
public final class DecisionBoundaryView extends BorderPane {
    /** Canvas font size at 100 % zoom, px. */
    static final double BASE_FONT = 13;

    private final UiState state;
    private final DecisionBoundaryViewModel vm;
    private final ComboBox<NeuronRef> neuronChoice = new ComboBox<>();
    private final Label message = new Label();
    private final CanvasPane plot = new CanvasPane(this::redraw);
    private final Canvas canvas = plot.canvas();
    private WritableImage image;
    private boolean updatingChoice;

    public DecisionBoundaryView(SessionBridge bridge, UiState state) {
        this.state = state;
        this.vm = new DecisionBoundaryViewModel(bridge, state);
        setId("decisionBoundary");
        getStyleClass().add("decision-boundary");
        setMinSize(200, 200);
        setTop(header());
        message.setId("boundaryMessage");
        message.getStyleClass().add("boundary-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        plot.visibleProperty().bind(vm.messageProperty().isEmpty());
        StackPane centre = new StackPane(plot, message);
        centre.setMinSize(0, 0);
        setCenter(centre);
        vm.resultProperty().addListener((o, a, r) -> redraw());
        vm.snapshotProperty().addListener((o, a, s) -> updateChoice());
        state.selectedNeuronProperty().addListener((o, a, b) -> updateChoice());
        state.zoomProperty().addListener((o, a, b) -> redraw());
        state.selectedSampleProperty().addListener((o, a, b) -> redraw());
        updateChoice();
    }

    private VBox header() {
        Label title = new Label("Show");
        title.getStyleClass().add("field-label");
        neuronChoice.setId("boundaryNeuron");
        neuronChoice.setMaxWidth(Double.MAX_VALUE);
        neuronChoice.setCellFactory(l -> new NeuronCell());
        neuronChoice.setButtonCell(new NeuronCell());
        neuronChoice.valueProperty().addListener((o, a, n) -> {
            if (!updatingChoice && n != null) {
                vm.select(n);
            }
        });
        HBox.setHgrow(neuronChoice, Priority.ALWAYS);
        HBox row = new HBox(8, title, neuronChoice);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label hint = new Label("Click a hidden neuron in the graph to see what it detects.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.visibleProperty().bind(vm.messageProperty().isEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        VBox box = new VBox(4, row, hint);
        box.getStyleClass().add("boundary-header");
        box.visibleProperty().bind(vm.messageProperty().isEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    // Properties

    /** @return the view model (for tests) */
    public DecisionBoundaryViewModel viewModel() {
        return vm;
    }

    private void updateChoice() {
        updatingChoice = true;
        try {
            List<NeuronRef> all = vm.neurons();
            if (!all.equals(neuronChoice.getItems())) {
                neuronChoice.setItems(FXCollections.observableArrayList(all));
            }
            neuronChoice.setValue(vm.showsClasses() ? DecisionBoundaryViewModel.CLASSES : vm.shownNeuron());
        } finally {
            updatingChoice = false;
        }
    }

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        Result r = vm.resultProperty().get();
        if (w < 1 || h < 1) {
            return;
        }
        if (r == null) {
            canvas.getGraphicsContext2D().setFill(state.themeProperty().get().background());
            canvas.getGraphicsContext2D().fillRect(0, 0, w, h);
            return;
        }
        int n = r.heatmap().cells();
        if (image == null || image.getWidth() != n) {
            image = new WritableImage(n, n);
        }
        image.getPixelWriter().setPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(), r.argb(), 0, n);
        new BoundaryPainter(canvas.getGraphicsContext2D(), BASE_FONT * state.zoomProperty().get(),
                state.themeProperty().get(), state.colorScaleProperty().get())
                .paint(w, h, r.heatmap(), image, r.snapshot(), state.sampleOnShow(r.snapshot()).sample());
    }

    /** Names a neuron in the choice: {@code ŷ (the network's output)}, {@code a¹₂ (hidden layer 1, neuron 2)}. */
    private final class NeuronCell extends ListCell<NeuronRef> {
        @Override
        protected void updateItem(NeuronRef n, boolean empty) {
            super.updateItem(n, empty);
            setText(empty || n == null ? null : vm.name(n));
        }
    }
}

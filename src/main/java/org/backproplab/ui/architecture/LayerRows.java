package org.backproplab.ui.architecture;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;

/**
 * The layer table of the editor: the input layer (shown, from the data set), one row per hidden layer
 * (neurons with − and +, activation, bias, remove) and the output layer (activation and bias; its size
 * follows the data set). Rows are kept and updated in place so that holding − or + keeps working.
 */
final class LayerRows {
    private final ArchitectureViewModel vm;
    private final GridPane grid = new GridPane();
    private final Label inputSize = new Label();
    private final Label outputSize = new Label();
    private final ComboBox<Activation> outputActivation = activationChoice("outputActivation");
    private final CheckBox outputBias = biasCheck("outputBias");
    private final List<Row> rows = new ArrayList<>();
    private boolean updating;

    /** One hidden layer's controls. */
    private final class Row {
        final Label name = new Label();
        final Button minus = new Button("−");
        final Button plus = new Button("+");
        final CommitField neurons;
        final ComboBox<Activation> activation;
        final CheckBox bias;
        final Button remove = new Button("✕");

        Row(int i) {
            int n = i + 1;
            name.setText("Hidden " + n);
            name.getStyleClass().add("field-label");
            neurons = new CommitField("hiddenNeurons" + n, 2, () -> Integer.toString(size(i)), t -> vm.setNeurons(i, t));
            neurons.getStyleClass().add("neuron-field");
            minus.setId("fewerNeurons" + n);
            plus.setId("moreNeurons" + n);
            minus.setOnAction(e -> vm.addNeurons(i, -1));
            plus.setOnAction(e -> vm.addNeurons(i, +1));
            minus.setTooltip(new Tooltip("One neuron fewer in hidden layer " + n + " (starts over from the seed)"));
            plus.setTooltip(new Tooltip("One neuron more in hidden layer " + n + " (starts over from the seed)"));
            minus.getStyleClass().add("step-button");
            plus.getStyleClass().add("step-button");
            activation = activationChoice("hiddenActivation" + n);
            activation.setOnAction(e -> {
                if (!updating && activation.getValue() != null) {
                    vm.setActivation(i, activation.getValue());
                }
            });
            bias = biasCheck("hiddenBias" + n);
            bias.setOnAction(e -> vm.setBias(i, bias.isSelected()));
            remove.setId("removeLayer" + n);
            remove.getStyleClass().add("remove-button");
            remove.setTooltip(new Tooltip("Remove hidden layer " + n + " (starts over from the seed)"));
            remove.setOnAction(e -> vm.removeLayer(i));
        }

        void show(LayerSpec l) {
            neurons.refresh();
            minus.setDisable(l.size() <= 1);
            plus.setDisable(l.size() >= org.backproplab.data.Scenarios.MAX_NEURONS);
            activation.setValue(l.activation());
            bias.setSelected(l.bias());
        }
    }

    LayerRows(ArchitectureViewModel vm) {
        this.vm = vm;
        grid.getStyleClass().add("layer-grid");
        grid.setId("layerGrid");
        ColumnConstraints first = new ColumnConstraints();
        first.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints centre = new ColumnConstraints();
        centre.setHalignment(HPos.CENTER);
        grid.getColumnConstraints().addAll(first, new ColumnConstraints(), new ColumnConstraints(), centre);
        inputSize.setId("inputSizeLabel");
        outputSize.setId("outputSizeLabel");
        inputSize.textProperty().bind(vm.inputTextProperty());
        outputSize.textProperty().bind(vm.outputTextProperty());
        inputSize.getStyleClass().add("hint");
        outputSize.getStyleClass().add("hint");
        outputActivation.setOnAction(e -> {
            if (!updating && outputActivation.getValue() != null) {
                vm.setActivation(vm.hiddenCount(), outputActivation.getValue());
            }
        });
        outputBias.setOnAction(e -> vm.setBias(vm.hiddenCount(), outputBias.isSelected()));
        vm.layersProperty().addListener((o, was, now) -> show(now));
        show(vm.layersProperty().get());
    }

    GridPane node() {
        return grid;
    }

    private int size(int i) {
        List<LayerSpec> l = vm.layersProperty().get();
        return i < l.size() - 1 ? l.get(i).size() : 0;
    }

    private void show(List<LayerSpec> layers) {
        updating = true;
        try {
            int hidden = layers.size() - 1;
            if (hidden != rows.size()) {
                while (rows.size() < hidden) {
                    rows.add(new Row(rows.size()));
                }
                while (rows.size() > hidden) {
                    rows.remove(rows.size() - 1);
                }
                layout();
            }
            for (int i = 0; i < hidden; i++) {
                rows.get(i).show(layers.get(i));
            }
            LayerSpec out = layers.get(hidden);
            outputActivation.setValue(out.activation());
            outputBias.setSelected(out.bias());
        } finally {
            updating = false;
        }
    }

    private void layout() {
        grid.getChildren().clear();
        int r = 0;
        grid.addRow(r++, header("Layer"), header("Neurons"), header("Activation"), header("Bias"));
        Label input = label("Input");
        grid.add(input, 0, r);
        grid.add(inputSize, 1, r++, 4, 1);
        for (Row row : rows) {
            HBox count = new HBox(2, row.minus, row.neurons, row.plus);
            count.setAlignment(Pos.CENTER_LEFT);
            grid.addRow(r++, row.name, count, row.activation, row.bias, row.remove);
        }
        Label output = label("Output");
        grid.addRow(r++, output, outputSize, outputActivation, outputBias);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("column-header");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    private static ComboBox<Activation> activationChoice(String id) {
        ComboBox<Activation> c = new ComboBox<>();
        c.getItems().addAll(Activation.values());
        c.setId(id);
        c.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Activation a) {
                return a == null ? "" : a.id();
            }

            @Override
            public Activation fromString(String s) {
                return Activation.fromId(s);
            }
        });
        c.setTooltip(new Tooltip("Activation f of this layer (starts over from the seed)"));
        c.setPrefWidth(128);
        return c;
    }

    private static CheckBox biasCheck(String id) {
        CheckBox b = new CheckBox();
        b.setId(id);
        b.setTooltip(new Tooltip("Bias b: on or off for this layer (starts over from the seed)"));
        return b;
    }
}

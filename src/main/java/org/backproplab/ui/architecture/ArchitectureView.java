package org.backproplab.ui.architecture;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.backproplab.data.Scenarios;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Styles;
import org.backproplab.ui.UiState;
import org.backproplab.ui.common.NumberField;
import org.backproplab.ui.architecture.ArchitectureViewModel.BatchKind;

/**
 * The architecture editor (id {@code architectureView}): the layers (hidden layers added and removed, neurons
 * with − and +, activation and bias per layer; input and output sizes follow the data set) and the training
 * settings (loss, batch mode, shuffling, initializer, seed, η, the optimiser with its parameters, the regularization
 * with its λ). Each change goes to the session
 * at once; a refused value is named in red under the editor and nothing changes.
 */
public final class ArchitectureView extends VBox {
    private final ArchitectureViewModel vm;
    private final Button addLayer = new Button("+ Add hidden layer");
    private final ComboBox<Loss> loss = new ComboBox<>();
    private final ComboBox<BatchKind> batch = new ComboBox<>();
    private final CommitField batchSize;
    private final CheckBox shuffle = new CheckBox("new order every epoch");
    private final ComboBox<Initializer> init = new ComboBox<>();
    private final CommitField seed;
    private final CommitField learningRate;
    private final ComboBox<Optimizer.Kind> optimizer = new ComboBox<>();
    /** One field per optimiser parameter (μ keeps its id {@code momentumField}); those the optimiser uses show. */
    private final java.util.Map<Optimizer.Parameter, Node> parameterCells = new java.util.EnumMap<>(
            Optimizer.Parameter.class);
    private final java.util.List<CommitField> parameterFields = new java.util.ArrayList<>();
    private final ComboBox<Regularization.Kind> regularization = new ComboBox<>();
    private final CommitField lambda;
    private final Label lambdaLabel = label("λ");
    private final Label parametersLabel = label("Parameters");
    /** The parameter fields, wrapping onto a second line in a narrow panel (Adam has three). */
    private final javafx.scene.layout.FlowPane parameters = new javafx.scene.layout.FlowPane(10, 4);
    private boolean updating;

    public ArchitectureView(SessionBridge bridge, UiState state) {
        this.vm = new ArchitectureViewModel(bridge);
        setId("architectureView");
        getStyleClass().add("architecture-view");
        Styles.addPanelsStylesheet(this);
        batchSize = new CommitField("batchSizeField", 4, () -> Integer.toString(Math.max(2, config().batch().size())),
                vm::commitBatchSize);
        seed = new CommitField("seedField", 6, () -> Long.toString(config().seed()), vm::commitSeed);
        learningRate = new CommitField("archLearningRateField", 6,
                () -> ArchitectureViewModel.format(config().learningRate()), vm::commitLearningRate);
        for (Optimizer.Parameter p : Optimizer.Parameter.values()) {
            boolean mu = p == Optimizer.Parameter.MU;
            CommitField f = mu ? new CommitField("momentumField", 6,
                    () -> ArchitectureViewModel.format(config().momentum()), vm::commitMomentum)
                    : new CommitField(p.id() + "Field", 6, () -> ArchitectureViewModel.format(p.of(config().optimizer())),
                    typed -> vm.commitOptimizerParameter(p, typed));
            f.setTooltip(new Tooltip(NumberField.of(p).place() + ", " + p.allowed() + "; press Enter (the weights stay)"));
            parameterFields.add(f);
            HBox cell = new HBox(4, label(p.symbol()), f);
            cell.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            parameterCells.put(p, cell);
        }
        lambda = new CommitField("lambdaField", 6, () -> ArchitectureViewModel.format(config().regularization().lambda()),
                vm::commitLambda);

        Label data = new Label();
        data.setId("architectureDataset");
        data.textProperty().bind(vm.datasetTextProperty().map(t -> "Data: " + t));
        data.getStyleClass().add("hint");
        data.setWrapText(true);

        addLayer.setId("addLayerButton");
        addLayer.setTooltip(new Tooltip("Add a hidden layer before the output, up to " + Scenarios.MAX_HIDDEN_LAYERS
                + " (starts over from the seed)"));
        addLayer.setOnAction(e -> vm.addLayer());
        addLayer.setMaxWidth(Double.MAX_VALUE);
        Label shapeNote = note("Changing layers, neurons, activations, biases, the initializer or the seed starts "
                + "over from the seed's initial weights.");
        shapeNote.setTooltip(new Tooltip("It starts over from the layers of the run on show, its activations included; "
                + "Back brings every run back."));

        Label error = new Label();
        error.setId("architectureError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        getChildren().addAll(section("Layers"), data, new LayerRows(vm).node(), addLayer, shapeNote,
                section("Training"), training(),
                note("η, the optimiser, the regularization, loss, batch and shuffling keep the weights: training goes "
                        + "on, with a marker on the chart."),
                error);
        vm.layersProperty().addListener((o, was, now) -> showLayers(now));
        vm.configProperty().addListener((o, was, now) -> showConfig(now));
        showLayers(vm.layersProperty().get());
        showConfig(config());
    }

    private TrainingConfig config() {
        return vm.configProperty().get();
    }

    private Node training() {
        loss.setId("lossChoice");
        loss.getItems().addAll(Loss.values());
        loss.setConverter(converter(Loss::id));
        loss.setOnAction(e -> {
            if (!updating && loss.getValue() != null && !vm.setLoss(loss.getValue())) {
                showConfig(config());
            }
        });
        loss.setTooltip(new Tooltip("sse: sum of (y − ŷ)² · mse: its mean over samples · bce: binary cross-entropy"));
        batch.setId("batchChoice");
        batch.getItems().addAll(BatchKind.values());
        batch.setOnAction(e -> {
            if (!updating && batch.getValue() != null) {
                vm.setBatchKind(batch.getValue());
            }
        });
        batch.setTooltip(new Tooltip("How many samples feed one update: all, one, or a mini-batch of n"));
        batchSize.setTooltip(new Tooltip("Samples per mini-batch (2 or more); press Enter"));
        shuffle.setId("shuffleCheck");
        shuffle.setOnAction(e -> vm.setShuffle(shuffle.isSelected()));
        shuffle.setTooltip(new Tooltip("Visit the samples in a new seeded order every epoch (per sample and mini-batch)"));
        init.setId("initChoice");
        init.getItems().addAll(Initializer.values());
        init.setConverter(converter(Initializer::id));
        init.setOnAction(e -> {
            if (!updating && init.getValue() != null) {
                vm.setInitializer(init.getValue());
            }
        });
        init.setTooltip(new Tooltip("How the weights start (starts over from the seed)"));
        seed.setTooltip(new Tooltip("Seed of the initial weights and the shuffling; press Enter (starts over)"));
        learningRate.setTooltip(new Tooltip("Learning rate η ≥ 0; press Enter (the weights stay)"));
        optimizer.setId("optimizerChoice");
        optimizer.getItems().addAll(Optimizer.Kind.values());
        optimizer.setConverter(converter(Optimizer.Kind::title));
        optimizer.setOnAction(e -> {
            if (!updating && optimizer.getValue() != null) {
                vm.setOptimizerKind(optimizer.getValue());
            }
        });
        optimizer.setTooltip(new Tooltip("How a gradient becomes a step: gradient descent, momentum, Nesterov, "
                + "RMSProp or Adam (the weights stay)"));
        regularization.setId("regularizationChoice");
        regularization.getItems().addAll(Regularization.Kind.values());
        regularization.setConverter(converter(k -> k == Regularization.Kind.NONE ? "none" : k.name()));
        regularization.setOnAction(e -> {
            if (!updating && regularization.getValue() != null) {
                vm.setRegularizationKind(regularization.getValue());
            }
        });
        regularization.setTooltip(new Tooltip("A penalty on the weights added to the loss: L2 (λ/2)·Σ W², "
                + "L1 λ·Σ |W| (the weights stay)"));
        lambda.setTooltip(new Tooltip("Strength λ ≥ 0 of the penalty; press Enter (the weights stay)"));
        parameters.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        parameters.setPrefWrapLength(200);
        parameters.getChildren().addAll(parameterCells.values());
        HBox penalty = new HBox(6, regularization, lambdaLabel, lambda);
        penalty.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        GridPane g = new GridPane();
        g.getStyleClass().add("training-grid");
        HBox batchRow = new HBox(6, batch, batchSize);
        batchRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        int r = 0;
        g.addRow(r++, label("Loss"), loss);
        g.addRow(r++, label("Batch"), batchRow);
        g.addRow(r++, label("Shuffle"), shuffle);
        g.addRow(r++, label("Initializer"), init);
        g.addRow(r++, label("Seed"), seed);
        g.addRow(r++, label("Learning rate η"), learningRate);
        g.addRow(r++, label("Optimizer"), optimizer);
        g.addRow(r++, parametersLabel, parameters);
        g.addRow(r, label("Regularization"), penalty);
        return g;
    }

    private void showLayers(List<LayerSpec> layers) {
        addLayer.setDisable(layers.size() - 1 >= Scenarios.MAX_HIDDEN_LAYERS);
    }

    private void showConfig(TrainingConfig c) {
        updating = true;
        try {
            loss.setValue(c.loss());
            batch.setValue(BatchKind.of(c.batch()));
            batchSize.setVisible(BatchKind.of(c.batch()) == BatchKind.MINI);
            batchSize.setManaged(batchSize.isVisible());
            batchSize.refresh();
            BatchMode b = c.batch();
            shuffle.setSelected(c.shuffle());
            shuffle.setDisable(b.isFull());
            init.setValue(c.init());
            seed.refresh();
            learningRate.refresh();
            optimizer.setValue(c.optimizer().kind());
            for (Optimizer.Parameter p : Optimizer.Parameter.values()) {
                shown(uses(c.optimizer().kind(), p), parameterCells.get(p));
            }
            parameterFields.forEach(CommitField::refresh);
            regularization.setValue(c.regularization().kind());
            shown(java.util.Arrays.stream(Optimizer.Parameter.values()).anyMatch(p -> uses(c.optimizer().kind(), p)),
                    parametersLabel, parameters);
            shown(c.regularization().kind() != Regularization.Kind.NONE, lambdaLabel, lambda);
            lambda.refresh();
        } finally {
            updating = false;
        }
    }

    /** @return whether the field of {@code p} shows: the optimiser's parameters, and μ for gradient descent (μ = 0) */
    private static boolean uses(Optimizer.Kind kind, Optimizer.Parameter p) {
        return kind.parameters().contains(p) || p == Optimizer.Parameter.MU && kind == Optimizer.Kind.SGD;
    }

    private static void shown(boolean on, Node... nodes) {
        for (Node n : nodes) {
            n.setVisible(on);
            n.setManaged(on);
        }
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        l.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(l, Priority.ALWAYS);
        return l;
    }

    private static Label note(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static <T> javafx.util.StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    /** @return the view model (for tests) */
    public ArchitectureViewModel viewModel() {
        return vm;
    }
}

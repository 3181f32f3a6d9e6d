package org.backproplab.ui.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backproplab.data.Dataset;
import org.backproplab.data.ImageInput;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Styles;
import org.backproplab.ui.Throttle;
import org.backproplab.ui.UiState;
import org.backproplab.text.NumberText;

/**
 * The data table: one row per sample (label, inputs {@code x} — for inputs that are an image, a picture of them,
 * the pixels' values shown as columns on request (the "values" button in the picture's header) —, targets {@code y}, prediction {@code ŷ} — the
 * class probabilities with a softmax output —, the predicted class for several target columns, per-sample loss), inputs and targets editable in place, rows added and removed, the batch being stepped
 * highlighted; below it a probe row where anyone types an input and sees {@code ŷ} at once, and the data
 * set's own probes. Selecting a row selects the sample the graph and the inspector show. The TableView has
 * the id {@code dataTable}.
 */
public final class DataTableView extends VBox {
    private static final PseudoClass BATCH = PseudoClass.getPseudoClass("batch");
    /** Rows held out as the test set (see the Test % control under the table). */
    private static final PseudoClass TEST = PseudoClass.getPseudoClass("test");

    /**
     * While training runs, the table follows at most twice a second: each refresh lays out and styles every row in
     * view again (a TableView does so when any cell's text changes), and numbers changing faster cannot be read.
     */
    private final Throttle throttle = new Throttle(2);
    private final DataTableViewModel model;
    private final UiState state;
    private final SessionBridge bridge;
    private final TableView<SampleRow> table = new TableView<>();
    private final ToggleButton allSamples = new ToggleButton("All samples (mean)");
    /** Shown for inputs that are an image: their values as columns, next to the picture (hidden at first). */
    private final ToggleButton pixelValues = new ToggleButton("values");
    /** The input columns of an image's pixels (hidden unless {@link #pixelValues} is on), or none. */
    private final List<TableColumn<SampleRow, ?>> pixelColumns = new ArrayList<>();
    private final HBox probeRow = new HBox(8);
    private final List<TextField> probeFields = new ArrayList<>();
    private final Label probeResult = new Label();
    /** The probe's fields as typed when the values button put them away (a picture's inputs), to give them back. */
    private List<String> keptProbe = List.of();
    /** True when the probe is the Draw tab's pad (a picture's inputs, their values not shown): no fields, no ŷ. */
    private boolean probeIsPad;
    private boolean syncing;

    public DataTableView(SessionBridge bridge, UiState state) {
        this.state = state;
        this.bridge = bridge;
        this.model = new DataTableViewModel(bridge.session());
        getStyleClass().add("data-table-view");
        // numbers that grow while training runs (ŷ of the probe, the table's columns) must not push the split
        // pane's divider: the pane keeps the width it was given
        setMinWidth(240);
        getStylesheets().add(DataTableView.class.getResource("data-table.css").toExternalForm());
        setSpacing(6);
        setPadding(new Insets(4, 8, 8, 8));

        Label title = new Label("Data");
        title.getStyleClass().add("panel-title");
        allSamples.setId("allSamplesToggle");
        allSamples.setTooltip(new Tooltip("Show the mean over all samples on the graph instead of one sample"));
        Button add = new Button("Add row");
        add.setId("addRowButton");
        add.setTooltip(new Tooltip("Add a sample: a copy of the selected row, or zeros"));
        add.setOnAction(e -> model.addRow(table.getSelectionModel().getSelectedIndex()));
        Button remove = new Button("Remove row");
        remove.setId("removeRowButton");
        remove.setTooltip(new Tooltip("Remove the selected sample (the last one stays)"));
        remove.setOnAction(e -> model.removeRow(table.getSelectionModel().getSelectedIndex()));
        pixelValues.setId("pixelValuesToggle");
        pixelValues.getStyleClass().add("pixel-values-toggle");
        pixelValues.setTooltip(new Tooltip("Show each pixel's input value as a column of its own, to read or edit it"));
        pixelValues.setOnAction(e -> {
            pixelColumns.forEach(c -> c.setVisible(pixelValues.isSelected()));
            if (!pixelValues.isSelected()) {
                keptProbe = probeFields.stream().map(TextField::getText).toList();
            }
            rebuildProbeFields(model.datasetProperty().get());
            if (pixelValues.isSelected() && keptProbe.size() == probeFields.size()) {
                for (int i = 0; i < keptProbe.size(); i++) {
                    probeFields.get(i).setText(keptProbe.get(i)); // what was typed before the fields were put away
                }
            }
            fitColumns(false);
            table.refresh(); // the rows' cells follow the columns now, not at the next refresh while training runs
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, allSamples, spacer, add, remove);
        header.setAlignment(Pos.CENTER_LEFT);

        table.setId("dataTable");
        table.setEditable(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // the columns' widths follow their numbers (ColumnWidths); they must not push the split pane's divider:
        // a table narrower than its columns scrolls sideways
        table.setMinWidth(120);
        table.setPlaceholder(new Label("No samples"));
        table.setItems(model.rows());
        table.setRowFactory(t -> {
            TableRow<SampleRow> row = new TableRow<>();
            ChangeListener<Boolean> batch = (o, was, is) -> row.pseudoClassStateChanged(BATCH, is);
            ChangeListener<Boolean> test = (o, was, is) -> row.pseudoClassStateChanged(TEST, is);
            row.itemProperty().addListener((o, was, is) -> {
                if (was != null) {
                    was.inBatchProperty().removeListener(batch);
                    was.inTestProperty().removeListener(test);
                }
                if (is != null) {
                    is.inBatchProperty().addListener(batch);
                    is.inTestProperty().addListener(test);
                }
                row.pseudoClassStateChanged(BATCH, is != null && is.inBatchProperty().get());
                row.pseudoClassStateChanged(TEST, is != null && is.inTestProperty().get());
            });
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label message = new Label();
        message.setId("dataMessage");
        message.getStyleClass().add("error-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE); // a long message wraps onto a second line instead of ending in "…"
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        probeRow.setAlignment(Pos.CENTER_LEFT);
        probeResult.setId("probeResult");
        probeResult.getStyleClass().add("probe-result");
        Label probes = new Label();
        probes.setId("probeList");
        probes.getStyleClass().add("probe-list");
        probes.setWrapText(true);
        probes.textProperty().bind(model.probesProperty());
        probes.managedProperty().bind(probes.textProperty().isNotEmpty());
        probes.visibleProperty().bind(probes.managedProperty());
        FlowPane probeArea = new FlowPane(16, 4, probeRow, probes);
        probeArea.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(header, table, message, probeArea);

        model.shapeProperty().addListener((o, was, is) -> rebuildColumns(model.datasetProperty().get()));
        state.zoomProperty().addListener((o, was, is) -> fitColumns(false));
        model.datasetProperty().addListener((o, was, is) -> fitColumns(false));
        table.widthProperty().addListener((o, was, is) -> fitColumns(true));
        bridge.snapshotProperty().addListener((o, was, s) -> throttle.submit(s == null || !s.running(), () -> {
            model.update(bridge.snapshot());
            updateProbe();
            fitColumns(true); // a prediction or a loss may have grown wider
        }));
        model.rows().addListener((javafx.collections.ListChangeListener<SampleRow>) c -> selectFromState());
        table.getSelectionModel().selectedIndexProperty().addListener((o, was, is) -> {
            if (!syncing && is.intValue() >= 0) {
                state.selectedSampleProperty().set(is.intValue());
            }
        });
        allSamples.setOnAction(e -> {
            int selected = table.getSelectionModel().getSelectedIndex();
            state.selectedSampleProperty().set(allSamples.isSelected() ? -1 : Math.max(0, selected));
        });
        state.selectedSampleProperty().addListener((o, was, is) -> selectFromState());
        state.hiddenNumbersProperty().addListener((o, was, is) -> {
            table.refresh();
            updateProbe();
        });
        model.update(bridge.snapshot());
        updateProbe();
        selectFromState();
    }

    /** @return the text of a number in a cell (a live cell's value is a Number) */
    private static String numberText(Object value) {
        return NumberText.format(((Number) value).doubleValue());
    }

    /** @return true while an open exercise asks for an output ŷ or the loss: their columns then show "?" */
    private boolean outputsHidden() {
        org.backproplab.session.Snapshot s = bridge.snapshot();
        return s != null && state.hiddenNumbers().hidesOutputs(s.network().depth());
    }

    // Properties

    /** @return the view model (for tests) */
    public DataTableViewModel model() {
        return model;
    }

    /** @return the probe row's input fields, one per input column */
    public List<TextField> probeFields() {
        return List.copyOf(probeFields);
    }

    private void selectFromState() {
        int s = state.selectedSampleProperty().get();
        syncing = true;
        try {
            allSamples.setSelected(s < 0);
            if (s < 0 || s >= model.rows().size()) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedIndex() != s) {
                table.getSelectionModel().clearAndSelect(s);
            }
        } finally {
            syncing = false;
        }
    }

    private void rebuildColumns(Dataset d) {
        table.getColumns().clear();
        if (d == null) {
            return;
        }
        TableColumn<SampleRow, String> label = new TableColumn<>("sample");
        label.setCellValueFactory(c -> c.getValue().labelProperty());
        label.setEditable(false);
        label.getStyleClass().add("label-column");
        label.setMaxWidth(200);
        label.setUserData(new ColumnWidths.Fit(() -> sampleTexts(-1, false), true, true));
        table.getColumns().add(label);
        pixelColumns.clear();
        ImageInput image = model.imageInput();
        if (image != null) {
            // the inputs as the picture they are: 64 (or 784) columns of numbers would hide the digit, and laying
            // them out again at every refresh made the table the slowest part of the window
            TableColumn<SampleRow, double[]> picture = new TableColumn<>("x (" + image.rows() + "×" + image.cols() + ")");
            picture.setId("pictureColumn");
            picture.setCellValueFactory(v -> v.getValue().inputVectorProperty());
            picture.setCellFactory(t -> new PictureCell(model::imageInput));
            picture.setEditable(false);
            picture.setGraphic(pixelValues); // in the picture's header: the values are the picture's pixels
            picture.getStyleClass().add("picture-column");
            table.getColumns().add(picture);
        }
        for (int c = 0; c < d.inputSize(); c++) {
            final int col = c;
            boolean bias = c == d.biasColumn();
            boolean derived = d.isDerived(c);
            TableColumn<SampleRow, Number> x = new TableColumn<>(d.inputNames().get(c)
                    + (bias ? " (bias)" : derived ? " (derived)" : ""));
            x.setCellValueFactory(v -> v.getValue().input(col));
            x.setUserData(new ColumnWidths.Fit(() -> sampleTexts(col, false), false, true));
            x.setEditable(!bias && !derived);
            x.setCellFactory(t -> bias ? new NumberCell(null, null, "bias-cell")
                    : derived ? new NumberCell(null, null, "derived-cell")
                    : new NumberCell((row, text) -> model.commitInput(row, col, text), model::clearMessage, "input-cell"));
            table.getColumns().add(x);
            if (image != null) {
                x.setVisible(pixelValues.isSelected());
                pixelColumns.add(x);
            }
        }
        if (d.targetSize() > 1) {
            // the predicted class (✗ when wrong) before the one-hot targets and the probabilities: in view without
            // scrolling sideways, even in a 1024-px window
            TableColumn<SampleRow, ObservableValue<?>> cls = new TableColumn<>("class ŷ");
            cls.setId("predictedClassColumn");
            LiveCell.follow(cls, SampleRow::predictedClassProperty, String::valueOf, () -> false, "class-cell");
            cls.getStyleClass().add("class-column");
            cls.setUserData(new ColumnWidths.Fit(() -> classTexts(d), true, true));
            table.getColumns().add(cls);
        }
        for (int c = 0; c < d.targetSize(); c++) {
            final int col = c;
            TableColumn<SampleRow, Number> y = new TableColumn<>(d.targetNames().get(c));
            y.setCellValueFactory(v -> v.getValue().target(col));
            y.setUserData(new ColumnWidths.Fit(() -> sampleTexts(col, true), false, true));
            y.setCellFactory(t -> new NumberCell((row, text) -> model.commitTarget(row, col, text), model::clearMessage,
                    "target-cell"));
            table.getColumns().add(y);
        }
        for (int c = 0; c < d.targetSize(); c++) {
            final int col = c;
            TableColumn<SampleRow, ObservableValue<?>> p = new TableColumn<>(d.targetSize() == 1 ? "ŷ" : "ŷ " + d.targetNames().get(c));
            LiveCell.follow(p, r -> r.prediction(col), DataTableView::numberText, this::outputsHidden, "prediction-cell");
            p.setUserData(new ColumnWidths.Fit(() -> rowTexts(r -> r.prediction(col).get()), true));
            table.getColumns().add(p);
        }
        TableColumn<SampleRow, ObservableValue<?>> loss = new TableColumn<>("loss");
        LiveCell.follow(loss, SampleRow::lossProperty, DataTableView::numberText, this::outputsHidden, "loss-cell");
        loss.setUserData(new ColumnWidths.Fit(() -> rowTexts(r -> r.lossProperty().get()), false));
        table.getColumns().add(loss);
        for (TableColumn<SampleRow, ?> col : table.getColumns()) {
            col.setSortable(false);
            col.setReorderable(false);
        }
        // explicit widths: after the columns are replaced, the constrained policy would otherwise give the whole
        // width to the first column and squeeze the numbers to "…"
        fitColumns(false);
        rebuildProbeFields(d);
    }

    /** Every column as wide as its header and its widest text need at the window's zoom (see {@link ColumnWidths}). */
    private void fitColumns(boolean growOnly) {
        ColumnWidths.fit(table, Styles.rootFontPx(state.zoomProperty().get()), growOnly);
    }

    /**
     * @return texts as wide as the widest that a computed column (ŷ, loss) shows in the first rows of the table: for
     *         each sign and power of ten among the values, that number with every significant digit and the next
     *         power itself (a value of the class is written with fewer digits, or rounded up to that power: 9999.7
     *         is "10000"; digits are equally wide), and a subnormal value as it is. A refresh then formats a few
     *         numbers instead of 200 per column.
     */
    private List<String> rowTexts(ToDoubleFunction<SampleRow> value) {
        List<String> texts = new ArrayList<>(List.of("0.0000"));
        Set<Long> classes = new HashSet<>();
        for (int i = 0; i < Math.min(model.rows().size(), 200); i++) {
            double v = value.applyAsDouble(model.rows().get(i));
            if (!Double.isFinite(v) || Math.abs(v) < Double.MIN_NORMAL) {
                texts.add(NumberText.format(v)); // NaN, ±∞, 0 and the subnormal: few, each as it is
                continue;
            }
            int power = (int) Math.floor(Math.log10(Math.abs(v)));
            if (classes.add(2L * power + (v < 0 ? 1 : 0))) {
                texts.add(NumberText.format(Math.copySign(1.1111111 * Math.pow(10, power), v)));
                texts.add(NumberText.format(Math.copySign(Math.pow(10, power + 1), v)));
            }
        }
        return texts;
    }

    /** @return the widest texts the class column can show: every class name, marked wrong */
    private static List<String> classTexts(Dataset d) {
        List<String> texts = new ArrayList<>();
        for (String n : d.targetNames()) {
            texts.add(n + " ✗");
        }
        return texts;
    }

    /**
     * @return the texts a column shows for the first rows of the data set: the labels ({@code column} −1), the
     *         inputs or the targets of {@code column}
     */
    private List<String> sampleTexts(int column, boolean target) {
        Dataset d = model.datasetProperty().get();
        List<String> texts = new ArrayList<>();
        if (d == null || column >= (target ? d.targetSize() : d.inputSize())) {
            return texts; // a new data set of another shape: its columns are about to be rebuilt
        }
        for (int i = 0; i < Math.min(d.size(), 500); i++) {
            texts.add(column < 0 ? d.label(i) : NumberText.format(target ? d.target(i, column) : d.input(i, column)));
        }
        return texts;
    }

    /**
     * The probe row: a field per input, and ŷ for what is typed. For a picture's inputs (digits, MNIST) it points
     * to the Draw tab's pad instead, unless the header's values button shows the pixels: 64 (or 784) fields cut to
     * "-0.33…" say nothing about a picture, and made a tenth of the window's nodes.
     */
    private void rebuildProbeFields(Dataset d) {
        probeFields.clear();
        probeRow.getChildren().clear();
        Label title = new Label("Try an input:");
        title.getStyleClass().add("probe-title");
        probeRow.getChildren().add(title);
        probeIsPad = model.imageInput() != null && !pixelValues.isSelected();
        if (probeIsPad) {
            Label pad = new Label("draw one on the Draw tab");
            pad.setId("probeDrawHint");
            pad.getStyleClass().add("probe-hint");
            probeRow.getChildren().add(pad);
            return;
        }
        for (int c = 0; c < d.inputSize(); c++) {
            if (d.isDerived(c)) {
                break; // the last columns: the probe computes them from the inputs typed (no room for 5 more fields)
            }
            TextField f = new TextField();
            f.setId("probe-" + d.inputNames().get(c));
            f.setPromptText(d.inputNames().get(c));
            f.setPrefColumnCount(3);
            f.getStyleClass().add("probe-field");
            f.setTooltip(new Tooltip("Input " + d.inputNames().get(c) + " of the probe"));
            if (c == d.biasColumn()) {
                f.setText("1");
                f.setDisable(true);
            } else {
                f.setText(d.size() > 0 ? NumberText.editable(d.input(0, c)) : "0");
            }
            f.textProperty().addListener((o, was, is) -> updateProbe());
            probeFields.add(f);
            probeRow.getChildren().add(f);
        }
        probeRow.getChildren().add(probeResult);
        updateProbe();
    }

    private void updateProbe() {
        if (probeIsPad) {
            return;
        }
        List<String> texts = new ArrayList<>();
        for (TextField f : probeFields) {
            texts.add(f.getText());
        }
        String r = model.probe(texts);
        // the typed inputs may be a sample's: its ŷ would give away the one an exercise asks for
        probeResult.setText(outputsHidden() && r.startsWith("ŷ") ? "ŷ = ?" : r);
        probeResult.pseudoClassStateChanged(PseudoClass.getPseudoClass("invalid"), !r.startsWith("ŷ"));
    }
}

package org.backproplab.ui.confusion;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Throttle;
import org.backproplab.ui.UiState;

/**
 * The confusion matrix ({@code #confusionMatrix}): one row per true class, one column per predicted class, each
 * cell the number of samples, shaded by its share of the row. Clicking a cell lists its samples
 * ({@code #confusionSamples}) and selects the first, so the graph and the inspector show it; beside it every
 * misclassified sample of those rows with its probabilities ({@code #misclassifiedList}); clicking a listed sample
 * selects that one.
 */
public final class ConfusionView extends VBox {
    /** While training runs, the matrix follows at most 8 times a second (as the scores). */
    private final Throttle throttle = new Throttle(8);
    private final ConfusionViewModel model = new ConfusionViewModel();
    private final GridPane grid = new GridPane();
    private final ListView<Integer> samples = new ListView<>();
    private final ListView<Integer> wrong = new ListView<>();
    private final UiState state;
    /** The cells as built, {@code cells[true][predicted]}, for the class names {@link #built}. */
    private Button[][] cells = new Button[0][0];
    private List<String> built = List.of();

    public ConfusionView(SessionBridge bridge, UiState state) {
        this.state = state;
        setSpacing(6);
        setPadding(new Insets(6));
        Label title = new Label("Confusion matrix: rows are the true class, columns the predicted class; the outlined diagonal is right");
        title.setWrapText(true);
        title.getStyleClass().add("panel-title");
        ToggleGroup which = new ToggleGroup();
        RadioButton training = new RadioButton("Training rows");
        training.setId("confusionTraining");
        training.setToggleGroup(which);
        training.setSelected(true);
        RadioButton test = new RadioButton("Test rows");
        test.setId("confusionTest");
        test.setToggleGroup(which);
        test.setOnAction(e -> model.showTest(true));
        training.setOnAction(e -> model.showTest(false));
        model.testProperty().addListener((o, was, is) -> (is ? test : training).setSelected(true));
        HBox choice = new HBox(12, training, test);
        choice.setAlignment(Pos.CENTER_LEFT);

        grid.setId("confusionMatrix");
        grid.setHgap(2);
        grid.setVgap(2);
        Label none = new Label("The targets are not classes (every target 0 or 1): no confusion matrix.");
        none.setId("confusionNone");
        none.setWrapText(true);
        none.managedProperty().bind(model.availableProperty().not());
        none.visibleProperty().bind(none.managedProperty());

        Label cell = new Label();
        cell.setId("confusionCellText");
        cell.setWrapText(true);
        cell.textProperty().bind(model.cellTextProperty());
        sampleList(samples, "confusionSamples", model.cellRows(), model::label);
        sampleList(wrong, "misclassifiedList", model.misclassified(), model::describe);
        wrong.setPlaceholder(new Label("none misclassified"));
        Label wrongTitle = new Label();
        wrongTitle.setId("misclassifiedTitle");
        model.misclassified().addListener((javafx.collections.ListChangeListener<Integer>) c ->
                wrongTitle.setText("Misclassified (" + model.misclassified().size() + ")"));
        wrongTitle.setText("Misclassified (0)");
        wrongTitle.setTooltip(new javafx.scene.control.Tooltip(
                "each: sample → predicted class (its probability); the true class's probability"));
        VBox cellBox = new VBox(4, cell, samples);
        VBox wrongBox = new VBox(4, wrongTitle, wrong);
        HBox.setHgrow(cellBox, Priority.ALWAYS);
        HBox.setHgrow(wrongBox, Priority.ALWAYS);
        cellBox.setPrefWidth(1);
        wrongBox.setPrefWidth(1);
        HBox lists = new HBox(8, cellBox, wrongBox);
        lists.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        lists.managedProperty().bind(model.availableProperty());
        lists.visibleProperty().bind(model.availableProperty());
        // ten classes do not fit a short panel: the matrix scrolls, the list of a cell's samples stays in view
        javafx.scene.control.ScrollPane matrix = new javafx.scene.control.ScrollPane(grid);
        matrix.setFitToWidth(false);
        matrix.setMinHeight(60);
        matrix.prefViewportHeightProperty().bind(grid.heightProperty());
        matrix.managedProperty().bind(model.availableProperty());
        matrix.visibleProperty().bind(model.availableProperty());
        VBox.setVgrow(matrix, Priority.ALWAYS);
        getChildren().addAll(title, choice, none, matrix, lists);

        model.versionProperty().addListener((o, was, is) -> redraw());
        bridge.snapshotProperty().addListener((o, was, s) -> throttle.submit(s == null || !s.running(),
                () -> model.update(bridge.snapshot())));
        model.update(bridge.snapshot());
    }

    /**
     * A list of data-set rows, each shown as {@code text} gives it; choosing one selects that sample in the window.
     */
    private void sampleList(ListView<Integer> list, String id, javafx.collections.ObservableList<Integer> rows,
                            java.util.function.IntFunction<String> text) {
        list.setId(id);
        list.setItems(rows);
        list.setPrefHeight(110);
        list.setMinHeight(70);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Integer r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : text.apply(r));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, r) -> {
            if (r != null) {
                state.selectedSampleProperty().set(r);
            }
        });
    }

    /** @return the view model (for tests) */
    public ConfusionViewModel model() {
        return model;
    }

    /** Chooses a cell as a click does: lists its samples and selects the first. */
    void choose(int truth, int predicted) {
        model.choose(truth, predicted);
        if (!model.cellRows().isEmpty()) {
            state.selectedSampleProperty().set(model.cellRows().get(0));
        }
    }

    private void redraw() {
        int[][] m = model.countsProperty().get();
        List<String> names = model.classNamesProperty().get();
        if (!names.equals(built)) {
            build(names, names.size());
            built = names;
        }
        for (int t = 0; t < m.length; t++) {
            int total = 0;
            for (int v : m[t]) {
                total += v;
            }
            for (int p = 0; p < m.length; p++) {
                Button b = cells[t][p];
                b.setText(Integer.toString(m[t][p]));
                double share = total == 0 ? 0 : (double) m[t][p] / total;
                // right and wrong differ by more than the hue (green and red look alike to one boy in twelve):
                // the diagonal is outlined and bold
                String hue = t == p ? "70, 150, 90" : "200, 80, 60";
                String right = t == p ? " -fx-border-color: rgb(70, 150, 90); -fx-border-width: 2; -fx-font-weight: bold;" : "";
                b.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgba(%s, %.3f); -fx-min-width: 3.2em;%s",
                        hue, m[t][p] == 0 ? 0.0 : 0.15 + 0.85 * share, right));
            }
        }
    }

    private void build(List<String> names, int k) {
        grid.getChildren().clear();
        cells = new Button[k][k];
        grid.add(new Label("true ↓"), 0, 0);
        for (int p = 0; p < k; p++) {
            Label head = new Label(names.get(p));
            head.setId("confusionPredicted-" + p);
            grid.add(head, p + 1, 0);
        }
        for (int t = 0; t < k; t++) {
            Label head = new Label(names.get(t));
            head.setId("confusionTrue-" + t);
            grid.add(head, 0, t + 1);
            for (int p = 0; p < k; p++) {
                Button b = new Button("0");
                b.setId("confusion-" + t + "-" + p);
                b.getStyleClass().add("confusion-cell");
                b.setTooltip(new Tooltip("true " + names.get(t) + ", predicted " + names.get(p) + ": click to list the samples"));
                final int truth = t;
                final int predicted = p;
                b.setOnAction(e -> choose(truth, predicted));
                cells[t][p] = b;
                grid.add(b, p + 1, t + 1);
            }
        }
    }
}

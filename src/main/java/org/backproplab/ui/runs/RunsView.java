package org.backproplab.ui.runs;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.backproplab.session.RunInfo;
import org.backproplab.text.NumberText;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.backproplab.ui.loss.RunColours;

/**
 * Runs side by side: {@code #compareButton} starts a variant (a new run from the same weights with other settings,
 * see {@link VariantDialog}); the table {@code #runsTable} compares every run at its end: the settings in which
 * the runs differ, iterations, training loss, accuracy (for classes) and training time, each run in the colour of
 * its curve on the loss chart. Double-click a run, or choose it and "Show run", to make it the one on show.
 */
public final class RunsView extends VBox {
    private final RunsViewModel vm;
    private final TableView<RunInfo> table;

    public RunsView(SessionBridge bridge, UiState state) {
        this.vm = new RunsViewModel(bridge);
        setId("runsView");
        setSpacing(6);
        setPadding(new Insets(6));
        Label title = new Label("Runs side by side: each run at its last iteration");
        title.getStyleClass().add("panel-title");
        title.setWrapText(true);
        title.setMinHeight(Label.USE_PREF_SIZE);
        Button compare = new Button("Compare…");
        compare.setId("compareButton");
        compare.setMinWidth(Button.USE_PREF_SIZE);
        compare.setTooltip(new Tooltip("Start a variant: a new run from the iteration on show (or any other) with "
                + "other settings, on the same data order; its loss is drawn beside the others"));
        compare.setOnAction(e -> new VariantDialog(getScene() == null ? null : getScene().getWindow(), vm).show());
        table = table(state);
        Button show = new Button("Show run");
        show.setId("showRunButton");
        show.setMinWidth(Button.USE_PREF_SIZE);
        show.setTooltip(new Tooltip("Make the chosen run the one on show (where it was left)"));
        show.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        show.setOnAction(e -> showSelected());
        HBox buttons = new HBox(8, compare, show);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, buttons, table);
    }

    /** @return the view model (for tests) */
    public RunsViewModel viewModel() {
        return vm;
    }

    private void showSelected() {
        RunInfo r = table.getSelectionModel().getSelectedItem();
        if (r != null) {
            vm.showRun(r.number());
        }
    }

    private TableView<RunInfo> table(UiState state) {
        TableView<RunInfo> t = new TableView<>(vm.runs());
        t.setId("runsTable");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("One run so far: Compare… starts another"));
        TableColumn<RunInfo, RunInfo> run = new TableColumn<>("Run");
        run.setId("runsTableRun");
        run.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        run.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(RunInfo r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText((r.current() ? "▶ " : "") + r.label());
                Rectangle swatch = new Rectangle(14, 4, RunColours.of(r.number(), state.themeProperty().get()));
                setGraphic(swatch);
            }
        });
        run.setPrefWidth(190);
        t.getColumns().add(run);
        t.getColumns().add(column("Iterations", "runsTableIterations", r -> String.format(Locale.ROOT, "%,d", r.iterations())));
        t.getColumns().add(column("Loss", "runsTableLoss", r -> r.diverged() ? "diverged"
                : Double.isNaN(r.loss()) ? "—" : NumberText.format(r.loss())));
        t.getColumns().add(column("Accuracy", "runsTableAccuracy", r -> Double.isNaN(r.accuracy()) ? "—"
                : NumberText.format(100 * r.accuracy()) + " %"));
        t.getColumns().add(column("Time", "runsTableTime", r -> time(r.trainingNanos())));
        t.setRowFactory(v -> {
            TableRow<RunInfo> row = new TableRow<>() {
                @Override
                protected void updateItem(RunInfo r, boolean empty) {
                    super.updateItem(r, empty);
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("current"), !empty && r != null && r.current());
                    setStyle(!empty && r != null && r.current() ? "-fx-font-weight: bold;" : "");
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.showRun(row.getItem().number());
                }
            });
            return row;
        });
        return t;
    }

    private static TableColumn<RunInfo, String> column(String title, String id, Function<RunInfo, String> text) {
        TableColumn<RunInfo, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(text.apply(v.getValue())));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    /** @return wall time as people read it: "412 ms", "12.3 s", "2 min 05 s" */
    static String time(long nanos) {
        double s = nanos / 1e9;
        if (s < 1) {
            return String.format(Locale.ROOT, "%d ms", Math.round(s * 1000));
        }
        if (s < 60) {
            return NumberText.format(s, 3) + " s";
        }
        long whole = Math.round(s);
        return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }
}

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

/**
 * Runs side by side: the table {@code #runsTable} compares every run at its end (a variant is started by
 * {@link CompareButton} above the loss chart): the settings in which
 * the runs differ, iterations, training loss, accuracy (for classes) and training time, each run in the colour of
 * its curve on the loss chart. Double-click a run, or choose it and "Show run", to make it the one on show.
 * "Train all to" ({@code #trainAllButton}, {@code #trainAllField}) trains the runs that end earlier up to one
 * iteration, so they are compared after as many updates.
 */
public final class RunsView extends VBox {
    private final RunsViewModel vm;
    private final TableView<RunInfo> table;

    public RunsView(SessionBridge bridge, UiState state) {
        this.vm = new RunsViewModel(bridge);
        setId("runsView");
        setSpacing(6);
        setPadding(new Insets(6));
        Label title = new Label("Runs side by side, each at its last iteration. Compare… above the loss chart starts "
                + "a variant.");
        title.getStyleClass().add("panel-title");
        title.setWrapText(true);
        title.setMinHeight(Label.USE_PREF_SIZE);
        table = table(state);
        Button show = new Button("Show run");
        show.setId("showRunButton");
        show.setMinWidth(Button.USE_PREF_SIZE);
        show.setTooltip(new Tooltip("Make the chosen run the one on show (where it was left)"));
        show.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        show.setOnAction(e -> showSelected());
        javafx.scene.control.TextField to = new javafx.scene.control.TextField();
        to.setId("trainAllField");
        to.setPrefColumnCount(7);
        to.setTooltip(new Tooltip("The iteration every run is trained to"));
        Runnable fill = () -> {
            if (!to.isFocused()) {
                to.setText(Long.toString(vm.longest()));
            }
        };
        vm.runs().addListener((javafx.collections.ListChangeListener<RunInfo>) c -> fill.run());
        fill.run();
        Button trainAll = new Button("Train all to");
        trainAll.setId("trainAllButton");
        trainAll.setMinWidth(Button.USE_PREF_SIZE);
        trainAll.setTooltip(new Tooltip("Train every run that ends earlier up to this iteration, one after another at "
                + "the set speed, so all are compared after as many updates; Pause stops"));
        trainAll.setOnAction(e -> vm.trainAllTo(to.getText()));
        to.setOnAction(e -> vm.trainAllTo(to.getText()));
        Label error = new Label();
        error.setId("runsError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMinHeight(Label.USE_PREF_SIZE);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        HBox buttons = new HBox(8, show, trainAll, to);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, buttons, error, table);
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
        // the swatches are the loss chart's run colours, which follow the theme
        state.themeProperty().addListener((o, was, is) -> t.refresh());
        t.setId("runsTable");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_SUBSEQUENT_COLUMNS);
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
                // the settings on a second line, so the column stays narrow enough for the numbers beside it
                Label name = new Label((r.current() ? "▶ " : "") + "Run " + r.number(),
                        new Rectangle(14, 4, RunColours.of(r.number(), state.themeProperty().get())));
                name.setMinWidth(Label.USE_PREF_SIZE);
                Label settings = new Label(r.settings());
                settings.setManaged(!r.settings().isEmpty());
                setText(null);
                setGraphic(new VBox(name, settings));
                setTooltip(r.settings().isEmpty() ? null : new Tooltip(r.label()));
            }
        });
        run.setMinWidth(96);
        t.getColumns().add(run);
        t.getColumns().add(column("Iter.", "runsTableIterations", 70,
                r -> String.format(Locale.ROOT, "%,d", r.iterations())));
        t.getColumns().add(column("Loss", "runsTableLoss", 88, r -> r.diverged() ? "diverged"
                : Double.isNaN(r.loss()) ? "—" : NumberText.format(r.loss())));
        t.getColumns().add(column("Acc.", "runsTableAccuracy", 70, r -> Double.isNaN(r.accuracy()) ? "—"
                : NumberText.format(100 * r.accuracy()) + " %"));
        t.getColumns().add(column("Time", "runsTableTime", 70, r -> time(r.trainingNanos())));
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

    /** A column of numbers, at least {@code width} pixels: its header and its longest usual number. */
    private static TableColumn<RunInfo, String> column(String title, String id, double width,
                                                       Function<RunInfo, String> text) {
        TableColumn<RunInfo, String> c = new TableColumn<>(title);
        c.setMinWidth(width);
        c.setPrefWidth(width);
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

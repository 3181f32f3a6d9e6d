package org.backproplab.ui.gradcheck;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.backproplab.engine.GradientCheck;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.backproplab.ui.gradcheck.GradientCheckViewModel.Row;

/**
 * The gradient check panel ({@code #gradientCheck}): a table ({@code #gradientCheckTable}) with every weight
 * and bias, its backprop gradient, the central-difference gradient, the relative error, a status (pass, fail,
 * or at a kink: not comparable) and a note naming the neuron and sample of a kink; failures on top, then
 * kinks, then passes, largest error first; a summary line counting the three apart; what a kink is
 * ({@code #gradientCheckKinks}, when there is one); the selected row's note in full
 * ({@code #gradientCheckDetail}); Recheck. Selecting a row selects that edge in the graph. While a check runs,
 * a progress bar ({@code #gradCheckProgress}) follows it and Cancel ({@code #gradCheckCancel}, or Esc) stops it.
 */
public final class GradientCheckView extends BorderPane {
    private final GradientCheckViewModel vm;
    private final TableView<Row> table = new TableView<>();

    public GradientCheckView(SessionBridge bridge, UiState state) {
        this.vm = new GradientCheckViewModel(bridge);
        setId("gradientCheck");
        getStyleClass().add("gradient-check");
        getStylesheets().add(GradientCheckView.class.getResource("gradcheck.css").toExternalForm());

        Label intro = new Label("Backpropagation's gradient ∂L/∂θ of every weight and bias, compared with the "
                + "slope measured by nudging θ up and down: (L(θ + h) − L(θ − h)) / 2h, on the next batch. Where "
                + "the nudge moves a ReLU's z across 0 a smaller h is tried; if even the smallest crosses, the "
                + "parameter is \"at a kink\": not comparable, and not a failure.");
        intro.setWrapText(true);
        intro.getStyleClass().add("gradcheck-intro");
        Label summary = new Label();
        summary.setId("gradientCheckSummary");
        summary.getStyleClass().add("gradcheck-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);
        vm.passesProperty().addListener((o, a, b) -> summary.pseudoClassStateChanged(FAIL, !b));
        vm.kinksProperty().addListener((o, a, b) -> summary.pseudoClassStateChanged(KINK, b));
        Label kinks = hideWhenEmpty(new Label(), "gradientCheckKinks", "gradcheck-kinks");
        kinks.textProperty().bind(vm.kinkTextProperty());
        Label stale = hideWhenEmpty(new Label(), null, "gradcheck-stale");
        stale.textProperty().bind(vm.staleTextProperty());
        Button recheck = new Button("Recheck");
        recheck.setId("recheckButton");
        recheck.setDefaultButton(true);
        recheck.disableProperty().bind(vm.checkingProperty());
        recheck.setOnAction(e -> vm.recheck());
        recheck.setMinWidth(Button.USE_PREF_SIZE);
        ProgressBar progress = new ProgressBar();
        progress.setId("gradCheckProgress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setPrefWidth(160);
        progress.setMinWidth(ProgressBar.USE_PREF_SIZE);
        Button cancel = new Button("Cancel");
        cancel.setId("gradCheckCancel");
        cancel.setCancelButton(true);
        cancel.setMinWidth(Button.USE_PREF_SIZE);
        cancel.setOnAction(e -> vm.cancel());
        for (javafx.scene.Node n : new javafx.scene.Node[] {progress, cancel}) {
            n.visibleProperty().bind(vm.checkingProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        HBox bar = new HBox(12, summary, progress, cancel, recheck);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
        VBox top = new VBox(8, intro, bar, kinks, stale);
        top.getStyleClass().add("gradcheck-top");
        setTop(top);

        table.setId("gradientCheckTable");
        table.setItems(vm.rows());
        Label placeholder = new Label();
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(vm.checkingProperty())
                .then("Checking… Cancel or Esc stops the check.").otherwise("Press Recheck to check the gradients."));
        table.setPlaceholder(placeholder);
        table.getColumns().add(column("Parameter", 110, r -> r.name(), false));
        table.getColumns().add(column("Backprop ∂L/∂θ", 150, r -> GradientCheckViewModel.gradient(r.backprop()), true));
        table.getColumns().add(column("Central difference", 160, r -> GradientCheckViewModel.gradient(r.numeric()), true));
        table.getColumns().add(column("Relative error", 120, Row::errorText, true));
        table.getColumns().add(column("Status", 90, Row::statusText, false));
        table.getColumns().add(column("Note", 260, Row::note, false));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label detail = hideWhenEmpty(new Label(), "gradientCheckDetail", "gradcheck-detail");
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                state.selectedEdgeProperty().set(now.edge());
            }
            detail.setText(now == null ? "" : now.detail());
            detail.pseudoClassStateChanged(KINK, now != null && now.atKink());
        });
        setCenter(table);
        setBottom(detail);
    }

    private static final javafx.css.PseudoClass FAIL = javafx.css.PseudoClass.getPseudoClass("fail");
    private static final javafx.css.PseudoClass KINK = javafx.css.PseudoClass.getPseudoClass("kink");
    private static final javafx.css.PseudoClass WARNING = javafx.css.PseudoClass.getPseudoClass("warning");

    /** A wrapping label with {@code id} (or none) and {@code style} that takes no room while it is empty. */
    private static Label hideWhenEmpty(Label l, String id, String style) {
        if (id != null) {
            l.setId(id);
        }
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static TableColumn<Row, String> column(String title, double width, Function<Row, String> text, boolean number) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(text.apply(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                Row r = empty || getTableRow() == null ? null : getTableRow().getItem();
                pseudoClassStateChanged(FAIL, r != null && r.status() == GradientCheck.Status.FAIL);
                pseudoClassStateChanged(KINK, r != null && r.atKink());
                pseudoClassStateChanged(WARNING, item != null && (item.contains("NaN") || item.contains("∞")));
            }
        });
        c.getStyleClass().add(number ? "number-column" : "text-column");
        return c;
    }

    /** @return the view model (for tests and the window) */
    public GradientCheckViewModel viewModel() {
        return vm;
    }
}

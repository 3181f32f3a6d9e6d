package org.backproplab.ui.datasets;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.ActionEvent;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.backproplab.data.CsvImport;
import org.backproplab.ui.datasets.CsvImportViewModel.Role;

/**
 * The CSV import dialog (id {@code csvImportDialog}): one row per column of the file with radio buttons for
 * its role (input x, target y, label, leave out), "standardise the inputs", a preview of the first rows, what
 * the import will make, and in red why it cannot (row, column and value named). "Import" is enabled only for
 * a choice that makes a data set.
 */
final class CsvImportDialog extends Dialog<Boolean> {
    static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
    /** Rows shown in the preview. */
    static final int PREVIEW_ROWS = 8;

    CsvImportDialog(Window owner, CsvImportViewModel vm) {
        Dialogs.style(this, owner);
        CsvImport.Table t = vm.table();
        setTitle("Import CSV");
        setHeaderText(String.format(Locale.ROOT, "%s: %,d rows × %d columns. Choose what each column is.",
                t.fileName(), t.rows().size(), t.header().size()));
        getDialogPane().setId("csvImportDialog");
        setResizable(true);

        CheckBox standardise = new CheckBox("Standardise the inputs: x' = (x − mean) / sd for each input column");
        standardise.setId("csvStandardise");
        standardise.selectedProperty().bindBidirectional(vm.standardiseProperty());

        Label summary = new Label();
        summary.setId("csvSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        Label error = new Label();
        error.setId("csvError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.textProperty().addListener((o, was, now) -> Dialogs.fit(this));
        Label note = new Label("The network keeps its hidden layers; its input and output layers follow the "
                + "columns, and training starts over.");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        VBox content = new VBox(10, roles(vm), standardise, new Label("First rows of the file:"), preview(t),
                summary, error, note);
        content.setPrefWidth(720);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(IMPORT, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(IMPORT);
        ok.setId("csvImportButton");
        ok.disableProperty().bind(vm.validProperty().not());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.importNow()) {
                e.consume();
            }
        });
        setResultConverter(b -> b == IMPORT);
    }

    private static Node roles(CsvImportViewModel vm) {
        GridPane g = new GridPane();
        g.getStyleClass().add("dialog-grid");
        g.setId("csvRoles");
        Role[] all = Role.values();
        g.add(header("Column"), 0, 0);
        g.add(header("Values"), 1, 0);
        for (int k = 0; k < all.length; k++) {
            Label h = header(all[k].toString());
            GridPane.setHalignment(h, HPos.CENTER);
            g.add(h, 2 + k, 0);
        }
        CsvImport.Table t = vm.table();
        for (int c = 0; c < t.header().size(); c++) {
            Label name = new Label(t.header().get(c));
            name.getStyleClass().add("field-label");
            Label kind = new Label(t.isNumericColumn(c) ? "numbers" : "text");
            kind.getStyleClass().add("hint");
            g.add(name, 0, c + 1);
            g.add(kind, 1, c + 1);
            ToggleGroup group = new ToggleGroup();
            for (int k = 0; k < all.length; k++) {
                RadioButton b = new RadioButton();
                b.setId("csvRole-" + c + "-" + all[k].name().toLowerCase(Locale.ROOT));
                b.setToggleGroup(group);
                b.setUserData(all[k]);
                GridPane.setHalignment(b, HPos.CENTER);
                g.add(b, 2 + k, c + 1);
            }
            var role = vm.roleProperty(c);
            Runnable show = () -> group.getToggles().forEach(x -> x.setSelected(x.getUserData() == role.get()));
            role.addListener((o, was, now) -> show.run());
            show.run();
            group.selectedToggleProperty().addListener((o, was, now) -> {
                if (now != null) {
                    role.set((Role) now.getUserData());
                }
            });
        }
        ScrollPane scroll = new ScrollPane(g);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(260, 34.0 * (t.header().size() + 1)));
        return scroll;
    }

    private static Node preview(CsvImport.Table t) {
        TableView<List<String>> table = new TableView<>();
        table.setId("csvPreview");
        table.getStyleClass().add("csv-preview");
        for (int c = 0; c < t.header().size(); c++) {
            final int column = c;
            TableColumn<List<String>, String> col = new TableColumn<>(t.header().get(c));
            col.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(column)));
            col.setSortable(false);
            table.getColumns().add(col);
        }
        table.getItems().addAll(t.rows().subList(0, Math.min(PREVIEW_ROWS, t.rows().size())));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(32 + 27.0 * Math.min(PREVIEW_ROWS, t.rows().size()));
        table.setMinHeight(100);
        return table;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("column-header");
        return l;
    }
}

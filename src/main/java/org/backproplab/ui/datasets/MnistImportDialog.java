package org.backproplab.ui.datasets;

import java.io.File;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.backproplab.data.MnistImport;

/**
 * File → Import MNIST… (id {@code mnistImportDialog}): the images and labels idx files (typed or chosen), the
 * sample limit, 2× downsampling; in red why the files were refused (the file and the field named). The dialog
 * stays open after a refusal.
 */
final class MnistImportDialog extends Dialog<Boolean> {
    static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);

    MnistImportDialog(Window owner, MnistImportViewModel vm) {
        Dialogs.style(this, owner);
        setTitle("Import MNIST");
        setHeaderText("Read handwritten digits from the standard idx files (plain or .gz), e.g. "
                + "train-images-idx3-ubyte and train-labels-idx1-ubyte.");
        getDialogPane().setId("mnistImportDialog");
        setResizable(true);

        GridPane g = new GridPane();
        g.getStyleClass().add("dialog-grid");
        g.setHgap(8);
        g.setVgap(8);
        row(g, 0, "Images file", "mnistImages", vm.imagesProperty(), owner);
        row(g, 1, "Labels file", "mnistLabels", vm.labelsProperty(), owner);
        TextField limit = new TextField();
        limit.setId("mnistLimit");
        limit.setPrefColumnCount(8);
        limit.textProperty().bindBidirectional(vm.limitProperty());
        g.add(new Label("Sample limit"), 0, 2);
        g.add(limit, 1, 2);
        Label fits = new Label("at most " + String.format(java.util.Locale.ROOT, "%,d", MnistImport.maxSamples(28)) + " images of 28×28, "
                + String.format(java.util.Locale.ROOT, "%,d", MnistImport.maxSamples(14)) + " of 14×14");
        fits.getStyleClass().add("hint");
        g.add(fits, 2, 2);
        CheckBox down = new CheckBox("Downsample 2× (28×28 → 14×14: each 2×2 block averaged)");
        down.setId("mnistDownsample");
        down.selectedProperty().bindBidirectional(vm.downsampleProperty());

        Label error = new Label();
        error.setId("mnistError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.textProperty().addListener((o, was, now) -> Dialogs.fit(this));
        Label note = new Label("Pixels become inputs 0–1 (value / 255), the digits one-hot targets with a softmax output "
                + "and cross-entropy; the network keeps its hidden layers and training starts over.");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        VBox content = new VBox(10, g, down, error, note);
        content.setPrefWidth(680);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(IMPORT, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(IMPORT);
        ok.setId("mnistImportButton");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.importNow()) {
                e.consume();
            }
        });
        setResultConverter(b -> b == IMPORT);
    }

    private static void row(GridPane g, int r, String label, String id, javafx.beans.property.StringProperty path, Window owner) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(path);
        GridPane.setHgrow(field, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setId(id + "Choose");
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(label);
            File f = fc.showOpenDialog(owner);
            if (f != null) {
                path.set(f.getPath());
            }
        });
        g.add(new Label(label), 0, r);
        g.add(field, 1, r);
        g.add(choose, 2, r);
    }
}

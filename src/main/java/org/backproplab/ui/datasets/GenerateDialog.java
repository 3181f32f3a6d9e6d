package org.backproplab.ui.datasets;

import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.backproplab.ui.datasets.DatasetsViewModel.Generated;

/**
 * Asks for the sample count, the noise and the seed of a generated data set (id {@code generateDialog}).
 * "Generate" checks the three fields: a value that is not allowed is named in red and the dialog stays open;
 * otherwise the set is drawn and the session starts over on it.
 */
final class GenerateDialog extends Dialog<Boolean> {
    static final ButtonType GENERATE = new ButtonType("Generate", ButtonBar.ButtonData.OK_DONE);

    final TextField count = field("generateCount", 6);
    final TextField noise = field("generateNoise", 6);
    final TextField seed = field("generateSeed", 6);
    final Label error = new Label();

    GenerateDialog(Window owner, DatasetsViewModel vm, Generated g) {
        Dialogs.style(this, owner);
        setTitle("Generate data: " + g.text());
        getDialogPane().setId("generateDialog");
        setHeaderText(g.text() + (g == Generated.NOISY_SINE ? "\ny = 0.5 + 0.4·sin(πx) + noise, x in [−1, 1]"
                : "\n2 inputs x1, x2 in about [−1, 1]; target y = 0 or 1"));
        count.setText(Integer.toString(g.defaultCount()));
        noise.setText(DatasetsViewModel.format(g.defaultNoise()));
        seed.setText("1");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("dialog-grid");
        grid.addRow(0, Dialogs.label("Samples"), count,
                Dialogs.hint("2 to " + String.format(java.util.Locale.ROOT, "%,d", DatasetsViewModel.MAX_GENERATED)));
        grid.addRow(1, Dialogs.label("Noise"), noise, Dialogs.hint("standard deviation, 0 to 1"));
        grid.addRow(2, Dialogs.label("Seed"), seed, Dialogs.hint("same seed, same points"));
        error.setId("generateError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMaxWidth(460);
        error.textProperty().bind(vm.errorProperty());
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.textProperty().addListener((o, was, now) -> Dialogs.fit(this));
        Label note = Dialogs.hint("The network keeps its hidden layers; its input and output layers follow the data, "
                + "and training starts over.");
        note.setWrapText(true);
        note.setMaxWidth(460);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getDialogPane().setContent(new VBox(12, grid, note, error));
        getDialogPane().getButtonTypes().addAll(GENERATE, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(GENERATE);
        ok.setId("generateButton");
        vm.clearError();
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.generate(g, count.getText(), noise.getText(), seed.getText())) {
                e.consume();
            }
        });
        setResultConverter(b -> b == GENERATE);
    }

    private static TextField field(String id, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        return f;
    }
}

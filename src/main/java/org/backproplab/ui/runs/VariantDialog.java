package org.backproplab.ui.runs;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.session.HiddenActivation;
import org.backproplab.session.Setting;
import org.backproplab.ui.datasets.Dialogs;

/**
 * Starts a variant (id {@code variantDialog}): the iteration it starts from (the one on show; 0 for the same initial
 * weights), the activation of the hidden layers (id {@code variant-activation}; the same weights go on under it,
 * greyed out for a network without hidden layers) and one field per {@link Setting}, each holding the value training
 * has now (a choice box for a setting
 * chosen among names: the optimiser, the penalty); the fields changed are what the variant changes. Choosing another
 * optimiser or penalty fills its number ({@code μ}, {@code λ}) with the value it starts with, and greys out a number
 * that means nothing with it. "Start variant" reads them all: a value that is not allowed is named in red and the
 * dialog stays open, with nothing changed.
 */
final class VariantDialog extends Dialog<Boolean> {
    static final ButtonType START = new ButtonType("Start variant", ButtonBar.ButtonData.OK_DONE);
    private static final double WIDTH = 460;

    final TextField from = new TextField();
    final Map<Setting, TextField> fields = new EnumMap<>(Setting.class);
    final Map<Setting, ChoiceBox<String>> choices = new EnumMap<>(Setting.class);
    final ChoiceBox<String> activation = new ChoiceBox<>();
    final Label error = new Label();
    /** The text each field was last filled with (not typed by a person), so a choice refills only those. */
    private final Map<Setting, String> filled = new EnumMap<>(Setting.class);
    private final RunsViewModel vm;

    VariantDialog(Window owner, RunsViewModel vm) {
        Dialogs.style(this, owner);
        setTitle("Compare: start a variant");
        getDialogPane().setId("variantDialog");
        setHeaderText("A new run from the same weights, trained on with other settings\n"
                + "on the same data order (unless the seed differs).");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("dialog-grid");
        from.setId("variantFrom");
        from.setPrefColumnCount(8);
        from.setText(Long.toString(vm.shownIteration()));
        grid.addRow(0, Dialogs.label(RunsViewModel.FROM + " iteration"), from, Dialogs.hint(vm.fromRange() + "; 0: same initial weights"));
        activation.setId("variant-activation");
        activation.getItems().setAll(HiddenActivation.choices());
        activation.setValue(vm.initialActivation());
        activation.setDisable(!vm.hasHiddenLayers());
        grid.addRow(1, Dialogs.label("Hidden activation"), activation, Dialogs.hint(vm.hasHiddenLayers()
                ? "f of every hidden layer, same weights" : "the network has no hidden layer"));
        int row = 2;
        this.vm = vm;
        for (Setting s : Setting.values()) {
            String id = "variant-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-');
            Node field;
            if (s.choices().isEmpty()) {
                TextField f = new TextField(vm.initialText(s));
                f.setPrefColumnCount(8);
                fields.put(s, f);
                filled.put(s, f.getText());
                field = f;
            } else {
                ChoiceBox<String> c = new ChoiceBox<>();
                c.getItems().setAll(s.choices());
                c.setValue(vm.initialText(s));
                c.setOnAction(e -> refill());
                choices.put(s, c);
                field = c;
            }
            field.setId(id);
            grid.addRow(row++, Dialogs.label(capitalised(s.place())), field, Dialogs.hint(s.allowed()));
        }
        refill();
        error.setId("variantError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMaxWidth(WIDTH);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.textProperty().addListener((o, was, now) -> Dialogs.fit(this));
        getDialogPane().setContent(new VBox(12, grid, error));
        getDialogPane().getButtonTypes().addAll(START, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(START);
        ok.setId("startVariantButton");
        vm.clearError();
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.startVariant(from.getText(), typed(), activation.getValue())) {
                e.consume();
            }
        });
        setResultConverter(b -> b == START);
    }

    /** @return the text of every setting's field and the id chosen in every choice */
    Map<Setting, String> typed() {
        Map<Setting, String> m = new EnumMap<>(Setting.class);
        fields.forEach((s, f) -> m.put(s, f.getText()));
        choices.forEach((s, c) -> m.put(s, c.getValue()));
        return m;
    }

    /**
     * After a choice: each number field not typed into shows its value under the chosen optimiser and penalty, and
     * one that means nothing there is greyed out and holds the value training has now (so it changes nothing).
     */
    private void refill() {
        TrainingConfig chosen = vm.chosen(typedChoices());
        fields.forEach((s, f) -> {
            boolean applies = s.appliesTo(chosen);
            String text = applies ? s.initialText(chosen) : vm.initialText(s);
            if (f.getText().equals(filled.get(s)) || !applies) {
                f.setText(text);
                filled.put(s, text);
            }
            f.setDisable(!applies);
        });
    }

    private Map<Setting, String> typedChoices() {
        Map<Setting, String> m = new EnumMap<>(Setting.class);
        choices.forEach((s, c) -> m.put(s, c.getValue()));
        return m;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

package org.backproplab.ui.shell;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The Help menu's dialogs: the keyboard shortcuts and About. */
final class HelpDialogs {
    private HelpDialogs() {
    }

    /** @return a dialog listing {@link Shortcuts#ALL} */
    static Alert shortcuts(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(8);
        grid.setPadding(new Insets(12, 20, 12, 20));
        int row = 0;
        for (Shortcuts.Entry e : Shortcuts.ALL) {
            Label keys = new Label(e.keys());
            keys.getStyleClass().add("shortcut-keys");
            grid.addRow(row++, keys, new Label(e.action()));
        }
        Label note = new Label("The keys work wherever the focus is, except while typing in a field.");
        note.getStyleClass().add("hint");
        grid.add(note, 0, row, 2, 1);
        Alert a = dialog(owner, "Keyboard shortcuts");
        a.getDialogPane().setContent(grid);
        return a;
    }

    /** @return the About dialog */
    static Alert about(Window owner) {
        Alert a = dialog(owner, "About Backprop Lab");
        Label text = new Label("""
                Backprop Lab shows a small neural network learning, one iteration or one phase at a time:
                the forward pass (z = a·W + b, a = f(z)), the loss L(ŷ, y), the backward pass
                (δ and ∂L/∂W) and the update W ← W − η·∂L/∂W.

                Colours: blue for negative weights, orange for positive, grey near 0;
                negative weights are also dashed. Wider edges are larger |w|.

                Data sets shipped with the app (as distributed with scikit-learn, BSD-3-Clause; see docs/data.md):
                Iris — R. A. Fisher (1936), UCI Machine Learning Repository, CC BY 4.0;
                Optical Recognition of Handwritten Digits — E. Alpaydin, C. Kaynak (1998), UCI, CC BY 4.0;
                Diabetes — B. Efron, T. Hastie, I. Johnstone, R. Tibshirani, "Least Angle Regression" (2004).""");
        text.setWrapText(true);
        a.getDialogPane().setContent(text);
        return a;
    }

    /** A command broke on the training thread: what happened, and that the session is still usable. */
    static Alert failure(Window owner, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        a.setTitle("Something went wrong");
        a.setHeaderText("A command failed on the training thread");
        if (owner != null) {
            a.initOwner(owner);
        }
        a.getDialogPane().setId("failureDialog");
        return a;
    }

    private static Alert dialog(Window owner, String title) {
        Alert a = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        if (owner != null && owner.getScene() != null) {
            a.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        return a;
    }
}

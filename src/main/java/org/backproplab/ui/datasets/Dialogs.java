package org.backproplab.ui.datasets;

import javafx.scene.control.Alert;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.backproplab.ui.Styles;
import org.backproplab.ui.Theme;

/** Small helpers shared by the window's dialogs: the window's stylesheets, fitting, and an error alert. */
public final class Dialogs {
    private Dialogs() {
    }

    /** Gives {@code d} the window's owner and look (the owner's theme, else the light one). */
    public static void style(Dialog<?> d, Window owner) {
        if (owner != null) {
            d.initOwner(owner);
        }
        DialogPane p = d.getDialogPane();
        p.getStylesheets().addAll(owner != null && owner.getScene() != null
                ? owner.getScene().getStylesheets() : Theme.LIGHT.stylesheetUrls());
        Styles.addPanelsStylesheet(p);
    }

    /** Resizes a shown dialog to its content (after a message appeared or went away). */
    public static void fit(Dialog<?> d) {
        if (d.getDialogPane().getScene() != null && d.getDialogPane().getScene().getWindow() != null) {
            d.getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    /** @return the name of a field in a dialog's grid */
    public static javafx.scene.control.Label label(String text) {
        javafx.scene.control.Label l = new javafx.scene.control.Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    /** @return a quiet note beside or under a field: what it accepts or does */
    public static javafx.scene.control.Label hint(String text) {
        javafx.scene.control.Label l = new javafx.scene.control.Label(text);
        l.getStyleClass().add("hint");
        return l;
    }

    /** @return a non-blocking error alert (id {@code dataErrorDialog}) saying why {@code what} failed */
    static Alert error(Window owner, String what, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        style(a, owner);
        a.setTitle("Backprop Lab");
        a.setHeaderText(what);
        a.setContentText(message);
        a.getDialogPane().setId("dataErrorDialog");
        a.getDialogPane().setPrefWidth(560);
        a.setResizable(true);
        return a;
    }
}

package org.backproplab.ui.datasets;

import javafx.scene.control.Alert;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.backproplab.ui.architecture.ArchitectureView;

/** Small helpers shared by the data dialogs: the window's stylesheets and an error alert. */
final class Dialogs {
    private static final String APP_CSS = "/org/backproplab/ui/app.css";

    private Dialogs() {
    }

    /** Gives {@code d} the window's owner and look. */
    static void style(Dialog<?> d, Window owner) {
        if (owner != null) {
            d.initOwner(owner);
        }
        DialogPane p = d.getDialogPane();
        var app = Dialogs.class.getResource(APP_CSS);
        if (app != null) {
            p.getStylesheets().add(app.toExternalForm());
        }
        p.getStylesheets().add(Dialogs.class.getResource(ArchitectureView.STYLESHEET).toExternalForm());
    }

    /** Resizes a shown dialog to its content (after a message appeared or went away). */
    static void fit(Dialog<?> d) {
        if (d.getDialogPane().getScene() != null && d.getDialogPane().getScene().getWindow() != null) {
            d.getDialogPane().getScene().getWindow().sizeToScene();
        }
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

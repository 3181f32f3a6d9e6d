package org.backproplab.ui.shell;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.backproplab.about.AppInfo;

/**
 * Help → About: what Backprop Lab shows, its version (the pom's, as {@code --version} prints it), its licence,
 * the Java runtime it runs on, the libraries it uses with their licences, and where the built-in data come from.
 */
final class AboutDialog {
    private AboutDialog() {
    }

    /** @return the About dialog ({@code #aboutDialog}; the version in {@code #aboutVersion}) */
    static Alert create(Window owner) {
        Label title = new Label(AppInfo.nameAndVersion());
        title.setId("aboutVersion");
        title.getStyleClass().add("help-title");
        Label what = wrapped("""
                Backprop Lab shows a small neural network learning, one iteration or one phase at a time: the forward \
                pass (z = a·W + b, a = f(z)), the loss L(ŷ, y), the backward pass (δ and ∂L/∂W) and the update \
                W ← W − η·∂L/∂W. Edge colours: blue for negative weights, orange for positive, grey near 0; negative \
                weights are also dashed, and wider edges are larger |w|.""");
        Label licence = new Label("Licence: " + AppInfo.licence());
        licence.setId("aboutLicence");
        licence.setWrapText(true);
        Label runtime = new Label("Runs on " + AppInfo.runtime() + ".");
        VBox box = new VBox(10, title, what, licence, runtime, heading("Libraries"), libraries(),
                heading("Data sets"));
        for (String credit : AppInfo.dataCredits()) {
            box.getChildren().add(wrapped(credit));
        }
        box.setPadding(new Insets(4, 8, 4, 8));
        box.setPrefWidth(700);
        Alert a = HelpDialogs.dialog(owner, "About " + AppInfo.NAME);
        a.getDialogPane().setId("aboutDialog");
        a.getDialogPane().setContent(box);
        return a;
    }

    /** @return one row per library: name and version, licence, what it is for ({@code #aboutLibraries}) */
    private static GridPane libraries() {
        GridPane grid = new GridPane();
        grid.setId("aboutLibraries");
        grid.setHgap(16);
        grid.setVgap(3);
        int row = 0;
        for (AppInfo.Library l : AppInfo.libraries()) {
            grid.addRow(row++, whole(l.version().isEmpty() ? l.name() : l.name() + " " + l.version()),
                    whole(l.licence()), whole(l.use()));
        }
        return grid;
    }

    /** @return a label that is never shortened with an ellipsis: the dialog grows to fit it */
    private static Label whole(String text) {
        Label l = new Label(text);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("help-heading");
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }
}

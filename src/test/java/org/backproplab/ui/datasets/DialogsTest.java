package org.backproplab.ui.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backproplab.ui.Styles;
import org.backproplab.ui.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The data dialogs (generate, import CSV, errors) look like the window that opened them. */
@ExtendWith(ApplicationExtension.class)
class DialogsTest {
    private Stage window;

    @Start
    void start(Stage stage) {
        window = stage;
        Scene scene = new Scene(new StackPane(), 300, 200);
        scene.getStylesheets().setAll(Theme.DARK.stylesheetUrls());
        stage.setScene(scene);
        stage.show();
    }

    private static List<String> stylesheetsOfADialogOf(Window owner) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Dialog<Void> d = new Dialog<>();
            Dialogs.style(d, owner);
            return List.copyOf(d.getDialogPane().getStylesheets());
        }).get(30, TimeUnit.SECONDS);
    }

    private static List<String> plusPanels(List<String> theme) {
        List<String> all = new ArrayList<>(theme);
        all.add(Styles.url(Styles.PANELS));
        return all;
    }

    @Test
    void aDialogTakesTheThemeOfItsWindow() throws Exception {
        assertEquals(plusPanels(Theme.DARK.stylesheetUrls()), stylesheetsOfADialogOf(window));
    }

    @Test
    void aDialogWithoutAWindowIsLight() throws Exception {
        assertEquals(plusPanels(Theme.LIGHT.stylesheetUrls()), stylesheetsOfADialogOf(null));
    }
}

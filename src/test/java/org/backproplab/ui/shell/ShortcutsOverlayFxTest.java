package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The shortcuts list (?) covers the whole window, its list shrunk to fit at 250 %, however the window's size and the
 * zoom changed before or while it shows.
 */
@ExtendWith(ApplicationExtension.class)
class ShortcutsOverlayFxTest extends FxRobot {
    private TrainingSession session;
    private UiState state;
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        session = new TrainingSession(Presets.get("xor"));
        state = new UiState();
        window = new MainWindow(new SessionBridge(session), state, Presets.all());
        Scene scene = new Scene(window, 1280, 800);
        window.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        interact(() -> state.zoomProperty().set(1));
        session.close();
    }

    private void resize(double w, double h) {
        interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The overlay covers the window and its list, as drawn (scaled), lies inside the window. */
    private void assertCovers(String when) {
        Node overlay = lookup("#shortcutsOverlay").query();
        Node card = lookup(".shortcuts-card").query();
        Bounds o = overlay.getBoundsInParent();
        assertEquals(window.getWidth(), o.getWidth(), 0.5, when + ": the overlay's width");
        assertEquals(window.getHeight(), o.getHeight(), 0.5, when + ": the overlay's height");
        Bounds c = overlay.localToParent(card.getBoundsInParent());
        assertTrue(c.getMinX() >= -0.5 && c.getMinY() >= -0.5 && c.getMaxX() <= window.getWidth() + 0.5
                && c.getMaxY() <= window.getHeight() + 0.5, when + ": the list " + c + " inside the window "
                + window.getWidth() + "×" + window.getHeight());
    }

    @Test
    void resizedAndZoomedWhileHiddenThenOpened() throws Exception {
        window.whenComplete().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> state.zoomProperty().set(2.5));
        resize(1024, 768);
        write("?");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#shortcutsOverlay").query().isVisible());
        assertCovers("opened at 250 % on 1024×768");
        resize(1280, 800);
        assertCovers("the window made larger while it shows");
        resize(900, 650);
        assertCovers("the window made smaller while it shows");
    }

    @Test
    void zoomedWhileItShows() throws Exception {
        window.whenComplete().get(30, TimeUnit.SECONDS);
        resize(1024, 768);
        write("?");
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> state.zoomProperty().set(2.5));
        WaitForAsyncUtils.waitForFxEvents();
        assertCovers("zoomed to 250 % while it shows");
    }
}

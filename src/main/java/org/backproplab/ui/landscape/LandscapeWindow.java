package org.backproplab.ui.landscape;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backproplab.ui.AppIcon;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;

/**
 * The loss landscape in a window of its own ({@code #landscapeWindowView}), large enough for a room: opened from
 * the Landscape tab with the plane shown there, computing while it is open; closing it cancels its work.
 */
final class LandscapeWindow {
    private LandscapeWindow() {
    }

    /** Opens a window on the landscape of {@code bridge}'s session, starting from {@code settings}. */
    static Stage open(SessionBridge bridge, UiState state, LandscapeSettings settings, Window owner) {
        LandscapeView view = new LandscapeView(bridge, state, false);
        view.setId("landscapeWindowView");
        view.viewModel().use(settings);
        Stage stage = new Stage();
        AppIcon.setOn(stage);
        stage.setTitle("Loss landscape — Backprop Lab");
        if (owner != null) {
            stage.initOwner(owner);
            if (owner.getScene() != null) {
                view.getStylesheets().addAll(0, owner.getScene().getStylesheets());
            }
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(view, Math.min(1000, screen.getWidth() * 0.9), Math.min(900, screen.getHeight() * 0.9)));
        stage.setOnShown(e -> view.viewModel().setActive(true));
        stage.setOnHidden(e -> view.dispose());
        stage.show();
        return stage;
    }
}

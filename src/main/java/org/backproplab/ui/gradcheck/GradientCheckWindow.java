package org.backproplab.ui.gradcheck;

import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backproplab.ui.AppIcon;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;

/**
 * The gradient check as a window of its own beside the main window, opened from Network → Gradient check…
 * (Ctrl+G); it checks on opening and again on Recheck. Closing it cancels a check under way.
 */
public final class GradientCheckWindow {
    private final SessionBridge bridge;
    private final UiState state;
    private final Supplier<Window> owner;
    private Stage stage;
    private GradientCheckView view;

    private GradientCheckWindow(SessionBridge bridge, UiState state, Supplier<Window> owner) {
        this.bridge = bridge;
        this.state = state;
        this.owner = owner;
    }

    /** Adds "Gradient check…" (Shortcut+G) at the end of the Network menu of {@code bar}. */
    public static void install(MenuBar bar, SessionBridge bridge, UiState state, Supplier<Window> owner) {
        GradientCheckWindow w = new GradientCheckWindow(bridge, state, owner);
        MenuItem item = new MenuItem("Gradient check…");
        item.setId("gradientCheckItem");
        item.setAccelerator(KeyCombination.keyCombination("Shortcut+G"));
        item.setOnAction(e -> w.show());
        Menu network = bar.getMenus().stream().filter(m -> "Network".equals(m.getText())).findFirst()
                .orElseGet(() -> {
                    Menu m = new Menu("Network");
                    bar.getMenus().add(m);
                    return m;
                });
        network.getItems().addAll(new SeparatorMenuItem(), item);
    }

    /** Opens (or brings forward) the window and checks the weights now. */
    void show() {
        if (stage == null) {
            view = new GradientCheckView(bridge, state);
            stage = new Stage();
            AppIcon.setOn(stage);
            stage.setTitle("Gradient check — Backprop Lab");
            Window o = owner.get();
            if (o != null) {
                stage.initOwner(o);
                if (o.getScene() != null) {
                    view.getStylesheets().addAll(0, o.getScene().getStylesheets());
                }
            }
            stage.setScene(new Scene(view, 960, 600));
            stage.setOnHidden(e -> view.viewModel().cancel());
        }
        stage.show();
        stage.toFront();
        view.viewModel().recheck();
    }
}

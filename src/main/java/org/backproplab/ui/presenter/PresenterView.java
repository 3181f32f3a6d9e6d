package org.backproplab.ui.presenter;

import java.util.List;
import java.util.Locale;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backproplab.ui.ColorScale;
import org.backproplab.ui.Styles;
import org.backproplab.ui.Theme;
import org.backproplab.ui.help.LookingAtWindow;

/**
 * Presenter mode on a window: the theme's stylesheets on the scene, the root font size that zooms every
 * control (canvases follow {@code UiState.zoom}), the keys F11 and Ctrl + plus / minus / 0 (wherever the focus
 * is), and the View and Help menu items.
 */
public final class PresenterView {
    private final Presenter presenter;
    private Scene scene;
    /** The stage whose full-screen state is followed, or null. */
    private Stage followed;
    private final javafx.beans.value.ChangeListener<Boolean> stageFullScreen =
            (o, a, f) -> presenter().fullScreenProperty().set(f);

    public PresenterView(Presenter presenter) {
        this.presenter = presenter;
    }

    /** Applies theme and zoom to {@code scene} now and whenever they change, and installs the keys. */
    public void install(Scene scene) {
        this.scene = scene;
        presenter.state().themeProperty().addListener((o, a, t) -> applyTheme());
        presenter.state().zoomProperty().addListener((o, a, z) -> applyZoom());
        applyTheme();
        applyZoom();
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (handle(e)) {
                e.consume();
            }
        });
        presenter.fullScreenProperty().addListener((o, a, f) -> {
            if (followed != null) {
                followed.setFullScreen(f);
            }
        });
        scene.windowProperty().addListener((o, a, w) -> followStage(w));
        followStage(scene.getWindow());
    }

    /**
     * Follows the full-screen state of the stage the scene is in, and of that stage only: the listener leaves a stage
     * the scene leaves (a stage that outlives its scene, as a test's, would otherwise keep every window it held).
     */
    private Presenter presenter() {
        return presenter;
    }

    private void followStage(Window w) {
        if (followed != null) {
            followed.fullScreenProperty().removeListener(stageFullScreen);
            followed = null;
        }
        if (w instanceof Stage stage) {
            stage.setFullScreenExitHint("Press F11 or Esc to leave full screen");
            stage.fullScreenProperty().addListener(stageFullScreen);
            followed = stage;
        }
    }

    /** @return true if the key was a presenter key and was acted on */
    boolean handle(KeyEvent e) {
        if (e.getCode() == KeyCode.F11 && !e.isShortcutDown() && !e.isAltDown()) {
            presenter.toggleFullScreen();
            return true;
        }
        if (!e.isShortcutDown() || e.isAltDown()) {
            return false;
        }
        switch (e.getCode()) {
            case PLUS, EQUALS, ADD -> presenter.zoomIn();
            case MINUS, SUBTRACT -> presenter.zoomOut();
            case DIGIT0, NUMPAD0 -> presenter.resetZoom();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void applyTheme() {
        scene.getStylesheets().setAll(presenter.state().themeProperty().get().stylesheetUrls());
    }

    private void applyZoom() {
        Parent root = scene.getRoot();
        root.setStyle(Styles.fontStyle(presenter.rootFontPx()));
    }

    /**
     * Adds the presenter items to the menu bar's View menu (theme, colour scale, zoom, full screen) and
     * "What am I looking at?" to its Help menu (before About).
     */
    public void addMenuItems(MenuBar bar) {
        for (Menu m : bar.getMenus()) {
            if (m.getText().equals("View")) {
                m.getItems().addAll(new SeparatorMenuItem(), themeMenu(), scaleMenu(), new SeparatorMenuItem());
                m.getItems().addAll(zoomItems());
            } else if (m.getText().equals("Help")) {
                MenuItem what = new MenuItem("What am I looking at?");
                what.setId("whatAmILookingAtItem");
                what.setAccelerator(new KeyCodeCombination(KeyCode.F1));
                what.setOnAction(e -> LookingAtWindow.show(scene == null ? null : scene.getWindow(), presenter.state()));
                m.getItems().add(Math.max(0, m.getItems().size() - 1), what);
            }
        }
    }

    private Menu themeMenu() {
        Menu menu = new Menu("Theme");
        ToggleGroup g = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t.toString());
            item.setId("theme" + t.name());
            item.setToggleGroup(g);
            item.setUserData(t);
            item.setOnAction(e -> presenter.setTheme(t));
            menu.getItems().add(item);
        }
        follow(g, presenter.state().themeProperty().get());
        presenter.state().themeProperty().addListener((o, a, t) -> follow(g, t));
        return menu;
    }

    private Menu scaleMenu() {
        Menu menu = new Menu("Colour scale");
        ToggleGroup g = new ToggleGroup();
        for (ColorScale c : ColorScale.values()) {
            RadioMenuItem item = new RadioMenuItem(c + (c == ColorScale.PURPLE_GREEN ? " (for blue–orange colour blindness)" : ""));
            item.setId("scale" + c.name());
            item.setToggleGroup(g);
            item.setUserData(c);
            item.setOnAction(e -> presenter.setColorScale(c));
            menu.getItems().add(item);
        }
        follow(g, presenter.state().colorScaleProperty().get());
        presenter.state().colorScaleProperty().addListener((o, a, c) -> follow(g, c));
        return menu;
    }

    private static void follow(ToggleGroup g, Object value) {
        g.getToggles().forEach(t -> t.setSelected(t.getUserData() == value));
    }

    private List<MenuItem> zoomItems() {
        MenuItem in = new MenuItem("Zoom in");
        in.setAccelerator(KeyCombination.keyCombination("Shortcut+Plus"));
        in.setOnAction(e -> presenter.zoomIn());
        MenuItem out = new MenuItem("Zoom out");
        out.setAccelerator(KeyCombination.keyCombination("Shortcut+Minus"));
        out.setOnAction(e -> presenter.zoomOut());
        MenuItem reset = new MenuItem();
        reset.setAccelerator(KeyCombination.keyCombination("Shortcut+0"));
        reset.setOnAction(e -> presenter.resetZoom());
        Runnable label = () -> reset.setText(String.format(Locale.ROOT, "Actual size (now %d %%)",
                Math.round(presenter.zoom() * 100)));
        label.run();
        presenter.state().zoomProperty().addListener((o, a, z) -> label.run());
        CheckMenuItem full = new CheckMenuItem("Full screen");
        full.setId("fullScreenItem");
        full.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        full.selectedProperty().bindBidirectional(presenter.fullScreenProperty());
        return List.of(in, out, reset, full);
    }
}

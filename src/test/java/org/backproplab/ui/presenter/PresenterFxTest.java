package org.backproplab.ui.presenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backproplab.data.Presets;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState;
import org.backproplab.ui.UiState.NeuronRef;
import org.backproplab.ui.boundary.DecisionBoundaryView;
import org.backproplab.ui.graph.NetworkView;
import org.backproplab.ui.shell.MainWindow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window on the 2-4-1 XOR: zoom keys, theme switch, Help window, neuron click → its heatmap. */
@ExtendWith(ApplicationExtension.class)
class PresenterFxTest extends FxRobot {
    private TrainingSession session;
    private SessionBridge bridge;
    private UiState state;
    private Scene scene;

    @BeforeAll
    static void clearPrefs() throws Exception {
        Preferences.userRoot().node(PresenterPrefs.NODE).clear();
    }

    @AfterAll
    static void clearPrefsAgain() throws Exception {
        Preferences.userRoot().node(PresenterPrefs.NODE).clear();
    }

    @Start
    void start(Stage stage) {
        session = new TrainingSession(Presets.get("xor-bias"));
        bridge = new SessionBridge(session);
        state = new UiState();
        MainWindow w = new MainWindow(bridge, state, Presets.all());
        scene = new Scene(w, 1280, 800);
        w.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        interact(() -> {
            state.zoomProperty().set(1);
            state.themeProperty().set(Theme.LIGHT);
        });
        session.close();
    }

    /** Fires a menu item as a click on it would (menus are driven directly: headless pop-ups are unreliable). */
    private void fire(String id) {
        MenuBar bar = lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream().flatMap(m -> items(m).stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no menu item " + id));
        interact(item::fire);
    }

    private static List<MenuItem> items(Menu m) {
        List<MenuItem> all = new ArrayList<>();
        for (MenuItem i : m.getItems()) {
            all.add(i);
            if (i instanceof Menu sub) {
                all.addAll(items(sub));
            }
        }
        return all;
    }

    private String rootStyle() {
        return scene.getRoot().getStyle();
    }

    @Test
    void ctrlPlusMinusAndZeroZoomTheRootFontWithinLimits() {
        assertEquals("-fx-font-size: 14.0px;", rootStyle());
        press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        assertEquals("-fx-font-size: 15.4px;", rootStyle());
        for (int i = 0; i < 12; i++) {
            press(KeyCode.CONTROL, KeyCode.ADD).release(KeyCode.ADD, KeyCode.CONTROL);
        }
        assertEquals(2.5, state.zoomProperty().get());
        assertEquals("-fx-font-size: 35.0px;", rootStyle());
        double graphFont = lookup("#networkView").queryAs(NetworkView.class).viewModel().scene().font();
        assertTrue(graphFont >= 13 * 2.5, "the graph's font follows the zoom: " + graphFont);
        for (int i = 0; i < 12; i++) {
            press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        }
        assertEquals(0.75, state.zoomProperty().get());
        assertEquals("-fx-font-size: 10.5px;", rootStyle());
        press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        assertEquals("-fx-font-size: 14.0px;", rootStyle());
        assertEquals(1.0, Preferences.userRoot().node(PresenterPrefs.NODE).getDouble(PresenterPrefs.ZOOM, -1));
    }

    @Test
    void theThemeMenuSwapsTheStylesheet() {
        assertEquals(1, scene.getStylesheets().size());
        fire("themeDARK");
        assertEquals(Theme.DARK, state.themeProperty().get());
        assertEquals(2, scene.getStylesheets().size());
        assertTrue(scene.getStylesheets().get(1).endsWith("app-dark.css"));
        interact(() -> state.themeProperty().set(Theme.LIGHT));
        assertEquals(1, scene.getStylesheets().size());
        assertTrue(scene.getStylesheets().get(0).endsWith("app.css"));
    }

    @Test
    void helpExplainsWhatIsOnScreen() {
        fire("whatAmILookingAtItem");
        WaitForAsyncUtils.waitForFxEvents();
        Window help = listTargetWindows().stream().filter(w -> w instanceof Stage s
                && s.getTitle() != null && s.getTitle().startsWith("What am I looking at?")).findFirst().orElseThrow();
        String all = from(help.getScene().getRoot()).lookup((Text t) -> true).queryAllAs(Text.class).stream()
                .map(Text::getText).reduce("", String::concat);
        for (String must : new String[] {"σ(z) = 1 / (1 + e", "−z", "sse", "mse", "bce", "δ = ∂L/∂ŷ · σ'(z)",
            "∂L/∂W = aᵀ δ", "W ← W − η · ∂L/∂W", "Dashed edge", "ŷ = 0.5"}) {
            assertTrue(all.contains(must), "the help text explains " + must);
        }
        interact(() -> ((Stage) help).close());
    }

    @Test
    void clickingAHiddenNeuronShowsItsHeatmap() throws Exception {
        session.sync().get(5, TimeUnit.SECONDS);
        interact(bridge::refresh);
        NetworkView graph = lookup("#networkView").queryAs(NetworkView.class);
        var n = graph.viewModel().scene().neurons().stream().filter(x -> x.layer() == 1 && x.index() == 2)
                .findFirst().orElseThrow();
        clickOn(graph.localToScreen(n.x(), n.y()));
        assertEquals(new NeuronRef(1, 2), state.selectedNeuronProperty().get());
        clickOn("Boundary");
        TabPane tabs = lookup("#sideTabs").queryAs(TabPane.class);
        assertEquals("boundaryTab", tabs.getSelectionModel().getSelectedItem().getId());
        DecisionBoundaryView view = lookup("#decisionBoundary").queryAs(DecisionBoundaryView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.viewModel().resultProperty().get() != null
                && view.viewModel().resultProperty().get().heatmap().neuron().equals(new NeuronRef(1, 2)));
        assertNotNull(view.viewModel().resultProperty().get());
        assertEquals(new NeuronRef(1, 2), view.viewModel().resultProperty().get().heatmap().neuron());
        assertFalse(lookup("#boundaryMessage").query().isVisible());
    }
}

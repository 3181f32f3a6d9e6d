package org.backproplab.ui.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.engine.Phase;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.backproplab.ui.inspector.InspectorView;
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

/**
 * The real main window in lecture mode at 1024×768, 1280×800 and 1920×1080: F5 turns it on and off, the graph and
 * the derivation fill the window, each drawer slides over the graph and away again without resizing it, the
 * choices are remembered, and the tutorials' derivations are whole and at least 22 px at 1024×768.
 */
@ExtendWith(ApplicationExtension.class)
class LectureFxTest extends FxRobot {
    private static final String NODE = "org/backproplab/lecture-fx-test";
    private static final double[][] SIZES = {{1024, 768}, {1280, 800}, {1920, 1080}};
    private static String previousNode;

    private TrainingSession session;
    private SessionBridge bridge;
    private UiState state;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void ownPrefs() throws Exception {
        previousNode = System.getProperty("backproplab.prefs");
        System.setProperty("backproplab.prefs", NODE);
        Preferences.userRoot().node(NODE).removeNode();
    }

    @AfterAll
    static void restorePrefs() throws Exception {
        Preferences.userRoot().node(NODE).removeNode();
        if (previousNode == null) {
            System.clearProperty("backproplab.prefs");
        } else {
            System.setProperty("backproplab.prefs", previousNode);
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        session = new TrainingSession(Presets.get("xor"));
        bridge = new SessionBridge(session);
        state = new UiState();
        window = new MainWindow(bridge, state, Presets.all());
        Scene scene = new Scene(window, 1024, 768);
        window.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        interact(() -> {
            window.lecture().closeDrawers();
            state.lectureProperty().set(false);
        });
        session.close();
    }

    private Snapshot settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        session.sync().get(20, TimeUnit.SECONDS);
        interact(bridge::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        return bridge.snapshot();
    }

    private void size(double w, double h) {
        interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** @return true if {@code n} is in the scene and it and every parent are visible */
    private static boolean showing(Node n) {
        return org.backproplab.ui.OnScreen.showing(n);
    }

    private Bounds onScene(String id) {
        Node n = lookup(id).query();
        return n.localToScene(n.getLayoutBounds());
    }

    private String sideTab() {
        return lookup("#sideTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().getSelectedItem().getId();
    }

    private void key(KeyCode k) {
        press(k).release(k);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void f5FillsTheWindowWithTheGraphAndTheDerivationAndTheDrawersSlideOverIt() throws Exception {
        for (double[] size : SIZES) {
            size(size[0], size[1]);
            String at = (int) size[0] + "×" + (int) size[1];
            assertTrue(showing(lookup("#lossChart").query()), at + ": the chart shows normally");
            key(KeyCode.F5);
            assertTrue(state.lectureProperty().get(), at + ": F5 turns lecture mode on");
            Bounds graph = onScene("#networkView");
            Bounds derivation = onScene("#derivation");
            double w = stage.getScene().getWidth();
            double h = stage.getScene().getHeight();
            assertTrue(graph.getWidth() + derivation.getWidth() >= 0.97 * w, at + ": graph " + graph + ", derivation " + derivation);
            assertTrue(graph.getHeight() >= 0.7 * h && derivation.getHeight() >= 0.7 * h, at + ": graph " + graph);
            assertTrue(graph.getWidth() > derivation.getWidth(), at + ": the graph is the larger");
            assertFalse(showing(lookup("#lossChart").query()), at + ": the chart waits in its drawer");
            assertFalse(showing(lookup("#dataTable").query()), at + ": so does the table");
            assertTrue(showing(lookup("#chartDrawerToggle").query()), at + ": the drawer bar lists the drawers");
            for (Drawer d : Drawer.values()) {
                Node drawer = lookup("#" + d.drawerId()).query();
                key(d.key());
                assertTrue(window.lecture().openProperty(d).get(), at + ": " + d.key() + " opens " + d.title());
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(drawer) && drawer.getTranslateX() == 0
                        && drawer.getTranslateY() == 0);
                if (d == Drawer.TABS) {
                    assertEquals("boundaryTab", sideTab(), at + ": the open drawer shows the decision boundary");
                }
                Bounds over = drawer.localToScene(drawer.getLayoutBounds());
                assertTrue(over.intersects(onScene("#networkView")), at + ": " + d.title() + " lies over the graph");
                assertEquals(graph, onScene("#networkView"), at + ": " + d.title() + " leaves the graph's size as it was");
                key(d.key());
                assertFalse(window.lecture().openProperty(d).get(), at + ": " + d.key() + " closes " + d.title());
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !showing(drawer));
                assertEquals("inspectorTab", sideTab(), at + ": closed, no decision boundary is computed for nobody");
                assertEquals(graph, onScene("#networkView"), at + ": closed, the graph is as it was");
            }
            key(KeyCode.C);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(lookup("#lossChart").query()));
            key(KeyCode.F5);
            assertFalse(state.lectureProperty().get(), at + ": F5 again leaves lecture mode");
            for (String id : new String[] {"#lossChart", "#dataTable", "#weightGrids", "#sideTabs", "#derivation"}) {
                assertTrue(showing(lookup(id).query()), at + ": " + id + " is back where it was");
            }
            interact(() -> window.lecture().closeDrawers());
        }
    }

    @Test
    void theModeAndTheDrawersAreRemembered() throws Exception {
        clickOn("#lectureToggle");
        assertTrue(state.lectureProperty().get(), "the toolbar's toggle turns lecture mode on");
        key(KeyCode.W);
        LecturePrefs prefs = LecturePrefs.user();
        assertEquals(NODE + "/lecture", prefs.node().absolutePath().substring(1));
        assertTrue(prefs.lecture());
        assertTrue(prefs.open(Drawer.WEIGHTS));
        assertFalse(prefs.open(Drawer.CHART));
        Lecture again = new Lecture(new UiState(), prefs);
        assertTrue(again.onProperty().get(), "the next window opens in lecture mode");
        assertTrue(again.openProperty(Drawer.WEIGHTS).get(), "with the weights drawer open");
        key(KeyCode.F5);
        assertFalse(LecturePrefs.user().lecture());
    }

    @Test
    void theArrowKeysWalkThroughTheNeuronsAndTheirEdges() throws Exception {
        settle();
        key(KeyCode.F5);
        key(KeyCode.DOWN);
        assertEquals(new UiState.NeuronRef(1, 1), state.selectedNeuronProperty().get(), "↓: the next neuron");
        InspectorView inspector = lookup("#inspector").queryAs(InspectorView.class);
        assertTrue(inspector.model().activeTitleProperty().get().contains("neuron h2"),
                "the derivation follows it: " + inspector.model().activeTitleProperty().get());
        press(KeyCode.SHIFT).press(KeyCode.DOWN).release(KeyCode.DOWN).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new UiState.EdgeRef(1, 1, 1), state.selectedEdgeProperty().get(), "Shift+↓: its next edge");
        key(KeyCode.UP);
        key(KeyCode.UP);
        assertEquals(new UiState.NeuronRef(2, 0), state.selectedNeuronProperty().get(), "↑ wraps round: ŷ");
    }

    @Test
    void theTutorialsDerivationsAreWholeAndLargeAt1024x768() throws Exception {
        size(1024, 768);
        key(KeyCode.F5);
        for (String preset : new String[] {"xor", "gender", "relu-mlp"}) {
            interact(() -> window.viewModel().loadPreset(preset));
            Snapshot s = settle();
            checkDerivation(preset + " at rest");
            for (Phase p : s.phases()) {
                session.stepPhase();
                settle();
                checkDerivation(preset + ", " + p.label());
            }
        }
    }

    private void checkDerivation(String where) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        InspectorView inspector = lookup("#inspector").queryAs(InspectorView.class);
        ScrollPane panel = lookup("#derivation").queryAs(ScrollPane.class);
        Bounds visible = panel.localToScene(panel.getLayoutBounds());
        var lines = inspector.lines();
        assertFalse(lines.isEmpty(), where + ": a derivation");
        for (Label l : lines) {
            Bounds b = l.localToScene(l.getLayoutBounds());
            assertTrue(visible.contains(b), where + ": '" + l.getText() + "' at " + b + " is outside the panel " + visible
                    + " in\n" + String.join("\n", lines.stream().map(Label::getText).toList()));
            assertTrue(l.getFont().getSize() >= 22, where + ": '" + l.getText() + "' at " + l.getFont().getSize() + " px");
        }
        for (Node n : panel.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getParent() == panel && bar.getOrientation() == Orientation.VERTICAL) {
                assertFalse(bar.isVisible(), where + ": the panel needs no scrolling");
            }
        }
        Label title = lookup("#inspectorPhase").queryAs(Label.class);
        assertNotNull(title);
        assertTrue(title.getFont().getSize() >= 22, where + ": the title at " + title.getFont().getSize());
    }
}

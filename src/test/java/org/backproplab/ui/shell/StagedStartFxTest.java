package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backproplab.data.Presets;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Theme;
import org.backproplab.ui.OnScreen;
import org.backproplab.ui.OwnPreferences;
import org.backproplab.ui.UiState;
import org.backproplab.ui.lecture.LectureLayout;
import org.backproplab.ui.lecture.LecturePrefs;
import org.backproplab.ui.loss.LossChartView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's staged start ({@link MainWindow#firstScreen}): the first screen has the graph and the status bar (its
 * message and the next phase; Check my working and Predict come with the menus), with empty bars where the menus and
 * the toolbar come, but not the side tabs, the loss chart, the data table or the
 * (hidden) lesson panel; once completed, the window has the same nodes with the same ids under the same parents as a
 * window made at once, each part where that window has it, and the graph did not move (at every zoom). A Step pressed
 * (→) before the parts exist is carried out, and the parts made after it show its result; a menu item's key pressed
 * before the menu bar exists is carried out once it is in; a lesson opened before them locks their controls too.
 * The panels shown only on demand (the exercise panel, the lesson panel, lecture mode's split and drawers) are not
 * made for the first screen; each shows what was asked for before it was made (X, a lesson, F5 on the first screen,
 * or lecture mode remembered on, which makes the window at once).
 */
@ExtendWith({ApplicationExtension.class, OwnPreferences.class})
@OwnPreferences.Node("org/backproplab/staged-start-fx-test")
class StagedStartFxTest extends FxRobot {
    /** The parts the first screen does without, by the id of a node in each. */
    private static final List<String> LATER = List.of("#stepButton", "#runButton", "#presetChoice",
            "#learningRateField", "#exerciseToggle", "#predictionToggle", "#inspector", "#sideTabs", "#lossChart",
            "#dataTable", "#lessonPanel");
    /** Nodes of the first screen. */
    private static final List<String> FIRST = List.of("#networkView", "#statusMessage", "#nextPhaseLabel");

    private final List<TrainingSession> sessions = new ArrayList<>();
    private final List<SessionBridge> bridges = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        interact(() -> {
            bridges.forEach(SessionBridge::stop);
            stages.forEach(Stage::hide);
        });
        sessions.forEach(TrainingSession::close);
        // lecture mode and its drawers are remembered: the next test starts without them
        LecturePrefs.user().node().clear();
        LecturePrefs.user().node().flush();
    }

    /** Shows a window on a session of its own at 1280×800, made at once or as its first screen only. */
    private MainWindow show(boolean firstScreenOnly) {
        return show(firstScreenOnly, 1, false);
    }

    /**
     * Shows a window on a session of its own at 1280×800 and {@code zoom}, made at once or as its first screen only,
     * and, if {@code completeAtOnce}, begins to complete it right after showing it, as the app does.
     */
    private MainWindow show(boolean firstScreenOnly, double zoom, boolean completeAtOnce) {
        return show(firstScreenOnly, zoom, completeAtOnce, Theme.LIGHT);
    }

    /** As {@link #show(boolean, double, boolean)}, in {@code theme}. */
    private MainWindow show(boolean firstScreenOnly, double zoom, boolean completeAtOnce, Theme theme) {
        TrainingSession session = new TrainingSession(Presets.get(Presets.DEFAULT));
        sessions.add(session);
        SessionBridge bridge = new SessionBridge(session);
        bridges.add(bridge);
        MainWindow[] w = new MainWindow[1];
        interact(() -> {
            UiState state = new UiState();
            state.zoomProperty().set(zoom);
            state.themeProperty().set(theme);
            w[0] = firstScreenOnly ? MainWindow.firstScreen(bridge, state) : new MainWindow(bridge, state);
            Scene scene = new Scene(w[0], 1280, 800);
            w[0].install(scene);
            Stage stage = new Stage();
            stages.add(stage);
            stage.setScene(scene);
            bridge.start();
            stage.show();
            if (completeAtOnce) {
                w[0].completeLater();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return w[0];
    }

    @Test
    void theCompletedWindowHasTheNodesAndPlacesOfAWindowMadeAtOnce() throws Exception {
        MainWindow atOnce = show(false);
        assertTrue(atOnce.whenComplete().isDone(), "a window made by a constructor is complete");
        MainWindow staged = show(true);
        for (String id : FIRST) {
            assertTrue(staged.lookup(id) != null, id + " is on the first screen");
        }
        for (String id : LATER) {
            assertTrue(staged.lookup(id) == null, id + " is made after the first frame");
        }
        assertFalse(staged.whenComplete().isDone());
        Bounds graph = inScene(staged, "#networkView");

        interact(staged::completeLater);
        staged.whenComplete().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(idPaths(atOnce), idPaths(staged));
        assertEquals(graph, inScene(staged, "#networkView"), "the graph stays where the first frame drew it");
        for (String id : LATER) {
            assertEquals(inScene(atOnce, id), inScene(staged, id), id + " where the window made at once has it");
        }
    }

    @Test
    void theMenusAndTheToolbarComeWhereTheFirstFrameKeptRoomAtEveryZoom() throws Exception {
        for (double zoom : new double[] {0.75, 1.1, 1.75, 2.5}) {
            MainWindow staged = show(true, zoom, false);
            Bounds graph = inScene(staged, "#networkView");
            Bounds status = inScene(staged, ".status-bar");
            interact(staged::completeLater);
            staged.whenComplete().get(30, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            // the bars above the graph kept its top edge, the status bar (Check my working and Predict came into it)
            // its height (the side tabs, made later, may take the graph's width at large zooms, and the data table its
            // height: at 175 % it needs 8 px more than its row's share of 1280×800, in a window made at once too)
            assertEquals(graph.getMinY(), inScene(staged, "#networkView").getMinY(), "the graph's top at zoom " + zoom);
            assertEquals(status.getHeight(), inScene(staged, ".status-bar").getHeight(), "the status bar's height at zoom " + zoom);
        }
    }

    @Test
    void checkMyWorkingAndPredictTurnedOnOnTheFirstScreenComeSelectedInABarOfTheSameHeight() throws Exception {
        for (Theme theme : Theme.values()) {
            MainWindow staged = show(true, 1.75, false, theme);
            type(KeyCode.X).type(KeyCode.P);
            WaitForAsyncUtils.waitForFxEvents();
            Bounds status = inScene(staged, ".status-bar");
            complete(staged);
            assertTrue(((ToggleButton) staged.lookup("#exerciseToggle")).isSelected(), "X pressed before it came, in " + theme);
            assertTrue(((ToggleButton) staged.lookup("#predictionToggle")).isSelected(), "P pressed before it came, in " + theme);
            assertEquals(status.getHeight(), inScene(staged, ".status-bar").getHeight(), "the status bar's height in " + theme);
        }
    }

    @Test
    void stepHasTheFocusOnceTheToolbarIsInAsInAWindowMadeAtOnce() throws Exception {
        MainWindow staged = show(true, 1, true);
        staged.whenComplete().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("stepButton", staged.getScene().getFocusOwner().getId(), "not a toggle of the first screen");
    }

    @Test
    void aStepPressedBeforeThePartsExistIsCarriedOutAndShownByThem() throws Exception {
        MainWindow staged = show(true);
        TrainingSession session = sessions.get(0);
        type(KeyCode.RIGHT);
        long iteration = session.sync().get(20, TimeUnit.SECONDS).iteration();
        assertTrue(staged.lookup("#lossChart") == null, "pressed before the chart was made");
        assertTrue(staged.lookup("#stepButton") == null, "pressed before the toolbar was made");

        interact(staged::completeLater);
        staged.whenComplete().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, iteration, "the key made one step");

        MainWindow atOnce = show(false);
        TrainingSession other = sessions.get(1);
        interact(() -> atOnce.viewModel().step());
        other.sync().get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> iterationText(atOnce).equals(iterationText(staged))
                && chartOf(atOnce).pointCount() == chartOf(staged).pointCount());
        assertTrue(chartOf(staged).pointCount() > 1, "the chart made after the step shows it");
    }

    @Test
    void aMenuItemsKeyPressedBeforeTheMenuBarExistsIsCarriedOutOnceItIsIn() throws Exception {
        MainWindow staged = show(true);
        assertTrue(staged.lookup(".menu-bar") instanceof javafx.scene.layout.Region
                && !(staged.lookup(".menu-bar") instanceof javafx.scene.control.MenuBar), "no menu bar yet");
        press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(staged.architecture().shownProperty().get(), "nothing to carry out Ctrl+E yet");

        interact(staged::completeLater);
        staged.whenComplete().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(staged.architecture().shownProperty().get(), "Network → Edit architecture… (Ctrl+E) carried out");
    }

    @Test
    void aLessonOpenedBeforeThePartsExistLocksTheirControlsToo() throws Exception {
        MainWindow staged = show(true);
        interact(() -> staged.lessons().openShipped("xor-from-scratch"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> staged.lessons().player().openProperty().get());
        sessions.get(0).sync().get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(staged.lookup("#learningRateField") == null, "opened before the toolbar was made");
        assertTrue(staged.lookup("#addRowButton") == null, "opened before the data table was made");

        interact(staged::completeLater);
        staged.whenComplete().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(staged.lookup("#addRowButton").isDisabled(), "the data table made after it is locked too");
        assertTrue(staged.lookup("#learningRateField").isDisabled(), "the toolbar made after it is locked too");
    }

    /** Completes {@code w} (unless made at once) and waits until it is. */
    private void complete(MainWindow w) throws Exception {
        if (!w.whenComplete().isDone()) {
            interact(w::completeLater);
        }
        w.whenComplete().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theFirstScreenMakesNoPanelShownOnlyOnDemand() {
        MainWindow w = show(true);
        assertFalse(w.exercises().panelMade(), "the exercise panel");
        assertFalse(w.lessons().panelMade(), "the lesson panel");
        assertFalse(lectureLayout(w).lectureArrangementMade(), "lecture mode's split and drawers");
    }

    @Test
    void theStatusBarsTogglesComeWithTheirTooltipsAndKeys() throws Exception {
        MainWindow w = show(true);
        assertTrue(w.lookup("#exerciseToggle") == null, "not on the first screen");
        complete(w);
        javafx.scene.control.Control check = (javafx.scene.control.Control) w.lookup("#exerciseToggle");
        javafx.scene.control.Control predict = (javafx.scene.control.Control) w.lookup("#predictionToggle");
        assertTrue(check.getTooltip().getText().startsWith("Check my working [X]"));
        assertTrue(predict.getTooltip().getText().startsWith("Predict, then reveal [P]"));
        assertEquals("Key X", check.getAccessibleHelp());
        assertEquals("Key P", predict.getAccessibleHelp());
    }

    @Test
    void checkMyWorkingTurnedOnOnTheFirstScreenShowsItsPanelOnceTheWindowIsComplete() throws Exception {
        MainWindow w = show(true);
        type(KeyCode.X);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(w.exercises().exercise().onProperty().get(), "X works on the first screen");

        complete(w);
        assertTrue(OnScreen.showing(w.lookup("#exercisePanel")), "the panel shows in the derivation's place");
        assertTrue(OnScreen.showing(w.lookup("#exerciseSection")), "with Check my working");
        assertTrue(w.lookup("#exercisePanel #studentNameField") != null, "and the name prompt at its top");
    }

    @Test
    void aLessonOpenedOnTheFirstScreenOrLaterShowsInItsPanel() throws Exception {
        MainWindow before = show(true);
        interact(() -> before.lessons().openShipped("xor-from-scratch"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> before.lessons().player().openProperty().get());
        complete(before);
        assertTrue(OnScreen.showing(before.lookup("#lessonPanel")), "the panel made after the lesson opened shows it");
        assertEquals(before.lessons().player().titleProperty().get(), ((Label) before.lookup("#lessonTitle")).getText());

        MainWindow after = show(true);
        complete(after);
        assertFalse(OnScreen.showing(after.lookup("#lessonPanel")), "no lesson, no panel");
        interact(() -> after.lessons().openShipped("xor-from-scratch"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> OnScreen.showing(after.lookup("#lessonPanel")));
        assertEquals(after.lessons().player().titleProperty().get(), ((Label) after.lookup("#lessonTitle")).getText());
    }

    @Test
    void lectureModeTurnedOnOnTheFirstScreenIsArrangedOnceTheWindowIsComplete() throws Exception {
        MainWindow w = show(true);
        type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(w.lecture().onProperty().get(), "F5 works on the first screen");

        complete(w);
        assertLectureArranged(w);
        type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(OnScreen.showing(w.lookup("#lossChart")), "F5 again: the chart is back below the graph");
    }

    @Test
    void lectureModeRememberedOnMakesTheWholeWindowAtOnceInItsArrangement() throws Exception {
        LecturePrefs.user().node().putBoolean("lecture", true);
        LecturePrefs.user().node().flush();
        MainWindow w = show(true);
        assertTrue(w.whenComplete().isDone(), "made at once");
        assertLectureArranged(w);
    }

    private void assertLectureArranged(MainWindow w) {
        assertTrue(OnScreen.showing(w.lookup("#lectureStage")), "the graph and the derivation fill the window");
        assertTrue(w.lookup("#chartDrawer") != null, "the chart waits in its drawer");
        assertFalse(OnScreen.showing(w.lookup("#lossChart")), "not below the graph");
        assertTrue(OnScreen.showing(w.lookup("#chartDrawerToggle")), "the drawer bar lists the drawers");
    }

    private static LectureLayout lectureLayout(Parent p) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof LectureLayout l) {
                return l;
            }
            if (n instanceof Parent q) {
                LectureLayout l = lectureLayout(q);
                if (l != null) {
                    return l;
                }
            }
        }
        return null;
    }

    private static LossChartView chartOf(MainWindow w) {
        Node n = w.lookup("#lossChart");
        while (!(n instanceof LossChartView)) {
            n = n.getParent();
        }
        return (LossChartView) n;
    }

    private static String iterationText(MainWindow w) {
        return ((javafx.scene.control.Label) w.lookup("#iterationLabel")).getText();
    }

    private Bounds inScene(MainWindow w, String id) {
        Node n = w.lookup(id);
        Bounds[] b = new Bounds[1];
        interact(() -> b[0] = n.localToScene(n.getLayoutBounds()));
        return b[0];
    }

    /** @return every node that has an id, as the ids on the way to it from the window, in order */
    private static List<String> idPaths(Parent window) {
        List<String> paths = new ArrayList<>();
        collect(window, "", paths);
        return paths;
    }

    private static void collect(Node n, String path, List<String> paths) {
        String here = n.getId() == null ? path : path + "/" + n.getId();
        if (n.getId() != null) {
            paths.add(here);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, here, paths);
            }
        }
    }
}

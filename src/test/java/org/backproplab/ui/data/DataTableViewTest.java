package org.backproplab.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.backproplab.data.Dataset;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenarios;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Theme;
import org.backproplab.ui.ThemedScene;
import org.backproplab.ui.UiState;
import org.backproplab.text.NumberText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The data table in a window (headless): edits, refusals, rows, probes, selection. */
@ExtendWith(ApplicationExtension.class)
class DataTableViewTest {
    private TrainingSession session;
    private SessionBridge bridge;
    private UiState state;
    private DataTableView view;

    @Start
    void start(Stage stage) {
        session = new TrainingSession(PanelScenarios.gender());
        bridge = new SessionBridge(session);
        state = new UiState();
        view = new DataTableView(bridge, state);
        stage.setScene(ThemedScene.of(view, 900, 500));
        stage.show();
    }

    @AfterEach
    void close() {
        session.close();
    }

    /** @return the first cell of {@code styleClass} in the row showing sample {@code row} (not a spare row cell) */
    private Node cell(FxRobot robot, int row, String styleClass) {
        Node r = robot.lookup("#dataTable .table-row-cell")
                .match((TableRow<?> t) -> t.getIndex() == row && t.isVisible() && t.getItem() != null).query();
        return robot.from(r).lookup("." + styleClass).match(Node::isVisible).query();
    }

    private void editCell(FxRobot robot, Node cell, String text) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        TextField field = robot.lookup(".cell-editor").queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
        robot.type(KeyCode.ENTER);
        PanelScenarios.settle(session, bridge);
    }

    @Test
    void editingAnInputCommitsAndChangesThePrediction(FxRobot robot) {
        double before = bridge.snapshot().evaluation().output().getEntry(1, 0);
        editCell(robot, cell(robot, 1, "input-cell"), "-20");
        Snapshot s = bridge.snapshot();
        assertEquals(-20.0, s.scenario().dataset().input(1, 0), 0.0);
        double after = s.evaluation().output().getEntry(1, 0);
        assertNotEquals(before, after);
        SampleRow row = view.model().rows().get(1);
        assertEquals(-20.0, row.input(0).get(), 0.0, "the row shows the input as edited");
        assertEquals(after, row.prediction(0).get(), 0.0, "ŷ shown is the engine's");
        assertEquals(s.evaluation().sampleLosses()[1], row.lossProperty().get(), 0.0);
        assertEquals(1, s.losses().markers().size(), "the edit is marked on the chart");
    }

    @Test
    void anEditTheSessionRefusesIsNotLeftInTheRow(FxRobot robot) throws Exception {
        session.setLocks(java.util.EnumSet.of(org.backproplab.session.Lock.DATA)); // a lesson locks the data
        session.sync().get(30, java.util.concurrent.TimeUnit.SECONDS);
        double kept = bridge.snapshot().scenario().dataset().input(1, 0);
        editCell(robot, cell(robot, 1, "input-cell"), "-20");
        session.stepMany(3);
        PanelScenarios.settle(session, bridge);
        assertEquals(kept, bridge.snapshot().scenario().dataset().input(1, 0), 0.0, "the session refused the edit");
        assertEquals(kept, view.model().rows().get(1).input(0).get(), 0.0, "the row shows the data, not the refused edit");
    }

    @Test
    void invalidInputIsRefusedWithAMessage(FxRobot robot) {
        Dataset before = bridge.snapshot().scenario().dataset();
        editCell(robot, cell(robot, 0, "input-cell"), "1,5x");
        assertEquals("'1,5x' in Alice, weight: expected a number such as 0.5 or -1.2e-3",
                robot.lookup("#dataMessage").queryAs(Label.class).getText());
        assertEquals(before.input(0, 0), bridge.snapshot().scenario().dataset().input(0, 0), 0.0);
        assertEquals(0, bridge.snapshot().losses().markers().size(), "nothing changed");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void rowsAreAddedAndRemovedButNotTheLast(FxRobot robot) {
        robot.clickOn(cell(robot, 1, "input-cell"));
        robot.clickOn("#addRowButton");
        PanelScenarios.settle(session, bridge);
        Dataset d = bridge.snapshot().scenario().dataset();
        assertEquals(5, d.size());
        assertEquals("#5", d.label(4));
        assertEquals(d.input(1, 0), d.input(4, 0), 0.0, "the selected row is copied");
        assertEquals(5, view.model().rows().size());
        for (int i = 0; i < 4; i++) {
            robot.clickOn(cell(robot, 0, "input-cell"));
            robot.clickOn("#removeRowButton");
            PanelScenarios.settle(session, bridge);
        }
        assertEquals(1, bridge.snapshot().scenario().dataset().size());
        robot.clickOn(cell(robot, 0, "input-cell"));
        robot.clickOn("#removeRowButton");
        PanelScenarios.settle(session, bridge);
        assertEquals(1, bridge.snapshot().scenario().dataset().size());
        assertTrue(robot.lookup("#dataMessage").queryAs(Label.class).getText().contains("at least one sample"));
    }

    @Test
    void probeShowsThePredictionOfTheNetwork(FxRobot robot) {
        TextField x1 = robot.lookup("#probe-weight").queryAs(TextField.class);
        TextField x2 = robot.lookup("#probe-height").queryAs(TextField.class);
        robot.clickOn(x1).push(KeyCode.END).eraseText(x1.getText().length()).write("-7");
        robot.clickOn(x2).push(KeyCode.END).eraseText(x2.getText().length()).write("-3");
        WaitForAsyncUtils.waitForFxEvents();
        double expected = bridge.snapshot().network().predict(new double[] {-7, -3})[0];
        assertEquals("ŷ = " + NumberText.format(expected), robot.lookup("#probeResult").queryAs(Label.class).getText());
        String probes = robot.lookup("#probeList").queryAs(Label.class).getText();
        assertTrue(probes.startsWith("Emily (−7, −3) → ŷ = " + NumberText.format(bridge.snapshot().probeOutputs().getEntry(0, 0))), probes);
        assertTrue(probes.contains("Frank"));
        robot.clickOn(x2).push(KeyCode.END).write("q");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("'-3q' in probe, height: expected a number such as 0.5 or -1.2e-3", robot.lookup("#probeResult").queryAs(Label.class).getText());
    }

    @Test
    void selectingARowSelectsTheSample(FxRobot robot) {
        robot.clickOn(cell(robot, 2, "loss-cell"));
        assertEquals(2, state.selectedSampleProperty().get());
        robot.clickOn("#allSamplesToggle");
        assertEquals(-1, state.selectedSampleProperty().get());
        robot.interact(() -> state.selectedSampleProperty().set(3));
        assertEquals(3, robot.lookup("#dataTable").queryTableView().getSelectionModel().getSelectedIndex());
    }

    @Test
    void theBatchBeingSteppedIsHighlighted() {
        session.stepPhase();
        PanelScenarios.settle(session, bridge);
        int[] batch = bridge.snapshot().trace().samples();
        assertEquals(1, batch.length);
        for (SampleRow r : view.model().rows()) {
            assertEquals(r.index() == batch[0], r.inBatchProperty().get(), "row " + r.index());
        }
    }

    private String message(FxRobot robot) {
        return robot.lookup("#dataMessage").queryAs(Label.class).getText();
    }

    @Test
    void escapeClearsTheMessageOfARefusedEdit(FxRobot robot) {
        editCell(robot, cell(robot, 0, "input-cell"), "abc");
        assertEquals("'abc' in Alice, weight: expected a number such as 0.5 or -1.2e-3", message(robot));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", message(robot), "Esc drops the edit and its message");
        assertFalse(robot.lookup("#dataMessage").query().isVisible());
    }

    @Test
    void theMessageGoesWhenTrainingStepsOrTheDataChanges(FxRobot robot) {
        editCell(robot, cell(robot, 1, "target-cell"), "x");
        robot.type(KeyCode.ESCAPE);
        editCell(robot, cell(robot, 1, "target-cell"), "x");
        assertTrue(message(robot).startsWith("'x' in Bob, female"), message(robot));
        robot.interact(bridge::refresh);
        PanelScenarios.settle(session, bridge);
        assertTrue(message(robot).startsWith("'x' in Bob"), "nothing happened yet: the message stays");
        session.step();
        PanelScenarios.settle(session, bridge);
        assertEquals("", message(robot), "after a training step");

        editCell(robot, cell(robot, 1, "input-cell"), "1,5x");
        assertTrue(message(robot).startsWith("'1,5x'"), message(robot));
        session.stepPhase();
        PanelScenarios.settle(session, bridge);
        assertEquals("", message(robot), "after a phase");

        editCell(robot, cell(robot, 0, "input-cell"), "NaN");
        assertTrue(message(robot).startsWith("'NaN'"), message(robot));
        session.load(PanelScenarios.xor());
        PanelScenarios.settle(session, bridge);
        assertEquals("", message(robot), "after switching to another preset");

        editCell(robot, cell(robot, 0, "input-cell"), "abc");
        assertTrue(message(robot).startsWith("'abc'"), message(robot));
        session.load(Scenarios.forDataset(bridge.snapshot().scenario(), Presets.get("and").dataset(), "and", "AND"));
        PanelScenarios.settle(session, bridge);
        assertEquals("", message(robot), "after switching the data set");

        editCell(robot, cell(robot, 0, "input-cell"), "abc");
        assertTrue(message(robot).startsWith("'abc'"), message(robot));
        editCell(robot, cell(robot, 0, "input-cell"), "0.25");
        assertEquals("", message(robot), "after an accepted edit");
    }

    @Test
    void theSelectedRowOfTheSampleBeingSteppedIsReadableInBothThemes(FxRobot robot) {
        session.stepPhase();
        PanelScenarios.settle(session, bridge);
        int current = bridge.snapshot().trace().samples()[0];
        for (Theme theme : Theme.values()) {
            robot.interact(() -> view.getScene().getStylesheets().setAll(theme.stylesheetUrls()));
            robot.clickOn(cell(robot, current, "loss-cell"));
            assertEquals(current, state.selectedSampleProperty().get());
            for (boolean focused : new boolean[] {true, false}) {
                if (!focused) {
                    robot.clickOn(robot.lookup(".probe-field").nth(0).queryAs(Node.class)); // the table loses the focus
                }
                WaitForAsyncUtils.waitForFxEvents();
                TableRow<?> row = (TableRow<?>) cell(robot, current, "loss-cell").getParent();
                assertTrue(row.isSelected() && row.getPseudoClassStates().contains(PseudoClass.getPseudoClass("batch")),
                        "the row is both selected and the sample being stepped");
                Color background = lastFill(row.getBackground());
                for (Node n : row.lookupAll(".table-cell")) {
                    TableCell<?, ?> c = (TableCell<?, ?>) n;
                    if (c.getText() == null || c.getText().isEmpty()) {
                        continue;
                    }
                    Color bg = c.getBackground() == null || lastFill(c.getBackground()).getOpacity() == 0 ? background
                            : lastFill(c.getBackground());
                    double contrast = Theme.contrast((Color) c.getTextFill(), bg);
                    assertTrue(contrast >= 4.5, theme + (focused ? ", table focused" : ", table not focused") + ": '"
                            + c.getText() + "' (" + String.join(" ", c.getStyleClass()) + ") in " + c.getTextFill()
                            + " on " + bg + ": contrast " + contrast);
                }
            }
        }
    }

    private static Color lastFill(javafx.scene.layout.Background b) {
        if (b == null || b.getFills().isEmpty()) {
            return Color.TRANSPARENT;
        }
        return (Color) b.getFills().get(b.getFills().size() - 1).getFill();
    }

    @Test
    void inputsThatAreNotAnImageHaveNoPicture(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<?> table = robot.lookup("#dataTable").queryTableView();
        assertTrue(table.getColumns().stream().noneMatch(c -> "pictureColumn".equals(c.getId())));
        assertTrue(table.getColumns().stream().allMatch(javafx.scene.control.TableColumn::isVisible));
        assertTrue(robot.lookup("#pixelValuesToggle").tryQuery().isEmpty(), "no picture: no values button");
    }
}

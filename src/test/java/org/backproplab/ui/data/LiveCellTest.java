package org.backproplab.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.backproplab.text.NumberText;
import org.backproplab.ui.ThemedScene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A value that training changes is drawn in its cell, and only the cell is laid out again: not its row, not the
 * rows in view (a table rebuilds and restyles every row in view when one of them needs a layout).
 */
@ExtendWith(ApplicationExtension.class)
class LiveCellTest {
    private final List<SampleRow> rows = List.of(new SampleRow(0, 1, 1), new SampleRow(1, 1, 1), new SampleRow(2, 1, 1));
    private final AtomicBoolean hidden = new AtomicBoolean();
    private TableView<SampleRow> table;

    @Start
    void start(Stage stage) {
        for (SampleRow r : rows) {
            r.prediction(0).set(0.25 + r.index());
        }
        table = new TableView<>(FXCollections.observableArrayList(rows));
        TableColumn<SampleRow, ObservableValue<?>> p = new TableColumn<>("ŷ");
        LiveCell.follow(p, r -> r.prediction(0), v -> NumberText.format(((Number) v).doubleValue()), hidden::get,
                "prediction-cell");
        p.setPrefWidth(120);
        table.getColumns().add(p);
        stage.setScene(ThemedScene.of(table, 300, 200));
        stage.show();
    }

    /** @return the cell showing row {@code i} */
    private LiveCell cell(FxRobot robot, int i) {
        return robot.lookup(".prediction-cell").match((LiveCell c) -> c.getIndex() == i && c.isVisible()).query();
    }

    /** @return the text drawn in the cell (its label's text node) */
    private static String drawn(Node cell) {
        return ((Text) cell.lookup(".text")).getText();
    }

    @Test
    void aNewValueIsDrawnAndOnlyItsCellIsLaidOutAgain(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1.25", drawn(cell(robot, 1)));
        boolean[] rowsToLayOut = new boolean[1];
        WaitForAsyncUtils.asyncFx(() -> {
            rows.get(1).prediction(0).set(0.7512);
            assertEquals("0.7512", cell(robot, 1).getText(), "the cell follows its row's value at once");
            for (Node n : table.lookupAll(".table-row-cell")) {
                rowsToLayOut[0] |= ((TableRow<?>) n).isNeedsLayout();
            }
        }).get(30, TimeUnit.SECONDS);
        assertFalse(rowsToLayOut[0], "no row is laid out again for a new value in a cell");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.7512", drawn(cell(robot, 1)), "the new value is drawn on the next frame");
        assertEquals("2.25", drawn(cell(robot, 2)));
    }

    @Test
    void aCellReusedForAnotherRowFollowsThatRowOnly(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> table.getItems().setAll(rows.get(2), rows.get(0))).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> rows.get(1).prediction(0).set(9)).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2.25", drawn(cell(robot, 0)), "the cell once of row 1 no longer follows it");
        assertEquals("0.25", drawn(cell(robot, 1)));
        WaitForAsyncUtils.asyncFx(() -> rows.get(2).prediction(0).set(-0.5)).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("−0.5", drawn(cell(robot, 0)));
    }

    @Test
    void aHiddenValueReadsAQuestionMark(FxRobot robot) throws Exception {
        hidden.set(true);
        WaitForAsyncUtils.asyncFx(table::refresh).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("?", drawn(cell(robot, 1)));
        WaitForAsyncUtils.asyncFx(() -> rows.get(1).prediction(0).set(0.5)).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("?", drawn(cell(robot, 1)), "still hidden after a new value");
    }

    /** A value set while hidden does not leave the cell deaf once the value may show again. */
    @Test
    void aValueSetWhileHiddenStillFollowsOnceShown(FxRobot robot) throws Exception {
        hidden.set(true);
        WaitForAsyncUtils.asyncFx(table::refresh).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> rows.get(1).prediction(0).set(0.5)).get(30, TimeUnit.SECONDS);
        hidden.set(false); // e.g. the network's depth changed: hidesOutputs(depth) no longer true, no table.refresh()
        WaitForAsyncUtils.asyncFx(() -> rows.get(1).prediction(0).set(0.625)).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.625", drawn(cell(robot, 1)), "the cell follows its value again");
    }
}

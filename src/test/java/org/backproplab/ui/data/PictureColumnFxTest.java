package org.backproplab.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.backproplab.data.Dataset;
import org.backproplab.data.ImageInput;
import org.backproplab.data.Presets;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.ThemedScene;
import org.backproplab.ui.UiState;
import org.backproplab.ui.common.InkImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * On the digits preset the data table shows each sample's 64 inputs as its 8×8 picture (each pixel the grey of the
 * engine's input there) instead of 64 columns of numbers; its header's "values" button shows those columns, to read and edit them.
 */
@ExtendWith(ApplicationExtension.class)
class PictureColumnFxTest {
    private TrainingSession session;
    private DataTableView view;
    private SessionBridge bridge;

    @Start
    void start(Stage stage) throws Exception {
        session = new TrainingSession(Presets.get("digits"));
        session.sync().get(30, TimeUnit.SECONDS);
        bridge = new SessionBridge(session);
        view = new DataTableView(bridge, new UiState());
        stage.setScene(ThemedScene.of(view, 1000, 500));
        stage.show();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private TableView<SampleRow> table(FxRobot robot) {
        return robot.lookup("#dataTable").queryTableView();
    }

    private static List<TableColumn<SampleRow, ?>> pixelColumns(TableView<SampleRow> table) {
        return table.getColumns().stream().filter(c -> c.getText().matches("p\\d+,\\d+")).toList();
    }

    @Test
    void eachRowShowsItsInputsAsTheirPicture(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<SampleRow> table = table(robot);
        TableColumn<SampleRow, ?> picture = table.getColumns().stream()
                .filter(c -> "pictureColumn".equals(c.getId())).findFirst().orElseThrow();
        assertEquals("x (8×8)", picture.getText());
        List<TableColumn<SampleRow, ?>> inView = table.getColumns().stream().filter(TableColumn::isVisible).toList();
        assertEquals(List.of("sample", "x (8×8)", "class ŷ", "0"), inView.subList(0, 4).stream().map(TableColumn::getText)
                .toList(), "the predicted class in view before the targets and the probabilities");
        List<TableColumn<SampleRow, ?>> pixels = pixelColumns(table);
        assertEquals(64, pixels.size());
        assertTrue(pixels.stream().noneMatch(TableColumn::isVisible), "the pixel columns start hidden");

        ImageInput in = ImageInput.of(session.latest().scenario()).orElseThrow();
        Dataset d = session.latest().scenario().dataset();
        for (int row : new int[] {0, 3}) {
            TableRow<?> r = robot.lookup("#dataTable .table-row-cell")
                    .match((TableRow<?> t) -> t.getIndex() == row && t.getItem() != null).query();
            ImageView shown = robot.from(r).lookup(".picture-cell .image-view").queryAs(ImageView.class);
            Image image = shown.getImage();
            assertNotNull(image);
            int cell = ((int) image.getWidth() - 2) / 8; // in a 1 px frame
            assertTrue(cell >= 3, "each input at least 3 px wide, was " + cell);
            assertEquals(8 * cell + 2, (int) image.getHeight());
            assertTrue(image.getHeight() <= r.getHeight(), "the picture fits its row");
            double[] ink = in.ink(d.inputRow(row));
            PixelReader px = image.getPixelReader();
            assertEquals(px.getColor(0, 0), px.getColor(8 * cell + 1, 8 * cell + 1), "the frame");
            for (int i = 0; i < 64; i++) {
                Color expected = InkImage.grey(ink[i]);
                for (int[] corner : new int[][] {{0, 0}, {cell - 1, cell - 1}}) {
                    Color c = px.getColor(1 + (i % 8) * cell + corner[0], 1 + (i / 8) * cell + corner[1]);
                    assertEquals(expected.getRed(), c.getRed(), 1.0 / 255 + 1e-9,
                            "row " + row + ", pixel " + i + ": the grey of input " + d.input(row, i));
                }
            }
        }
    }

    @Test
    void everyPredictionAndLossIsDrawnWhole(FxRobot robot) throws Exception {
        session.stepMany(400); // from 0.1 to 1e−6 and less: numbers of many lengths
        session.sync().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(bridge::refresh).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.control.Labeled> cells = java.util.stream.Stream.of(".prediction-cell", ".loss-cell")
                .flatMap(k -> robot.lookup(k).queryAllAs(javafx.scene.control.Labeled.class).stream())
                .filter(c -> c.isVisible() && c.getText() != null).toList();
        assertTrue(cells.size() >= 30, "cells in view: " + cells.size());
        for (javafx.scene.control.Labeled c : cells) {
            javafx.scene.text.Text drawn = (javafx.scene.text.Text) c.lookup(".text");
            assertEquals(c.getText(), drawn.getText(), "a number is drawn whole, not cut to …");
        }
    }

    @Test
    void theValuesButtonShowsTheColumnsOfNumbers(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        ToggleButton toggle = robot.lookup("#dataTable .column-header #pixelValuesToggle").queryAs(ToggleButton.class);
        assertTrue(toggle.isVisible());
        assertTrue(toggle.getWidth() <= toggle.getParent().getLayoutBounds().getWidth() + 1e-9
                && !toggle.getText().isEmpty(), "the button fits its header");
        assertTrue(robot.lookup("#probeDrawHint").query().isVisible() && robot.lookup(".probe-field").tryQuery().isEmpty(),
                "the probe: a pointer to the pad, not a field per pixel");
        robot.clickOn(toggle);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(toggle.isSelected());
        assertTrue(robot.lookup("#probeDrawHint").tryQuery().isEmpty()
                && robot.lookup(".probe-field").queryAll().size() == session.latest().scenario().dataset().inputSize(),
                "with the values: a field per pixel, as the columns");
        List<TableColumn<SampleRow, ?>> pixels = pixelColumns(table(robot));
        assertTrue(pixels.stream().allMatch(TableColumn::isVisible));
        // the rows' cells follow at once: the first pixel column's cell in row 0 shows input p1,1 of sample 0
        TableRow<?> first = robot.lookup("#dataTable .table-row-cell")
                .match((TableRow<?> t) -> t.getIndex() == 0 && t.getItem() != null).query();
        javafx.scene.control.TableCell<?, ?> p11 = robot.from(first).lookup(".input-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) -> c.getTableColumn() == pixels.get(0)).query();
        assertEquals(org.backproplab.text.NumberText.format(
                session.latest().scenario().dataset().input(0, 0)), p11.getText());
        assertTrue(pixels.stream().allMatch(c -> c.getPrefWidth() > 20), "the columns shown are fitted to numbers");
        javafx.scene.control.TextField probe = robot.lookup(".probe-field").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> probe.setText("0.75"));
        robot.clickOn(toggle);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(pixelColumns(table(robot)).stream().anyMatch(TableColumn::isVisible));
        robot.clickOn(toggle);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.75", robot.lookup(".probe-field").queryAs(javafx.scene.control.TextField.class).getText(),
                "what was typed in the probe comes back with the fields");
    }
}

package org.backproplab.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every column is as wide as its header and its widest text at the zoom's font size; while values change columns
 * only widen; the columns share the table's spare width.
 */
class ColumnWidthsTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static double textWidth(String s, double px) {
        Text t = new Text(s);
        t.setFont(Font.font("DejaVu Sans", px));
        return t.getLayoutBounds().getWidth();
    }

    @Test
    void textsOfOneShapeAreMeasuredOnceAndTheWidestShapeStillWins() throws Exception {
        assertEquals(java.util.Set.of("0.0000", "0.0", "0.00", "−0.0000", "0.000e−00", "setosa ✗"), ColumnWidths.shapes(
                List.of("0.1234", "0.9876", "0.5", "0.25", "−0.3333", "1.083e−06", "setosa ✗", "0.0001")));
        WaitForAsyncUtils.asyncFx(() -> {
            TableView<Object> table = new TableView<>();
            TableColumn<Object, String> p = new TableColumn<>("p");
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                many.add(String.format(java.util.Locale.ROOT, "0.%04d", i * 31 % 10_000));
            }
            many.add(150, "1.083e−06"); // one wide text among many of another shape
            p.setUserData(new ColumnWidths.Fit(() -> many, false));
            table.getColumns().add(p);
            ColumnWidths.fit(table, 14, false);
            assertTrue(p.getPrefWidth() >= textWidth("1.083e−06", 14) + ColumnWidths.PADDING);
        }).get(30, TimeUnit.SECONDS);
    }

    @Test
    void columnsFitTheirTextsGrowWhileValuesChangeAndShareTheSpareWidth() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            List<String> losses = new ArrayList<>(List.of("0.5956"));
            TableView<Object> table = new TableView<>();
            TableColumn<Object, String> x = new TableColumn<>("x1");
            x.setUserData(new ColumnWidths.Fit(() -> List.of("0", "−12.25", "1"), false));
            TableColumn<Object, String> loss = new TableColumn<>("loss");
            loss.setUserData(new ColumnWidths.Fit(() -> losses, false));
            table.getColumns().addAll(List.of(x, loss));

            ColumnWidths.fit(table, 14, false);
            assertTrue(x.getPrefWidth() >= textWidth("−12.25", 14) + ColumnWidths.PADDING);
            double narrow = loss.getPrefWidth();
            assertTrue(narrow >= textWidth("0.5956", 14) + ColumnWidths.PADDING);

            losses.set(0, "1.083e−06");
            ColumnWidths.fit(table, 14, true);
            double wide = loss.getPrefWidth();
            assertTrue(wide >= textWidth("1.083e−06", 14) + ColumnWidths.PADDING, "a longer loss widens the column");
            losses.set(0, "0.5");
            ColumnWidths.fit(table, 14, true);
            assertEquals(wide, loss.getPrefWidth(), "while values change, columns do not shrink");
            ColumnWidths.fit(table, 21, false);
            assertTrue(x.getPrefWidth() > textWidth("−12.25", 14) * 1.4, "150 % zoom: wider columns");

            StackPane root = new StackPane(table);
            new Scene(root, 600, 200);
            root.applyCss();
            root.layout();
            ColumnWidths.fit(table, 14, false);
            assertTrue(x.getPrefWidth() + loss.getPrefWidth() > 550, "the columns fill the table");
            assertTrue(x.getPrefWidth() > 200, "sharing the spare width");
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theDataSetsColumnsAreMeasuredAgainOnlyWhenTheDataSetMayHaveChanged() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            int[] asked = new int[2];
            TableView<Object> table = new TableView<>();
            TableColumn<Object, String> x = new TableColumn<>("p1,1");
            x.setUserData(new ColumnWidths.Fit(() -> {
                asked[0]++;
                return List.of("−0.3376");
            }, false, true));
            TableColumn<Object, String> loss = new TableColumn<>("loss");
            loss.setUserData(new ColumnWidths.Fit(() -> {
                asked[1]++;
                return List.of("0.5956");
            }, false));
            table.getColumns().addAll(List.of(x, loss));
            ColumnWidths.fit(table, 14, false);
            double wide = x.getPrefWidth();
            for (int i = 0; i < 5; i++) {
                ColumnWidths.fit(table, 14, true); // training runs: values change
            }
            assertEquals(1, asked[0], "the inputs' texts are not made again while training runs");
            assertEquals(6, asked[1], "the loss's are");
            assertEquals(wide, x.getPrefWidth(), "the input column keeps its width");
            ColumnWidths.fit(table, 14, false); // the data set changed
            assertEquals(2, asked[0]);
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aFitThatChangesNothingSetsNoWidthSoTheTableIsNotLaidOutAgain() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            TableView<Object> table = new TableView<>();
            TableColumn<Object, String> x = new TableColumn<>("x1");
            x.setUserData(new ColumnWidths.Fit(() -> List.of("−0.3376"), false, true));
            TableColumn<Object, String> loss = new TableColumn<>("loss");
            loss.setUserData(new ColumnWidths.Fit(() -> List.of("0.5956"), false));
            table.getColumns().addAll(List.of(x, loss));
            StackPane root = new StackPane(table);
            new Scene(root, 600, 200); // spare width to share out
            root.applyCss();
            root.layout();
            ColumnWidths.fit(table, 14, false);
            int[] changes = new int[1];
            x.prefWidthProperty().addListener(o -> changes[0]++);
            loss.prefWidthProperty().addListener(o -> changes[0]++);
            for (int i = 0; i < 5; i++) {
                ColumnWidths.fit(table, 14, true); // training runs, nothing grew
            }
            assertEquals(0, changes[0], "width changes while nothing grew");
        }).get(10, TimeUnit.SECONDS);
    }
}

package org.backproplab.ui.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Every column is as wide as its header and its widest text, at the zoom's font size. */
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
    void columnsFitTheirWidestTextAndGrowWithTheZoom() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            TableView<Object> table = new TableView<>();
            TableColumn<Object, String> loss = new TableColumn<>("loss");
            loss.setUserData(ColumnWidths.Fit.of(ColumnWidths.LOSS, false));
            TableColumn<Object, String> x = new TableColumn<>("x1");
            x.setUserData(new ColumnWidths.Fit(() -> List.of("0", "−12.25", "1"), false));
            table.getColumns().addAll(List.of(loss, x));

            ColumnWidths.fit(table, 14);
            assertTrue(loss.getPrefWidth() >= textWidth(ColumnWidths.LOSS, 14) + ColumnWidths.PADDING);
            assertTrue(x.getPrefWidth() >= textWidth("−12.25", 14) + ColumnWidths.PADDING);
            assertTrue(x.getPrefWidth() < loss.getPrefWidth(), "a short column stays short");

            double at100 = loss.getPrefWidth();
            ColumnWidths.fit(table, 21);
            assertTrue(loss.getPrefWidth() > 1.4 * at100 - ColumnWidths.PADDING, "150 % zoom: wider columns");
        }).get(10, TimeUnit.SECONDS);
    }
}

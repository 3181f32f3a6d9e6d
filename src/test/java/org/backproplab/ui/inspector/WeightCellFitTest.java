package org.backproplab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A weight cell shows three significant digits where they fit and fewer, never a cut number, where not. */
class WeightCellFitTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static TextField cell(double width) {
        TextField f = new TextField();
        f.setFont(Font.font("DejaVu Sans Mono", 13));
        f.setStyle("-fx-padding: 0;");
        new Scene(new Pane(f));
        f.applyCss();
        f.resize(width, 24);
        return f;
    }

    @Test
    void fewerDigitsInANarrowCell() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            assertEquals("−0.00911", WeightGrids.fitting(cell(200), -0.009113));
            assertEquals("−0.0091", WeightGrids.fitting(cell(7 * 0.61 * 13 + 1), -0.009113));
            assertEquals("−0.009", WeightGrids.fitting(cell(6 * 0.61 * 13 + 1), -0.009113));
            assertEquals("0.113", WeightGrids.fitting(cell(6 * 0.61 * 13 + 1), 0.1134));
            assertEquals("−1e−5", WeightGrids.fitting(cell(6 * 0.61 * 13 + 1), -1.23e-5));
        }).get(10, TimeUnit.SECONDS);
    }
}

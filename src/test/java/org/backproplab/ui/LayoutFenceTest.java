package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A fenced label's new text lays out only the label, until the text no longer fits; the fence never shrinks. */
class LayoutFenceTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aNewNumberDoesNotLayOutTheContainersAroundIt() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Label label = new Label("Iteration 1");
            LayoutFence fence = new LayoutFence(label);
            HBox row = new HBox(fence);
            new Scene(row, 600, 40);
            row.applyCss();
            row.layout();
            double narrow = fence.getWidth();
            assertEquals(narrow, label.getWidth());

            label.setText("Iteration 2");
            assertFalse(row.isNeedsLayout(), "the row is not laid out again for a text that fits");

            label.setText("Iteration 1,000,000 · epoch 1,000,000");
            assertTrue(row.isNeedsLayout(), "a text that does not fit grows the fence");
            row.layout();
            double wide = fence.getWidth();
            assertTrue(wide > narrow);
            assertEquals(wide, label.getWidth());

            label.setText("Iteration 0");
            row.layout();
            assertEquals(wide, fence.getWidth(), "the fence keeps its width when the text gets shorter");
            assertEquals("Iteration 0", ((javafx.scene.text.Text) label.lookup(".text")).getText(), "shown");
            label.setText("Iteration 7");
            row.layout();
            assertEquals("Iteration 7", ((javafx.scene.text.Text) label.lookup(".text")).getText(), "shown again");

            javafx.beans.property.StringProperty source = new javafx.beans.property.SimpleStringProperty("Iteration 8");
            label.textProperty().bind(source);
            row.layout();
            assertEquals("Iteration 8", ((javafx.scene.text.Text) label.lookup(".text")).getText(), "bound");
            source.set("Iteration 9");
            row.layout();
            assertEquals("Iteration 9", ((javafx.scene.text.Text) label.lookup(".text")).getText(), "bound, changed");
        }).get(10, TimeUnit.SECONDS);
    }
}

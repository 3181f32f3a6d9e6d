package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.backproplab.data.ImageInput;
import org.backproplab.data.Presets;
import org.backproplab.session.Snapshot;
import org.backproplab.text.NumberText;
import org.backproplab.ui.digits.DigitPadView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The draw-a-digit pad in the real window on the digits preset: a stroke drawn with the mouse, and the bars'
 * numbers against the engine's {@code predict} of the drawing's input vector.
 */
@ExtendWith(ApplicationExtension.class)
class DigitPadFxTest extends FxRobot {
    private ShellFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = ShellFixture.start(this);
    }

    @AfterEach
    void stop() throws Exception {
        fx.stop();
    }

    private Tab drawTab() {
        return lookup("#sideTabs").queryAs(TabPane.class).getTabs().stream()
                .filter(t -> "drawTab".equals(t.getId())).findFirst().orElse(null);
    }

    private Snapshot digits() throws Exception {
        fx.app.session().load(Presets.get("digits"));
        fx.app.session().stepMany(40);
        Snapshot s = fx.settle();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> drawTab() != null);
        Tab draw = drawTab();
        interact(() -> draw.getTabPane().getSelectionModel().select(draw));
        WaitForAsyncUtils.waitForFxEvents();
        return s;
    }

    /** Every bar's number is the engine's ŷ_k for the drawing's inputs, formatted the window's one way. */
    private void assertBarsArePredictionOf(Snapshot s, DigitPadView view) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        boolean[][] ink = WaitForAsyncUtils.asyncFx(() -> view.model().drawing()).get(5, TimeUnit.SECONDS);
        double[] x = ImageInput.of(s.scenario()).orElseThrow().fromDrawing(ink);
        double[] yHat = s.network().predict(x);
        assertEquals(10, yHat.length);
        for (int k = 0; k < 10; k++) {
            Label number = lookup("#probability-" + k).queryAs(Label.class);
            assertEquals(NumberText.format(yHat[k]), number.getText(), "class " + k);
            assertTrue(number.getWidth() >= number.prefWidth(-1) - 0.5, "class " + k + ": its number is not cut");
        }
    }

    @Test
    void aStrokeDrawnWithTheMouseShowsTheEnginesProbabilitiesForIt() throws Exception {
        assertEquals(null, drawTab(), "no pad for a data set that is not an image");
        Snapshot s = digits();
        Canvas pad = lookup("#digitPad").queryAs(Canvas.class);
        DigitPadView view = lookup(n -> n instanceof DigitPadView).queryAs(DigitPadView.class);
        assertTrue(lookup("#classProbabilities").tryQuery().isPresent());
        Bounds b = pad.localToScreen(pad.getBoundsInLocal());
        double w = b.getWidth();
        // a "7": a bar across the top, then a stroke down to the bottom left
        drag(b.getMinX() + 0.25 * w, b.getMinY() + 0.2 * w, MouseButton.PRIMARY)
                .moveTo(new javafx.geometry.Point2D(b.getMinX() + 0.75 * w, b.getMinY() + 0.2 * w))
                .moveTo(new javafx.geometry.Point2D(b.getMinX() + 0.45 * w, b.getMinY() + 0.85 * w))
                .drop();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> inkCount(view) > 30);
        assertBarsArePredictionOf(s, view);
        assertTrue(inkCount(view) < 32 * 32 / 2, "a stroke, not a filled pad");

        clickOn("#clearPad");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> inkCount(view) == 0);
        assertBarsArePredictionOf(s, view);

        interact(pad::requestFocus);
        type(KeyCode.SPACE);
        type(KeyCode.RIGHT, 3);
        type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> view.model().drawing())
                .get(5, TimeUnit.SECONDS)[16][19]);
        assertFalse(fx.app.bridge().snapshot().running(), "Space painted, it did not start a run");
        assertBarsArePredictionOf(s, view);
        assertFalse(pad.getAccessibleText().isEmpty());
    }

    private static int inkCount(DigitPadView view) throws Exception {
        boolean[][] ink = WaitForAsyncUtils.asyncFx(() -> view.model().drawing()).get(5, TimeUnit.SECONDS);
        int n = 0;
        for (boolean[] row : ink) {
            for (boolean v : row) {
                n += v ? 1 : 0;
            }
        }
        return n;
    }
}

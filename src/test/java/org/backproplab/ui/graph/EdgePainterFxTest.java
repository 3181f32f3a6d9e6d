package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.ui.graph.GraphScene.Edge;
import org.backproplab.ui.graph.GraphScene.Emphasis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Edges of one look are stroked as one path: every edge still shows its own colour (over the background at its
 * emphasis' opacity), a solid edge is solid all along, a dashed one starts with a dash wherever it starts, and a
 * brighter edge drawn later lies over a dim one.
 */
@ExtendWith(ApplicationExtension.class)
class EdgePainterFxTest {
    private static final Theme THEME = Theme.DARK;
    private static final Color ORANGE = Color.web("#e6550d");
    private static final Color BLUE = Color.web("#3182bd");
    private static final double X1 = 20;
    /** 360 px: not a whole number of dash periods (8.8 + 5.2 px), so a dash pattern running on would show. */
    private static final double X2 = 380;

    @Start
    void start(Stage stage) {
        stage.show();
    }

    private static Edge edge(int i, double y, Color c, boolean dashed, Emphasis em) {
        return new Edge(new EdgeRef(1, i, 0), X1, y, X2, y, dashed ? -1 : 1, c, 4, dashed, em);
    }

    private static PixelReader paint(List<Edge> edges) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Canvas canvas = new Canvas(400, 200);
            GraphicsContext gc = canvas.getGraphicsContext2D();
            gc.setFill(THEME.background());
            gc.fillRect(0, 0, 400, 200);
            EdgePainter.paint(gc, THEME, edges, null, null);
            return canvas.snapshot(null, null).getPixelReader();
        }).get(10, TimeUnit.SECONDS);
    }

    /** @return {@code c} at opacity {@code a} over the background */
    private static Color over(Color c, double a) {
        Color b = THEME.background();
        return Color.color(b.getRed() + a * (c.getRed() - b.getRed()), b.getGreen() + a * (c.getGreen() - b.getGreen()),
                b.getBlue() + a * (c.getBlue() - b.getBlue()));
    }

    private static void assertColour(Color expected, Color drawn, String where) {
        String what = where + ": expected " + expected + ", drawn " + drawn;
        assertEquals(expected.getRed(), drawn.getRed(), 2.0 / 255, what);
        assertEquals(expected.getGreen(), drawn.getGreen(), 2.0 / 255, what);
        assertEquals(expected.getBlue(), drawn.getBlue(), 2.0 / 255, what);
    }

    @Test
    void edgesOfOneLookKeepTheirColourTheirDashesAndTheirOrder() throws Exception {
        List<Edge> edges = List.of(
                edge(0, 30, BLUE, false, Emphasis.DIM),
                edge(1, 60, ORANGE, false, Emphasis.NORMAL), edge(2, 90, ORANGE, false, Emphasis.NORMAL),
                edge(3, 120, BLUE, true, Emphasis.NORMAL), edge(4, 150, BLUE, true, Emphasis.NORMAL),
                new Edge(new EdgeRef(2, 0, 0), 200, 10, 200, 190, 2, ORANGE, 4, false, Emphasis.ACTIVE));
        PixelReader px = paint(edges);
        for (Edge e : edges.subList(1, 3)) {
            for (int x = (int) X1 + 1; x < X2 - 1; x += 7) {
                if (Math.abs(x - 200) > 4) {
                    assertColour(over(ORANGE, 0.9), px.getColor(x, (int) e.y1()), "solid edge at x = " + x);
                }
            }
        }
        for (Edge e : edges.subList(3, 5)) {
            // dash 8.8 px, gap 5.2 px, from the edge's own start
            assertColour(over(BLUE, 0.9), px.getColor((int) X1 + 3, (int) e.y1()), "first dash at y = " + e.y1());
            assertColour(THEME.background(), px.getColor((int) X1 + 11, (int) e.y1()), "first gap at y = " + e.y1());
            assertColour(over(BLUE, 0.9), px.getColor((int) X1 + 17, (int) e.y1()), "second dash at y = " + e.y1());
        }
        assertColour(over(BLUE, GraphPainter.DIM_ALPHA), px.getColor(100, 30), "the dim edge");
        assertColour(ORANGE, px.getColor(200, 30), "the active edge over the dim one");
        assertColour(ORANGE, px.getColor(200, 120), "the active edge over a dashed one");
    }
}

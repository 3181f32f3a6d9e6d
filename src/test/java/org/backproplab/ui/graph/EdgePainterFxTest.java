package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        return paint(edges, null, null);
    }

    /**
     * @param raster draws the edges as one image when there are at least {@link EdgePainter#RASTER_FROM}, or null
     *               to stroke them
     */
    private static PixelReader paint(List<Edge> edges, EdgeRaster raster, EdgeRef hovered) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Canvas canvas = new Canvas(400, 200);
            GraphicsContext gc = canvas.getGraphicsContext2D();
            gc.setFill(THEME.background());
            gc.fillRect(0, 0, 400, 200);
            EdgePainter.paint(gc, THEME, edges, hovered, null, raster);
            return canvas.snapshot(null, null).getPixelReader();
        }).get(10, TimeUnit.SECONDS);
    }

    /** @return {@code edges} and then enough edges of no length for a dense layer's drawing (they draw nothing) */
    private static List<Edge> dense(List<Edge> edges) {
        List<Edge> all = new java.util.ArrayList<>(edges);
        for (int i = all.size(); i < EdgePainter.RASTER_FROM; i++) {
            all.add(new Edge(new EdgeRef(3, i, 0), 1, 1, 1, 1, 1, ORANGE, 4, false, Emphasis.NORMAL));
        }
        return all;
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
        List<Edge> edges = looks();
        assertLooks(edges, paint(edges));
    }

    @Test
    void aDenseLayersEdgesDrawnAsOneImageKeepTheirColourTheirDashesAndTheirOrder() throws Exception {
        List<Edge> edges = looks();
        assertLooks(edges, paint(dense(edges), new EdgeRaster(), null));
    }

    /**
     * A fan like a dense layer's (slanted edges of several widths, some dashed, crossing; of one colour, as the
     * strokes group edges by look and so lay them in another order than the image): drawn as one image it looks as
     * stroked; the few pixels that differ are at the edges' ends (cut square to the axis instead of to the edge) and
     * the ends of dashes.
     */
    @Test
    void aDenseLayerLooksAsStroked() throws Exception {
        List<Edge> fan = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 10; j++) {
                double w = 1 + (i + j) % 6;
                fan.add(new Edge(new EdgeRef(1, i, j), 30 + 8 * i, 15 + 14 * i, 370, 20 + 17 * j, (i + j) % 3 == 0 ? -1 : 1,
                        ORANGE, w, (i + j) % 3 == 0, Emphasis.NORMAL));
            }
        }
        PixelReader stroked = paint(fan, null, null);
        PixelReader image = paint(fan, new EdgeRaster(), null);
        double sum = 0;
        int far = 0;
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 400; x++) {
                Color a = stroked.getColor(x, y);
                Color b = image.getColor(x, y);
                double d = Math.max(Math.abs(a.getRed() - b.getRed()),
                        Math.max(Math.abs(a.getGreen() - b.getGreen()), Math.abs(a.getBlue() - b.getBlue())));
                sum += d;
                far += d > 0.25 ? 1 : 0;
            }
        }
        assertTrue(sum / (400 * 200) < 0.01, "mean difference " + sum / (400 * 200));
        assertTrue(far < 0.02 * 400 * 200, far + " pixels differ by more than a quarter");
    }

    /**
     * While training runs the graph has its edge image drawn on another thread and paints it once ready: the plan of
     * the same edges is equal, the raster holds it, and the picture is the one drawn at once, pixel for pixel.
     */
    @Test
    void edgesDrawnOnAnotherThreadPaintTheSamePicture() throws Exception {
        List<Edge> edges = dense(looks());
        EdgeRef hovered = edges.get(2).ref();
        PixelReader atOnce = paint(edges, new EdgeRaster(), hovered);
        EdgeRaster raster = new EdgeRaster();
        EdgePainter.Plan plan = EdgePainter.plan(new javafx.scene.transform.Affine(), 400, 200, edges, hovered, null);
        Thread other = new Thread(() -> raster.draw(plan));
        other.start();
        other.join(10_000);
        assertTrue(raster.holds(EdgePainter.plan(new javafx.scene.transform.Affine(), 400, 200, edges, hovered, null)));
        PixelReader later = paint(edges, raster, hovered);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 400; x++) {
                assertEquals(atOnce.getArgb(x, y), later.getArgb(x, y), "pixel (" + x + ", " + y + ")");
            }
        }
        assertFalse(raster.holds(plan), "handed over: the next drawing starts afresh");
    }

    @Test
    void overADenseLayerTheHoveredEdgeIsStrokedOnItsHalo() throws Exception {
        List<Edge> edges = looks();
        PixelReader px = paint(dense(edges), new EdgeRaster(), edges.get(1).ref());
        assertColour(over(ORANGE, 0.9), px.getColor(100, 60), "the hovered edge");
        assertColour(THEME.background(), px.getColor(100, 57), "its halo's inner ring, the background's colour");
    }

    /** @return a dim edge, two solid and two dashed edges, and an active edge across them all */
    private static List<Edge> looks() {
        return List.of(
                edge(0, 30, BLUE, false, Emphasis.DIM),
                edge(1, 60, ORANGE, false, Emphasis.NORMAL), edge(2, 90, ORANGE, false, Emphasis.NORMAL),
                edge(3, 120, BLUE, true, Emphasis.NORMAL), edge(4, 150, BLUE, true, Emphasis.NORMAL),
                new Edge(new EdgeRef(2, 0, 0), 200, 10, 200, 190, 2, ORANGE, 4, false, Emphasis.ACTIVE));
    }

    private static void assertLooks(List<Edge> edges, PixelReader px) {
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

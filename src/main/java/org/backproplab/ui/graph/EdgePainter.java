package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.transform.Affine;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.ui.graph.GraphScene.Edge;
import org.backproplab.ui.graph.GraphScene.Emphasis;

/**
 * Paints the edges of a {@link GraphScene}: each in its colour and width, dashed when negative, dimmed with its
 * emphasis; the hovered and the selected edge on a halo. Edges of the same emphasis and the same look (colour, width,
 * dashes: {@link SceneBuilder#stepped}) are stroked as one path. From {@value #RASTER_FROM} edges on (a dense layer,
 * 320 edges for 32 → 10) they are drawn into one image by an {@link EdgeRaster} instead, in the same order and
 * looks, and the hovered and selected edges are stroked over it: the software renderer strokes long anti-aliased
 * paths slowly. The dashes start afresh on every edge, as on an edge of its own.
 */
final class EdgePainter {
    /** From this many edges on they are drawn as one image (when an {@link EdgeRaster} is given), fewer are stroked. */
    static final int RASTER_FROM = 100;

    private EdgePainter() {
    }

    /** How one group of edges is stroked. */
    private record Look(Color stroke, double width, boolean dashed) {
        // written out: a record's own equals and hashCode are linked at their first call, a few ms of the window's
        // first frame
        @Override
        public boolean equals(Object o) {
            return o instanceof Look l && l.stroke.equals(stroke) && Double.compare(l.width, width) == 0 && l.dashed == dashed;
        }

        @Override
        public int hashCode() {
            return (stroke.hashCode() * 31 + Double.hashCode(width)) * 31 + Boolean.hashCode(dashed);
        }
    }

    /**
     * What a dense layer's edges come to in an {@link EdgeRaster}: the box of the screen drawn in, and each edge not
     * hovered or selected as a band in screen pixels, in the edges' order; the hovered and selected edges ({@code hot})
     * are stroked over the image. Made from the scene's edges alone, so an {@link EdgeRaster} may draw it on another
     * thread; two plans of the same edges, transform and canvas are equal.
     */
    record Plan(int left, int top, int width, int height, List<Band> bands, List<Edge> hot) {
    }

    /** One edge in screen pixels: its ends, width, colour (its own opacity ignored), opacity and dashes (0: solid). */
    record Band(double x1, double y1, double x2, double y2, double width, Color color, double alpha, double dash,
                double gap) {
    }

    /**
     * @param m the canvas's transform
     * @return the plan of drawing {@code edges} as one image on a canvas {@code canvasW × canvasH} px, or null when
     *         they are stroked instead: fewer than {@value #RASTER_FROM}, a transform that turns or stretches, or no
     *         edge on the canvas
     */
    static Plan plan(Affine m, double canvasW, double canvasH, List<Edge> edges, EdgeRef hovered, EdgeRef selected) {
        if (edges.size() < RASTER_FROM || m.getMxy() != 0 || m.getMyx() != 0 || m.getMxx() != m.getMyy()
                || !(m.getMxx() > 0)) {
            return null;
        }
        double k = m.getMxx();
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Edge e : edges) {
            double pad = e.width() / 2 + 1;
            minX = Math.min(minX, Math.min(e.x1(), e.x2()) - pad);
            minY = Math.min(minY, Math.min(e.y1(), e.y2()) - pad);
            maxX = Math.max(maxX, Math.max(e.x1(), e.x2()) + pad);
            maxY = Math.max(maxY, Math.max(e.y1(), e.y2()) + pad);
        }
        int left = (int) Math.max(0, Math.floor(k * minX + m.getTx()));
        int top = (int) Math.max(0, Math.floor(k * minY + m.getTy()));
        int right = (int) Math.min(canvasW, Math.ceil(k * maxX + m.getTx()));
        int bottom = (int) Math.min(canvasH, Math.ceil(k * maxY + m.getTy()));
        if (right <= left || bottom <= top) {
            return null;
        }
        List<Band> bands = new ArrayList<>(edges.size());
        List<Edge> hot = new ArrayList<>();
        for (Edge e : edges) {
            if (e.ref().equals(hovered) || e.ref().equals(selected)) {
                hot.add(e);
                continue;
            }
            Look look = look(e);
            double w = look.width();
            bands.add(new Band(k * e.x1() + m.getTx(), k * e.y1() + m.getTy(), k * e.x2() + m.getTx(),
                    k * e.y2() + m.getTy(), k * w, look.stroke(), look.stroke().getOpacity(),
                    look.dashed() ? k * dash(w) : 0, k * gap(w)));
        }
        return new Plan(left, top, right - left, bottom - top, List.copyOf(bands), List.copyOf(hot));
    }

    /**
     * Paints {@code edges} in their order: through {@code raster} (then the hovered and selected edges over them) when
     * there are at least {@value #RASTER_FROM} and the canvas is only scaled and moved, else stroked. A raster that
     * has drawn this plan already ({@link EdgeRaster#holds}, e.g. on another thread) is only shown.
     *
     * @param raster draws the edges as one image, or null to stroke them always
     */
    static void paint(GraphicsContext gc, Theme t, List<Edge> edges, EdgeRef hovered, EdgeRef selected,
                      EdgeRaster raster) {
        Plan plan = raster == null ? null : plan(gc.getTransform(), gc.getCanvas().getWidth(),
                gc.getCanvas().getHeight(), edges, hovered, selected);
        if (plan == null) {
            stroked(gc, t, edges, hovered, selected);
            return;
        }
        gc.setLineCap(StrokeLineCap.BUTT);
        if (!raster.holds(plan)) {
            raster.draw(plan);
        }
        gc.save();
        gc.setTransform(new Affine());
        gc.setGlobalAlpha(1);
        gc.drawImage(raster.finish(), raster.left(), raster.top());
        gc.restore();
        for (Edge e : plan.hot()) {
            halo(gc, t, e, e.ref().equals(selected));
            stroke(gc, Map.of(look(e), List.of(e)));
        }
        gc.setLineDashes();
    }

    /** Strokes {@code edges} in their order (dim before normal before active), one path per look within a run. */
    private static void stroked(GraphicsContext gc, Theme t, List<Edge> edges, EdgeRef hovered, EdgeRef selected) {
        gc.setLineCap(StrokeLineCap.BUTT);
        Map<Look, List<Edge>> run = new LinkedHashMap<>();
        Emphasis runEmphasis = null;
        for (Edge e : edges) {
            boolean hot = e.ref().equals(hovered) || e.ref().equals(selected);
            if (hot || e.emphasis() != runEmphasis) {
                stroke(gc, run);
                run.clear();
                runEmphasis = e.emphasis();
            }
            if (hot) {
                halo(gc, t, e, e.ref().equals(selected));
                stroke(gc, Map.of(look(e), List.of(e)));
            } else {
                run.computeIfAbsent(look(e), k -> new ArrayList<>()).add(e);
            }
        }
        stroke(gc, run);
        gc.setLineDashes();
    }

    /** @return the length of a dash of a negative edge {@code width} px wide */
    private static double dash(double width) {
        return Math.max(5, 2.2 * width);
    }

    /** @return the gap between the dashes of a negative edge {@code width} px wide */
    private static double gap(double width) {
        return Math.max(4, 1.3 * width);
    }

    private static Look look(Edge e) {
        double alpha = e.emphasis() == Emphasis.DIM ? GraphPainter.DIM_ALPHA : 1;
        Color c = e.color();
        return new Look(Color.color(c.getRed(), c.getGreen(), c.getBlue(),
                alpha * (e.emphasis() == Emphasis.NORMAL ? 0.9 : 1)), e.width(), e.dashed());
    }

    /** Strokes each group as one path. */
    private static void stroke(GraphicsContext gc, Map<Look, List<Edge>> groups) {
        for (Map.Entry<Look, List<Edge>> g : groups.entrySet()) {
            Look look = g.getKey();
            gc.setStroke(look.stroke());
            gc.setLineWidth(look.width());
            if (look.dashed()) {
                gc.setLineDashes(dash(look.width()), gap(look.width()));
            } else {
                gc.setLineDashes();
            }
            gc.beginPath();
            for (Edge e : g.getValue()) {
                gc.moveTo(e.x1(), e.y1());
                gc.lineTo(e.x2(), e.y2());
            }
            gc.stroke();
        }
    }

    /** The halo under the hovered (lighter) or selected edge. */
    private static void halo(GraphicsContext gc, Theme t, Edge e, boolean selected) {
        gc.setLineDashes();
        gc.setStroke(t.ink().deriveColor(0, 1, 1, selected ? 0.85 : 0.35));
        gc.setLineWidth(e.width() + (selected ? 6 : 5));
        gc.strokeLine(e.x1(), e.y1(), e.x2(), e.y2());
        gc.setStroke(t.background());
        gc.setLineWidth(e.width() + 2);
        gc.strokeLine(e.x1(), e.y1(), e.x2(), e.y2());
    }
}

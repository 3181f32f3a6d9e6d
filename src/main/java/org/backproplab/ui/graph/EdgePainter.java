package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.ui.graph.GraphScene.Edge;
import org.backproplab.ui.graph.GraphScene.Emphasis;

/**
 * Paints the edges of a {@link GraphScene}: each in its colour and width, dashed when negative, dimmed with its
 * emphasis; the hovered and the selected edge on a halo. Edges of the same emphasis and the same look (colour, width,
 * dashes: {@link SceneBuilder#stepped}) are stroked as one path, so that a dense layer (320 edges for 32 → 10) costs
 * a few dozen strokes, not one per edge. The dashes start afresh on every edge of a path, as on an edge of its own.
 */
final class EdgePainter {
    private EdgePainter() {
    }

    /** How one group of edges is stroked. */
    private record Look(Color stroke, double width, boolean dashed) {
    }

    /** Paints {@code edges} in their order (dim before normal before active), one path per look within a run. */
    static void paint(GraphicsContext gc, Theme t, List<Edge> edges, EdgeRef hovered, EdgeRef selected) {
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
                gc.setLineDashes(Math.max(5, 2.2 * look.width()), Math.max(4, 1.3 * look.width()));
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

package org.backproplab.ui.graph;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.ui.common.CanvasText;
import org.backproplab.ui.graph.GraphScene.BiasNode;
import org.backproplab.ui.graph.GraphScene.Emphasis;
import org.backproplab.ui.graph.GraphScene.Header;
import org.backproplab.ui.graph.GraphScene.Label;
import org.backproplab.ui.graph.GraphScene.Neuron;

/**
 * Paints a {@link GraphScene} on a canvas: edges, bias nodes, neurons, numbers, captions and the legend. Every colour
 * comes from the scene (its {@link Theme} or the weight colour scale), none is fixed here.
 */
final class GraphPainter {
    static final String FAMILY = "DejaVu Sans";
    static final double DIM_ALPHA = 0.16;

    private GraphPainter() {
    }

    /**
     * @param pictures draws the inputs' picture, if the scene has one (it keeps the image it made)
     * @param edges    draws a dense layer's edges as one image (see {@link EdgePainter}), or null to stroke them
     */
    static void paint(GraphicsContext gc, GraphScene s, PicturePainter pictures, EdgeRaster edges, EdgeRef hovered,
                      EdgeRef selected) {
        gc.save();
        Theme t = s.theme();
        gc.setFill(t.background());
        gc.fillRect(0, 0, s.width(), s.height());
        double f = s.font();
        if (s.picture() != null) {
            PicturePainter.feeds(gc, s.picture());
        }
        EdgePainter.paint(gc, t, s.edges(), hovered, selected, edges);
        if (s.picture() != null) {
            pictures.picture(gc, t, s.picture());
        }
        for (BiasNode b : s.biases()) {
            square(gc, t, b.x(), b.y(), b.size(), t.background(), b.emphasis(), "+1", f, t.ink(),
                    s.numbers().lecture() ? 3 : 0);
        }
        for (Neuron n : s.neurons()) {
            neuron(gc, t, n, f, s.numbers().lecture() ? 3 : 0);
        }
        LabelLeaders.paintFocus(gc, t, s);
        for (Label l : s.labels()) {
            LabelLeaders.paint(gc, t, l, s.numbers().lecture());
            label(gc, t, l, f);
        }
        headers(gc, t, s, f);
        LegendPainter.paint(gc, s, f);
        gc.restore();
    }

    static Font font(double size, boolean bold) {
        return Font.font(FAMILY, bold ? FontWeight.BOLD : FontWeight.NORMAL, size);
    }

    /** @param minLine the thinnest outline, px (3 in lecture mode), or 0 */
    private static void neuron(GraphicsContext gc, Theme t, Neuron n, double f, double minLine) {
        double alpha = n.emphasis() == Emphasis.DIM ? 0.35 : 1;
        Color fill = n.fill() == null ? t.background() : n.fill();
        Color ink = n.fill() == null ? t.muted() : n.ink();
        if (n.biasInput()) {
            square(gc, t, n.x(), n.y(), 1.7 * n.r(), fill, n.emphasis(), n.name(), f, ink, minLine);
            return;
        }
        gc.setGlobalAlpha(alpha);
        double d = 2 * n.r();
        if (n.emphasis() == Emphasis.ACTIVE) {
            gc.setFill(t.glow());
            gc.fillOval(n.x() - n.r() - 7, n.y() - n.r() - 7, d + 14, d + 14);
        }
        gc.setFill(fill);
        double corner = 0.3 * n.r();
        if (n.square()) {
            gc.fillRoundRect(n.x() - n.r(), n.y() - n.r(), d, d, corner, corner);
        } else {
            gc.fillOval(n.x() - n.r(), n.y() - n.r(), d, d);
        }
        gc.setStroke(n.emphasis() == Emphasis.ACTIVE || n.emphasis() == Emphasis.SOURCE ? t.ink() : t.muted());
        gc.setLineWidth(Math.max(minLine, n.emphasis() == Emphasis.ACTIVE ? 3 : n.emphasis() == Emphasis.SOURCE ? 2.2 : 1.6));
        if (n.fill() == null) {
            gc.setLineDashes(4, 3);
        }
        if (n.square()) {
            gc.strokeRoundRect(n.x() - n.r(), n.y() - n.r(), d, d, corner, corner);
        } else {
            gc.strokeOval(n.x() - n.r(), n.y() - n.r(), d, d);
        }
        gc.setLineDashes();
        if (n.square()) {
            NeuronImagePainter.cornerName(gc, t, n, f); // where it stays when the weight picture is drawn over it
        } else {
            if (SceneLabels.nameHalfWidth(n, f) > n.r()) {
                // a name wider than its circle ("weight", "sin x1") crosses the edges: a halo of the fill it reads on
                gc.setFont(font(nameSize(n, f), true));
                gc.setTextAlign(TextAlignment.CENTER);
                gc.setTextBaseline(VPos.CENTER);
                CanvasText.haloed(gc, n.name(), n.x(), n.y(), 3, fill, ink);
            } else {
                text(gc, n.name(), n.x(), n.y(), font(nameSize(n, f), true), ink);
            }
        }
        gc.setGlobalAlpha(1);
    }

    /**
     * @return the size of the bold font a neuron's name is written in, centred on it (a long name such as
     *         "weight" is wider than its circle: see {@link SceneLabels#nameHalfWidth})
     */
    static double nameSize(Neuron n, double f) {
        return n.biasInput() ? Math.min(f, 1.7 * n.r() * 0.5) : Math.min(f * 1.05, n.r() * 0.95);
    }

    /** A rounded square node with a centred text: the {@code +1} of a bias or the constant bias input. */
    private static void square(GraphicsContext gc, Theme t, double x, double y, double size, Color fill, Emphasis em,
                               String text, double f, Color ink, double minLine) {
        gc.setGlobalAlpha(em == Emphasis.DIM ? 0.35 : 1);
        double h = size / 2;
        gc.setFill(fill);
        gc.fillRoundRect(x - h, y - h, size, size, size * 0.35, size * 0.35);
        gc.setStroke(em == Emphasis.ACTIVE ? t.ink() : t.muted());
        gc.setLineWidth(Math.max(minLine, em == Emphasis.ACTIVE ? 2.5 : 1.6));
        gc.setLineDashes(3 + minLine, 2.5 + minLine);
        gc.strokeRoundRect(x - h, y - h, size, size, size * 0.35, size * 0.35);
        gc.setLineDashes();
        text(gc, text, x, y, font(Math.min(f, size * 0.5), true), ink);
        gc.setGlobalAlpha(1);
    }

    private static void label(GraphicsContext gc, Theme t, Label l, double f) {
        gc.setFill(t.labelBox().deriveColor(0, 1, 1, l.kind() == Label.Kind.EDGE ? 0.86 : 0.93));
        gc.fillRect(Math.round(l.x()), Math.round(l.y()), Math.round(l.w()), Math.round(l.h()));
        if (l.kind() == Label.Kind.NEURON) {
            gc.setStroke(t.grid());
            gc.setLineWidth(1);
            gc.strokeRoundRect(l.x() + 0.5, l.y() + 0.5, l.w() - 1, l.h() - 1, 8, 8);
        }
        Font font = font(f, l.kind() == Label.Kind.SIDE);
        double lineH = LabelPlacer.LINE * f;
        double y0 = l.y() + l.h() / 2 - (l.lines().size() - 1) * lineH / 2;
        for (int i = 0; i < l.lines().size(); i++) {
            text(gc, l.lines().get(i), l.x() + l.w() / 2, y0 + i * lineH, font, l.ink());
        }
    }

    private static void headers(GraphicsContext gc, Theme t, GraphScene s, double f) {
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFont(LabelLeaders.fitted(s.caption(), f * 1.12, true, s.width() - 24));
        gc.setFill(t.ink());
        gc.fillText(s.caption(), 12, 1.0 * f + 4);
        if (!s.note().isEmpty()) {
            gc.setFill(t.muted());
            String[] lines = s.note().split("\n");
            for (int i = 0; i < lines.length; i++) {
                gc.setFont(LabelLeaders.fitted(lines[i], f * 0.95, false, s.width() - 24));
                gc.fillText(lines[i], 12, (2.2 + GraphLayout.NOTE_LINE * i) * f + 6);
            }
        }
        double room = s.width() - 24;
        for (int i = 1; i < s.headers().size(); i++) {
            room = Math.min(room, s.headers().get(i).x() - s.headers().get(i - 1).x() - 10);
        }
        for (Header h : s.headers()) {
            Color c = h.emphasis() == Emphasis.DIM ? t.dimInk() : t.ink();
            // in a narrow graph (lecture mode's large type) a column's words keep within the column
            Font title = LabelLeaders.fitted(h.title(), f * 1.05, true, room);
            Font sub = LabelLeaders.fitted(h.subtitle(), f * 0.9, false, room);
            text(gc, h.title(), LabelLeaders.within(h.title(), title, h.x(), s.width()), h.y(), title, c);
            text(gc, h.subtitle(), LabelLeaders.within(h.subtitle(), sub, h.x(), s.width()), h.y() + 1.25 * f, sub,
                    h.emphasis() == Emphasis.DIM ? c : t.muted());
        }
    }

    static void text(GraphicsContext gc, String t, double x, double y, Font font, Color ink) {
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFont(font);
        gc.setFill(ink);
        gc.fillText(t, x, y);
    }
}

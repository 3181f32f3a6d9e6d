package org.backproplab.ui.graph;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState.NeuronRef;
import org.backproplab.ui.graph.GraphScene.Label;
import org.backproplab.ui.graph.GraphScene.Leader;
import org.backproplab.ui.graph.GraphScene.Neuron;

/**
 * What the graph draws so that every number can be found: the leader line from a label placed beside its edge
 * to the point of the edge it labels, the ring around the focus neuron whose edges are labelled, and captions
 * that keep within the graph's width.
 */
final class LabelLeaders {
    private LabelLeaders() {
    }

    /** Draws {@code l}'s leader line (if it has one) with a dot where it meets the edge. */
    static void paint(GraphicsContext gc, Theme t, Label l, boolean lecture) {
        Leader d = l.leader();
        if (d == null) {
            return;
        }
        double w = lecture ? 2.5 : 1.5;
        gc.setLineDashes();
        gc.setStroke(t.ink());
        gc.setLineWidth(w);
        gc.strokeLine(d.x1(), d.y1(), d.x2(), d.y2());
        gc.setFill(t.ink());
        double r = w + 1.5;
        gc.fillOval(d.x2() - r, d.y2() - r, 2 * r, 2 * r);
    }

    /** Rings the focus neuron (the selected one, or the one whose edges are labelled) in the accent colour. */
    static void paintFocus(GraphicsContext gc, Theme t, GraphScene s) {
        NeuronRef focus = s.numbers().focus();
        if (focus == null) {
            return;
        }
        for (Neuron n : s.neurons()) {
            if (n.layer() == focus.layer() && n.index() == focus.index()) {
                double gap = s.numbers().lecture() ? 6 : 4;
                double r = n.r() + gap;
                gc.setLineDashes();
                gc.setStroke(t.secondSeries());
                gc.setLineWidth(s.numbers().lecture() ? 4 : 2.5);
                gc.strokeOval(n.x() - r, n.y() - r, 2 * r, 2 * r);
            }
        }
    }

    /**
     * @return the font of {@code size} (bold or not), made smaller if {@code text} would be wider than
     *         {@code width} in it (never below 60 %)
     */
    static Font fitted(String text, double size, boolean bold, double width) {
        Font font = GraphPainter.font(size, bold);
        double w = width(text, font);
        if (w <= width || w <= 0) {
            return font;
        }
        return GraphPainter.font(Math.max(0.6 * size, size * width / w), bold);
    }

    /** @return the width of {@code text} drawn in {@code font} */
    static double width(String text, Font font) {
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }

    /** @return {@code x}, moved so that {@code text} centred on it in {@code font} stays 4 px inside {@code 0..width} */
    static double within(String text, Font font, double x, double width) {
        Text probe = new Text(text);
        probe.setFont(font);
        double half = probe.getLayoutBounds().getWidth() / 2;
        return Math.max(half + 4, Math.min(width - half - 4, x));
    }
}

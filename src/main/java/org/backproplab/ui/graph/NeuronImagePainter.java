package org.backproplab.ui.graph;

import java.util.function.Function;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState.NeuronRef;
import org.backproplab.ui.graph.GraphScene.Emphasis;
import org.backproplab.ui.graph.GraphScene.Neuron;

/**
 * Paints a picture inside each hidden and output neuron that has one (what the neuron detects: its activation
 * over the input plane), over the graph {@link GraphPainter} drew: clipped to a disc inside the circle, so that a
 * ring of the neuron's own fill (its activation for the sample on show) stays around it, drawn cell by cell
 * without smoothing, with the neuron's name on a halo over it. Dimmed neurons are dimmed here too.
 */
final class NeuronImagePainter {
    /** The ring of fill left around the picture, as a share of the neuron's radius. */
    static final double RING = 0.22;

    private NeuronImagePainter() {
    }

    /** @param images the picture of a neuron, or null for none */
    static void paint(GraphicsContext gc, GraphScene s, Function<NeuronRef, Image> images) {
        Theme t = s.theme();
        for (Neuron n : s.neurons()) {
            Image img = n.layer() < 1 || n.biasInput() ? null : images.apply(new NeuronRef(n.layer(), n.index()));
            if (img == null) {
                continue;
            }
            double r = inner(n);
            gc.save();
            gc.setGlobalAlpha(n.emphasis() == Emphasis.DIM ? 0.35 : 1);
            gc.setImageSmoothing(false);
            gc.beginPath();
            gc.arc(n.x(), n.y(), r, r, 0, 360);
            gc.closePath();
            gc.clip();
            gc.drawImage(img, n.x() - r, n.y() - r, 2 * r, 2 * r);
            gc.restore();
            gc.save();
            gc.setGlobalAlpha(n.emphasis() == Emphasis.DIM ? 0.35 : 1);
            gc.setFont(GraphPainter.font(GraphPainter.nameSize(n, s.font()), true));
            gc.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
            gc.setTextBaseline(javafx.geometry.VPos.CENTER);
            gc.setStroke(t.background());
            gc.setLineWidth(Math.max(2.5, 0.16 * GraphPainter.nameSize(n, s.font())));
            gc.setLineJoin(javafx.scene.shape.StrokeLineJoin.ROUND);
            gc.strokeText(n.name(), n.x(), n.y());
            gc.setFill(t.ink());
            gc.fillText(n.name(), n.x(), n.y());
            gc.restore();
        }
    }

    /** @return the radius of the picture inside neuron {@code n} */
    static double inner(Neuron n) {
        return n.r() * (1 - RING);
    }
}

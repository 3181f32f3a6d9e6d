package org.backproplab.ui.graph;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import org.backproplab.ui.Theme;
import org.backproplab.ui.graph.GraphScene.Emphasis;
import org.backproplab.ui.graph.GraphScene.Feed;
import org.backproplab.ui.graph.GraphScene.Picture;

/**
 * Paints the inputs as a picture ({@link Picture}): each input a square of whole pixels, grey {@code 1 − ink}
 * (paper white, ink black), framed; and, under everything else, the lines of what the picture sends each
 * first-layer neuron ({@link Feed}).
 */
final class PicturePainter {
    private PicturePainter() {
    }

    /** @return the grey an input of ink share {@code ink} is drawn in (NaN, an input not computed: mid grey) */
    static Color grey(double ink) {
        return Double.isFinite(ink) ? Color.gray(1 - Math.max(0, Math.min(1, ink))) : Color.gray(0.5);
    }

    static void feeds(GraphicsContext gc, Picture p) {
        gc.setLineCap(StrokeLineCap.BUTT);
        gc.setLineDashes();
        for (Feed f : p.feeds()) {
            double alpha = f.emphasis() == Emphasis.DIM ? GraphPainter.DIM_ALPHA : 0.75;
            Color c = f.color();
            gc.setStroke(Color.color(c.getRed(), c.getGreen(), c.getBlue(), alpha));
            gc.setLineWidth(f.width());
            if (f.value() < 0) {
                gc.setLineDashes(Math.max(5, 2.2 * f.width()), Math.max(4, 1.3 * f.width()));
            }
            gc.strokeLine(f.x1(), f.y1(), f.x2(), f.y2());
            gc.setLineDashes();
        }
    }

    static void picture(GraphicsContext gc, Theme t, Picture p) {
        for (int r = 0; r < p.rows(); r++) {
            for (int c = 0; c < p.cols(); c++) {
                gc.setFill(grey(p.ink()[r * p.cols() + c]));
                gc.fillRect(p.x() + c * p.cell(), p.y() + r * p.cell(), p.cell(), p.cell());
            }
        }
        gc.setStroke(t.muted());
        gc.setLineWidth(2);
        gc.strokeRect(p.x() - 1, p.y() - 1, p.cols() * p.cell() + 2, p.rows() * p.cell() + 2);
    }
}

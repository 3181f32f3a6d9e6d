package org.backproplab.ui.graph;

import java.util.Arrays;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import org.backproplab.ui.Theme;
import org.backproplab.ui.common.InkImage;
import org.backproplab.ui.graph.GraphScene.Emphasis;
import org.backproplab.ui.graph.GraphScene.Feed;
import org.backproplab.ui.graph.GraphScene.Picture;

/**
 * Paints the inputs as a picture ({@link Picture}): each input a square of whole pixels, grey {@code 1 − ink}
 * (paper white, ink black), framed; and, under everything else, the lines of what the picture sends each
 * first-layer neuron ({@link Feed}). Keeps the picture it drew, to draw it again as long as it does not change.
 */
final class PicturePainter {
    /** The picture last drawn, the greys and the cell size it was made of. */
    private WritableImage image;
    private double[] imageInk;
    private int imageCell;

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

    /**
     * Draws the picture as one image of its screen size, each input a block of {@code cell × cell} pixels of its
     * {@link InkImage#grey}, drawn pixel for pixel at the picture's whole-pixel position (no resampling: every screen pixel of
     * an input is exactly its grey). The image is made again only when the greys or the size change.
     */
    void picture(GraphicsContext gc, Theme t, Picture p) {
        int w = p.cols() * p.cell();
        int h = p.rows() * p.cell();
        if (image == null || imageCell != p.cell() || !Arrays.equals(imageInk, p.ink())
                || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = InkImage.blocks(p.ink(), p.rows(), p.cols(), p.cell());
            imageInk = p.ink().clone();
            imageCell = p.cell();
        }
        gc.save();
        gc.setImageSmoothing(false); // an export drawn at 2× scales it: blocks stay sharp
        gc.drawImage(image, p.x(), p.y());
        gc.restore();
        gc.setStroke(t.muted());
        gc.setLineWidth(2);
        gc.strokeRect(p.x() - 1, p.y() - 1, p.cols() * p.cell() + 2, p.rows() * p.cell() + 2);
    }
}

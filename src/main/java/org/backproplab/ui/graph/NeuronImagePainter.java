package org.backproplab.ui.graph;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.text.TextAlignment;
import org.backproplab.ui.Theme;
import org.backproplab.ui.common.CanvasText;
import org.backproplab.ui.UiState.NeuronRef;
import org.backproplab.ui.graph.GraphScene.Emphasis;
import org.backproplab.ui.graph.GraphScene.Neuron;

/**
 * Paints a picture inside each hidden and output neuron that has one (what the neuron detects: its activation
 * over the input plane), over the graph {@link GraphPainter} drew: a disc inside the circle, so that a ring of the
 * neuron's own fill (its activation for the sample on show) stays around it, each cell of the picture a block of
 * whole pixels, with the neuron's name on a halo over it. Dimmed neurons are dimmed here too.
 *
 * <p>The disc is made once per picture and size as an image of {@link #diameter} pixels, transparent outside
 * the circle (its edge anti-aliased), and drawn pixel for pixel at a whole-pixel position: no clipping and no
 * resampling while drawing, which the software renderer would pay for in every frame.
 */
final class NeuronImagePainter {
    /** The ring of fill left around the picture, as a share of the neuron's radius. */
    static final double RING = 0.22;
    /** The same for a square neuron (the first layer beside a picture of the inputs). */
    static final double SQUARE_RING = 0.08;

    /** The discs made for the pictures on show, by picture; each remembers the size it was made at. */
    private Map<Image, WritableImage> discs = new HashMap<>();

    /** @param images the picture of a neuron (its cells, one pixel each), or null for none */
    void paint(GraphicsContext gc, GraphScene s, Function<NeuronRef, Image> images) {
        Theme t = s.theme();
        Map<Image, WritableImage> used = new HashMap<>();
        for (Neuron n : s.neurons()) {
            Image cells = n.layer() < 1 || n.biasInput() ? null : images.apply(new NeuronRef(n.layer(), n.index()));
            if (cells == null) {
                continue;
            }
            int d = side(n, (int) cells.getWidth());
            if (d < 2) {
                continue;
            }
            WritableImage disc = discs.get(cells);
            if (disc == null || (int) disc.getWidth() != d) {
                disc = n.square() ? square(cells, d) : disc(cells, d);
            }
            used.put(cells, disc);
            gc.save();
            gc.setGlobalAlpha(n.emphasis() == Emphasis.DIM ? 0.35 : 1);
            gc.drawImage(disc, left(n, d), top(n, d));
            if (n.square()) {
                cornerName(gc, t, n, s.font());
            } else {
                name(gc, t, n, s.font());
            }
            gc.restore();
        }
        discs = used;
    }

    /** The neuron's name, centred, on a halo of the background so that it reads on any colour. */
    private static void name(GraphicsContext gc, Theme t, Neuron n, double font) {
        double size = GraphPainter.nameSize(n, font);
        haloText(gc, t, n.name(), n.x(), n.y(), size, TextAlignment.CENTER, VPos.CENTER, Math.max(2.5, 0.16 * size));
    }

    /** A square neuron's name, small in its top-left corner, so that the middle of its picture stays in view. */
    static void cornerName(GraphicsContext gc, Theme t, Neuron n, double font) {
        double size = Math.max(9, Math.min(0.8 * font, 0.42 * n.r()));
        haloText(gc, t, n.name(), n.x() - 0.88 * n.r(), n.y() - 0.92 * n.r(), size, TextAlignment.LEFT, VPos.TOP,
                Math.max(2.5, 0.2 * size));
    }

    private static void haloText(GraphicsContext gc, Theme t, String text, double x, double y, double size,
                                 TextAlignment align, VPos baseline, double halo) {
        gc.setFont(GraphPainter.font(size, true));
        gc.setTextAlign(align);
        gc.setTextBaseline(baseline);
        CanvasText.haloed(gc, text, x, y, halo, t.background(), t.ink());
    }

    /**
     * @return a {@code d × d} image of {@code cells} (square, {@code d} a multiple of the cells across when it is
     *         at least as many): pixel {@code (x, y)} is cell {@link #cell}{@code (x)}, {@link #cell}{@code (y)}
     */
    static WritableImage square(Image cells, int d) {
        int n = (int) cells.getWidth();
        int[] src = argb(cells);
        int[] px = new int[d * d];
        for (int y = 0; y < d; y++) {
            int row = cell(y, d, n);
            for (int x = 0; x < d; x++) {
                px[y * d + x] = src[row * n + cell(x, d, n)];
            }
        }
        return image(px, d);
    }

    /** @return the pixels of a square image, row by row, as ARGB */
    private static int[] argb(Image cells) {
        int n = (int) cells.getWidth();
        int[] src = new int[n * n];
        cells.getPixelReader().getPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(), src, 0, n);
        return src;
    }

    /** @return a {@code d × d} image of the ARGB pixels {@code px}, row by row */
    private static WritableImage image(int[] px, int d) {
        WritableImage img = new WritableImage(d, d);
        img.getPixelWriter().setPixels(0, 0, d, d, PixelFormat.getIntArgbInstance(), px, 0, d);
        return img;
    }

    /**
     * @return a {@code d × d} image of {@code cells} (square, one pixel per cell): pixel {@code (x, y)} is cell
     *         {@link #cell}{@code (x)}, {@link #cell}{@code (y)}, inside a circle of diameter {@code d}; outside it
     *         transparent, on its edge partly
     */
    static WritableImage disc(Image cells, int d) {
        int n = (int) cells.getWidth();
        int[] src = argb(cells);
        int[] px = new int[d * d];
        double r = d / 2.0;
        for (int y = 0; y < d; y++) {
            int row = cell(y, d, n);
            for (int x = 0; x < d; x++) {
                double cover = Math.max(0, Math.min(1, r - Math.hypot(x + 0.5 - r, y + 0.5 - r) + 0.5));
                if (cover > 0) {
                    int argb = src[row * n + cell(x, d, n)];
                    px[y * d + x] = (int) Math.round(cover * (argb >>> 24)) << 24 | argb & 0xffffff;
                }
            }
        }
        return image(px, d);
    }

    /** @return the cell (of {@code cells} across) that pixel {@code p} of a disc {@code d} pixels wide shows */
    static int cell(int p, int d, int cells) {
        return Math.min(cells - 1, (int) ((p + 0.5) * cells / d));
    }

    /** @return the diameter in whole pixels of the picture inside neuron {@code n} */
    static int diameter(Neuron n) {
        return (int) Math.round(2 * n.r() * (1 - RING));
    }

    /**
     * @return the side in whole pixels of the picture of {@code cells} across inside neuron {@code n}: its disc's
     *         diameter, or in a square neuron the largest multiple of {@code cells} that leaves the ring (every
     *         weight then the same whole number of pixels)
     */
    static int side(Neuron n, int cells) {
        if (!n.square()) {
            return diameter(n);
        }
        int d = (int) Math.round(2 * n.r() * (1 - SQUARE_RING));
        return d >= cells ? d / cells * cells : d;
    }

    /** @return the pixel column of the left edge of a round neuron's picture */
    static long left(Neuron n) {
        return left(n, diameter(n));
    }

    /** @return the pixel row of the top edge of a round neuron's picture */
    static long top(Neuron n) {
        return top(n, diameter(n));
    }

    /** @return the pixel column of the left edge of a picture {@code d} pixels wide: whole, drawn pixel for pixel */
    static long left(Neuron n, int d) {
        return Math.round(n.x() - d / 2.0);
    }

    /** @return the pixel row of the picture's top edge */
    static long top(Neuron n, int d) {
        return Math.round(n.y() - d / 2.0);
    }
}

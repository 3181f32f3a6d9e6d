package org.backproplab.ui.common;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/** Text on a canvas as the plots draw it: one font family, centred vertically on the point given. */
public final class CanvasText {
    /** The font family of every label drawn on a canvas. */
    public static final String FAMILY = "DejaVu Sans";

    private static final double DIAGONAL = Math.sqrt(0.5);

    private CanvasText() {
    }

    /** @return the canvas font of {@code size} px */
    public static Font font(double size, boolean bold) {
        return Font.font(FAMILY, bold ? FontWeight.BOLD : FontWeight.NORMAL, size);
    }

    /** @return how wide {@code s} is in {@code font}, px */
    public static double width(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** Draws {@code t} at {@code (x, y)}, aligned by {@code align}, centred vertically. */
    public static void text(GraphicsContext gc, String t, double x, double y, Font font, Color ink, TextAlignment align) {
        gc.setTextAlign(align);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFont(font);
        gc.setFill(ink);
        gc.fillText(t, x, y);
    }

    /** Draws {@code t} centred on {@code (x, y)}, turned a quarter to the left (a vertical axis's title). */
    public static void upward(GraphicsContext gc, String t, double x, double y, Font font, Color ink) {
        gc.save();
        gc.translate(x, y);
        gc.rotate(-90);
        text(gc, t, 0, 0, font, ink, TextAlignment.CENTER);
        gc.restore();
    }

    /**
     * Fills {@code t} at {@code (x, y)} in {@code ink} on a halo {@code width} px wide in {@code halo}, so that it
     * reads on any colour below it; the font, alignment and baseline are the context's, and its fill is left as
     * {@code ink}. The text is filled eight times in the halo's paint, shifted by {@code r = width / 2} towards the
     * points of the compass ({@code (r cos kπ/4, r sin kπ/4)}, {@code k = 0…7}), then once in its ink: about what a
     * stroke of the glyphs' outlines {@code width} wide covers, but each copy comes from the glyph cache, while the
     * software renderer strokes an outline as a path (the neuron names' strokes took half the digits graph's
     * drawing time).
     */
    public static void haloed(GraphicsContext gc, String t, double x, double y, double width, Paint halo, Paint ink) {
        double r = width / 2;
        double d = r * DIAGONAL;
        gc.setFill(halo);
        gc.fillText(t, x + r, y);
        gc.fillText(t, x - r, y);
        gc.fillText(t, x, y + r);
        gc.fillText(t, x, y - r);
        gc.fillText(t, x + d, y + d);
        gc.fillText(t, x + d, y - d);
        gc.fillText(t, x - d, y + d);
        gc.fillText(t, x - d, y - d);
        gc.setFill(ink);
        gc.fillText(t, x, y);
    }
}

package org.backproplab.ui.common;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * An image's inputs drawn as greys, as everywhere in the window: an input of ink share {@code ink} (0 paper, 1 full
 * ink; see {@code ImageInput.ink}) is the grey {@code 1 − ink}, white paper and black ink.
 */
public final class InkImage {
    private InkImage() {
    }

    /** @return the grey an input of ink share {@code ink} is drawn in (NaN, an input not computed: mid grey) */
    public static Color grey(double ink) {
        return Double.isFinite(ink) ? Color.gray(1 - Math.max(0, Math.min(1, ink))) : Color.gray(0.5);
    }

    /**
     * @param ink  one ink share per input, row by row ({@code rows × cols})
     * @param cell the side of each input's block, in pixels
     * @return an image of {@code cols · cell × rows · cell} pixels, input {@code (r, c)} a block of {@code cell × cell}
     *         pixels of its {@link #grey}: pixel {@code (x, y)} is input {@code (y / cell, x / cell)}
     */
    public static WritableImage blocks(double[] ink, int rows, int cols, int cell) {
        if (ink.length != rows * cols || cell < 1) {
            throw new IllegalArgumentException(ink.length + " inputs for " + rows + "×" + cols + " blocks of " + cell
                    + " px: expected rows × cols inputs and blocks of at least 1 px");
        }
        int[] greys = new int[ink.length];
        for (int i = 0; i < greys.length; i++) {
            greys[i] = argb(grey(ink[i]));
        }
        int w = cols * cell;
        int h = rows * cell;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = greys[y / cell * cols + x / cell];
            }
        }
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        return image;
    }

    /** @return {@code c} as opaque ARGB */
    private static int argb(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}

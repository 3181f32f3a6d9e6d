package org.backproplab.ui.boundary;

import javafx.scene.paint.Color;
import org.backproplab.ui.ColorScale;
import org.backproplab.ui.Theme;
import org.backproplab.ui.boundary.HeatmapModel.Heatmap;

/**
 * Colours of a heatmap: the diverging {@link ColorScale} around the activation's middle ({@code 0.5} of a
 * sigmoid is grey, 0 one end, 1 the other), softened a little towards the theme's background so the samples
 * drawn on top stand out. Uses only immutable colour values, so it runs on the worker that computed the grid.
 */
final class HeatmapColors {
    /** How far each cell is blended towards the background (half as far on the dark background). */
    static final double SOFTEN = 0.42;
    /** Steps of the colour look-up table over {@code center ± range}. */
    static final int LUT = 1024;

    private HeatmapColors() {
    }

    /** @return one ARGB pixel per cell, row-major, row 0 at the top */
    static int[] argb(Heatmap h, ColorScale scale, Theme theme) {
        int[] lut = new int[LUT + 1];
        double lo = h.center() - h.range();
        for (int k = 0; k <= LUT; k++) {
            lut[k] = pack(color(lo + 2 * h.range() * k / LUT, h, scale, theme));
        }
        int nan = pack(color(Double.NaN, h, scale, theme));
        int[] px = new int[h.values().length];
        for (int i = 0; i < px.length; i++) {
            double v = h.values()[i];
            if (Double.isFinite(v)) {
                double t = (v - lo) / (2 * h.range());
                px[i] = lut[(int) Math.round(Math.max(0, Math.min(1, t)) * LUT)];
            } else {
                px[i] = nan;
            }
        }
        return px;
    }

    /** @return the colour of one activation */
    static Color color(double v, Heatmap h, ColorScale scale, Theme theme) {
        return scale.color(v - h.center(), h.range()).interpolate(theme.background(), theme == Theme.DARK ? SOFTEN / 2 : SOFTEN);
    }

    static int pack(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}

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

    /**
     * The colours of the classes of a class map, in order (a qualitative palette that stays apart for colour-blind
     * viewers for the first classes; a class beyond the tenth repeats them).
     */
    static final Color[] CLASSES = {Color.rgb(0, 114, 178), Color.rgb(230, 159, 0), Color.rgb(0, 158, 115),
        Color.rgb(204, 121, 167), Color.rgb(86, 180, 233), Color.rgb(213, 94, 0), Color.rgb(240, 228, 66),
        Color.rgb(120, 120, 120), Color.rgb(153, 79, 0), Color.rgb(117, 112, 179)};

    /** @return the colour of class {@code k} */
    static Color classColor(int k) {
        return CLASSES[Math.floorMod(k, CLASSES.length)];
    }

    /**
     * @return the colour of a class-map cell: its class's colour, paler the less sure the network is (the largest
     *         output {@code p} from 1/k up to 1), softened like the other heatmaps
     */
    static Color classCell(int k, double p, Theme theme) {
        double faint = Math.max(0, Math.min(1, 1 - p)) * 0.6;
        return classColor(k).interpolate(theme.background(), SOFTEN + (1 - SOFTEN) * faint);
    }

    /** @return one ARGB pixel per cell, row-major, row 0 at the top */
    static int[] argb(Heatmap h, ColorScale scale, Theme theme) {
        if (h.isClassMap()) {
            int[] px = new int[h.classes().length];
            for (int i = 0; i < px.length; i++) {
                px[i] = pack(classCell(h.classes()[i], h.values()[i], theme));
            }
            return px;
        }
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

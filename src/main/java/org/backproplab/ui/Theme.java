package org.backproplab.ui;

import java.util.List;
import javafx.scene.paint.Color;

/**
 * The window's light or dark look. Controls take theirs from the stylesheets ({@code app.css} defines the
 * looked-up colours, {@code app-dark.css} redefines them); canvases and charts, which CSS does not reach, take
 * theirs from the colours here. Both themes keep a contrast of at least 7:1 between text and background.
 */
public enum Theme {
    /** Dark text on a near-white background (the default). */
    LIGHT("Light", List.of(Theme.BASE), "#fcfcfd", "#1f2328", "#5b616b", "#dddddd", "#1f5f9f", "#d95f02",
            new Graph("#ffffff", "#8a8f98", Color.web("#ffd54f", 0.55), "#f7f7f7", "#3c4a5c")),
    /** Light text on a near-black background, for dim rooms and projectors. */
    DARK("Dark (high contrast)", List.of(Theme.BASE, "/org/backproplab/ui/app-dark.css"), "#1e232b", "#f2f4f7",
            "#b4bcc8", "#3a414c", "#6cb6ff", "#ffa657",
            new Graph("#2a313b", "#7d8694", Color.web("#ffc83d", 0.5), "#2b323c", "#dfe6ef"));

    /** The stylesheet every theme starts from. */
    public static final String BASE = "/org/backproplab/ui/app.css";

    private final String text;
    private final List<String> stylesheets;
    private final Color background;
    private final Color ink;
    private final Color muted;
    private final Color grid;
    private final Color series;
    private final Color secondSeries;
    private final Graph graph;

    /**
     * The colours only the network graph needs.
     *
     * @param labelBox       the box behind numbers on the graph ({@link #ink()} on it ≥ 7:1)
     * @param dimInk         text not part of the highlighted phase (deliberately faint)
     * @param glow           the halo around neurons of the phase that just ran (translucent)
     * @param activationLow  the neuron fill of an activation of 0 (close to the background)
     * @param activationHigh the neuron fill of an activation of 1 (strongly unlike the background)
     */
    private record Graph(Color labelBox, Color dimInk, Color glow, Color activationLow, Color activationHigh) {
        Graph(String labelBox, String dimInk, Color glow, String activationLow, String activationHigh) {
            this(Color.web(labelBox), Color.web(dimInk), glow, Color.web(activationLow), Color.web(activationHigh));
        }
    }

    Theme(String text, List<String> stylesheets, String background, String ink, String muted, String grid,
          String series, String secondSeries, Graph graph) {
        this.text = text;
        this.stylesheets = stylesheets;
        this.background = Color.web(background);
        this.ink = Color.web(ink);
        this.muted = Color.web(muted);
        this.grid = Color.web(grid);
        this.series = Color.web(series);
        this.secondSeries = Color.web(secondSeries);
        this.graph = graph;
    }

    /** @return the class-path stylesheets of this theme, in order (later ones override earlier ones) */
    public List<String> stylesheets() {
        return stylesheets;
    }

    /** @return {@link #stylesheets()} as URLs for {@code Scene.getStylesheets()} */
    public List<String> stylesheetUrls() {
        return stylesheets.stream().map(s -> Theme.class.getResource(s).toExternalForm()).toList();
    }

    /** @return the background of canvases and charts */
    public Color background() {
        return background;
    }

    /** @return the colour of text and lines on {@link #background()} */
    public Color ink() {
        return ink;
    }

    /** @return the colour of secondary text (axis titles, notes) */
    public Color muted() {
        return muted;
    }

    /** @return the colour of grid lines */
    public Color grid() {
        return grid;
    }

    /** @return the colour of a chart's first series (the training loss) */
    public Color series() {
        return series;
    }

    /** @return the colour of a chart's second series (the test loss) */
    public Color secondSeries() {
        return secondSeries;
    }

    /** @return the (opaque) box behind numbers on the network graph; {@link #ink()} reads on it at ≥ 7:1 */
    public Color labelBox() {
        return graph.labelBox();
    }

    /** @return the colour of graph text that is not part of the highlighted phase (deliberately faint) */
    public Color dimInk() {
        return graph.dimInk();
    }

    /** @return the translucent glow around the neurons of the phase that just ran */
    public Color glow() {
        return graph.glow();
    }

    /** @return the neuron fill of an activation of 0 on the sequential 0 … 1 scale (near the background) */
    public Color activationLow() {
        return graph.activationLow();
    }

    /** @return the neuron fill of an activation of 1 on the sequential 0 … 1 scale (far from the background) */
    public Color activationHigh() {
        return graph.activationHigh();
    }

    /** @return {@code t} ∈ [0, 1] on the sequential activation scale */
    public Color activation(double t) {
        return activationLow().interpolate(activationHigh(), Math.max(0, Math.min(1, t)));
    }

    /**
     * @param weightColour a colour of the weight scale (blue, orange, purple, green …)
     * @return a shade of it that reads as text on {@link #labelBox()} at ≥ 7:1: darker on light, lighter on dark
     */
    public Color edgeInk(Color weightColour) {
        Color c = this == DARK ? weightColour.interpolate(Color.WHITE, 0.6) : weightColour.deriveColor(0, 1.1, 0.62, 1);
        for (int i = 1; i <= 10 && contrast(c, labelBox()) < 7; i++) {
            c = c.interpolate(ink, 0.1 * i);
        }
        return c;
    }

    /** @return the contrast ratio (WCAG 2) of two opaque colours, 1 … 21 */
    public static double contrast(Color a, Color b) {
        double la = relativeLuminance(a);
        double lb = relativeLuminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double relativeLuminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** @return {@code c} as {@code #rrggbb}, for code that needs another colour type (the chart factory) */
    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    @Override
    public String toString() {
        return text;
    }
}

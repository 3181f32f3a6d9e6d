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
    LIGHT("Light", List.of(Theme.BASE), "#fcfcfd", "#1f2328", "#5b616b", "#dddddd", "#1f5f9f", "#d95f02"),
    /** Light text on a near-black background, for dim rooms and projectors. */
    DARK("Dark (high contrast)", List.of(Theme.BASE, "/org/backproplab/ui/app-dark.css"), "#1e232b", "#f2f4f7",
            "#b4bcc8", "#3a414c", "#6cb6ff", "#ffa657");

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

    Theme(String text, List<String> stylesheets, String background, String ink, String muted, String grid,
          String series, String secondSeries) {
        this.text = text;
        this.stylesheets = stylesheets;
        this.background = Color.web(background);
        this.ink = Color.web(ink);
        this.muted = Color.web(muted);
        this.grid = Color.web(grid);
        this.series = Color.web(series);
        this.secondSeries = Color.web(secondSeries);
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

package org.backproplab.ui;

import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * The look that more than one feature shares, kept here so that no feature borrows it from another: the root
 * font size that the zoom multiplies, and the stylesheet of the side panels and dialogs. The colours are the
 * theme's ({@link Theme}: {@code app.css} defines them as looked-up colours on {@code .root}).
 */
public final class Styles {
    /** The root font size at 100 % zoom, px (as in {@code app.css}); every em in the stylesheets follows it. */
    public static final double BASE_FONT_PX = 14;

    /**
     * The stylesheet of the side panels and data dialogs (the architecture editor, the data-set dialogs, the
     * scores and the test split).
     */
    public static final String PANELS = "/org/backproplab/ui/panels.css";

    private Styles() {
    }

    /** @return the root font size at {@code zoom} (1 = 100 %), px */
    public static double rootFontPx(double zoom) {
        return BASE_FONT_PX * zoom;
    }

    /** @return the inline style that sets a root font size, e.g. {@code -fx-font-size: 21.0px;} */
    public static String fontStyle(double px) {
        return String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", px);
    }

    /** A panel's text size in lecture mode, as a share of the lecture's (the derivation's) size. */
    public static final double LECTURE_PANEL_SHARE = 0.8;

    /**
     * Keeps the text of a panel beside or in place of the derivation at {@link #LECTURE_PANEL_SHARE} of the lecture's
     * size in lecture mode, read from the back of the room as the derivation, and at the usual size otherwise.
     *
     * @param panel the node to size, or null while it is not made
     * @return sizes it now (call when it is made)
     */
    public static Runnable followLectureText(UiState state, Supplier<Node> panel) {
        Runnable size = () -> {
            Node n = panel.get();
            if (n != null) {
                n.setStyle(state.lectureText() > 0 ? fontStyle(LECTURE_PANEL_SHARE * state.lectureText()) : "");
            }
        };
        state.lectureProperty().addListener((o, was, is) -> size.run());
        state.lectureTextProperty().addListener((o, was, is) -> size.run());
        return size;
    }

    /** Adds the {@link #PANELS} stylesheet to {@code p}. */
    public static void addPanelsStylesheet(Parent p) {
        p.getStylesheets().add(url(PANELS));
    }

    /** @return the URL of a class-path resource such as {@link #PANELS}, for {@code getStylesheets()} */
    public static String url(String resource) {
        var u = Styles.class.getResource(resource);
        if (u == null) {
            throw new IllegalStateException("stylesheet " + resource + " is missing from the class path");
        }
        return u.toExternalForm();
    }
}

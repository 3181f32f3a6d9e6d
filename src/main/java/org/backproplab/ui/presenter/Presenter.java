package org.backproplab.ui.presenter;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.backproplab.ui.ColorScale;
import org.backproplab.ui.Styles;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState;

/**
 * Presenter mode as state and commands (no nodes): the zoom of the whole window in steps from 75 % to 250 %,
 * full screen, the theme and the colour scale. The choices live in {@link UiState} so every view follows them,
 * and are remembered through {@link PresenterPrefs}.
 */
public final class Presenter {
    /** Smallest and largest zoom. */
    public static final double MIN_ZOOM = 0.75;
    public static final double MAX_ZOOM = 2.5;
    /** The zoom steps of Ctrl + plus and Ctrl + minus. */
    static final double[] STEPS = {0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5};

    private final UiState state;
    private final BooleanProperty fullScreen = new SimpleBooleanProperty(this, "fullScreen", false);

    /**
     * @param state the view state to steer
     * @param prefs where the choices are remembered; they are loaded now and saved on every change
     */
    public Presenter(UiState state, PresenterPrefs prefs) {
        this.state = state;
        prefs.load(state);
        prefs.follow(state);
    }

    /** @return {@code z} clamped to {@link #MIN_ZOOM}..{@link #MAX_ZOOM} */
    public static double clamp(double z) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }

    // Properties

    /** @return true while the window fills the screen (follows the stage both ways) */
    public BooleanProperty fullScreenProperty() {
        return fullScreen;
    }

    /** @return the zoom now, 1 = 100 % */
    public double zoom() {
        return state.zoomProperty().get();
    }

    /** @return the root font size for the zoom now, px */
    public double rootFontPx() {
        return Styles.rootFontPx(zoom());
    }

    public UiState state() {
        return state;
    }

    // Commands

    /** The next larger step (at most 250 %). */
    public void zoomIn() {
        for (double s : STEPS) {
            if (s > zoom() + 1e-9) {
                setZoom(s);
                return;
            }
        }
        setZoom(MAX_ZOOM);
    }

    /** The next smaller step (at least 75 %). */
    public void zoomOut() {
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < zoom() - 1e-9) {
                setZoom(STEPS[i]);
                return;
            }
        }
        setZoom(MIN_ZOOM);
    }

    /** Back to 100 %. */
    public void resetZoom() {
        setZoom(1.0);
    }

    /** Sets the zoom, clamped to 75 %..250 %. */
    public void setZoom(double z) {
        if (Double.isFinite(z)) {
            state.zoomProperty().set(clamp(z));
        }
    }

    public void toggleFullScreen() {
        fullScreen.set(!fullScreen.get());
    }

    public void setTheme(Theme t) {
        state.themeProperty().set(t);
    }

    public void setColorScale(ColorScale c) {
        state.colorScaleProperty().set(c);
    }
}

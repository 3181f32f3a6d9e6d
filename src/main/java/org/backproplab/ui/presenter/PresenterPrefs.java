package org.backproplab.ui.presenter;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.backproplab.ui.ColorScale;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState;

/**
 * The presenter choices remembered between runs (theme, zoom, colour scale, numbers on the graph, the neurons'
 * heatmaps), kept in a
 * {@link Preferences} node: the user's {@code org/backproplab} in the application, a throw-away node in tests.
 * A stored value that is unknown or out of range is ignored (the default stays).
 */
public final class PresenterPrefs {
    /** The user's node of the application. */
    public static final String NODE = "org/backproplab";
    static final String THEME = "theme";
    static final String ZOOM = "zoom";
    static final String COLOR_SCALE = "colorScale";
    static final String NUMBERS = "numbers";
    static final String NEURON_THUMBNAILS = "neuronThumbnails";

    private final Preferences node;

    /** @param node where the choices are read and written */
    public PresenterPrefs(Preferences node) {
        this.node = node;
    }

    /** @return the preferences of the current user ({@value #NODE}) */
    public static PresenterPrefs user() {
        return new PresenterPrefs(Preferences.userRoot().node(NODE));
    }

    /** @return the node the choices live in */
    public Preferences node() {
        return node;
    }

    /** Puts the stored choices into {@code state}, leaving each one whose stored value is missing or bad. */
    public void load(UiState state) {
        state.themeProperty().set(read(THEME, Theme.class, state.themeProperty().get()));
        state.colorScaleProperty().set(read(COLOR_SCALE, ColorScale.class, state.colorScaleProperty().get()));
        state.numbersProperty().set(read(NUMBERS, UiState.Numbers.class, state.numbersProperty().get()));
        state.neuronThumbnailsProperty().set(node.getBoolean(NEURON_THUMBNAILS, state.neuronThumbnailsProperty().get()));
        double z = node.getDouble(ZOOM, state.zoomProperty().get());
        if (Double.isFinite(z)) {
            state.zoomProperty().set(Presenter.clamp(z));
        }
    }

    /** Writes the choices of {@code state} now. */
    public void save(UiState state) {
        node.put(THEME, state.themeProperty().get().name());
        node.put(COLOR_SCALE, state.colorScaleProperty().get().name());
        node.put(NUMBERS, state.numbersProperty().get().name());
        node.putDouble(ZOOM, state.zoomProperty().get());
        node.putBoolean(NEURON_THUMBNAILS, state.neuronThumbnailsProperty().get());
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            System.err.println("Backprop Lab: could not save the view settings: " + e.getMessage());
        }
    }

    /** Saves whenever one of the remembered choices of {@code state} changes. */
    public void follow(UiState state) {
        state.themeProperty().addListener((o, a, b) -> save(state));
        state.colorScaleProperty().addListener((o, a, b) -> save(state));
        state.numbersProperty().addListener((o, a, b) -> save(state));
        state.zoomProperty().addListener((o, a, b) -> save(state));
        state.neuronThumbnailsProperty().addListener((o, a, b) -> save(state));
    }

    private <E extends Enum<E>> E read(String key, Class<E> type, E fallback) {
        String v = node.get(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}

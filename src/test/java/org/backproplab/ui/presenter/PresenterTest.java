package org.backproplab.ui.presenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.prefs.Preferences;
import org.backproplab.ui.ColorScale;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Zoom steps and limits, and choices remembered through a throw-away preferences node. */
class PresenterTest {
    private Preferences node;

    @BeforeEach
    void node() {
        node = Preferences.userRoot().node("org/backproplab-test/presenter-" + System.nanoTime());
    }

    @AfterEach
    void remove() throws Exception {
        node.removeNode();
    }

    @Test
    void zoomStepsAreClampedTo75And250Percent() {
        Presenter p = new Presenter(new UiState(), new PresenterPrefs(node));
        assertEquals(1.0, p.zoom());
        assertEquals(14.0, p.rootFontPx());
        p.zoomIn();
        assertEquals(1.1, p.zoom(), 1e-12);
        for (int i = 0; i < 20; i++) {
            p.zoomIn();
        }
        assertEquals(2.5, p.zoom());
        assertEquals(35.0, p.rootFontPx(), 1e-9);
        for (int i = 0; i < 20; i++) {
            p.zoomOut();
        }
        assertEquals(0.75, p.zoom());
        p.setZoom(9);
        assertEquals(2.5, p.zoom());
        p.setZoom(Double.NaN);
        assertEquals(2.5, p.zoom(), "not a number: nothing changes");
        p.resetZoom();
        assertEquals(1.0, p.zoom());
    }

    @Test
    void choicesPersistAndAreReadBackByAFreshInstance() {
        UiState first = new UiState();
        Presenter p = new Presenter(first, new PresenterPrefs(node));
        p.setTheme(Theme.DARK);
        p.setColorScale(ColorScale.PURPLE_GREEN);
        p.setZoom(1.5);
        first.numbersProperty().set(UiState.Numbers.GRADIENTS);
        first.neuronThumbnailsProperty().set(false);

        UiState second = new UiState();
        new Presenter(second, new PresenterPrefs(Preferences.userRoot().node(node.absolutePath())));
        assertEquals(Theme.DARK, second.themeProperty().get());
        assertEquals(ColorScale.PURPLE_GREEN, second.colorScaleProperty().get());
        assertEquals(1.5, second.zoomProperty().get());
        assertEquals(UiState.Numbers.GRADIENTS, second.numbersProperty().get());
        assertEquals(false, second.neuronThumbnailsProperty().get(), "the neuron maps stay off");
    }

    @Test
    void badStoredValuesAreIgnored() {
        node.put(PresenterPrefs.THEME, "NEON");
        node.putDouble(PresenterPrefs.ZOOM, 40);
        node.put(PresenterPrefs.COLOR_SCALE, "");
        UiState s = new UiState();
        new PresenterPrefs(node).load(s);
        assertEquals(Theme.LIGHT, s.themeProperty().get());
        assertEquals(2.5, s.zoomProperty().get(), "clamped");
        assertEquals(ColorScale.BLUE_ORANGE, s.colorScaleProperty().get());
    }
}

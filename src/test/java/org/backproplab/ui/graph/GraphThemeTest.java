package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.paint.Color;
import org.backproplab.data.Dataset;
import org.backproplab.data.Presets;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.ColorScale;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState;
import org.backproplab.ui.UiState.Numbers;
import org.backproplab.ui.graph.GraphScene.Label;
import org.backproplab.ui.graph.GraphScene.Neuron;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The graph takes every colour (background, text, label boxes, neuron fills) from the window's theme. */
class GraphThemeTest {
    private TrainingSession session;
    private UiState state;
    private NetworkViewModel vm;
    private Snapshot snapshot;

    @BeforeEach
    void setUp() throws Exception {
        session = new TrainingSession(Presets.get("xor"));
        state = new UiState();
        state.numbersProperty().set(Numbers.EVERYTHING);
        state.selectedSampleProperty().set(0);
        vm = new NetworkViewModel(state);
        vm.setSize(1000, 620);
        snapshot = session.sync().get(10, TimeUnit.SECONDS);
        vm.setSnapshot(snapshot);
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    private GraphScene sceneIn(Theme theme) {
        state.themeProperty().set(theme);
        vm.invalidate();
        return vm.scene();
    }

    @Test
    void sceneColoursFollowTheThemeAndTextReadsOnItsLabelBoxes() {
        for (Theme theme : new Theme[] {Theme.DARK, Theme.LIGHT, Theme.DARK}) {
            GraphScene s = sceneIn(theme);
            assertSame(theme, s.theme(), "the painter's background, captions and legend come from this theme");
            assertFalse(s.labels().isEmpty());
            for (Label l : s.labels()) {
                if (l.kind() != Label.Kind.EDGE) {
                    assertEquals(l.dim() ? theme.dimInk() : theme.ink(), l.ink(), theme + " " + l.lines());
                }
                assertTrue(Theme.contrast(l.ink(), theme.labelBox()) >= (l.dim() ? 3 : 7),
                        theme + " " + l.lines() + " contrast " + Theme.contrast(l.ink(), theme.labelBox()));
            }
            Dataset d = snapshot.scenario().dataset();
            for (Neuron n : s.neurons()) {
                assertTrue(Theme.contrast(n.ink(), n.fill()) >= 4, theme + " " + n.name() + " (large bold) on its fill");
                if (n.layer() == 0) {
                    double x = d.input(0, n.index());
                    assertEquals(x == 0 ? theme.activationLow() : theme.activationHigh(), n.fill(), n.name());
                }
            }
        }
        assertTrue(Theme.contrast(Theme.DARK.activationLow(), Theme.DARK.background()) < 1.5, "0 looks like the background");
        assertTrue(Theme.contrast(Theme.DARK.activationHigh(), Theme.DARK.background()) > 7, "1 stands out");
    }

    @Test
    void everyThemeKeepsSevenToOneForTextAndWeightNumbers() {
        for (Theme t : Theme.values()) {
            assertTrue(Theme.contrast(t.ink(), t.background()) >= 7, t + " ink");
            assertTrue(Theme.contrast(t.ink(), t.labelBox()) >= 7, t + " ink on label box");
            for (ColorScale scale : ColorScale.values()) {
                for (Color c : new Color[] {scale.negative(), scale.positive()}) {
                    assertTrue(Theme.contrast(t.edgeInk(c), t.labelBox()) >= 7, t + " " + scale + " " + c);
                }
            }
        }
    }
}

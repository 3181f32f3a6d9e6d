package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.backproplab.data.Presets;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState;
import org.backproplab.ui.graph.GraphScene.Label;
import org.backproplab.ui.graph.GraphScene.Neuron;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the graph writes, measured with the real font: an input's value beside its name, never over it; inputs
 * filled plainly, not in the weights' colours; the legend's tick labels apart at any weight.
 */
class GraphLabelsFxTest {
    /** The graph's area in a 1024×768 window (as it opens, and with the panes dragged smaller) and in a 1920×1080 one. */
    private static final double[][] SIZES = {{600, 300}, {640, 390}, {1250, 560}};

    private TrainingSession session;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private static Bounds textBounds(String s, Font font, double cx, double cy) {
        Text t = new Text(s);
        t.setFont(font);
        double w = t.getLayoutBounds().getWidth();
        double h = t.getLayoutBounds().getHeight();
        return new BoundingBox(cx - w / 2, cy - h / 2, w, h);
    }

    private static Bounds bounds(Label l) {
        return new BoundingBox(l.x(), l.y(), l.w(), l.h());
    }

    private NetworkViewModel graph(UiState state, double w, double h) throws Exception {
        session = session == null ? new TrainingSession(Presets.get("gender")) : session;
        Snapshot s = session.sync().get(10, TimeUnit.SECONDS);
        NetworkViewModel vm = new NetworkViewModel(state);
        vm.setSize(w, h);
        vm.setSnapshot(s);
        return vm;
    }

    @Test
    void anInputsValueIsWrittenBesideItsNameNotOverIt() throws Exception {
        for (double[] size : SIZES) {
            for (Theme theme : Theme.values()) {
                UiState state = new UiState();
                state.themeProperty().set(theme);
                NetworkViewModel vm = graph(state, size[0], size[1]);
                GraphScene scene = WaitForAsyncUtils.asyncFx(vm::scene).get(10, TimeUnit.SECONDS);
                List<Neuron> inputs = scene.neurons().stream().filter(n -> n.layer() == 0).toList();
                assertEquals(List.of("weight", "height"), inputs.stream().map(Neuron::name).toList());
                for (Neuron n : inputs) {
                    String value = GraphText.num(vm.snapshot().scenario().dataset().input(0, n.index()));
                    Label label = scene.labels().stream().filter(l -> l.lines().equals(List.of(value))
                            && l.kind() == Label.Kind.SIDE).findFirst().orElse(null);
                    assertNotNull(label, n.name() + "'s value " + value + " is written at " + size[0] + "×" + size[1]);
                    Bounds name = WaitForAsyncUtils.asyncFx(() -> textBounds(n.name(),
                            GraphPainter.font(GraphPainter.nameSize(n, scene.font()), true), n.x(), n.y()))
                            .get(10, TimeUnit.SECONDS);
                    assertFalse(bounds(label).intersects(name), n.name() + ": value " + bounds(label) + " over name " + name);
                }
            }
        }
    }

    @Test
    void inputsAreFilledPlainlyNotInTheWeightsColours() throws Exception {
        for (Theme theme : Theme.values()) {
            UiState state = new UiState();
            state.themeProperty().set(theme);
            NetworkViewModel vm = graph(state, 1000, 600);
            GraphScene scene = vm.scene();
            for (Neuron n : scene.neurons().stream().filter(n -> n.layer() == 0).toList()) {
                double x = vm.snapshot().scenario().dataset().input(0, n.index());
                assertTrue(x < 0, "people's inputs are signed (Alice's " + n.name() + " is " + x + ")");
                assertEquals(theme.activationLow(), n.fill(), n.name() + " in " + theme);
                assertNotEquals(state.colorScaleProperty().get().color(x, 1), n.fill());
            }
            assertFalse(scene.legend().fillOther().contains("inputs"), "the legend does not say inputs are coloured as w");
        }
    }

    @Test
    void theLegendsTickLabelsStayApartAtAnyWeight() throws Exception {
        for (double range : new double[] {1e300, 1.234567e300, 9.87e-300, 123456, 2.5, 0.5}) {
            for (double f : new double[] {13, 17, 26}) {
                List<LegendPainter.Tick> ticks = WaitForAsyncUtils.asyncFx(() -> LegendPainter.ticks(range, 12, 11 * f, f))
                        .get(10, TimeUnit.SECONDS);
                assertTrue(ticks.size() >= 2, "both ends are labelled");
                Font font = GraphPainter.font(f * 0.85, false);
                for (int i = 0; i < ticks.size(); i++) {
                    LegendPainter.Tick t = ticks.get(i);
                    Bounds b = WaitForAsyncUtils.asyncFx(() -> textBounds(t.text(), font, 0, 0)).get(10, TimeUnit.SECONDS);
                    assertEquals(b.getWidth(), t.right() - t.left(), 1e-6, "the bounds are the text's");
                    assertTrue(t.left() >= 12 - 1e-9 && t.right() <= 12 + 11 * f + 1e-9, t + " under the bar");
                    for (int j = i + 1; j < ticks.size(); j++) {
                        assertTrue(t.right() < ticks.get(j).left(), range + " at " + f + " px: " + t + " overlaps " + ticks.get(j));
                    }
                }
                if (range >= 1e-3 && range < 1e6) {
                    assertEquals(3, ticks.size(), "an ordinary range keeps its 0 tick: " + ticks);
                }
            }
        }
    }

    @Test
    void aWeightOf1e300KeepsTheLegendReadable() throws Exception {
        UiState state = new UiState();
        NetworkViewModel vm = graph(state, 640, 390);
        session.setWeight(1, 0, 0, 1e300);
        vm.setSnapshot(session.sync().get(10, TimeUnit.SECONDS));
        assertEquals(1e300, vm.range());
        GraphScene scene = vm.scene();
        assertNotNull(scene.legend());
        List<LegendPainter.Tick> ticks = WaitForAsyncUtils.asyncFx(
                () -> LegendPainter.ticks(scene.legend().range(), 12, 11 * scene.font(), scene.font())).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("−1e300", "0", "1e300"), ticks.stream().map(LegendPainter.Tick::text).toList());
    }
}

package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.data.Scenarios;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Network;
import org.backproplab.engine.Phase;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.ui.graph.GraphScene.BiasNode;
import org.backproplab.ui.graph.GraphScene.Edge;
import org.backproplab.ui.graph.GraphScene.Label;
import org.backproplab.ui.graph.GraphScene.Neuron;
import org.junit.jupiter.api.Test;

/**
 * The graph never drops a number silently: for every preset and the largest network the architecture editor
 * allows, at the graph's size in a 1024×768, 1280×800 and 1920×1080 window, normal and lecture mode, at rest and
 * after every phase of an iteration, each number the phase needs is either drawn — on its edge or with a leader
 * line to it, overlapping no other label and no node — or counted in the visible note.
 */
class NoSilentDropTest {
    /** Graph areas: width, height, lecture text size (0: normal mode), as the real window gives them. */
    private static final double[][] AREAS = {
        {600, 300, 0}, {640, 390, 0}, {1250, 560, 0},
        {594, 585, 22}, {742, 620, 22.92}, {1190, 900, 30.94}};

    private static List<Scenario> scenarios() {
        List<Scenario> all = new ArrayList<>(Presets.all());
        Scenario xor = Presets.get("xor");
        List<LayerSpec> big = new ArrayList<>();
        for (int i = 0; i < Scenarios.MAX_HIDDEN_LAYERS; i++) {
            big.add(new LayerSpec(Scenarios.MAX_NEURONS, Activation.SIGMOID, true));
        }
        big.add(new LayerSpec(1, Activation.SIGMOID, true));
        all.add(xor.withLayers(big));
        return all;
    }

    @Test
    void everyNumberThePhaseNeedsIsDrawnOrCounted() throws Exception {
        for (Scenario sc : scenarios()) {
            try (TrainingSession session = new TrainingSession(sc)) {
                Snapshot s = session.sync().get(20, TimeUnit.SECONDS);
                List<Snapshot> states = new ArrayList<>(List.of(s));
                for (int p = 0; p < s.phases().size(); p++) {
                    session.stepPhase();
                    states.add(session.sync().get(20, TimeUnit.SECONDS));
                }
                for (double[] area : AREAS) {
                    for (UiState.Numbers numbers : new UiState.Numbers[] {UiState.Numbers.WEIGHTS, UiState.Numbers.EVERYTHING}) {
                        check(sc.name() + " (" + s.network().depth() + " layers)", states, area, numbers);
                    }
                }
            }
        }
    }

    /**
     * Selecting a hidden neuron in Backward 1 labels every edge into it and its δ: in the normal window and in
     * lecture mode at 1280×800 and 1920×1080 (at 1024×768 the last of them may have to be counted in the note
     * instead: see the test above).
     */
    @Test
    void theSelectedNeuronsNumbersAndTheEdgesIntoItAreDrawn() throws Exception {
        try (TrainingSession session = new TrainingSession(Presets.get("xor"))) {
            for (int p = 0; p < 5; p++) {
                session.stepPhase(); // to Backward 1: δ of the hidden layer, ∂L/∂w of the edges into it
            }
            Snapshot s = session.sync().get(20, TimeUnit.SECONDS);
            for (double[] area : new double[][] {AREAS[0], AREAS[4], AREAS[5]}) {
                UiState state = new UiState();
                state.lectureProperty().set(area[2] > 0);
                state.lectureTextProperty().set(area[2]);
                NetworkViewModel vm = new NetworkViewModel(state);
                vm.setSize(area[0], area[1]);
                vm.setSnapshot(s);
                assertEquals(new Phase(Phase.Kind.BACKWARD, 1), vm.shownPhase());
                for (int h = 0; h < 4; h++) {
                    state.selectedNeuronProperty().set(new UiState.NeuronRef(1, h));
                    vm.invalidate();
                    GraphScene scene = vm.scene();
                    int hh = h;
                    for (int from = 0; from < 3; from++) {
                        EdgeRef e = new EdgeRef(1, from, h);
                        assertTrue(scene.labels().stream().anyMatch(l -> e.equals(l.edge())),
                                "h" + (h + 1) + " selected at " + area[0] + "×" + area[1] + ": " + e.name() + " labelled");
                    }
                    Neuron n = scene.neurons().stream().filter(x -> x.layer() == 1 && x.index() == hh).findFirst().orElseThrow();
                    assertTrue(scene.labels().stream().anyMatch(l -> l.kind() == Label.Kind.NEURON
                            && Math.hypot(l.x() + l.w() / 2 - n.x(), l.y() + l.h() / 2 - n.y()) < n.r() + Math.hypot(l.w(), l.h())
                            && l.lines().get(0).startsWith("δ = ")), "h" + (hh + 1) + "'s δ is written beside it");
                }
            }
        }
    }

    private static void check(String name, List<Snapshot> states, double[] area, UiState.Numbers numbers) {
        UiState state = new UiState();
        state.themeProperty().set(area[2] > 0 ? Theme.DARK : Theme.LIGHT);
        state.numbersProperty().set(numbers);
        state.lectureProperty().set(area[2] > 0);
        state.lectureTextProperty().set(area[2]);
        NetworkViewModel vm = new NetworkViewModel(state);
        vm.setSize(area[0], area[1]);
        for (Snapshot snap : states) {
            vm.setSnapshot(snap);
            GraphScene scene = vm.scene();
            String where = name + " at " + (int) area[0] + "×" + (int) area[1] + (area[2] > 0 ? " lecture" : "")
                    + ", " + numbers + ", phase " + vm.shownPhase();
            if (area[2] > 0) {
                assertTrue(scene.font() >= 22, where + ": numbers at " + scene.font() + " px");
                for (Edge e : scene.edges()) {
                    assertTrue(e.width() >= 3, where + ": an edge " + e.width() + " px wide");
                }
                for (String line : scene.note().split("\n")) {
                    double size = LabelLeaders.fitted(line, 0.95 * scene.font(), false, scene.width() - 24).getSize();
                    assertTrue(size >= 0.95 * scene.font() - 1e-3, where + ": the note '" + line + "' shrunk to "
                            + size + " px to fit");
                }
            }
            checkScene(scene, where, vm, numbers);
        }
    }

    private static void checkScene(GraphScene scene, String where, NetworkViewModel vm, UiState.Numbers numbers) {
        List<Label> labels = scene.labels();
        int drawn = 0;
        for (int i = 0; i < labels.size(); i++) {
            Label a = labels.get(i);
            drawn += a.lines().size();
            assertTrue(a.x() >= 0 && a.y() >= 0 && a.x() + a.w() <= scene.width() && a.y() + a.h() <= scene.height(),
                    where + ": " + a.lines() + " outside the graph");
            for (int j = i + 1; j < labels.size(); j++) {
                Label b = labels.get(j);
                assertFalse(a.overlaps(b.x(), b.y(), b.w(), b.h()), where + ": " + a.lines() + " over " + b.lines());
            }
            for (Neuron n : scene.neurons()) {
                assertFalse(a.overlaps(n.x() - n.r(), n.y() - n.r(), 2 * n.r(), 2 * n.r()),
                        where + ": " + a.lines() + " over neuron " + n.name());
            }
            for (BiasNode b : scene.biases()) {
                double h = b.size() / 2;
                assertFalse(a.overlaps(b.x() - h, b.y() - h, b.size(), b.size()), where + ": " + a.lines() + " over a +1 node");
            }
            if (a.kind() == Label.Kind.EDGE) {
                Edge e = scene.edges().stream().filter(x -> x.ref().equals(a.edge())).findFirst().orElseThrow();
                if (a.leader() == null) {
                    double cx = a.x() + a.w() / 2;
                    double cy = a.y() + a.h() / 2;
                    assertTrue(e.distance(cx, cy) < 1, where + ": " + a.lines() + " neither on its edge nor led to it");
                } else {
                    assertTrue(e.distance(a.leader().x2(), a.leader().y2()) < 1, where + ": the leader of " + a.lines()
                            + " ends off its edge");
                    assertTrue(a.overlaps(a.leader().x1() - 0.5, a.leader().y1() - 0.5, 1, 1),
                            where + ": the leader of " + a.lines() + " starts away from its label");
                }
            }
        }
        GraphScene.Numbers n = scene.numbers();
        assertEquals(n.needed(), drawn + n.hidden(), where + ": drawn and hidden add up to what the phase needs");
        assertEquals(needed(vm, numbers), n.needed(), where + ": the numbers the phase needs");
        assertEquals(n.hidden() > 0, !n.note().isEmpty(), where + ": a note exactly when something is hidden");
        if (n.hidden() > 0) {
            assertTrue(n.note().startsWith("+" + n.hidden() + " more"), where + ": " + n.note());
        }
    }

    /**
     * @return the numbers the phase needs, counted from the network and the phase alone: every edge of the
     *         layer the phase shows (all layers at rest; two per edge for "everything" once a gradient is known),
     *         the z and a of the layer computed, the a of the layer read, the δ of the layers of a backward phase,
     *         each input's value (and the bias mark), ŷ and y per output (and ℓ in the loss phase); for image
     *         inputs drawn as a picture, neither the inputs' values nor the first layer's weights
     */
    private static int needed(NetworkViewModel vm, UiState.Numbers numbers) {
        Snapshot s = vm.snapshot();
        Network net = s.network();
        Phase p = vm.shownPhase();
        int depth = net.depth();
        // image inputs (digits) are drawn as the sample's picture and each first-layer neuron's weights as its
        // picture: those numbers are shown as pixels (the value on hover, the weights in the inspector), not labels
        boolean picture = vm.scene().picture() != null;
        int n = 0;
        for (int i = 0; i < net.size(0) && !picture; i++) {
            n += 1; // an input's value, or "bias (=1)"
        }
        boolean yHat = s.phaseIndex() == 0 || s.trace() == null || s.trace().output() != null;
        n += net.size(depth) * ((yHat ? 2 : 1) + (p != null && p.kind() == Phase.Kind.LOSS ? 1 : 0));
        for (int l = 1; l <= depth; l++) {
            int weights = picture && l == 1 ? 0 : net.layer(l).inputSize() * net.size(l);
            int edges = weights + (net.layer(l).hasBias() ? net.size(l) : 0);
            boolean shown = p == null || p.kind() == Phase.Kind.UPDATE
                    || (p.kind() == Phase.Kind.FORWARD || p.kind() == Phase.Kind.BACKWARD) && p.layer() == l;
            if (shown) {
                double g = vm.gradient(new EdgeRef(l, 0, 0));
                n += edges * (p == null && numbers == UiState.Numbers.EVERYTHING && !Double.isNaN(g) ? 2 : 1);
            }
            int hidden = l < depth ? 1 : 0;
            if (p == null) {
                n += numbers == UiState.Numbers.EVERYTHING ? net.size(l) * (1 + hidden) : 0;
            } else if (p.kind() == Phase.Kind.FORWARD) {
                n += l == p.layer() ? net.size(l) * (1 + hidden) : l == p.layer() - 1 ? net.size(l) * hidden : 0;
            } else if (p.kind() == Phase.Kind.BACKWARD) {
                n += l == p.layer() || l == p.layer() + 1 || l == p.layer() - 1 ? net.size(l) : 0;
            }
        }
        return n;
    }
}

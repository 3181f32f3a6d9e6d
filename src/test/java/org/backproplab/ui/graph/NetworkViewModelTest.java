package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.paint.Color;
import org.backproplab.data.Presets;
import org.backproplab.engine.Phase;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.ColorScale;
import org.backproplab.ui.UiState;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.ui.UiState.Numbers;
import org.backproplab.ui.graph.GraphScene.Edge;
import org.backproplab.ui.graph.GraphScene.Emphasis;
import org.backproplab.ui.graph.GraphScene.Label;
import org.backproplab.ui.graph.GraphScene.Neuron;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The graph's view model on the xor preset (3-4-1, sigmoid, x3 = 1 as the bias input), without a window. */
class NetworkViewModelTest {
    private static final double W = 1000;
    private static final double H = 620;

    private TrainingSession session;
    private UiState state;
    private NetworkViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        session = new TrainingSession(Presets.get("xor"));
        state = new UiState();
        vm = new NetworkViewModel(state);
        vm.setSize(W, H);
        take();
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    private Snapshot take() throws Exception {
        Snapshot s = session.sync().get(10, TimeUnit.SECONDS);
        vm.setSnapshot(s);
        return s;
    }

    private Edge edge(EdgeRef ref) {
        return vm.scene().edges().stream().filter(e -> e.ref().equals(ref)).findFirst().orElseThrow();
    }

    private List<String> texts(Label.Kind kind) {
        return vm.scene().labels().stream().filter(l -> l.kind() == kind).flatMap(l -> l.lines().stream()).toList();
    }

    @Test
    void onASmallGraphThePhasesOwnNumbersArePlacedFirst() throws Exception {
        session.step(); // iteration 1, then forward 1, forward 2, loss, backward 2 of iteration 2
        for (int i = 0; i < 4; i++) {
            session.stepPhase();
        }
        take();
        vm.setSize(675, 350); // the graph of a 1024×768 window
        assertEquals(new Phase(Phase.Kind.BACKWARD, 2), vm.shownPhase());
        long active = vm.scene().edges().stream().filter(e -> e.emphasis() == Emphasis.ACTIVE).count();
        assertEquals(4, active);
        assertEquals(active, vm.scene().labels().stream().filter(l -> l.kind() == Label.Kind.EDGE).count(),
                "every ∂L/∂w of the layer being backpropagated is shown, before the a of the layer below");
    }

    @Test
    void aShortGraphAtALargeZoomDropsItsLegendToKeepTheNeuronsApart() {
        assertNotNull(vm.scene().legend(), "room enough: a legend");
        state.zoomProperty().set(1.5);
        vm.invalidate();
        vm.setSize(840, 330); // the graph of a 1280×800 window at 150 %
        GraphScene s = vm.scene();
        assertNull(s.legend());
        List<Neuron> hidden = s.neurons().subList(3, 7);
        for (int i = 1; i < hidden.size(); i++) {
            double gap = hidden.get(i).y() - hidden.get(i - 1).y();
            assertTrue(gap > 2.2 * hidden.get(i).r(), "neurons apart: gap " + gap + ", radius " + hidden.get(i).r());
        }
    }

    @Test
    void neuronsSitInEvenlySpacedColumnsInsideTheArea() {
        List<Neuron> ns = vm.scene().neurons();
        assertEquals(3 + 4 + 1, ns.size());
        double[] xs = {ns.get(0).x(), ns.get(3).x(), ns.get(7).x()};
        assertEquals(xs[1] - xs[0], xs[2] - xs[1], 1e-9, "columns evenly spaced");
        for (int i = 0; i < 3; i++) {
            assertEquals(xs[0], ns.get(i).x(), 1e-9);
        }
        double gap = ns.get(4).y() - ns.get(3).y();
        assertTrue(gap > 2 * ns.get(3).r(), "hidden neurons do not touch");
        assertEquals(gap, ns.get(6).y() - ns.get(5).y(), 1e-9, "neurons evenly spaced");
        for (Neuron n : ns) {
            assertTrue(n.x() - n.r() > 0 && n.x() + n.r() < W && n.y() - n.r() > 0 && n.y() + n.r() < H, n.name());
        }
        assertEquals(List.of("x1", "x2", "x3", "h1", "h2", "h3", "h4", "ŷ"), ns.stream().map(Neuron::name).toList());
        assertTrue(ns.get(2).biasInput() && !ns.get(0).biasInput(), "x3 is the bias input");
        assertTrue(texts(Label.Kind.SIDE).contains("bias (=1)"));
        assertEquals("Hidden 1", vm.scene().headers().get(1).title());
        assertEquals("σ sigmoid", vm.scene().headers().get(1).subtitle());
    }

    @Test
    void hitTestFindsTheEdgeUnderThePointerWithinSixPixels() {
        EdgeRef ref = new EdgeRef(2, 1, 0);
        Edge e = edge(ref);
        double mx = (e.x1() + e.x2()) / 2;
        double my = (e.y1() + e.y2()) / 2;
        assertEquals(ref, vm.hitTest(mx, my));
        double len = Math.hypot(e.x2() - e.x1(), e.y2() - e.y1());
        double nx = -(e.y2() - e.y1()) / len;
        double ny = (e.x2() - e.x1()) / len;
        double near = Math.max(4, e.width() / 2);
        assertEquals(ref, vm.hitTest(mx + near * nx, my + near * ny));
        assertNull(vm.hitTest(mx + 25 * nx, my + 25 * ny), "25 px off the edge hits nothing");
        assertNull(vm.hitTest(2, H / 2), "empty margin hits nothing");
        assertEquals(7.0, e.distance(mx + 7 * nx, my + 7 * ny), 1e-9);
    }

    @Test
    void positiveWeightsAreOrangeAndSolidNegativeOnesBlueAndDashedWiderWithMagnitude() throws Exception {
        session.setWeight(1, 0, 0, 2.0);
        session.setWeight(1, 1, 0, -2.0);
        session.setWeight(1, 0, 1, 0.1);
        take();
        Edge pos = edge(new EdgeRef(1, 0, 0));
        Edge neg = edge(new EdgeRef(1, 1, 0));
        Edge small = edge(new EdgeRef(1, 0, 1));
        ColorScale scale = state.colorScaleProperty().get();
        assertTrue(closer(pos.color(), scale.positive(), scale.negative()), "w > 0 is orange");
        assertTrue(closer(neg.color(), scale.negative(), scale.positive()), "w < 0 is blue");
        assertFalse(pos.dashed());
        assertTrue(neg.dashed());
        assertEquals(SceneBuilder.MAX_WIDTH, pos.width(), 1e-9, "the largest |w| gets the widest line");
        assertTrue(small.width() < pos.width());
        assertEquals(2.0, vm.range(), 1e-12);
    }

    @Test
    void anEdgesColourAndWidthFollowItsShareOfTheLargestWeightInThirtyTwoSteps() throws Exception {
        session.setWeight(1, 0, 0, 2.0);
        session.setWeight(1, 1, 0, -0.7); // 0.35 of the largest: 11.2 steps, drawn as 11
        take();
        Edge e = edge(new EdgeRef(1, 1, 0));
        double t = 11 / 32.0;
        ColorScale scale = state.colorScaleProperty().get();
        assertEquals(scale.color(-t * 2.0, 2.0), e.color(), "the colour of step 11, negative");
        assertEquals(SceneBuilder.MIN_WIDTH + (SceneBuilder.MAX_WIDTH - SceneBuilder.MIN_WIDTH) * t, e.width(), 1e-9);
        assertEquals(-0.7, e.value(), 1e-12, "the value itself is not rounded");
        assertTrue(dist(e.color(), scale.color(-0.7, 2.0)) < 0.05, "within a step of the exact colour");
    }

    private static boolean closer(Color c, Color to, Color than) {
        return dist(c, to) < dist(c, than);
    }

    private static double dist(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
    }

    @Test
    void labelsFollowTheNumbersMode() {
        EdgeRef ref = new EdgeRef(2, 2, 0);
        String w = GraphText.num(vm.value(ref));
        String g = GraphText.num(vm.gradient(ref));
        assertFalse(Double.isNaN(vm.gradient(ref)), "the preview gives gradients before any step");

        state.numbersProperty().set(Numbers.WEIGHTS);
        vm.invalidate();
        assertTrue(texts(Label.Kind.EDGE).contains(w), "weights mode shows w");
        assertTrue(texts(Label.Kind.NEURON).isEmpty());

        state.numbersProperty().set(Numbers.GRADIENTS);
        vm.invalidate();
        assertTrue(texts(Label.Kind.EDGE).contains("Σ " + g), "gradients mode shows ∂L/∂w, marked as a sum over the batch");
        assertFalse(texts(Label.Kind.EDGE).contains(w));

        state.numbersProperty().set(Numbers.EVERYTHING);
        // not every edge has room for two numbers: the selected neuron's edges are labelled, the rest counted
        state.selectedNeuronProperty().set(new UiState.NeuronRef(2, 0));
        vm.invalidate();
        assertTrue(texts(Label.Kind.EDGE).containsAll(List.of("w " + w, "Σ∂ " + g)), texts(Label.Kind.EDGE).toString());
        assertTrue(texts(Label.Kind.NEURON).stream().anyMatch(t -> t.startsWith("z = ")));
        assertTrue(texts(Label.Kind.NEURON).stream().anyMatch(t -> t.startsWith("a = ")));

        state.numbersProperty().set(Numbers.NONE);
        vm.invalidate();
        assertEquals(List.of("bias (=1)"), texts(Label.Kind.SIDE), "no numbers, only the bias mark");
        assertTrue(texts(Label.Kind.EDGE).isEmpty() && texts(Label.Kind.NEURON).isEmpty());
    }

    @Test
    void labelsNeverOverlap() throws Exception {
        state.numbersProperty().set(Numbers.EVERYTHING);
        vm.invalidate();
        List<Label> ls = vm.scene().labels();
        assertTrue(ls.size() > 10);
        for (int i = 0; i < ls.size(); i++) {
            for (int j = i + 1; j < ls.size(); j++) {
                Label b = ls.get(j);
                assertFalse(ls.get(i).overlaps(b.x(), b.y(), b.w(), b.h()), ls.get(i).lines() + " / " + b.lines());
            }
        }
    }

    @Test
    void outputShowsPredictionAndTargetOfTheSelectedSampleOrTheMean() throws Exception {
        Snapshot s = take();
        state.selectedSampleProperty().set(1);
        vm.invalidate();
        double yHat = s.evaluation().output().getEntry(1, 0);
        assertTrue(texts(Label.Kind.SIDE).containsAll(List.of("ŷ = " + GraphText.num(yHat), "y = 1")));
        assertTrue(vm.scene().caption().startsWith("Sample “" + s.scenario().dataset().label(1) + "”"), vm.scene().caption());
        state.selectedSampleProperty().set(-1);
        vm.invalidate();
        assertTrue(vm.scene().caption().startsWith("Mean over 4 samples"), vm.scene().caption());
    }

    @Test
    void eachPhaseHighlightsItsLayerAndItsNumbers() throws Exception {
        assertNull(vm.shownPhase());
        session.stepPhase();
        take();
        assertEquals(new Phase(Phase.Kind.FORWARD, 1), vm.shownPhase());
        assertEquals(Emphasis.ACTIVE, edge(new EdgeRef(1, 0, 0)).emphasis());
        assertEquals(Emphasis.DIM, edge(new EdgeRef(2, 0, 0)).emphasis());
        assertTrue(vm.scene().caption().startsWith("Forward 1:  z¹ = a⁰·W¹,   a¹ = σ(z¹)"), vm.scene().caption());
        assertNull(vm.scene().neurons().get(7).fill(), "ŷ is not computed yet in this iteration");
        assertNotNull(vm.scene().neurons().get(3).fill());

        session.stepPhase();
        session.stepPhase();
        take();
        assertEquals(new Phase(Phase.Kind.LOSS, 0), vm.shownPhase());
        assertTrue(vm.scene().caption().startsWith("Loss:  L = Σ (y − ŷ)² = "));
        assertTrue(texts(Label.Kind.SIDE).stream().anyMatch(t -> t.startsWith("ℓ = ")));

        session.stepPhase();
        Snapshot s = take();
        assertEquals(new Phase(Phase.Kind.BACKWARD, 2), vm.shownPhase());
        assertEquals(Emphasis.ACTIVE, edge(new EdgeRef(2, 3, 0)).emphasis());
        double g = s.trace().weightGradients().get(2).getEntry(3, 0);
        assertEquals(g, vm.gradient(new EdgeRef(2, 3, 0)), 0, "∂L/∂w from the iteration in progress");
        assertTrue(texts(Label.Kind.EDGE).contains("Σ " + GraphText.num(g)), "a sum over the 4 samples, marked Σ");
        assertTrue(texts(Label.Kind.NEURON).stream().anyMatch(t -> t.startsWith("δ = ")));

        session.stepPhase();
        take();
        session.stepPhase();
        s = take();
        assertEquals(0, s.phaseIndex());
        assertEquals(new Phase(Phase.Kind.UPDATE, 0), vm.shownPhase(), "the update that just ran stays shown");
        double dw = s.trace().weightUpdates().get(1).getEntry(0, 0);
        assertTrue(texts(Label.Kind.EDGE).contains(GraphText.num(dw)), "edges show Δw");
        assertTrue(vm.scene().caption().startsWith("Update:  W ← W − η·∂L/∂W"));
        take();
        assertEquals(new Phase(Phase.Kind.UPDATE, 0), vm.shownPhase(), "a republished snapshot keeps it");

        session.step();
        take();
        assertNull(vm.shownPhase(), "a whole step highlights nothing");
    }

    @Test
    void aSampleOutsideTheBatchIsReplacedByTheBatchsFirstWithANote() throws Exception {
        session.load(Presets.get("gender"));
        take();
        state.selectedSampleProperty().set(2);
        session.stepPhase();
        Snapshot s = take();
        int first = s.trace().samples()[0];
        if (first != 2) {
            assertTrue(vm.scene().note().startsWith("“" + s.scenario().dataset().label(2) + "” is not in this batch"),
                    vm.scene().note());
        }
        assertEquals(new Phase(Phase.Kind.FORWARD, 1), vm.shownPhase());
    }

    @Test
    void describeNamesTheParameterAndItsGradient() {
        String d = vm.describe(new EdgeRef(1, 1, 2));
        assertTrue(d.startsWith("weight W1[2,3] = " + GraphText.num(vm.value(new EdgeRef(1, 1, 2)))), d);
        assertTrue(d.contains("∂L/∂w = "));
    }

    @Test
    void numbersHaveThreeSignificantDigits() {
        assertEquals("0.523", GraphText.num(0.52341));
        assertEquals("−12.3", GraphText.num(-12.34));
        assertEquals("1.23e5", GraphText.num(123456));
        assertEquals("0", GraphText.num(0));
        assertEquals("1e300", GraphText.num(1e300));
    }
}

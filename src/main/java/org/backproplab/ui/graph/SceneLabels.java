package org.backproplab.ui.graph;

import static org.backproplab.ui.graph.GraphText.num;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import org.backproplab.engine.Phase;
import org.backproplab.engine.exercise.Quantity.Kind;
import org.backproplab.ui.HiddenNumbers;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.Theme;
import org.backproplab.engine.Network;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.ui.UiState.NeuronRef;
import org.backproplab.ui.UiState.Numbers;
import org.backproplab.ui.graph.GraphScene.BiasNode;
import org.backproplab.ui.graph.GraphScene.Edge;
import org.backproplab.ui.graph.GraphScene.Emphasis;
import org.backproplab.ui.graph.GraphScene.Header;
import org.backproplab.ui.graph.GraphScene.Label;
import org.backproplab.ui.graph.GraphScene.Neuron;

/**
 * The numbers written on the graph, by numbers mode and highlighted phase, and where they go: input values
 * left of the inputs (and of their names, which may be wider than the circle), ŷ and y right of the outputs, neuron values below (or beside) their neuron, edge
 * numbers staggered at 22–76 % along their edge, never overlapping each other, a neuron or a header.
 *
 * <p>No number is dropped silently. {@link #placeAll} tries to write every number the phase needs; when one
 * does not fit, the caller lays the graph out again with room for a note and calls {@link #placeFocused}: the
 * numbers of one neuron, the focus (the selected one, by default the first of the active layer), and of the
 * edges into it (beside their edge with a leader line if need be), then every neuron value that fits; what
 * is not drawn is counted, and the note says how many.
 */
final class SceneLabels {
    private static final double[] STAGGER_A = {0.30, 0.40, 0.22, 0.52, 0.64, 0.76};
    private static final double[] STAGGER_B = {0.40, 0.30, 0.52, 0.22, 0.64, 0.76};
    private static final double[] STAGGER_BIAS = {0.50, 0.36, 0.64, 0.24};
    /** Where along an edge a label off the edge points to, in order of preference. */
    private static final double[] LEADER_AT = {0.30, 0.45, 0.20, 0.60, 0.38, 0.52, 0.72, 0.12, 0.82};
    /** How many distances from its edge a label off the edge tries, each 0.6 em further. */
    private static final int LEADER_STEPS = 9;

    /**
     * Advance of a bold character of a neuron's name, in ems, on the generous side (DejaVu Sans Bold writes
     * "weight" in 3.85 em, 0.64 em a letter; digits are 0.70 em).
     */
    static final double NAME_CHAR = 0.74;
    /** Height of a neuron's name, in ems (ascent and descent of DejaVu Sans). */
    static final double NAME_HEIGHT = 1.2;

    /** What {@link #placeAll} or {@link #placeFocused} drew, and how many numbers it could not. */
    record Placed(List<Label> labels, int needed, int hidden) {
    }

    /** One number (or a few, one per line) the phase needs, with where it may go. */
    private record Request(List<String> lines, Label.Kind kind, boolean dim, Color ink, Edge edge, Neuron neuron,
                           double[] centres) {
    }

    private final NetworkViewModel vm;
    private final Snapshot s;
    private final GraphLayout g;
    private final NeuronValues values;
    private final Numbers numbers;
    private final Phase phase;
    private final LabelPlacer placer;
    private final Theme theme;
    /** "Σ " before a gradient summed over a batch of more than one sample, else empty. */
    private final String sumMark;

    SceneLabels(NetworkViewModel vm, Snapshot s, GraphLayout g, NeuronValues values, Numbers numbers,
                Theme theme, double width, double height) {
        this.theme = theme;
        this.vm = vm;
        this.s = s;
        this.g = g;
        this.values = values;
        this.numbers = numbers;
        this.phase = vm.shownPhase();
        this.sumMark = vm.gradientSamples() > 1 ? "Σ " : "";
        this.placer = new LabelPlacer(width, height, g.font);
        placer.obstacle(0, 0, width, g.headerY + 1.7 * g.font);
        placer.obstacle(0, g.reservedTop, width, height - g.reservedTop);
    }

    /** Keeps every label off a rectangle (the inputs' picture). */
    void obstacle(double x, double y, double w, double h) {
        placer.obstacle(x, y, w, h);
    }

    /**
     * Tries to write every number the phase needs, the active layer's first.
     *
     * @return the labels, with {@code hidden > 0} if some did not fit
     */
    Placed placeAll(List<Edge> edges, List<BiasNode> biases, List<Neuron> neurons) {
        List<Request> requests = requests(edges, biases, neurons);
        int hidden = 0;
        for (Request r : requests) {
            hidden += place(r) ? 0 : r.lines().size();
        }
        return new Placed(placer.placed(), lines(requests), hidden);
    }

    /**
     * Writes the selected neuron's numbers, the inputs' and outputs' values, the focus neuron's numbers, the
     * numbers of the edges into the focus (off their edge with a leader line when they do not fit on it), then every
     * other neuron value that fits.
     * The other edges' numbers are not drawn: they are counted as hidden.
     */
    Placed placeFocused(List<Edge> edges, List<BiasNode> biases, List<Neuron> neurons, NeuronRef focus,
                        NeuronRef selected) {
        List<Request> requests = requests(edges, biases, neurons);
        List<Request> order = new ArrayList<>();
        // the selected neuron's own numbers first (it may be in another layer than the focus: an a of Backward 2)
        NeuronRef mine = selected == null ? focus : selected;
        requests.stream().filter(r -> r.kind() == Label.Kind.NEURON && isFocus(r.neuron(), mine)).forEach(order::add);
        requests.stream().filter(r -> r.kind() == Label.Kind.SIDE).forEach(order::add);
        requests.stream().filter(r -> r.kind() == Label.Kind.NEURON && isFocus(r.neuron(), focus) && !order.contains(r))
                .forEach(order::add);
        requests.stream().filter(r -> r.edge() != null && into(r.edge().ref(), focus)).forEach(order::add);
        requests.stream().filter(r -> r.kind() == Label.Kind.NEURON && !order.contains(r)).forEach(order::add);
        int hidden = 0;
        for (Request r : requests) {
            if (r.edge() != null && !into(r.edge().ref(), focus)) {
                hidden += r.lines().size();
            }
        }
        for (Request r : order) {
            boolean ok = place(r) || r.edge() != null && placeOffEdge(r);
            hidden += ok ? 0 : r.lines().size();
        }
        return new Placed(placer.placed(), lines(requests), hidden);
    }

    /**
     * @return the neuron whose edges are labelled when not every number fits: the selected neuron if it is in
     *         the layer whose edges the phase shows, else the target of the selected edge there, else that
     *         layer's first neuron (at rest and in Update every layer's edges are shown: the selection's, else
     *         the first hidden neuron)
     */
    static NeuronRef focus(Network net, Phase phase, NeuronRef selected, EdgeRef selectedEdge) {
        int depth = net.depth();
        boolean anyLayer = phase == null || phase.kind() == Phase.Kind.UPDATE;
        int layer = anyLayer ? -1 : phase.kind() == Phase.Kind.LOSS ? depth : phase.layer();
        if (selected != null && selected.layer() >= 1 && selected.layer() <= depth
                && selected.index() >= 0 && selected.index() < net.size(selected.layer())
                && (anyLayer || selected.layer() == layer)) {
            return selected;
        }
        if (selectedEdge != null && selectedEdge.layer() >= 1 && selectedEdge.layer() <= depth
                && selectedEdge.to() >= 0 && selectedEdge.to() < net.size(selectedEdge.layer())
                && (anyLayer || selectedEdge.layer() == layer)) {
            return new NeuronRef(selectedEdge.layer(), selectedEdge.to());
        }
        return new NeuronRef(anyLayer ? 1 : layer, 0);
    }

    private static boolean isFocus(Neuron n, NeuronRef focus) {
        return n.layer() == focus.layer() && n.index() == focus.index();
    }

    private static boolean into(EdgeRef e, NeuronRef focus) {
        return e.layer() == focus.layer() && e.to() == focus.index();
    }

    private static int lines(List<Request> requests) {
        int n = 0;
        for (Request r : requests) {
            n += r.lines().size();
        }
        return n;
    }

    /** @return every number the phase needs, what it is about first (the active layer's neurons, then its edges) */
    private List<Request> requests(List<Edge> edges, List<BiasNode> biases, List<Neuron> neurons) {
        for (Neuron n : neurons) {
            placer.obstacle(n.x() - n.r() - 1, n.y() - n.r() - 1, 2 * n.r() + 2, 2 * n.r() + 2);
            // a name wider than its neuron ("weight") sticks out on both sides: no number may be written over it
            double half = nameHalfWidth(n, g.font);
            double nameH = GraphPainter.nameSize(n, g.font) * NAME_HEIGHT;
            placer.obstacle(n.x() - half - 1, n.y() - nameH / 2, 2 * half + 2, nameH);
        }
        for (BiasNode b : biases) {
            placer.obstacle(b.x() - b.size() / 2 - 1, b.y() - b.size() / 2 - 1, b.size() + 2, b.size() + 2);
        }
        List<Request> out = new ArrayList<>();
        int depth = s.network().depth();
        for (Neuron n : neurons) {
            if (n.layer() == 0) {
                add(out, inputLabel(n));
            } else if (n.layer() == depth) {
                add(out, outputLabel(n));
            }
        }
        // the neurons' values first (each has few places, beside its neuron; the a and δ of a phase go with its
        // edges' numbers), then the edges', the active layer's first
        List<Edge> order = new ArrayList<>(edges);
        order.sort((a, b) -> Integer.compare(priority(b), priority(a)));
        for (boolean active : new boolean[] {true, false}) {
            for (Neuron n : neurons) {
                if ((n.emphasis() == Emphasis.ACTIVE) == active) {
                    add(out, neuronLabel(n));
                }
            }
        }
        for (boolean active : new boolean[] {true, false}) {
            for (Edge e : order) {
                if ((e.emphasis() == Emphasis.ACTIVE) == active) {
                    add(out, edgeLabel(e));
                }
            }
        }
        return out;
    }

    private static void add(List<Request> out, Request r) {
        if (r != null) {
            out.add(r);
        }
    }

    private boolean place(Request r) {
        return placer.place(r.lines(), r.kind(), r.dim(), r.ink(), r.edge() == null ? null : r.edge().ref(),
                r.centres()) != null;
    }

    /**
     * Beside its edge, around a point of it (above, below, left, right or diagonally; the nearest free place
     * first), with a leader line to that point.
     */
    private boolean placeOffEdge(Request r) {
        Edge e = r.edge();
        double w = placer.textWidth(r.lines());
        double h = placer.textHeight(r.lines());
        double[][] directions = {{0, -1}, {0, 1}, {1, 0}, {-1, 0}, {1, -1}, {-1, -1}, {1, 1}, {-1, 1}};
        double[] anchors = new double[LEADER_STEPS * LEADER_AT.length * directions.length * 4];
        int k = 0;
        for (int step = 0; step < LEADER_STEPS; step++) {
            double gap = 6 + step * 0.6 * g.font;
            for (double t : LEADER_AT) {
                double ax = e.x1() + t * (e.x2() - e.x1());
                double ay = e.y1() + t * (e.y2() - e.y1());
                for (double[] d : directions) {
                    anchors[k++] = ax;
                    anchors[k++] = ay;
                    anchors[k++] = ax + d[0] * (w / 2 + gap);
                    anchors[k++] = ay + d[1] * (h / 2 + gap);
                }
            }
        }
        return placer.placeWithLeader(r.lines(), r.ink(), e.ref(), anchors) != null;
    }

    private Request neuronLabel(Neuron n) {
        List<String> lines = neuronLines(n);
        if (lines.isEmpty()) {
            return null;
        }
        double h = placer.textHeight(lines);
        double w = placer.textWidth(lines);
        return new Request(lines, Label.Kind.NEURON, false, theme.ink(), null, n, new double[] {
            n.x(), n.y() + n.r() + 2 + h / 2,
            n.x() + n.r() + 3 + w / 2, n.y() + n.r() * 0.6 + h / 2,
            n.x() + n.r() + 3 + w / 2, n.y() - n.r() * 0.6 - h / 2,
            n.x(), n.y() - n.r() - 2 - h / 2,
            n.x() - n.r() - 3 - w / 2, n.y() + n.r() * 0.6 + h / 2,
            n.x() - n.r() - 3 - w / 2, n.y() - n.r() * 0.6 - h / 2});
    }

    private Request edgeLabel(Edge e) {
        List<String> lines = edgeLines(e);
        if (lines.isEmpty()) {
            return null;
        }
        double[] ts = e.ref().isBias() ? STAGGER_BIAS : (e.ref().from() + e.ref().to()) % 2 == 0 ? STAGGER_A : STAGGER_B;
        double[] centres = new double[ts.length * 2];
        for (int i = 0; i < ts.length; i++) {
            centres[2 * i] = e.x1() + ts[i] * (e.x2() - e.x1());
            centres[2 * i + 1] = e.y1() + ts[i] * (e.y2() - e.y1());
        }
        Color ink = e.value() == 0 || !Double.isFinite(e.value()) ? theme.ink() : theme.edgeInk(e.color());
        return new Request(lines, Label.Kind.EDGE, false, ink, e, null, centres);
    }

    private int priority(Edge e) {
        EdgeRef r = e.ref();
        return (r.equals(vm.hovered()) ? 4 : 0) + (e.emphasis() == Emphasis.ACTIVE ? 2 : 0) + (r.isBias() ? 1 : 0);
    }

    private Request inputLabel(Neuron n) {
        String text;
        if (n.biasInput()) {
            text = "bias (=1)";
        } else if (numbers == Numbers.NONE) {
            return null;
        } else {
            text = num(values.a(0, n.index()));
        }
        List<String> lines = List.of(text);
        double w = placer.textWidth(lines);
        boolean dim = n.emphasis() == Emphasis.DIM;
        return new Request(lines, Label.Kind.SIDE, dim, dim ? theme.dimInk() : theme.ink(), null, n, new double[] {
            n.x() - nameHalfWidth(n, g.font) - 4 - w / 2, n.y(),
            n.x(), n.y() + n.r() + 2 + placer.textHeight(lines) / 2});
    }

    private Request outputLabel(Neuron n) {
        if (numbers == Numbers.NONE) {
            return null;
        }
        int i = n.index();
        String suffix = s.network().outputSize() == 1 ? "" : String.valueOf(i + 1);
        List<String> lines = new ArrayList<>();
        double yHat = values.a(s.network().depth(), i);
        HiddenNumbers h = vm.hidden();
        if (!Double.isNaN(yHat)) {
            lines.add("ŷ" + suffix + " = " + (h.hides(Kind.A, s.network().depth(), i) ? HIDDEN : num(yHat)));
        }
        lines.add("y" + suffix + " = " + num(values.target(i)));
        if (phase != null && phase.kind() == Phase.Kind.LOSS && !Double.isNaN(values.sampleLoss())) {
            lines.add("ℓ = " + (h.hidesAny(Kind.LOSS) ? HIDDEN : num(values.sampleLoss())));
        }
        double w = placer.textWidth(lines);
        boolean dim = n.emphasis() == Emphasis.DIM;
        return new Request(lines, Label.Kind.SIDE, dim, dim ? theme.dimInk() : theme.ink(), null, n, new double[] {
            n.x() + nameHalfWidth(n, g.font) + 4 + w / 2, n.y(),
            n.x(), n.y() + n.r() + 2 + placer.textHeight(lines) / 2,
            n.x(), n.y() - n.r() - 2 - placer.textHeight(lines) / 2});
    }

    /** @return half the width a neuron takes with its name: its radius, or more for a long name */
    static double nameHalfWidth(Neuron n, double font) {
        double half = n.biasInput() ? 0.85 * n.r() : n.r();
        return Math.max(half, n.name().length() * NAME_CHAR * GraphPainter.nameSize(n, font) / 2);
    }

    /** @return the value lines under a hidden or output neuron (inputs and ŷ have side labels) */
    List<String> neuronLines(Neuron n) {
        int l = n.layer();
        int i = n.index();
        if (numbers == Numbers.NONE || l == 0) {
            return List.of();
        }
        boolean output = l == s.network().depth();
        HiddenNumbers h = vm.hidden();
        String z = "z = " + (h.hides(Kind.Z, l, i) ? HIDDEN : num(values.z(l, i)));
        String a = "a = " + (h.hides(Kind.A, l, i) ? HIDDEN : num(values.a(l, i)));
        String d = "δ = " + (h.hides(Kind.DELTA, l, i) ? HIDDEN : num(values.delta(l, i)));
        if (phase == null) {
            return numbers == Numbers.EVERYTHING ? (output ? List.of(z) : List.of(z, a)) : List.of();
        }
        int p = phase.layer();
        return switch (phase.kind()) {
            case FORWARD -> l == p ? (output ? List.of(z) : List.of(z, a)) : l == p - 1 && !output ? List.of(a) : List.of();
            case BACKWARD -> l == p || l == p + 1 ? List.of(d) : l == p - 1 ? List.of(a) : List.of();
            case LOSS, UPDATE -> List.of();
        };
    }

    /** @return the number lines of an edge for the numbers mode and the phase shown */
    List<String> edgeLines(Edge e) {
        if (numbers == Numbers.NONE) {
            return List.of();
        }
        EdgeRef r = e.ref();
        if (phase != null) {
            if (e.emphasis() != Emphasis.ACTIVE) {
                return List.of();
            }
            return switch (phase.kind()) {
                case FORWARD -> List.of(weight(r, e.value()));
                case BACKWARD -> nonNaN(sumMark, vm.gradient(r), hides(Kind.DLDW, r));
                case UPDATE -> nonNaN("", vm.update(r), hides(Kind.DW, r));
                case LOSS -> List.of();
            };
        }
        return switch (numbers) {
            case NONE -> List.of();
            case WEIGHTS -> List.of(weight(r, e.value()));
            case GRADIENTS -> nonNaN(sumMark, vm.gradient(r), hides(Kind.DLDW, r));
            case EVERYTHING -> Double.isNaN(vm.gradient(r)) ? List.of("w " + weight(r, e.value()))
                    : List.of("w " + weight(r, e.value()), (sumMark.isEmpty() ? "∂ " : "Σ∂ ")
                            + (hides(Kind.DLDW, r) ? HIDDEN : num(vm.gradient(r))));
        };
    }

    /** What the graph writes for a number an open exercise hides. */
    static final String HIDDEN = "?";

    /** @return true if an open exercise hides {@code kind} of the weight or bias {@code r} */
    private boolean hides(Kind kind, EdgeRef r) {
        return vm.hidden().hidesParameter(kind, r.layer(), r.from(), r.to());
    }

    /** @return the weight now, or "?" while an exercise asks for it (the new w of its update) */
    private String weight(EdgeRef r, double w) {
        return hides(Kind.NEW_W, r) ? HIDDEN : num(w);
    }

    private static List<String> nonNaN(String mark, double v, boolean hidden) {
        return Double.isNaN(v) ? List.of() : List.of(mark + (hidden ? HIDDEN : num(v)));
    }
}

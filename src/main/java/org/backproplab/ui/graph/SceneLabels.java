package org.backproplab.ui.graph;

import static org.backproplab.ui.graph.GraphText.num;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import org.backproplab.engine.Phase;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState.EdgeRef;
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
 */
final class SceneLabels {
    private static final double[] STAGGER_A = {0.30, 0.40, 0.22, 0.52, 0.64, 0.76};
    private static final double[] STAGGER_B = {0.40, 0.30, 0.52, 0.22, 0.64, 0.76};
    private static final double[] STAGGER_BIAS = {0.50, 0.36, 0.64, 0.24};

    /**
     * Advance of a bold character of a neuron's name, in ems, on the generous side (DejaVu Sans Bold writes
     * "weight" in 3.85 em, 0.64 em a letter; digits are 0.70 em).
     */
    static final double NAME_CHAR = 0.74;
    /** Height of a neuron's name, in ems (ascent and descent of DejaVu Sans). */
    static final double NAME_HEIGHT = 1.2;

    private final NetworkViewModel vm;
    private final Snapshot s;
    private final GraphLayout g;
    private final NeuronValues values;
    private final Numbers numbers;
    private final Phase phase;
    private final LabelPlacer placer;
    private final Theme theme;

    SceneLabels(NetworkViewModel vm, Snapshot s, GraphLayout g, NeuronValues values, Numbers numbers,
                Theme theme, double width, double height) {
        this.theme = theme;
        this.vm = vm;
        this.s = s;
        this.g = g;
        this.values = values;
        this.numbers = numbers;
        this.phase = vm.shownPhase();
        this.placer = new LabelPlacer(width, height, g.font);
        placer.obstacle(0, 0, width, g.headerY + 1.7 * g.font);
        placer.obstacle(0, g.legendTop, width, height - g.legendTop);
    }

    List<Label> place(List<Header> headers, List<Edge> edges, List<BiasNode> biases, List<Neuron> neurons) {
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
        int depth = s.network().depth();
        for (Neuron n : neurons) {
            if (n.layer() == 0) {
                inputLabel(n);
            } else if (n.layer() == depth) {
                outputLabel(n);
            }
        }
        // what the phase is about first (the active layer's neurons, then its edges), so that on a small
        // graph the numbers left out for lack of room are the others
        List<Edge> order = new ArrayList<>(edges);
        order.sort((a, b) -> Integer.compare(priority(b), priority(a)));
        for (boolean active : new boolean[] {true, false}) {
            for (Neuron n : neurons) {
                if ((n.emphasis() == Emphasis.ACTIVE) == active) {
                    neuronLabel(n);
                }
            }
            for (Edge e : order) {
                if ((e.emphasis() == Emphasis.ACTIVE) == active) {
                    edgeLabel(e);
                }
            }
        }
        return placer.placed();
    }

    private void neuronLabel(Neuron n) {
        List<String> lines = neuronLines(n);
        if (lines.isEmpty()) {
            return;
        }
        double h = placer.textHeight(lines);
        double w = placer.textWidth(lines);
        placer.place(lines, Label.Kind.NEURON, false, theme.ink(),
                n.x(), n.y() + n.r() + 2 + h / 2,
                n.x() + n.r() + 3 + w / 2, n.y() + n.r() * 0.6 + h / 2,
                n.x() + n.r() + 3 + w / 2, n.y() - n.r() * 0.6 - h / 2,
                n.x(), n.y() - n.r() - 2 - h / 2,
                n.x() - n.r() - 3 - w / 2, n.y() + n.r() * 0.6 + h / 2,
                n.x() - n.r() - 3 - w / 2, n.y() - n.r() * 0.6 - h / 2);
    }

    private void edgeLabel(Edge e) {
        List<String> lines = edgeLines(e);
        if (lines.isEmpty()) {
            return;
        }
        double[] ts = e.ref().isBias() ? STAGGER_BIAS : (e.ref().from() + e.ref().to()) % 2 == 0 ? STAGGER_A : STAGGER_B;
        double[] centres = new double[ts.length * 2];
        for (int i = 0; i < ts.length; i++) {
            centres[2 * i] = e.x1() + ts[i] * (e.x2() - e.x1());
            centres[2 * i + 1] = e.y1() + ts[i] * (e.y2() - e.y1());
        }
        Color ink = e.value() == 0 || !Double.isFinite(e.value()) ? theme.ink() : theme.edgeInk(e.color());
        placer.place(lines, Label.Kind.EDGE, false, ink, centres);
    }

    private int priority(Edge e) {
        EdgeRef r = e.ref();
        return (r.equals(vm.hovered()) ? 4 : 0) + (e.emphasis() == Emphasis.ACTIVE ? 2 : 0) + (r.isBias() ? 1 : 0);
    }

    private void inputLabel(Neuron n) {
        String text;
        if (n.biasInput()) {
            text = "bias (=1)";
        } else if (numbers == Numbers.NONE) {
            return;
        } else {
            text = num(values.a(0, n.index()));
        }
        List<String> lines = List.of(text);
        double w = placer.textWidth(lines);
        boolean dim = n.emphasis() == Emphasis.DIM;
        placer.place(lines, Label.Kind.SIDE, dim, dim ? theme.dimInk() : theme.ink(),
                n.x() - nameHalfWidth(n, g.font) - 4 - w / 2, n.y(),
                n.x(), n.y() + n.r() + 2 + placer.textHeight(lines) / 2);
    }

    private void outputLabel(Neuron n) {
        if (numbers == Numbers.NONE) {
            return;
        }
        int i = n.index();
        String suffix = s.network().outputSize() == 1 ? "" : String.valueOf(i + 1);
        List<String> lines = new ArrayList<>();
        double yHat = values.a(s.network().depth(), i);
        if (!Double.isNaN(yHat)) {
            lines.add("ŷ" + suffix + " = " + num(yHat));
        }
        lines.add("y" + suffix + " = " + num(values.target(i)));
        if (phase != null && phase.kind() == Phase.Kind.LOSS && !Double.isNaN(values.sampleLoss())) {
            lines.add("ℓ = " + num(values.sampleLoss()));
        }
        double w = placer.textWidth(lines);
        boolean dim = n.emphasis() == Emphasis.DIM;
        placer.place(lines, Label.Kind.SIDE, dim, dim ? theme.dimInk() : theme.ink(),
                n.x() + nameHalfWidth(n, g.font) + 4 + w / 2, n.y(),
                n.x(), n.y() + n.r() + 2 + placer.textHeight(lines) / 2);
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
        String z = "z = " + num(values.z(l, i));
        String a = "a = " + num(values.a(l, i));
        String d = "δ = " + num(values.delta(l, i));
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
                case FORWARD -> List.of(num(e.value()));
                case BACKWARD -> nonNaN(vm.gradient(r));
                case UPDATE -> nonNaN(vm.update(r));
                case LOSS -> List.of();
            };
        }
        return switch (numbers) {
            case NONE -> List.of();
            case WEIGHTS -> List.of(num(e.value()));
            case GRADIENTS -> nonNaN(vm.gradient(r));
            case EVERYTHING -> Double.isNaN(vm.gradient(r)) ? List.of("w " + num(e.value()))
                    : List.of("w " + num(e.value()), "∂ " + num(vm.gradient(r)));
        };
    }

    private static List<String> nonNaN(double v) {
        return Double.isNaN(v) ? List.of() : List.of(num(v));
    }
}

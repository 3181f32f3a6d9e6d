package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.backproplab.data.Dataset;
import org.backproplab.engine.IterationTrace;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.engine.Phase;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.UiState;
import org.backproplab.engine.exercise.Quantity.Kind;
import org.backproplab.ui.UiState.EdgeRef;
import org.backproplab.ui.graph.GraphScene.Edge;
import org.backproplab.ui.graph.GraphScene.Emphasis;

/**
 * The network graph without a window: from a {@link Snapshot} and the {@link UiState} it works out what
 * each weight, bias and neuron shows (values, gradients, the phase that just ran) and builds the
 * {@link GraphScene} to paint at a given size. Holds no Nodes; FX thread only.
 */
public final class NetworkViewModel {
    /** How close (px) a click must be to an edge to hit it. */
    public static final double HIT_DISTANCE = 6;

    private final UiState state;
    private Snapshot snapshot;
    private Phase shownPhase;
    private double width = 800;
    private double height = 500;
    private EdgeRef hovered;
    private GraphScene scene;
    private java.util.List<org.backproplab.engine.problems.Problem> problems;
    private final InputImage inputImage = new InputImage();

    public NetworkViewModel(UiState state) {
        this.state = state;
    }

    // Properties

    public Snapshot snapshot() {
        return snapshot;
    }

    /**
     * @return the phase highlighted: the last phase run of the iteration in progress, or UPDATE right after
     *         Phase finished an iteration; null when none (after Step, Run, Reset or an edit)
     */
    public Phase shownPhase() {
        return shownPhase;
    }

    /** @return the training problems the engine finds in the snapshot shown (computed once per snapshot) */
    public java.util.List<org.backproplab.engine.problems.Problem> problems() {
        if (problems == null) {
            problems = ProblemMarks.of(snapshot);
        }
        return problems;
    }

    /** @return the numbers an open exercise hides (written "?") */
    public org.backproplab.ui.HiddenNumbers hidden() {
        return state.hiddenNumbers();
    }

    public EdgeRef hovered() {
        return hovered;
    }

    /** @return the scene for the current snapshot, state and size (cached until something changes) */
    public GraphScene scene() {
        if (scene == null && snapshot != null) {
            scene = new SceneBuilder(this, state, width, height).build();
        }
        return scene;
    }

    /** @return the current value of a weight or bias, NaN if it does not exist */
    public double value(EdgeRef e) {
        if (snapshot == null || !exists(e)) {
            return Double.NaN;
        }
        Layer layer = snapshot.network().layer(e.layer());
        return e.isBias() ? layer.bias(e.to()) : layer.weight(e.from(), e.to());
    }

    /**
     * @return {@code ∂L/∂w} of a weight or bias: from the iteration in progress once its BACKWARD has run,
     *         else the what-if preview with the weights now (the last complete iteration while running);
     *         NaN if none is known
     */
    public double gradient(EdgeRef e) {
        if (snapshot == null || !exists(e)) {
            return Double.NaN;
        }
        IterationTrace t = gradientTrace(e.layer());
        if (t == null) {
            return Double.NaN;
        }
        if (e.isBias()) {
            RealVector g = t.biasGradients().get(e.layer());
            return g == null ? Double.NaN : g.getEntry(e.to());
        }
        RealMatrix g = t.weightGradients().get(e.layer());
        return g == null ? Double.NaN : g.getEntry(e.from(), e.to());
    }

    /**
     * @return how many samples the gradients on show are summed over (the batch of the trace they come from),
     *         0 if none is known
     */
    public int gradientSamples() {
        if (snapshot == null) {
            return 0;
        }
        IterationTrace t = gradientTrace(snapshot.network().depth());
        return t == null ? 0 : t.samples().length;
    }

    /**
     * @return the neuron whose numbers the graph and the derivation follow now (see {@link SceneLabels#focus}),
     *         null before the first snapshot
     */
    public UiState.NeuronRef focus() {
        return snapshot == null ? null : SceneLabels.focus(snapshot.network(), shownPhase,
                state.selectedNeuronProperty().get(), state.selectedEdgeProperty().get());
    }

    /**
     * @param step 1 for the next neuron, −1 for the one before
     * @return the hidden or output neuron after (or before) the selected one (or, none selected, the focus),
     *         layer by layer, wrapping; null before the first snapshot
     */
    public UiState.NeuronRef neighbour(int step) {
        UiState.NeuronRef f = focus();
        if (f == null) {
            return null;
        }
        UiState.NeuronRef from = state.selectedNeuronProperty().get();
        Network net = snapshot.network();
        List<UiState.NeuronRef> all = new ArrayList<>();
        for (int l = 1; l <= net.depth(); l++) {
            for (int i = 0; i < net.size(l); i++) {
                all.add(new UiState.NeuronRef(l, i));
            }
        }
        int at = all.indexOf(from != null && all.contains(from) ? from : f);
        return all.get(Math.floorMod(at + step, all.size()));
    }

    /**
     * @param step 1 for the next edge, −1 for the one before
     * @return the weight (then the bias) into the selected neuron (none selected: the focus) after (or before)
     *         the selected edge, wrapping; null before the first snapshot
     */
    public EdgeRef neighbourEdge(int step) {
        UiState.NeuronRef f = focus();
        if (f == null) {
            return null;
        }
        UiState.NeuronRef selected = state.selectedNeuronProperty().get();
        if (selected != null && selected.layer() >= 1 && selected.layer() <= snapshot.network().depth()
                && selected.index() < snapshot.network().size(selected.layer())) {
            f = selected;
        }
        Layer layer = snapshot.network().layer(f.layer());
        List<EdgeRef> into = new ArrayList<>();
        for (int i = 0; i < layer.inputSize(); i++) {
            into.add(new EdgeRef(f.layer(), i, f.index()));
        }
        if (layer.hasBias()) {
            into.add(new EdgeRef(f.layer(), -1, f.index()));
        }
        int at = into.indexOf(state.selectedEdgeProperty().get());
        return into.get(at < 0 ? (step > 0 ? 0 : into.size() - 1) : Math.floorMod(at + step, into.size()));
    }

    /** @return {@code Δw} the last UPDATE applied to this parameter, NaN if the trace has none */
    public double update(EdgeRef e) {
        IterationTrace t = snapshot == null ? null : snapshot.trace();
        if (t == null || !exists(e) || !t.isComplete()) {
            return Double.NaN;
        }
        if (e.isBias()) {
            RealVector u = t.biasUpdates().get(e.layer());
            return u == null ? Double.NaN : u.getEntry(e.to());
        }
        RealMatrix u = t.weightUpdates().get(e.layer());
        return u == null ? Double.NaN : u.getEntry(e.from(), e.to());
    }

    /** @return the magnitude at which edge colour and width saturate: max |w|, |b| of the network (1 if all are 0) */
    public double range() {
        return snapshot == null ? 1 : range(snapshot.network());
    }

    /** @return max |w|, |b| over the finite weights and biases of {@code net}, or 1 if all are 0 */
    public static double range(org.backproplab.engine.Network net) {
        double m = 0;
        for (Layer l : net.layers()) {
            for (double[] row : l.weights().getData()) {
                for (double w : row) {
                    m = Double.isFinite(w) ? Math.max(m, Math.abs(w)) : m;
                }
            }
            if (l.hasBias()) {
                for (double b : l.bias().toArray()) {
                    m = Double.isFinite(b) ? Math.max(m, Math.abs(b)) : m;
                }
            }
        }
        return m > 0 ? m : 1;
    }

    /** @return how the inputs are drawn as a picture, or null when they are a column of neurons */
    org.backproplab.data.ImageInput inputImage() {
        return inputImage.drawn(snapshot);
    }

    /** @return the input whose pixel of the picture is at (x, y), or −1 (no picture, or outside it) */
    public int pixelAt(double x, double y) {
        GraphScene s = scene();
        return s == null || s.picture() == null ? -1 : s.picture().pixelAt(x, y);
    }

    /** @return "p3,5 = x20 = 1.234 (ink 0.81)", the hover text of input {@code i}'s pixel: the engine's input */
    public String describePixel(int i) {
        GraphScene.Picture p = scene().picture();
        return p.names().get(i) + " = x" + (i + 1) + " = " + GraphText.num(p.inputs()[i]) + "   (ink "
                + GraphText.num(p.ink()[i]) + ")\n" + "the input of " + new NeuronValues(snapshot, state.sampleOnShow(snapshot)).describeSelection();
    }

    /** @return the edge or bias stub within {@link #HIT_DISTANCE} px of (x, y), the nearest, or null */
    public EdgeRef hitTest(double x, double y) {
        GraphScene s = scene();
        if (s == null) {
            return null;
        }
        Edge best = null;
        double bestD = Double.POSITIVE_INFINITY;
        for (Edge e : s.edges()) {
            double d = e.distance(x, y);
            if (d <= Math.max(HIT_DISTANCE, e.width() / 2 + 2) && d < bestD) {
                best = e;
                bestD = d;
            }
        }
        return best == null ? null : best.ref();
    }

    /** @return the neuron drawn at (x, y) (inputs have layer 0), or null */
    public UiState.NeuronRef neuronAt(double x, double y) {
        GraphScene s = scene();
        if (s != null) {
            for (GraphScene.Neuron n : s.neurons()) {
                if (Math.hypot(x - n.x(), y - n.y()) <= n.r() + 2) {
                    return new UiState.NeuronRef(n.layer(), n.index());
                }
            }
        }
        return null;
    }

    /** @return the point of the scene where an editor for {@code e} belongs (35 % along the edge), or null */
    public double[] anchor(EdgeRef e) {
        GraphScene s = scene();
        if (s != null) {
            for (Edge g : s.edges()) {
                if (g.ref().equals(e)) {
                    return new double[] {g.x1() + 0.35 * (g.x2() - g.x1()), g.y1() + 0.35 * (g.y2() - g.y1())};
                }
            }
        }
        return null;
    }

    /** @return "W1[2,3] = 0.523   ∂L/∂w = −0.0123", the hover text of an edge */
    public String describe(EdgeRef e) {
        String name = e.name();
        org.backproplab.ui.HiddenNumbers h = hidden();
        StringBuilder b = new StringBuilder(e.isBias() ? "bias " : "weight ").append(name)
                .append(" = ").append(masked(value(e), h.hidesParameter(Kind.NEW_W, e.layer(), e.from(), e.to())));
        double g = gradient(e);
        if (!Double.isNaN(g)) {
            b.append("\n∂L/∂").append(e.isBias() ? "b" : "w").append(" = ")
                    .append(masked(g, h.hidesParameter(Kind.DLDW, e.layer(), e.from(), e.to())));
        }
        double u = update(e);
        if (shownPhase != null && shownPhase.kind() == Phase.Kind.UPDATE && !Double.isNaN(u)) {
            b.append("\nΔ").append(e.isBias() ? "b" : "w").append(" = ")
                    .append(masked(u, h.hidesParameter(Kind.DW, e.layer(), e.from(), e.to())));
        }
        return b.append("\nclick to edit · wheel or drag to nudge").toString();
    }

    private static String masked(double v, boolean hidden) {
        return hidden ? SceneLabels.HIDDEN : GraphText.num(v);
    }

    // Commands

    /** Takes a new snapshot; works out which phase to highlight by comparing with the previous one. */
    public void setSnapshot(Snapshot s) {
        Snapshot prev = snapshot;
        shownPhase = highlight(prev, s, shownPhase);
        snapshot = s;
        scene = null;
        problems = null;
    }

    public void setSize(double w, double h) {
        if (w != width || h != height) {
            width = w;
            height = h;
            scene = null;
        }
    }

    public void setHovered(EdgeRef e) {
        if (e == null ? hovered != null : !e.equals(hovered)) {
            hovered = e;
            scene = null;
        }
    }

    /** Forgets the cached scene (the UiState changed). */
    public void invalidate() {
        scene = null;
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    boolean exists(EdgeRef e) {
        Network n = snapshot.network();
        if (e == null || e.layer() < 1 || e.layer() > n.depth()) {
            return false;
        }
        Layer l = n.layer(e.layer());
        return e.to() >= 0 && e.to() < l.size()
                && (e.isBias() ? l.hasBias() : e.from() < l.inputSize());
    }

    private IterationTrace gradientTrace(int layer) {
        IterationTrace t = snapshot.trace();
        boolean stepping = snapshot.phaseIndex() > 0 || shownPhase != null;
        if (t != null && stepping && t.hasRun(new Phase(Phase.Kind.BACKWARD, layer))) {
            return t;
        }
        if (snapshot.preview() != null) {
            return snapshot.preview();
        }
        return t != null && t.isComplete() ? t : null;
    }

    static Phase highlight(Snapshot prev, Snapshot s, Phase shown) {
        if (s == null || s.running()) {
            return null;
        }
        if (s.phaseIndex() > 0 && s.trace() != null) {
            return s.phases().get(s.phaseIndex() - 1);
        }
        boolean traceComplete = s.trace() != null && s.trace().isComplete() && s.trace().iteration() == s.iteration();
        if (prev == null || !traceComplete || s.phaseIndex() != 0) {
            return null;
        }
        boolean justUpdated = prev.phaseIndex() == prev.phases().size() - 1 && s.iteration() == prev.iteration() + 1;
        boolean stillThere = shown != null && shown.kind() == Phase.Kind.UPDATE && s.iteration() == prev.iteration();
        return justUpdated || stillThere ? new Phase(Phase.Kind.UPDATE, 0) : null;
    }

    /** @return the name of neuron {@code i} of layer {@code l}: the data set's input names, h1.., ŷ or ŷ1.. */
    static String neuronName(Snapshot s, int l, int i) {
        Network n = s.network();
        if (l == 0) {
            Dataset d = s.scenario().dataset();
            return i < d.inputNames().size() ? d.inputNames().get(i) : "x" + (i + 1);
        }
        if (l == n.depth()) {
            return n.outputSize() == 1 ? "ŷ" : "ŷ" + (i + 1);
        }
        return "h" + (i + 1);
    }

    static List<Integer> order(int n) {
        List<Integer> o = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            o.add(i);
        }
        return o;
    }

    Emphasis emphasisOfLayer(int l) {
        if (shownPhase == null) {
            return Emphasis.NORMAL;
        }
        int p = shownPhase.layer();
        int depth = snapshot.network().depth();
        return switch (shownPhase.kind()) {
            case FORWARD -> l == p ? Emphasis.ACTIVE : l == p - 1 ? Emphasis.SOURCE : Emphasis.DIM;
            case LOSS -> l == depth ? Emphasis.ACTIVE : Emphasis.DIM;
            case BACKWARD -> l == p ? Emphasis.ACTIVE : l == p - 1 || l == p + 1 ? Emphasis.SOURCE : Emphasis.DIM;
            case UPDATE -> Emphasis.NORMAL;
        };
    }

    Emphasis emphasisOfEdges(int l) {
        if (shownPhase == null) {
            return Emphasis.NORMAL;
        }
        return switch (shownPhase.kind()) {
            case FORWARD, BACKWARD -> l == shownPhase.layer() ? Emphasis.ACTIVE : Emphasis.DIM;
            case LOSS -> Emphasis.DIM;
            case UPDATE -> Emphasis.ACTIVE;
        };
    }
}

package org.backproplab.ui.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backproplab.ui.common.LatestOnly;
import org.backproplab.engine.Network;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.ColorScale;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState;
import org.backproplab.ui.UiState.NeuronRef;
import org.backproplab.ui.boundary.HeatmapModel.Heatmap;
import org.backproplab.ui.boundary.HeatmapModel.Plane;

/**
 * What the decision-boundary view shows, on the FX thread: the latest computed heatmap (of {@code ŷ}; with several
 * outputs, the predicted class ({@link ClassMap}); or of the neuron selected in the graph), or the sentence saying why this data set has none. The grid is computed on
 * one daemon worker from the snapshot's private network copy, never on the training worker nor on the FX
 * thread; requests replace each other (the latest wins) and at most one runs every {@link #MIN_INTERVAL_MS}.
 */
public final class DecisionBoundaryViewModel {
    /** Shortest time between the starts of two computations (20 a second at most). */
    public static final long MIN_INTERVAL_MS = 50;

    /** The choice "predicted class" in the list of neurons: no neuron, the plane coloured by class. */
    public static final NeuronRef CLASSES = new NeuronRef(0, -1);

    /** A computed heatmap ready to draw. */
    public record Result(long request, Snapshot snapshot, Heatmap heatmap, int[] argb, double computeMillis) {
    }

    private record Request(long id, Snapshot snapshot, Plane plane, NeuronRef neuron, boolean classes, ColorScale scale,
                           Theme theme) {
    }

    private final UiState state;
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final AtomicLong ids = new AtomicLong();
    private final Consumer<Runnable> fx;
    private final LatestOnly<Request> worker = new LatestOnly<>("decision-boundary", MIN_INTERVAL_MS, this::compute);
    private long completed;
    /** Results of requests older than this are dropped (the data set lost its plane after they were made). */
    private long clearedBefore;
    private boolean active = true;

    public DecisionBoundaryViewModel(SessionBridge bridge, UiState state) {
        this(bridge, state, Platform::runLater);
    }

    /** @param fx how results reach the FX thread (tests may run them directly) */
    DecisionBoundaryViewModel(SessionBridge bridge, UiState state, Consumer<Runnable> fx) {
        this.state = state;
        this.fx = fx;
        bridge.snapshotProperty().addListener((o, a, s) -> setSnapshot(s));
        state.selectedNeuronProperty().addListener((o, a, b) -> request());
        state.colorScaleProperty().addListener((o, a, b) -> request());
        state.themeProperty().addListener((o, a, b) -> request());
        setSnapshot(bridge.snapshot());
    }

    // Properties

    /** @return the latest heatmap computed (null before the first, or when there is no plane) */
    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** @return why there is no boundary for this data set, or empty */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** @return the snapshot shown */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** @return the number of heatmaps computed and published so far */
    public long completed() {
        return completed;
    }

    /**
     * @return the neuron shown: the selected one if the network has it and it is not an input, else the first
     *         output neuron
     */
    public NeuronRef shownNeuron() {
        Snapshot s = snapshot.get();
        NeuronRef n = state.selectedNeuronProperty().get();
        if (s == null) {
            return n;
        }
        Network net = s.network();
        if (n == null || n.layer() < 1 || n.layer() > net.depth() || n.index() >= net.size(n.layer())) {
            return new NeuronRef(net.depth(), 0);
        }
        return n;
    }

    /**
     * @return true if the plane is coloured by predicted class: the network has several outputs and no neuron is
     *         chosen (choosing an output neuron shows its own probability instead)
     */
    public boolean showsClasses() {
        Snapshot s = snapshot.get();
        NeuronRef n = state.selectedNeuronProperty().get();
        boolean chosen = n != null && n.layer() >= 1 && s != null && n.layer() <= s.network().depth()
                && n.index() < s.network().size(n.layer());
        return s != null && ClassMap.applies(s.network()) && !chosen;
    }

    /**
     * @return every neuron that can be shown, hidden layers first, the output last; first of all {@link #CLASSES}
     *         when the network has several outputs
     */
    public List<NeuronRef> neurons() {
        List<NeuronRef> all = new ArrayList<>();
        Snapshot s = snapshot.get();
        if (s != null && ClassMap.applies(s.network())) {
            all.add(CLASSES);
        }
        if (s != null) {
            for (int l = 1; l <= s.network().depth(); l++) {
                for (int i = 0; i < s.network().size(l); i++) {
                    all.add(new NeuronRef(l, i));
                }
            }
        }
        return all;
    }

    /** @return how the view names a neuron: {@code ŷ} for the only output, else {@code a²₃ (layer 2, neuron 3)} */
    public String name(NeuronRef n) {
        if (CLASSES.equals(n)) {
            return "predicted class (the largest output)";
        }
        Snapshot s = snapshot.get();
        boolean output = s != null && n.layer() == s.network().depth();
        if (output && s.network().outputSize() == 1) {
            return "ŷ  (the network's output)";
        }
        String sym = (output ? "ŷ" : "a") + (output ? "" : sup(n.layer())) + sub(n.index() + 1);
        return sym + "  (" + (output ? "output" : "hidden layer " + n.layer()) + ", neuron " + (n.index() + 1) + ")";
    }

    // Commands

    /** Shows the heatmap of {@code n} (null for the output; {@link #CLASSES} for the predicted class). */
    public void select(NeuronRef n) {
        state.selectedNeuronProperty().set(CLASSES.equals(n) ? null : n);
    }

    /**
     * Computes heatmaps only while the view is on screen (its tab chosen); a hidden view costs nothing and
     * catches up with the newest snapshot when it is shown again.
     */
    public void setActive(boolean on) {
        active = on;
        if (on) {
            request();
        }
    }

    /** Stops the worker (when the window closes). */
    public void dispose() {
        worker.dispose();
    }

    private void setSnapshot(Snapshot s) {
        snapshot.set(s);
        request();
    }

    /** Asks for a new heatmap for the current snapshot, neuron, scale and theme; replaces any waiting request. */
    void request() {
        Snapshot s = snapshot.get();
        if (s == null || !active) {
            return;
        }
        Optional<Plane> plane = HeatmapModel.plane(s.scenario().dataset());
        if (plane.isEmpty() || plane.get().inputSize() != s.network().inputSize()) {
            message.set(HeatmapModel.whyNoPlane(s.scenario().dataset()));
            clearedBefore = ids.incrementAndGet();
            result.set(null);
            return;
        }
        message.set("");
        Request r = new Request(ids.incrementAndGet(), s, plane.get(), shownNeuron(), showsClasses(),
                state.colorScaleProperty().get(), state.themeProperty().get());
        worker.submit(r);
    }

    /** On the worker: computes the newest request. */
    private void compute(Request r) {
        long t0 = System.nanoTime();
        Result done;
        try {
            Heatmap h = r.classes() ? ClassMap.compute(r.snapshot().network(), r.plane(), HeatmapModel.CELLS)
                    : HeatmapModel.compute(r.snapshot().network(), r.plane(), HeatmapModel.CELLS, r.neuron());
            int[] px = HeatmapColors.argb(h, r.scale(), r.theme());
            done = new Result(r.id(), r.snapshot(), h, px, (System.nanoTime() - t0) / 1e6);
        } catch (RuntimeException e) {
            System.err.println("Backprop Lab: decision boundary not computed: " + e.getMessage());
            return;
        }
        fx.accept(() -> publish(done));
    }

    private void publish(Result r) {
        Result old = result.get();
        if (r.request() > clearedBefore && (old == null || r.request() > old.request())) {
            completed++;
            result.set(r);
        }
    }

    private static String sup(int n) {
        return org.backproplab.ui.graph.GraphText.sup(n);
    }

    private static String sub(int n) {
        return org.backproplab.ui.graph.GraphText.sub(n);
    }
}

package org.backproplab.ui.boundary;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.backproplab.ui.common.LatestOnly;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.ColorScale;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState;
import org.backproplab.ui.UiState.NeuronRef;
import org.backproplab.ui.boundary.HeatmapModel.Heatmap;
import org.backproplab.ui.boundary.HeatmapModel.Plane;

/**
 * The small heatmaps the graph draws inside its hidden and output neurons (TensorFlow Playground's best-known
 * picture): each neuron's own activation over the input plane, for data sets with two inputs plus at most a constant
 * one, while {@link UiState#neuronThumbnailsProperty()} is on. Computed by {@link NeuronMaps} from the snapshot's
 * private copy of the network on the {@code neuron-thumbnails} thread (never on the training worker nor on the FX
 * thread), the latest snapshot replacing a waiting one, at most 20 a second; coloured as the decision boundary is
 * ({@link HeatmapColors}), and turned into images on the FX thread.
 */
public final class NeuronThumbnails {
    /** Shortest time between the starts of two computations. */
    public static final long MIN_INTERVAL_MS = 50;

    /** Every neuron's map for one snapshot, with its pixels (ARGB, row-major, row 0 at the top). */
    public record Result(long request, Snapshot snapshot, Map<NeuronRef, Heatmap> maps, Map<NeuronRef, int[]> argb) {
        /**
         * Each result is a computation of its own: the same result, not equal maps (written out, and not comparing
         * the maps: a record's own equals is linked at its first call, a few ms of the window's first frame).
         */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    private record Request(long id, Snapshot snapshot, Plane plane, ColorScale scale, Theme theme) {
    }

    private final UiState state;
    private final SessionBridge bridge;
    private final Consumer<Runnable> fx;
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final AtomicLong ids = new AtomicLong();
    private final LatestOnly<Request> worker = new LatestOnly<>("neuron-thumbnails", MIN_INTERVAL_MS, this::compute);
    private final Map<NeuronRef, WritableImage> images = new HashMap<>();
    /** The data set whose plane was found last, and that plane. */
    private org.backproplab.data.Dataset planeOf;
    private Optional<Plane> plane = Optional.empty();
    /** Results of requests up to this one are dropped (the maps were turned off, or the plane went, after them). */
    private long clearedBefore;

    public NeuronThumbnails(SessionBridge bridge, UiState state) {
        this(bridge, state, Platform::runLater);
    }

    /** @param fx how results reach the FX thread (tests may run them directly) */
    NeuronThumbnails(SessionBridge bridge, UiState state, Consumer<Runnable> fx) {
        this.bridge = bridge;
        this.state = state;
        this.fx = fx;
        bridge.snapshotProperty().addListener((o, a, s) -> request());
        state.colorScaleProperty().addListener((o, a, b) -> request());
        state.themeProperty().addListener((o, a, b) -> request());
        state.neuronThumbnailsProperty().addListener((o, a, b) -> request());
        request();
    }

    // Properties

    /** @return the latest maps computed, or null (turned off, before the first, or no input plane) */
    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** @return the picture of neuron {@code n} now, one pixel per cell, or null if there is none */
    public Image image(NeuronRef n) {
        return result.get() == null ? null : images.get(n);
    }

    // Commands

    /** Stops the thread (when the window closes). */
    public void dispose() {
        worker.dispose();
    }

    /** Asks for the maps of the snapshot on show, or clears them when off or without a plane. */
    private void request() {
        Snapshot s = bridge.snapshot();
        Optional<Plane> plane = s == null ? Optional.empty() : plane(s.scenario().dataset());
        if (!state.neuronThumbnailsProperty().get() || plane.isEmpty() || plane.get().inputSize() != s.network().inputSize()) {
            clearedBefore = ids.incrementAndGet();
            result.set(null);
            return;
        }
        worker.submit(new Request(ids.incrementAndGet(), s, plane.get(), state.colorScaleProperty().get(),
                state.themeProperty().get()));
    }

    /** @return the plane of {@code d}, found again only when the data set changed (not every frame) */
    private Optional<Plane> plane(org.backproplab.data.Dataset d) {
        if (d != planeOf) {
            planeOf = d;
            plane = HeatmapModel.plane(d);
        }
        return plane;
    }

    /** On the worker: every neuron's map and pixels. */
    private void compute(Request r) {
        Result done;
        try {
            Map<NeuronRef, Heatmap> maps = NeuronMaps.compute(r.snapshot().network(), r.plane(), NeuronMaps.CELLS);
            Map<NeuronRef, int[]> argb = new LinkedHashMap<>();
            maps.forEach((n, h) -> argb.put(n, HeatmapColors.argb(h, r.scale(), r.theme())));
            done = new Result(r.id(), r.snapshot(), maps, argb);
        } catch (RuntimeException e) {
            System.err.println("Backprop Lab: neuron maps not computed: " + e.getMessage());
            return;
        }
        fx.accept(() -> publish(done));
    }

    private void publish(Result r) {
        Result old = result.get();
        if (r.request() <= clearedBefore || old != null && r.request() <= old.request()) {
            return;
        }
        // a new image per result, never one changed in place: whoever keeps a picture made from it keeps it right
        images.clear();
        r.argb().forEach((n, px) -> {
            WritableImage img = new WritableImage(NeuronMaps.CELLS, NeuronMaps.CELLS);
            img.getPixelWriter().setPixels(0, 0, NeuronMaps.CELLS, NeuronMaps.CELLS, PixelFormat.getIntArgbInstance(),
                    px, 0, NeuronMaps.CELLS);
            images.put(n, img);
        });
        result.set(r);
    }
}

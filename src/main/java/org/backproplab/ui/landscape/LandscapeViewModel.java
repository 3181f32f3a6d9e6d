package org.backproplab.ui.landscape;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backproplab.engine.Network;
import org.backproplab.engine.Progress;
import org.backproplab.session.RunReplay;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.backproplab.text.Allowed;
import org.backproplab.text.NumberText;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.common.LatestOnly;
import org.backproplab.ui.common.NumberField;

/**
 * What the loss-landscape view shows, on the FX thread: the latest {@link Landscape} and a status line. Every
 * landscape is computed by {@link LandscapeJob} on one daemon thread of its own, never on the FX thread nor on the
 * training worker. A change of plane or range, or closing the view, cancels the job under way; a newer snapshot
 * (training went on) cancels it once it has shown its first grid, so a picture keeps coming while training runs.
 */
public final class LandscapeViewModel {
    /** Shortest time between the starts of two computations. */
    static final long MIN_INTERVAL_MS = 100;
    /** What the range field accepts. */
    static final NumberField RANGE = new NumberField("landscape range ±r",
            new Allowed(0, true, 1e6, false, false, 2, ""));

    private record Request(long id, LandscapeSettings settings) {
    }

    private final TrainingSession session;
    private final Consumer<Runnable> fx;
    private final ReadOnlyObjectWrapper<Landscape> landscape = new ReadOnlyObjectWrapper<>(this, "landscape");
    private final ReadOnlyObjectWrapper<LandscapeSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ReadOnlyObjectWrapper<Network> network = new ReadOnlyObjectWrapper<>(this, "network");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal", "");
    private final LatestOnly<Request> thread = new LatestOnly<>("loss-landscape", MIN_INTERVAL_MS, this::compute);
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong cancelledJobs = new AtomicLong();
    /** Jobs of requests below this id stop at their next check. */
    private volatile long cancelBelow;
    /** The newest request made. */
    private volatile long newest;
    /** The request whose job has shown a grid: a newer snapshot may now cancel it. */
    private volatile long shown = -1;
    /** Run on the landscape thread after each grid is handed to the view (tests hold the job there); null: nothing. */
    volatile Runnable afterEachGrid;
    private long drawn = -1;
    private boolean active;
    private String snapshotKey = "";
    private final SessionBridge bridge;
    private final javafx.beans.value.ChangeListener<org.backproplab.session.Snapshot> follow = (o, a, s) -> setSnapshot(s);

    public LandscapeViewModel(SessionBridge bridge) {
        this(bridge, Platform::runLater);
    }

    /** @param fx how results reach the FX thread */
    LandscapeViewModel(SessionBridge bridge, Consumer<Runnable> fx) {
        this.session = bridge.session();
        this.bridge = bridge;
        this.fx = fx;
        bridge.snapshotProperty().addListener(follow);
        setSnapshot(bridge.snapshot());
    }

    // Properties

    /** @return the latest landscape computed (null before the first) */
    public ReadOnlyObjectProperty<Landscape> landscapeProperty() {
        return landscape.getReadOnlyProperty();
    }

    /** @return the plane and range shown */
    public ReadOnlyObjectProperty<LandscapeSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** @return the network on show (for the names of its weights) */
    public ReadOnlyObjectProperty<Network> networkProperty() {
        return network.getReadOnlyProperty();
    }

    /** @return what is being computed, or how long the picture took */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** @return why the last typed value was refused, or empty */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /** @return the names of every weight and bias, in {@link org.backproplab.engine.ParameterVector} order */
    public List<String> parameterNames() {
        Network net = network.get();
        List<String> names = new ArrayList<>();
        for (int k = 0; net != null && k < net.parameterCount(); k++) {
            names.add(LandscapeSettings.name(net, k));
        }
        return names;
    }

    /** @return how many computations stopped before their finest grid (a newer request, the view closed) */
    long cancelledJobs() {
        return cancelledJobs.get();
    }

    // Commands

    /** Computes while the view is shown; hiding it cancels the job under way. */
    public void setActive(boolean on) {
        active = on;
        if (on) {
            request(true);
        } else {
            cancelBelow = ids.incrementAndGet();
        }
    }

    /** Shows the plane and range of {@code s} (another view's), if they fit the network on show. */
    void use(LandscapeSettings s) {
        if (network.get() != null && s.fits(network.get())) {
            change(s);
        }
    }

    /** Two random directions normalised per neuron ({@code true}) or two chosen weights. */
    public void setRandom(boolean random) {
        change(settings.get().withRandom(random));
    }

    /** Puts weight or bias {@code first} on the horizontal axis and {@code second} on the vertical one. */
    public void setWeights(int first, int second) {
        if (first == second) {
            refusal.set("Both axes are " + parameterNames().get(first) + ": choose two different weights.");
            return;
        }
        change(settings.get().withWeights(first, second));
    }

    /** Reads the seed of the random directions; a refused text leaves the picture as it is and says why. */
    public boolean setSeedText(String text) {
        try {
            change(settings.get().withSeed(NumberField.SEED.parseWhole(text)));
            return true;
        } catch (IllegalArgumentException e) {
            refusal.set(e.getMessage());
            return false;
        }
    }

    /** Reads the range {@code r} ({@code α, β ∈ [−r, r]}); a refused text leaves the picture as it is and says why. */
    public boolean setRangeText(String text) {
        try {
            change(settings.get().withRange(RANGE.parse(text)));
            return true;
        } catch (IllegalArgumentException e) {
            refusal.set(e.getMessage());
            return false;
        }
    }

    /** Sets the range to just hold the whole path (a tenth more, rounded up to 1, 2 or 5 times a power of ten). */
    public void fitPath() {
        Landscape l = landscape.get();
        double far = 0;
        for (int i = 0; l != null && i < l.pathAlpha().length; i++) {
            if (Double.isFinite(l.pathAlpha()[i]) && Double.isFinite(l.pathBeta()[i])) {
                far = Math.max(far, Math.max(Math.abs(l.pathAlpha()[i]), Math.abs(l.pathBeta()[i])));
            }
        }
        if (far > 0) {
            change(settings.get().withRange(roundUp(1.1 * far)));
        }
    }

    /** Stops the thread (the window closed). */
    public void dispose() {
        bridge.snapshotProperty().removeListener(follow);
        active = false;
        cancelBelow = Long.MAX_VALUE;
        thread.dispose();
    }

    /** @return {@code v} rounded up to 1, 2 or 5 times a power of ten */
    static double roundUp(double v) {
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * mag >= v) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    private void change(LandscapeSettings s) {
        refusal.set("");
        settings.set(s);
        request(true);
    }

    private void setSnapshot(Snapshot s) {
        if (s == null) {
            return;
        }
        Network net = s.network();
        Network was = network.get();
        if (was == null || !was.sameShape(net)) {
            network.set(net);
            settings.set(settings.get() != null && settings.get().fits(net) ? settings.get()
                    : LandscapeSettings.defaults(net).withRange(settings.get() == null ? LandscapeSettings.DEFAULT_RANGE
                    : settings.get().range()));
        }
        String key = s.changes() + "/" + s.iteration();
        if (!key.equals(snapshotKey)) {
            snapshotKey = key;
            network.set(net);
            request(false);
        }
    }

    /** @param cancelNow true for a change asked for here (cancels the job under way at once) */
    private void request(boolean cancelNow) {
        if (!active || settings.get() == null) {
            return;
        }
        long id = ids.incrementAndGet();
        newest = id;
        if (cancelNow) {
            cancelBelow = id;
        }
        if (cancelNow || landscape.get() == null) {
            status.set("Computing the loss landscape …");
        }
        thread.submit(new Request(id, settings.get()));
    }

    private boolean cancelled(Request r) {
        return r.id() < cancelBelow || shown == r.id() && newest > r.id();
    }

    /** On the landscape thread. */
    private void compute(Request r) {
        if (cancelled(r)) {
            return;
        }
        Progress progress = new Progress() {
            @Override
            public void advanced(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return cancelled(r);
            }
        };
        try {
            RunReplay replay = session.replay().get(60, TimeUnit.SECONDS);
            LandscapeJob.run(replay, r.settings(), progress, l -> {
                shown = r.id();
                fx.accept(() -> show(r, l));
                Runnable hold = afterEachGrid;
                if (hold != null) {
                    hold.run();
                }
            });
        } catch (CancellationException e) {
            cancelledJobs.incrementAndGet(); // a newer request or the view closed: nothing more to show
        } catch (ExecutionException | TimeoutException | IllegalArgumentException e) {
            String why = e instanceof ExecutionException ? e.getCause().getMessage() : e.getMessage();
            fx.accept(() -> status.set("No landscape: " + why));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On the FX thread. */
    private void show(Request r, Landscape l) {
        if (r.id() < drawn || r.id() < cancelBelow) {
            return;
        }
        drawn = r.id();
        landscape.set(l);
        int m = l.side();
        String grid = m + " × " + m + " losses in " + NumberText.format(Math.round(l.millis())) + " ms";
        String path = l.hasPath() ? "; path: " + l.pathIterations().length + " points from iteration "
                + l.pathIterations()[0] + " to " + l.iteration() : "; path …";
        status.set((l.finished() ? "" : "Refining: ") + grid + path);
    }
}

package org.backproplab.ui.gradcheck;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backproplab.data.Dataset;
import org.backproplab.engine.GradientCheck;
import org.backproplab.engine.Network;
import org.backproplab.engine.Progress;
import org.backproplab.engine.WorkLimits;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;

/**
 * The gradient check of the weights now (on the worker, {@code GradientCheck.run}): one row per weight and
 * bias (failures first, then parameters at a ReLU kink, then passes, each largest relative error first),
 * a summary line that counts passes, failures and kinks apart, and whether the weights have changed since.
 * While the check runs (on the worker, where every other command waits for it) {@link #progressProperty()}
 * follows it and {@link #cancel()} stops it; a cancelled check leaves the session as it was.
 */
public final class GradientCheckViewModel {
    /**
     * One parameter, named for people: {@code W1[1,3]}, {@code b2[1]} (counted from 1).
     *
     * @param status PASS, FAIL, or KINK (at a kink: not comparable)
     * @param note   short, for the table: the neuron and sample of a kink, or the smaller step a parameter was
     *               compared at; empty otherwise
     * @param detail the note as a sentence, for the selected row; empty when the note is
     */
    public record Row(String name, UiState.EdgeRef edge, double backprop, double numeric, double relativeError,
                      GradientCheck.Status status, String note, String detail) {
        static Row of(GradientCheck.Entry e, Dataset data) {
            String name = e.isBias() ? "b" + e.layer() + "[" + (e.to() + 1) + "]"
                    : "W" + e.layer() + "[" + (e.from() + 1) + "," + (e.to() + 1) + "]";
            GradientCheck.Kink k = e.kink();
            String note = "";
            String detail = "";
            if (k != null) {
                String where = "layer " + k.layer() + ", neuron " + (k.neuron() + 1) + ", sample " + data.label(k.sample());
                String more = k.count() > 1 ? " (and " + (k.count() - 1) + " more)" : "";
                if (e.isComparable()) {
                    note = "compared at h = " + error(e.step());
                    detail = name + ": compared at h = " + error(e.step()) + " because h = " + error(k.step())
                            + " moved the z of " + where + more + " across 0.";
                } else {
                    note = where;
                    detail = name + " is at a kink, not comparable: even h = " + error(e.step()) + " moves the z of "
                            + where + more + " across 0.";
                }
            }
            return new Row(name, new UiState.EdgeRef(e.layer(), e.from(), e.to()), e.backprop(), e.numeric(),
                    e.relativeError(), e.status(), note, detail);
        }

        /** @return whether backprop and the central difference agree within the tolerance */
        public boolean passes() {
            return status == GradientCheck.Status.PASS;
        }

        /** @return whether the parameter is at a kink, where the two cannot be compared */
        public boolean atKink() {
            return status == GradientCheck.Status.KINK;
        }

        /** @return the status as shown in the table */
        public String statusText() {
            return switch (status) {
                case PASS -> "✓ pass";
                case FAIL -> "✗ fail";
                case KINK -> "at a kink";
            };
        }

        /** @return the relative error as shown in the table: a number, or "–" at a kink (not comparable) */
        public String errorText() {
            return atKink() ? "–" : error(relativeError);
        }
    }

    private final SessionBridge bridge;
    private final Executor fx;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    // Properties
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper staleText = new ReadOnlyStringWrapper(this, "staleText", "");
    private final ReadOnlyStringWrapper kinkText = new ReadOnlyStringWrapper(this, "kinkText", "");
    private final ReadOnlyBooleanWrapper passes = new ReadOnlyBooleanWrapper(this, "passes", true);
    private final ReadOnlyBooleanWrapper kinks = new ReadOnlyBooleanWrapper(this, "kinks");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    /** The check under way (FX thread), or null. */
    private Watch running;
    private Network checked;
    private long checkedIteration = -1;

    public GradientCheckViewModel(SessionBridge bridge) {
        this(bridge, Platform::runLater);
    }

    GradientCheckViewModel(SessionBridge bridge, Executor fx) {
        this.bridge = bridge;
        this.fx = fx;
        bridge.snapshotProperty().addListener((o, was, now) -> updateStale(now));
    }

    // Properties

    /** @return every weight and bias: failures, then kinks, then passes, each largest relative error first */
    public ObservableList<Row> rows() {
        return rows;
    }

    /**
     * @return e.g. "Iteration 0 · largest relative error 3.2e-10 (W1[2,3]) · all 16 pass · …", or with
     * kinks "… · 335 pass · 0 fail · 2 at a kink (not comparable) · …"
     */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** @return what "at a kink" means, when some parameter is at one; else empty */
    public ReadOnlyStringProperty kinkTextProperty() {
        return kinkText.getReadOnlyProperty();
    }

    /** @return a warning when the weights shown have changed since the check, else empty */
    public ReadOnlyStringProperty staleTextProperty() {
        return staleText.getReadOnlyProperty();
    }

    /** @return whether no parameter fails (parameters at a kink are not failures) */
    public ReadOnlyBooleanProperty passesProperty() {
        return passes.getReadOnlyProperty();
    }

    /** @return whether some parameter is at a kink */
    public ReadOnlyBooleanProperty kinksProperty() {
        return kinks.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** @return how far the check under way is, from 0 to 1 (the share of its parameters done) */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    // Commands

    /** Checks the gradients of the weights now (all, or a sample of a large network), on the worker; the table follows when done. */
    public void recheck() {
        if (running != null) {
            return;
        }
        Watch w = new Watch();
        running = w;
        checking.set(true);
        progress.set(0);
        summary.set("Checking the gradients…");
        bridge.session().gradientCheck(w)
                .whenComplete((c, e) -> fx.execute(() -> {
                    running = null;
                    show(c == null ? null : new Checked(c.snapshot(), c.result()), e);
                }));
    }

    /** Stops the check under way between two evaluations of the loss; nothing changes. Does nothing when none runs. */
    public void cancel() {
        if (running != null) {
            running.cancelled = true;
            summary.set("Cancelling…");
        }
    }

    /**
     * What the worker reports to and asks of the FX thread while checking: progress is handed over at most once
     * per pulse (the latest count wins), the cancel flag is read before every evaluation.
     */
    private final class Watch implements Progress {
        private volatile boolean cancelled;
        private final AtomicLong done = new AtomicLong();
        private volatile long total;
        private final AtomicBoolean posted = new AtomicBoolean();

        @Override
        public void advanced(long d, long t) {
            done.set(d);
            total = t;
            if (posted.compareAndSet(false, true)) {
                fx.execute(() -> {
                    posted.set(false);
                    if (running == this && !cancelled) {
                        long n = done.get();
                        progress.set(total == 0 ? 0 : (double) n / total);
                        summary.set(String.format(Locale.ROOT, "Checking the gradients… %,d of %,d parameters", n, total));
                    }
                });
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    private record Checked(Snapshot snapshot, GradientCheck.Result result) {
    }

    private void show(Checked c, Throwable error) {
        checking.set(false);
        progress.set(0);
        if (error != null) {
            rows.clear();
            kinkText.set("");
            kinks.set(false);
            Throwable why = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            summary.set(why instanceof CancellationException ? why.getMessage() + " Press Recheck to check again."
                    : "The gradient check could not run: " + why.getMessage());
            return;
        }
        GradientCheck.Result r = c.result();
        Dataset data = c.snapshot().scenario().dataset();
        rows.setAll(r.entries().stream().map(e -> Row.of(e, data)).toList());
        checked = c.snapshot().network();
        checkedIteration = c.snapshot().iteration();
        long failing = r.count(GradientCheck.Status.FAIL);
        long atKink = r.count(GradientCheck.Status.KINK);
        passes.set(r.passes());
        kinks.set(atKink > 0);
        String worst = r.worst() == null ? "none comparable" : Row.of(r.worst(), data).name();
        String counts = failing == 0 && atKink == 0 ? "all " + rows.size() + " pass"
                : r.count(GradientCheck.Status.PASS) + " pass · " + failing + " fail · " + atKink
                        + " at a kink (not comparable)";
        if (r.isSample()) {
            counts += String.format(Locale.ROOT, " · a sample of %,d of %,d parameters, evenly spaced (all would "
                    + "take more than the work of %d passes over the batch)", rows.size(), r.parameters(),
                    WorkLimits.GRADIENT_CHECK_PASSES);
        }
        summary.set(String.format(Locale.ROOT, "Iteration %,d · largest relative error %s (%s) · %s · "
                        + "central differences with h = 1e-5·max(1, |θ|), pass if ≤ %s",
                checkedIteration, error(r.maxRelativeError()), worst, counts, error(GradientCheck.TOLERANCE)));
        kinkText.set(atKink == 0 ? "" : String.format(Locale.ROOT, "At a kink (%d): a step h moves some ReLU or "
                        + "leaky-ReLU pre-activation z across 0, where the loss changes slope, so (L(θ + h) − L(θ − h)) / 2h is "
                        + "not the slope backprop computes. Smaller steps were tried, down to h = %s·max(1, |θ|); "
                        + "for these even the smallest crossed. Not a failure. The Note names the neuron and the sample.",
                atKink, error(GradientCheck.MIN_STEP)));
        updateStale(bridge.snapshot());
    }

    private void updateStale(Snapshot s) {
        boolean stale = checked != null && (s.iteration() != checkedIteration || !s.network().sameAs(checked));
        staleText.set(stale ? "The weights have changed since this check: press Recheck." : "");
    }

    /** @return a relative error, e.g. {@code 3.2e-10}, {@code 0}, {@code ∞} */
    public static String error(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return "∞";
        }
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.1e", v);
    }

    /** @return a gradient with 7 significant digits, {@code NaN} or {@code ∞} spelled out */
    public static String gradient(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        return String.format(Locale.ROOT, "%.7g", v).replace('-', '−');
    }
}

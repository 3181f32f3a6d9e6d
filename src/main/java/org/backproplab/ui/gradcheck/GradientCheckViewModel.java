package org.backproplab.ui.gradcheck;

import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backproplab.data.Dataset;
import org.backproplab.engine.GradientCheck;
import org.backproplab.engine.Network;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;

/**
 * The gradient check of the weights now (on the worker, {@code GradientCheck.run}): one row per weight and
 * bias (failures first, then parameters at a ReLU kink, then passes, each largest relative error first),
 * a summary line that counts passes, failures and kinks apart, and whether the weights have changed since.
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

    // Commands

    /** Checks every gradient of the weights now, on the worker; the table follows when done. */
    public void recheck() {
        checking.set(true);
        summary.set("Checking every gradient…");
        bridge.session().gradientCheck()
                .whenComplete((c, e) -> fx.execute(() -> show(c == null ? null : new Checked(c.snapshot(), c.result()), e)));
    }

    private record Checked(Snapshot snapshot, GradientCheck.Result result) {
    }

    private void show(Checked c, Throwable error) {
        checking.set(false);
        if (error != null) {
            rows.clear();
            kinkText.set("");
            kinks.set(false);
            summary.set("The gradient check could not run: " + (error.getCause() != null ? error.getCause() : error).getMessage());
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

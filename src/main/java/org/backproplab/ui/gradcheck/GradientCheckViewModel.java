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
import org.backproplab.engine.GradientCheck;
import org.backproplab.engine.Network;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;

/**
 * The gradient check of the weights now (on the worker, {@code GradientCheck.run}): one row per weight and
 * bias, largest relative error first, a summary line, and whether the weights have changed since.
 */
public final class GradientCheckViewModel {
    /** One parameter, named for people: {@code W1[1,3]}, {@code b2[1]} (counted from 1). */
    public record Row(String name, UiState.EdgeRef edge, double backprop, double numeric, double relativeError,
                      boolean passes) {
        static Row of(GradientCheck.Entry e) {
            String name = e.isBias() ? "b" + e.layer() + "[" + (e.to() + 1) + "]"
                    : "W" + e.layer() + "[" + (e.from() + 1) + "," + (e.to() + 1) + "]";
            return new Row(name, new UiState.EdgeRef(e.layer(), e.from(), e.to()), e.backprop(), e.numeric(),
                    e.relativeError(), e.passes());
        }
    }

    private final SessionBridge bridge;
    private final Executor fx;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    // Properties
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper staleText = new ReadOnlyStringWrapper(this, "staleText", "");
    private final ReadOnlyBooleanWrapper passes = new ReadOnlyBooleanWrapper(this, "passes", true);
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

    /** @return every weight and bias, largest relative error first */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** @return e.g. "Largest relative error 3.2e-10 (W1[2,3]) · all 16 pass · h = 1e-5·max(1, |θ|)" */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** @return a warning when the weights shown have changed since the check, else empty */
    public ReadOnlyStringProperty staleTextProperty() {
        return staleText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty passesProperty() {
        return passes.getReadOnlyProperty();
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
            summary.set("The gradient check could not run: " + (error.getCause() != null ? error.getCause() : error).getMessage());
            return;
        }
        GradientCheck.Result r = c.result();
        rows.setAll(r.entries().stream().map(Row::of).toList());
        checked = c.snapshot().network();
        checkedIteration = c.snapshot().iteration();
        long failing = r.entries().stream().filter(e -> !e.passes()).count();
        passes.set(r.passes());
        String worst = r.worst() == null ? "–" : Row.of(r.worst()).name();
        summary.set(String.format(Locale.ROOT, "Iteration %,d · largest relative error %s (%s) · %s · "
                        + "central differences with h = 1e-5·max(1, |θ|), pass if ≤ %s",
                checkedIteration, error(r.maxRelativeError()), worst,
                failing == 0 ? "all " + rows.size() + " pass" : failing + " of " + rows.size() + " fail",
                error(GradientCheck.TOLERANCE)));
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

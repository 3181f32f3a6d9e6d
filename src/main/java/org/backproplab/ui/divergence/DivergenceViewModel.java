package org.backproplab.ui.divergence;

import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.SessionBridge;
import org.backproplab.text.NumberText;

/**
 * Whether training has broken down, and the plain-words explanation the banner shows: what became NaN or
 * infinite, at which iteration, and why (a learning rate too large for the network). The session pauses by
 * itself; the commands go back to the last finite state, optionally with a ten times smaller η.
 */
public final class DivergenceViewModel {
    private final SessionBridge bridge;

    // Properties
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyStringWrapper lowerText = new ReadOnlyStringWrapper(this, "lowerText", "");
    private final ReadOnlyStringWrapper backText = new ReadOnlyStringWrapper(this, "backText", "Go back to the last finite state");
    private double eta;

    public DivergenceViewModel(SessionBridge bridge) {
        this.bridge = bridge;
        bridge.snapshotProperty().addListener((o, was, now) -> update(now));
        update(bridge.snapshot());
    }

    // Properties

    /** @return true while the snapshot holds a NaN or infinite loss or weight */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** @return e.g. "The loss became infinite at iteration 37." */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** @return e.g. "Go back to iteration 37" */
    public ReadOnlyStringProperty backTextProperty() {
        return backText.getReadOnlyProperty();
    }

    /** @return e.g. "Lower η to 5" */
    public ReadOnlyStringProperty lowerTextProperty() {
        return lowerText.getReadOnlyProperty();
    }

    // Commands

    /** Back to the last iteration whose loss and weights were finite. */
    public void goBack() {
        bridge.session().backToFinite();
    }

    /** Back to the last finite state, then η ← η/10, ready to run again. */
    public void lowerLearningRate() {
        bridge.session().backToFinite();
        bridge.session().setLearningRate(eta / 10);
    }

    void update(Snapshot s) {
        double loss = s.loss();
        boolean badWeights = !finite(s.network());
        boolean broken = s.diverged() || !Double.isFinite(loss) || badWeights;
        shown.set(broken);
        if (!broken) {
            return;
        }
        eta = s.scenario().config().learningRate();
        String what;
        if (Double.isNaN(loss)) {
            what = "The loss became NaN (not a number)";
        } else if (Double.isInfinite(loss)) {
            what = "The loss became infinite";
        } else {
            what = "The weights became " + (badWeights ? "infinite or NaN" : "too large");
        }
        headline.set(String.format(Locale.ROOT, "%s at iteration %,d: training has paused.", what, s.iteration()));
        String etaText = fmt(eta);
        long rescue = s.rescueIteration();
        String where = rescue >= 0 ? String.format(Locale.ROOT, " Iteration %,d is the last before the loss rose above "
                + "10× its lowest value so far and never came back: from there a smaller η can still rescue the run.", rescue) : "";
        backText.set(rescue >= 0 ? String.format(Locale.ROOT, "Go back to iteration %,d", rescue) : "Go back to the last finite state");
        explanation.set(eta > 0.1
                ? "Each step overshot because η = " + etaText + " is too large for this network: every update "
                + "moved the weights past the minimum, the loss grew instead of shrinking, and after a few steps "
                + "the numbers overflowed. Values shown as NaN or ∞ are these broken numbers. Go back to the last "
                + "finite state and try a smaller η." + where
                : "The numbers overflowed even though η = " + etaText + " is small: a weight or an input you set "
                + "may be very large, or the gradients explode in this network. Values shown as NaN or ∞ are these "
                + "broken numbers. Go back to the last finite state and lower η or the value you changed." + where);
        lowerText.set("Lower η to " + fmt(eta / 10));
    }

    static String fmt(double v) {
        return NumberText.format(v);
    }

    private static boolean finite(Network n) {
        for (Layer layer : n.layers()) {
            for (double[] row : layer.weights().getData()) {
                for (double v : row) {
                    if (!Double.isFinite(v)) {
                        return false;
                    }
                }
            }
            if (layer.hasBias()) {
                for (double v : layer.bias().toArray()) {
                    if (!Double.isFinite(v)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}

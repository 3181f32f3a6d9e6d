package org.backproplab.ui;

import java.util.Set;
import org.backproplab.engine.exercise.Quantity;
import org.backproplab.engine.exercise.Quantity.Kind;

/**
 * The numbers an open exercise asks the student for, which no view may show until it closes: the graph writes
 * "?" in their place, the inspector shows the exercise instead of its derivation (and no weight grid while a new
 * weight is asked for), the data table no ŷ or loss while those are asked for. A neuron's {@code z}, {@code a} or
 * {@code δ} is hidden for every sample (the student works on one, the others would give it away in a full batch).
 *
 * @param quantities what is hidden
 */
public record HiddenNumbers(Set<Quantity> quantities) {
    /** Nothing hidden. */
    public static final HiddenNumbers NONE = new HiddenNumbers(Set.of());

    public HiddenNumbers {
        quantities = Set.copyOf(quantities);
    }

    /** @return true if nothing is hidden */
    public boolean isEmpty() {
        return quantities.isEmpty();
    }

    /** @return true if {@code q} is hidden */
    public boolean hides(Quantity q) {
        return quantities.contains(q);
    }

    /** @return true if any number of {@code kind} is hidden */
    public boolean hidesAny(Kind kind) {
        for (Quantity q : quantities) {
            if (q.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    /** @return true if {@code kind} of neuron {@code j} of layer {@code l} is hidden (z, a, δ) */
    public boolean hides(Kind kind, int l, int j) {
        return quantities.contains(new Quantity(kind, l, -1, j));
    }

    /** @return true if {@code kind} of the weight from {@code i} to {@code j} of layer {@code l} is hidden */
    public boolean hides(Kind kind, int l, int i, int j) {
        return quantities.contains(new Quantity(kind, l, i, j));
    }

    /**
     * @param kind {@link Kind#DLDW}, {@link Kind#DW} or {@link Kind#NEW_W}: which number of the parameter
     * @param i    the neuron below for a weight, −1 for the bias of neuron {@code j}
     * @return true if that number of the weight, or of the bias (its ∂L/∂b; its Δb and value while the new b is
     *         asked for), is hidden
     */
    public boolean hidesParameter(Kind kind, int l, int i, int j) {
        if (i >= 0) {
            return hides(kind, l, i, j);
        }
        Kind bias = kind == Kind.DLDW ? Kind.DLDB : kind == Kind.DW || kind == Kind.NEW_W ? Kind.NEW_B : kind;
        return quantities.contains(new Quantity(bias, l, -1, j));
    }

    /** @return true if the output ŷ of any output neuron (its {@code a}, or the loss computed from it) is hidden */
    public boolean hidesOutputs(int outputLayer) {
        for (Quantity q : quantities) {
            if (q.kind() == Kind.LOSS || q.layer() == outputLayer && (q.kind() == Kind.A || q.kind() == Kind.Z)) {
                return true;
            }
        }
        return false;
    }
}

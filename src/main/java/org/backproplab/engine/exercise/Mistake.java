package org.backproplab.engine.exercise;

import java.util.EnumSet;
import java.util.Set;
import org.backproplab.engine.exercise.Quantity.Kind;

/**
 * The catalogue of common mistakes in a backpropagation by hand. {@link Worksheet#underMistake} recomputes a
 * number as if the mistake had been made; a wrong answer that agrees with one of them is diagnosed as it.
 */
public enum Mistake {
    /** {@code δ = … · f(z)} instead of {@code … · f'(z)}. */
    ACTIVATION_FOR_DERIVATIVE(EnumSet.of(Kind.DELTA), "f(z) used where f'(z) belongs (σ(z) for σ'(z))",
            "δ multiplies by the slope of the activation, f'(z); for the sigmoid σ'(z) = a(1 − a), not a itself."),
    /** {@code (ŷ − y)} where {@code (y − ŷ)} belongs, or the other way round. */
    SIGN_FLIPPED(EnumSet.of(Kind.DELTA), "the sign of (y − ŷ) flipped",
            "∂L/∂ŷ points uphill: for the squared error it is −2(y − ŷ) = 2(ŷ − y). Check the sign you started from."),
    /** {@code ∂L/∂ŷ = −(y − ŷ)}: the 2 of the square dropped. */
    FACTOR_2_DROPPED(EnumSet.of(Kind.DELTA), "the factor 2 of the squared error dropped",
            "The derivative of (y − ŷ)² is −2(y − ŷ): keep the 2 (this loss has no ½ in front to cancel it)."),
    /** {@code ∂L/∂ŷ = −4(y − ŷ)}: the 2 applied twice. */
    FACTOR_2_DOUBLED(EnumSet.of(Kind.DELTA), "the factor 2 of the squared error applied twice",
            "The 2 of the square comes in once, in ∂L/∂ŷ = −2(y − ŷ); it is not applied again further on."),
    /** {@code ΔW = −∂L/∂W}. */
    ETA_FORGOTTEN(EnumSet.of(Kind.DW, Kind.NEW_W, Kind.NEW_B), "the learning rate η forgotten",
            "The step is Δw = −η·∂L/∂w: multiply the gradient by η."),
    /** {@code ΔW = −η²·∂L/∂W}. */
    ETA_TWICE(EnumSet.of(Kind.DW, Kind.NEW_W, Kind.NEW_B), "the learning rate η applied twice",
            "η multiplies the gradient once, in Δw = −η·∂L/∂w; ∂L/∂w itself has no η in it."),
    /** {@code ∂L/∂W} (or {@code ∂L/∂b}) of the sample on show only. */
    NOT_SUMMED(EnumSet.of(Kind.DLDW, Kind.DLDB), "the gradient not summed over the batch (one sample's term only)",
            "∂L/∂w = Σ over the samples of the batch of δ_j·a_i (∂L/∂b = Σ δ_j): add every sample's term, not just this one's."),
    /** Averaged where the loss sums, or summed where it averages. */
    BATCH_COMBINED_WRONGLY(EnumSet.of(Kind.DLDW, Kind.DLDB), "the gradient averaged where the loss sums it, or summed where the loss averages it",
            "The loss decides: a summed loss (sse) sums the samples' terms; a mean loss (mse, bce) already has its 1/n in δ."),
    /** The weights above updated before δ was passed back through them. */
    UPDATED_BEFORE_BACKPROP(EnumSet.of(Kind.DELTA), "the weights above updated before the error was passed back through them",
            "δ_j = (Σ_k δ_k·W_jk)·f'(z_j) uses the weights the forward pass used, before this iteration's update."),
    /** {@code W_ji} read where {@code W_ij} belongs. */
    TRANSPOSED_INDEX(EnumSet.of(Kind.Z, Kind.DELTA, Kind.NEW_W), "a transposed weight index (w_ij read as w_ji)",
            "W_ij is the weight from neuron i below to neuron j above: row i, column j."),
    /** {@code ∂L/∂b_j = Σ_k δ_j·a_j}: the bias treated as a weight whose input is the neuron's own {@code a}. */
    BIAS_AS_WEIGHT(EnumSet.of(Kind.DLDB), "∂L/∂b worked out as for a weight, δ·a (with the neuron's own a)",
            "The bias is a weight whose input is always 1: ∂L/∂b = Σ over the batch of δ, with no a in it.");

    private final Set<Kind> madeIn;
    private final String description;
    private final String hint;

    Mistake(Set<Kind> madeIn, String description, String hint) {
        this.madeIn = madeIn;
        this.description = description;
        this.hint = hint;
    }

    /**
     * @return true if the mistake is made in the formula of {@code kind} itself (η in Δw), not only carried into it
     *         from an earlier number (a δ off by a factor makes Δw off by it too): such a mistake is the first
     *         suspect when two give the same number (forgetting η = 0.5 doubles Δw like a doubled 2 does)
     */
    public boolean madeIn(Kind kind) {
        return madeIn.contains(kind);
    }

    /** @return what went wrong, e.g. "the learning rate η forgotten" */
    public String description() {
        return description;
    }

    /** @return what to look at again */
    public String hint() {
        return hint;
    }
}

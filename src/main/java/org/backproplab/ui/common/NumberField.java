package org.backproplab.ui.common;

import org.backproplab.text.Allowed;
import org.backproplab.text.NumberText;

/**
 * A number field that appears in more than one panel (η in the toolbar and in the architecture editor, the
 * seed in the editor and in the generate dialog): one name and one range, so both refuse a value with the
 * same message.
 *
 * @param place   the field's name in messages, e.g. {@code learning rate η}
 * @param allowed the values it accepts
 */
public record NumberField(String place, Allowed allowed) {
    /** The learning rate η: any number ≥ 0. */
    public static final NumberField LEARNING_RATE = new NumberField("learning rate η", Allowed.atLeast(0, 0.5));
    /** The momentum μ: from 0 up to (not including) 1. */
    public static final NumberField MOMENTUM = new NumberField("momentum μ", Allowed.fromUpTo(0, 1, 0.9));
    /** RMSProp's ρ: from 0 up to (not including) 1. */
    public static final NumberField RHO = new NumberField("RMSProp ρ", Allowed.fromUpTo(0, 1, 0.9));
    /** Adam's β1: from 0 up to (not including) 1. */
    public static final NumberField BETA1 = new NumberField("Adam β1", Allowed.fromUpTo(0, 1, 0.9));
    /** Adam's β2: from 0 up to (not including) 1. */
    public static final NumberField BETA2 = new NumberField("Adam β2", Allowed.fromUpTo(0, 1, 0.999));
    /** ε of RMSProp and Adam: above 0, up to 1. */
    public static final NumberField EPSILON = new NumberField("ε", Allowed.aboveUpTo(0, 1, 1e-8));
    /** The strength λ of a penalty: any number ≥ 0. */
    public static final NumberField LAMBDA = new NumberField("regularization λ", Allowed.atLeast(0, 0.001));
    /** A random seed: any whole number. */
    public static final NumberField SEED = new NumberField("seed", Allowed.whole(Long.MIN_VALUE, Long.MAX_VALUE));

    /** @return the field of an optimiser's parameter */
    public static NumberField of(org.backproplab.engine.Optimizer.Parameter p) {
        return switch (p) {
            case MU -> MOMENTUM;
            case RHO -> RHO;
            case BETA1 -> BETA1;
            case BETA2 -> BETA2;
            case EPSILON -> EPSILON;
        };
    }

    /**
     * @return the number typed
     * @throws IllegalArgumentException naming the text, this field and what it allows (see {@link NumberText})
     */
    public double parse(String text) {
        return NumberText.parse(text, place, allowed);
    }

    /**
     * @return the whole number typed (for a field of whole numbers)
     * @throws IllegalArgumentException naming the text, this field and what it allows
     */
    public long parseWhole(String text) {
        return NumberText.parseWhole(text, place, (long) allowed.min(), (long) allowed.max());
    }
}

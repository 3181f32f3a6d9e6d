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
    /** A random seed: any whole number. */
    public static final NumberField SEED = new NumberField("seed", Allowed.whole(Long.MIN_VALUE, Long.MAX_VALUE));

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

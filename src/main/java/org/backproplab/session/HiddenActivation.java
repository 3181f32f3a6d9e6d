package org.backproplab.session;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;

/**
 * The activation of the hidden layers, the one setting of a variant that belongs to the network rather than to its
 * {@link org.backproplab.engine.TrainingConfig} (so it is not a {@link Setting}): a variant may give every hidden
 * layer another {@code f}, with the same weights, so {@code z} starts the same and {@code a = f(z)} differs. The
 * output layer keeps its activation in every run: the loss is chosen for it (cross-entropy for softmax, binary
 * cross-entropy for outputs in (0, 1)), and another one would change what the outputs and targets mean, not only
 * how the network learns. Here: its name, its choices and how what was chosen is read.
 */
public final class HiddenActivation {
    /** Where it is chosen, for messages and labels. */
    public static final String PLACE = "hidden activation";

    private HiddenActivation() {
    }

    /** @return the ids a hidden layer may have: those acting on each neuron alone (not softmax) */
    public static List<String> choices() {
        List<String> ids = new ArrayList<>();
        for (Activation a : Activation.values()) {
            if (a.isElementwise()) {
                ids.add(a.id());
            }
        }
        return ids;
    }

    /**
     * @return the activation whose id was chosen or typed (any case)
     * @throws IllegalArgumentException naming the text, the place and the choices, if it is none of them
     */
    public static Activation parse(String typed) {
        String t = typed == null ? "" : typed.strip();
        int i = choices().indexOf(t.toLowerCase(Locale.ROOT).replace('_', '-'));
        if (i < 0) {
            throw new IllegalArgumentException((t.isEmpty() ? "nothing chosen" : "'" + t + "'") + " in " + PLACE
                    + ": expected one of " + String.join(", ", choices()));
        }
        return Activation.fromId(choices().get(i));
    }

    /**
     * @return the id of the activation the hidden layers of {@code layers} share, or of the first hidden layer if
     *         they differ; empty without a hidden layer
     */
    public static String idOf(List<LayerSpec> layers) {
        return layers.size() < 2 ? "" : layers.get(0).activation().id();
    }

    /**
     * @return the hidden layers' activation as a legend names it, e.g. {@code ReLU}, or each in turn where they
     *         differ, e.g. {@code tanh/ReLU}; empty without a hidden layer
     */
    public static String describe(List<LayerSpec> layers) {
        Set<String> titles = new LinkedHashSet<>();
        for (LayerSpec l : layers.subList(0, Math.max(0, layers.size() - 1))) {
            titles.add(l.activation().title());
        }
        return String.join("/", titles);
    }
}

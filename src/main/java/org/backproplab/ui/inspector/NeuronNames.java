package org.backproplab.ui.inspector;

import org.backproplab.data.Dataset;
import org.backproplab.engine.Network;

/**
 * Names of neurons on screen: the data set's input names for layer 0 ({@code x1 x2 x3}), {@code h1…h4}
 * for a single hidden layer ({@code h2.1…} when there are several), {@code ŷ} (or {@code ŷ1…}) for the
 * output layer.
 */
public final class NeuronNames {
    private NeuronNames() {
    }

    /** @return the name of neuron {@code j} of layer {@code l} (0 = input layer) */
    public static String of(Network net, Dataset d, int l, int j) {
        if (l == 0) {
            return j < d.inputSize() ? d.inputNames().get(j) : "x" + (j + 1);
        }
        if (l == net.depth()) {
            return net.outputSize() == 1 ? "ŷ" : "ŷ" + (j + 1);
        }
        return net.depth() == 2 ? "h" + (j + 1) : "h" + l + "." + (j + 1);
    }
}

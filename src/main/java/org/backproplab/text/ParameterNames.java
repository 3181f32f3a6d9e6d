package org.backproplab.text;

/**
 * The one way a parameter is named for people: {@code W1[2,3]} is the weight from neuron 2 of layer 0 to neuron 3
 * of layer 1, {@code b2[1]} the bias of neuron 1 of layer 2 (neurons counted from 1, layers from 0 for the inputs).
 */
public final class ParameterNames {
    private ParameterNames() {
    }

    /** @return {@code W^l[from+1, to+1]} for 0-based {@code from} and {@code to} */
    public static String weight(int l, int from, int to) {
        return "W" + l + "[" + (from + 1) + "," + (to + 1) + "]";
    }

    /** @return {@code b^l[to+1]} for a 0-based {@code to} */
    public static String bias(int l, int to) {
        return "b" + l + "[" + (to + 1) + "]";
    }
}

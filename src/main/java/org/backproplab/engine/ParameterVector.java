package org.backproplab.engine;

/**
 * Every weight and bias of a network as one vector {@code θ}, in one fixed order: layer {@code 1 … L}, each
 * layer's weights {@code W^l} row by row ({@code W^l[i][j]}, {@code i} the neuron below, {@code j} the neuron of
 * layer {@code l}), then its biases {@code b^l} (none when the layer has its bias switched off).
 */
public final class ParameterVector {
    private ParameterVector() {
    }

    /** @return {@code θ}, a new array of {@link Network#parameterCount()} entries */
    public static double[] of(Network net) {
        double[] theta = new double[(int) net.parameterCount()];
        int k = 0;
        for (Layer layer : net.layers()) {
            for (double[] row : layer.weightData()) {
                System.arraycopy(row, 0, theta, k, row.length);
                k += row.length;
            }
            if (layer.hasBias()) {
                System.arraycopy(layer.biasData(), 0, theta, k, layer.size());
                k += layer.size();
            }
        }
        return theta;
    }

    /** Writes {@code θ} into the network's own weight and bias arrays, in place (the engine's own networks only). */
    static void write(double[] theta, Network net) {
        int k = 0;
        for (Layer layer : net.layers()) {
            for (double[] row : layer.weightData()) {
                System.arraycopy(theta, k, row, 0, row.length);
                k += row.length;
            }
            if (layer.hasBias()) {
                System.arraycopy(theta, k, layer.biasData(), 0, layer.size());
                k += layer.size();
            }
        }
    }

    /**
     * @return the index of {@code W^l[from][to]} in {@code θ} (all 0-based but {@code l}, which counts from 1)
     * @throws IllegalArgumentException naming the value if the layer or a neuron does not exist
     */
    public static int weightIndex(Network net, int l, int from, int to) {
        Layer layer = net.layer(l);
        Checks.index("neuron of layer " + (l - 1), from, layer.inputSize());
        Checks.index("neuron of layer " + l, to, layer.size());
        return start(net, l) + from * layer.size() + to;
    }

    /**
     * @return the index of {@code b^l[to]} in {@code θ}
     * @throws IllegalArgumentException naming the value if the layer or neuron does not exist or has no bias
     */
    public static int biasIndex(Network net, int l, int to) {
        Layer layer = net.layer(l);
        if (!layer.hasBias()) {
            throw new IllegalArgumentException("layer " + l + " has no biases");
        }
        Checks.index("neuron of layer " + l, to, layer.size());
        return start(net, l) + layer.inputSize() * layer.size() + to;
    }

    /** @return where layer {@code l}'s parameters start in {@code θ} */
    private static int start(Network net, int l) {
        int k = 0;
        for (int m = 1; m < l; m++) {
            k += net.layer(m).parameterCount();
        }
        return k;
    }
}

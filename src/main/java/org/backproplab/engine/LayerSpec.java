package org.backproplab.engine;

/**
 * The shape of one weight layer: how many neurons, their activation, and whether they have a bias.
 *
 * @param size       neurons in the layer, at least 1
 * @param activation the activation {@code f} of the layer
 * @param bias       true if the layer has a bias {@code b}
 */
public record LayerSpec(int size, Activation activation, boolean bias) {
    public LayerSpec {
        if (size < 1) {
            throw new IllegalArgumentException("layer size " + size + " is not allowed: expected at least 1");
        }
        if (activation == null) {
            throw new IllegalArgumentException("layer activation is missing");
        }
    }

    /**
     * @return true if {@code a} and {@code b} have the same sizes, bias switches and output activation: networks that
     *         differ at most in the activation of hidden layers, as the runs of one session may
     */
    public static boolean sameButHidden(java.util.List<LayerSpec> a, java.util.List<LayerSpec> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int l = 0; l < a.size(); l++) {
            LayerSpec x = a.get(l);
            LayerSpec y = b.get(l);
            if (x.size() != y.size() || x.bias() != y.bias() || l == a.size() - 1 && x.activation() != y.activation()) {
                return false;
            }
        }
        return true;
    }
}

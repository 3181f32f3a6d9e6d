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
}

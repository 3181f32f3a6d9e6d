package org.backproplab.engine;

/**
 * Which side of the kink at 0 every ReLU and leaky-ReLU pre-activation of the batch is on: {@code z > 0}
 * (slope 1) or {@code z ≤ 0} (slope 0, or {@link Activation#LEAK}), the same test the derivative uses.
 * Taken once at {@code θ}, it tells whether the forward pass at {@code θ ± h} put some pre-activation on the
 * other side, where the loss has another slope and the difference quotient is not the derivative at {@code θ}.
 */
final class GradientCheckSides {
    /** {@code positive[l][r][j]}: {@code z^l_j > 0} for sample {@code r} of the batch; null for smooth layers. */
    private final boolean[][][] positive;

    /** The sides of the pre-activations now in {@code w} (after a forward pass of {@code net}). */
    GradientCheckSides(Network net, Workspace w) {
        positive = new boolean[net.depth() + 1][][];
        for (int l = 1; l <= net.depth(); l++) {
            if (hasKink(net.layer(l).activation())) {
                positive[l] = new boolean[w.rows][net.layer(l).size()];
                for (int r = 0; r < w.rows; r++) {
                    for (int j = 0; j < positive[l][r].length; j++) {
                        positive[l][r][j] = w.z[l][r][j] > 0;
                    }
                }
            }
        }
    }

    /** @return whether {@code f} has a kink (ReLU and leaky ReLU, at {@code z = 0}) */
    static boolean hasKink(Activation f) {
        return f == Activation.RELU || f == Activation.LEAKY_RELU;
    }

    /**
     * Compares the pre-activations now in {@code w} (the forward pass at {@code θ + step} or {@code θ − step},
     * where {@code θ} is a parameter of layer {@code from}; the layers below it did not change) with the
     * sides at {@code θ}.
     *
     * @param earlier a kink already found at this step (on the other side of {@code θ}), or null
     * @return {@code earlier} with this pass's changes of side added, a new kink naming the first of them,
     *         or null if no pre-activation changed side
     */
    GradientCheck.Kink compare(Workspace w, int from, double step, GradientCheck.Kink earlier) {
        GradientCheck.Kink k = earlier;
        for (int l = from; l < positive.length; l++) {
            if (positive[l] == null) {
                continue;
            }
            for (int r = 0; r < w.rows; r++) {
                for (int j = 0; j < positive[l][r].length; j++) {
                    if ((w.z[l][r][j] > 0) != positive[l][r][j]) {
                        k = k == null ? new GradientCheck.Kink(w.indices[r], l, j, step, 1) : k.andOneMore();
                    }
                }
            }
        }
        return k;
    }
}

package org.backproplab.ui.landscape;

import org.backproplab.engine.LossLandscape;
import org.backproplab.engine.Network;
import org.backproplab.engine.ParameterVector;
import org.backproplab.text.ParameterNames;

/**
 * Which plane of weight space the landscape shows and how much of it.
 *
 * @param random  true for two random directions normalised per neuron, false for two chosen weights
 * @param first   the weight or bias on the horizontal axis ({@link ParameterVector} index), when not random
 * @param second  the one on the vertical axis
 * @param seed    the seed of the random directions (the same seed draws the same picture)
 * @param range   {@code r}: the plot shows {@code α, β ∈ [−r, r]}
 */
record LandscapeSettings(boolean random, int first, int second, long seed, double range) {
    /** The range a landscape starts with: one unit of weight, or one neuron's length along a random direction. */
    static final double DEFAULT_RANGE = 1.0;

    LandscapeSettings {
        if (!(range > 0) || !Double.isFinite(range)) {
            throw new IllegalArgumentException("range " + range + " is not allowed: expected a number above 0");
        }
        if (!random && first == second) {
            throw new IllegalArgumentException("both axes are " + first + ": choose two different weights");
        }
    }

    /** @return two weights into the first output neuron (or the first two parameters), random off, range 1 */
    static LandscapeSettings defaults(Network net) {
        int l = net.depth();
        int a = 0;
        int b = 1;
        if (net.layer(l).inputSize() >= 2) {
            a = ParameterVector.weightIndex(net, l, 0, 0);
            b = ParameterVector.weightIndex(net, l, 1, 0);
        }
        return new LandscapeSettings(false, a, b, 1, DEFAULT_RANGE);
    }

    /** @return true if these settings fit {@code net} (the chosen weights exist in it) */
    boolean fits(Network net) {
        return random || Math.max(first, second) < net.parameterCount();
    }

    /** @return {@code {d1, d2}} for {@code net}: unit vectors on the two weights, or the seeded random pair */
    double[][] directions(Network net) {
        if (random) {
            return LossLandscape.filterNormalised(net, seed);
        }
        return new double[][] {LossLandscape.unit(net, first), LossLandscape.unit(net, second)};
    }

    /** @return the name of parameter {@code index} as everywhere in the app, e.g. {@code W2[1,3]} or {@code b1[2]} */
    static String name(Network net, int index) {
        int k = index;
        for (int l = 1; l <= net.depth(); l++) {
            int in = net.layer(l).inputSize();
            int size = net.size(l);
            if (k < in * size) {
                return ParameterNames.weight(l, k / size, k % size);
            }
            k -= in * size;
            if (net.layer(l).hasBias()) {
                if (k < size) {
                    return ParameterNames.bias(l, k);
                }
                k -= size;
            }
        }
        throw new IllegalArgumentException("parameter " + index + " does not exist: expected 0.."
                + (net.parameterCount() - 1));
    }

    LandscapeSettings withRandom(boolean r) {
        return new LandscapeSettings(r, first, second, seed, range);
    }

    LandscapeSettings withWeights(int a, int b) {
        return new LandscapeSettings(random, a, b, seed, range);
    }

    LandscapeSettings withSeed(long s) {
        return new LandscapeSettings(random, first, second, s, range);
    }

    LandscapeSettings withRange(double r) {
        return new LandscapeSettings(random, first, second, seed, r);
    }
}

package org.backproplab.engine;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * How weights and biases start. Every initializer draws from a seeded commons-math3
 * {@link RandomGenerator}, layer by layer, weights row by row, then that layer's biases, so the same seed
 * gives the same numbers bit for bit.
 */
public enum Initializer {
    /** {@code W, b ~ U[0, 1)}: numpy's {@code rand}, as the XOR tutorial. */
    UNIFORM01("uniform01") {
        @Override double weight(RandomGenerator rng, int fanIn, int fanOut) { return rng.nextDouble(); }
        @Override double bias(RandomGenerator rng, int fanIn, int fanOut) { return rng.nextDouble(); }
    },
    /** {@code W, b ~ N(0, 1)}: numpy's {@code random.normal()}, as the 2-2-1 tutorial. */
    NORMAL("normal") {
        @Override double weight(RandomGenerator rng, int fanIn, int fanOut) { return rng.nextGaussian(); }
        @Override double bias(RandomGenerator rng, int fanIn, int fanOut) { return rng.nextGaussian(); }
    },
    /** {@code W ~ 0.01·N(0, 1)}, {@code b = 0}, as the ReLU tutorial. */
    NORMAL_001("normal-0.01") {
        @Override double weight(RandomGenerator rng, int fanIn, int fanOut) { return 0.01 * rng.nextGaussian(); }
        @Override double bias(RandomGenerator rng, int fanIn, int fanOut) { return 0.0; }
    },
    /** Glorot: {@code W ~ U[−r, r)} with {@code r = √(6 / (fanIn + fanOut))}, {@code b = 0}. */
    XAVIER("xavier") {
        @Override double weight(RandomGenerator rng, int fanIn, int fanOut) {
            double r = Math.sqrt(6.0 / (fanIn + fanOut));
            return (2.0 * rng.nextDouble() - 1.0) * r;
        }
        @Override double bias(RandomGenerator rng, int fanIn, int fanOut) { return 0.0; }
    },
    /** He: {@code W ~ N(0, 2 / fanIn)}, {@code b = 0}. */
    HE("he") {
        @Override double weight(RandomGenerator rng, int fanIn, int fanOut) {
            return rng.nextGaussian() * Math.sqrt(2.0 / fanIn);
        }
        @Override double bias(RandomGenerator rng, int fanIn, int fanOut) { return 0.0; }
    };

    private final String id;

    Initializer(String id) {
        this.id = id;
    }

    abstract double weight(RandomGenerator rng, int fanIn, int fanOut);

    abstract double bias(RandomGenerator rng, int fanIn, int fanOut);

    /** Fills the weights (row by row) and then the biases of {@code layer} from {@code rng}. */
    public void initialize(Layer layer, RandomGenerator rng) {
        double[][] w = layer.weightData();
        int fanIn = layer.inputSize();
        int fanOut = layer.size();
        for (double[] row : w) {
            for (int j = 0; j < row.length; j++) {
                row[j] = weight(rng, fanIn, fanOut);
            }
        }
        double[] b = layer.biasData();
        if (b != null) {
            for (int j = 0; j < b.length; j++) {
                b[j] = bias(rng, fanIn, fanOut);
            }
        }
    }

    /** @return the name used in files and on the command line */
    public String id() {
        return id;
    }

    /**
     * @return the initializer named {@code id} (case-insensitive)
     * @throws IllegalArgumentException naming the value and the known names if there is none
     */
    public static Initializer fromId(String id) {
        if (id != null) {
            String key = id.trim().toLowerCase(Locale.ROOT);
            for (Initializer i : values()) {
                if (i.id.equals(key)) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("unknown initializer '" + id + "': expected one of "
                + Arrays.stream(values()).map(Initializer::id).toList());
    }
}

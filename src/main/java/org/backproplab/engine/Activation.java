package org.backproplab.engine;

import java.util.Arrays;
import java.util.Locale;

/**
 * An activation function {@code f} together with its derivative {@code f'}: value and derivative travel
 * together so they cannot drift apart. All but {@link #SOFTMAX} act on each neuron alone
 * ({@link #isElementwise()}); softmax acts on the whole layer, so use {@link #apply(double[])} for it and its
 * derivative is the Jacobian–vector product {@link #backpropagate}.
 */
public enum Activation {
    /** {@code σ(z) = 1 / (1 + e^{-z})}; {@code σ'(z) = σ(z)(1 − σ(z))}. */
    SIGMOID("sigmoid", "σ", "sigmoid") {
        @Override public double value(double z) { return 1.0 / (1.0 + Math.exp(-z)); }
        @Override public double derivative(double z, double a) { return a * (1.0 - a); }
    },
    /** {@code tanh(z)}; {@code tanh'(z) = 1 − tanh²(z)}. */
    TANH("tanh", "tanh", "tanh") {
        @Override public double value(double z) { return Math.tanh(z); }
        @Override public double derivative(double z, double a) { return 1.0 - a * a; }
    },
    /** {@code ReLU(z) = max(0, z)}; {@code ReLU'(z) = 1 if z > 0, else 0}. */
    RELU("relu", "ReLU", "ReLU") {
        @Override public double value(double z) { return z > 0 ? z : 0.0; }
        @Override public double derivative(double z, double a) { return z > 0 ? 1.0 : 0.0; }
    },
    /** {@code f(z) = z if z > 0, else 0.01·z}; {@code f'(z) = 1 if z > 0, else 0.01}. */
    LEAKY_RELU("leaky-relu", "LReLU", "leaky ReLU") {
        @Override public double value(double z) { return z > 0 ? z : LEAK * z; }
        @Override public double derivative(double z, double a) { return z > 0 ? 1.0 : LEAK; }
    },
    /** {@code f(z) = z}; {@code f'(z) = 1}. */
    LINEAR("linear", "id", "linear") {
        @Override public double value(double z) { return z; }
        @Override public double derivative(double z, double a) { return 1.0; }
    },
    /**
     * {@code softmax(z)_j = e^{z_j} / Σ_k e^{z_k}}, computed as {@code e^{z_j − m} / Σ_k e^{z_k − m}} with
     * {@code m = max_k z_k} so that no exponential overflows. Its Jacobian is
     * {@code ∂a_j/∂z_i = a_j([i = j] − a_i)}, so {@code δ_j = a_j (g_j − Σ_k g_k a_k)} for {@code g = ∂L/∂a}.
     * Allowed on the output layer only, with at least two neurons; it has no per-neuron value.
     */
    SOFTMAX("softmax", "softmax", "softmax") {
        @Override public double value(double z) { throw notElementwise(); }
        @Override public double derivative(double z, double a) { throw notElementwise(); }
        @Override public boolean isElementwise() { return false; }
    };

    /** The slope of {@link #LEAKY_RELU} for negative {@code z}. */
    public static final double LEAK = 0.01;

    private final String id;
    private final String symbol;
    private final String title;

    Activation(String id, String symbol, String title) {
        this.id = id;
        this.symbol = symbol;
        this.title = title;
    }

    /** @return {@code f(z)} */
    public abstract double value(double z);

    /**
     * The derivative at {@code z}, given {@code a = f(z)} already computed (sigmoid and tanh use it).
     *
     * @return {@code f'(z)}
     */
    public abstract double derivative(double z, double a);

    /** @return false for {@link #SOFTMAX}, whose value for one neuron depends on the whole layer */
    public boolean isElementwise() {
        return true;
    }

    /**
     * @return {@code a = f(z)} for a whole layer (element-wise, or {@link #SOFTMAX} over all of {@code z})
     */
    public double[] apply(double[] z) {
        double[] a = new double[z.length];
        Kernels.activate(this, z, a);
        return a;
    }

    /**
     * @param z the layer's pre-activations
     * @param g {@code ∂L/∂a}, one per neuron
     * @return {@code δ = ∂L/∂z}: {@code g ⊙ f'(z)}, or for {@link #SOFTMAX} {@code δ_j = a_j (g_j − Σ_k g_k a_k)}
     */
    public double[] backpropagate(double[] z, double[] g) {
        double[] d = new double[z.length];
        Kernels.delta(this, g, z, apply(z), d);
        return d;
    }

    UnsupportedOperationException notElementwise() {
        return new UnsupportedOperationException(id + " acts on a whole layer, not on one neuron: use apply(z)");
    }

    /** @return {@code f'(z)} */
    public double derivative(double z) {
        return derivative(z, value(z));
    }

    /** @return the name used in files and on the command line, e.g. {@code "leaky-relu"} */
    public String id() {
        return id;
    }

    /** @return the short symbol shown in formulas on screen, e.g. {@code "σ"} */
    public String symbol() {
        return symbol;
    }

    /** @return the name a legend or a sentence uses, e.g. {@code "ReLU"}, {@code "leaky ReLU"} */
    public String title() {
        return title;
    }

    /**
     * @return the activation named {@code id} (case-insensitive, {@code _} and {@code -} alike)
     * @throws IllegalArgumentException naming the value and the known names if there is none
     */
    public static Activation fromId(String id) {
        if (id != null) {
            String key = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Activation a : values()) {
                if (a.id.equals(key)) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException("unknown activation '" + id + "': expected one of "
                + Arrays.stream(values()).map(Activation::id).toList());
    }
}

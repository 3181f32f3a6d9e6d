package org.backproplab.engine;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * One weight layer {@code l}: {@code z^l = a^{l-1} W^l + b^l}, {@code a^l = f(z^l)}.
 * The weights {@code W^l} live in an {@link Array2DRowRealMatrix} with one row per neuron of the layer
 * below ({@link #inputSize()}) and one column per neuron of this layer ({@link #size()}); the trainer
 * updates that matrix in place. The bias {@code b^l} is optional.
 */
public final class Layer {
    private final Array2DRowRealMatrix weights;
    private final ArrayRealVector bias;
    private final Activation activation;
    /** True for a read-only copy: {@link #weights()} and {@link #bias()} refuse writes. */
    private final boolean frozen;
    /** The read-only views a read-only copy hands out (null otherwise). */
    private final RealMatrix weightsView;
    private final RealVector biasView;

    /**
     * A layer of zeros.
     *
     * @throws IllegalArgumentException if a size is below 1 or the activation is missing
     */
    public Layer(int inputSize, int size, Activation activation, boolean hasBias) {
        if (inputSize < 1) {
            throw new IllegalArgumentException("layer input size " + inputSize + " is not allowed: expected at least 1");
        }
        if (size < 1) {
            throw new IllegalArgumentException("layer size " + size + " is not allowed: expected at least 1");
        }
        if (activation == null) {
            throw new IllegalArgumentException("layer activation is missing");
        }
        this.weights = new Array2DRowRealMatrix(inputSize, size);
        this.bias = hasBias ? new ArrayRealVector(size) : null;
        this.activation = activation;
        this.frozen = false;
        this.weightsView = null;
        this.biasView = null;
    }

    private Layer(Layer source, boolean frozen, Activation activation) {
        this.weights = new Array2DRowRealMatrix(source.weights.getData(), false);
        this.bias = source.bias == null ? null : new ArrayRealVector(source.bias);
        this.activation = activation;
        this.frozen = frozen;
        this.weightsView = frozen ? ReadOnlyMatrix.of(weights) : null;
        this.biasView = frozen && bias != null ? RealVector.unmodifiableRealVector(bias) : null;
    }

    /** @return a deep copy (writable, also when this one is read-only) */
    public Layer copy() {
        return new Layer(this, false, activation);
    }

    /**
     * @return a deep copy (writable) whose neurons compute {@code a = f(z)}: the same {@code W} and {@code b}, so the
     *         same {@code z}, another {@code a}
     */
    Layer withActivation(Activation f) {
        if (f == null) {
            throw new IllegalArgumentException("layer activation is missing");
        }
        return new Layer(this, false, f);
    }

    /** @return a deep copy whose {@link #weights()} and {@link #bias()} refuse every write */
    Layer readOnlyCopy() {
        return new Layer(this, true, activation);
    }

    /** Copies weights and biases of a layer of the same shape into this one. */
    void copyParametersFrom(Layer other) {
        if (frozen) {
            throw new UnsupportedOperationException("this layer belongs to a published snapshot and is read-only");
        }
        double[][] src = other.weightData();
        double[][] dst = weightData();
        for (int i = 0; i < src.length; i++) {
            System.arraycopy(src[i], 0, dst[i], 0, src[i].length);
        }
        if (bias != null) {
            System.arraycopy(other.biasData(), 0, biasData(), 0, size());
        }
    }

    /** @return the number of neurons of the layer below, the rows of {@code W} */
    public int inputSize() {
        return weights.getRowDimension();
    }

    /** @return the number of neurons in this layer, the columns of {@code W} */
    public int size() {
        return weights.getColumnDimension();
    }

    public Activation activation() {
        return activation;
    }

    public boolean hasBias() {
        return bias != null;
    }

    /**
     * @return the live weight matrix {@code W} (changes when the network trains); a read-only view for a
     *         read-only copy
     */
    public RealMatrix weights() {
        return frozen ? weightsView : weights;
    }

    /** @return the live bias vector {@code b}, or null when this layer has no bias; read-only for a read-only copy */
    public RealVector bias() {
        return frozen ? biasView : bias;
    }

    /** @return {@code W[from][to]}, the weight from neuron {@code from} below to neuron {@code to} */
    public double weight(int from, int to) {
        return weights.getEntry(from, to);
    }

    /** @return {@code b[to]} */
    public double bias(int to) {
        if (bias == null) {
            throw new IllegalArgumentException("this layer has no bias");
        }
        return bias.getEntry(to);
    }

    /** The weights' backing rows, for in-place work on the hot path. */
    double[][] weightData() {
        return weights.getDataRef();
    }

    /** The biases' backing array, or null. */
    double[] biasData() {
        return bias == null ? null : bias.getDataRef();
    }

    /** @return the number of weights and biases */
    public int parameterCount() {
        return inputSize() * size() + (bias == null ? 0 : size());
    }

    /** @return true if both layers have the same shape, activation and bit-identical parameters */
    public boolean sameAs(Layer o) {
        if (o.activation != activation || o.hasBias() != hasBias() || o.inputSize() != inputSize() || o.size() != size()) {
            return false;
        }
        for (int i = 0; i < inputSize(); i++) {
            if (!Arrays.equals(weightData()[i], o.weightData()[i])) {
                return false;
            }
        }
        return bias == null || Arrays.equals(biasData(), o.biasData());
    }
}

package org.backproplab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * A multilayer perceptron: an input layer of {@link #inputSize()} neurons followed by weight layers
 * {@code 1..L}. Forward: {@code a^0 = x}, {@code a^l = f_l(a^{l-1} W^l + b^l)}, {@code ŷ = a^L}.
 */
public final class Network {
    /** The largest number of weights and biases a network may have. */
    public static final long MAX_PARAMETERS = 1_000_000L;

    private final int inputSize;
    private final List<Layer> layers;

    /**
     * @throws IllegalArgumentException if there is no layer, a size is below 1, the layers do not chain, or a
     *                                  softmax layer is not the output layer or has fewer than two neurons
     */
    public Network(int inputSize, List<Layer> layers) {
        if (inputSize < 1) {
            throw new IllegalArgumentException("input size " + inputSize + " is not allowed: expected at least 1");
        }
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one weight layer");
        }
        int below = inputSize;
        long params = 0;
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            if (layer.inputSize() != below) {
                throw new IllegalArgumentException("layer " + (l + 1) + " takes " + layer.inputSize()
                        + " inputs but the layer below has " + below + " neurons");
            }
            checkSoftmax(l + 1, layers.size(), layer.activation(), layer.size());
            below = layer.size();
            params += layer.parameterCount();
        }
        if (params > MAX_PARAMETERS) {
            throw new IllegalArgumentException("network has " + params + " parameters: at most "
                    + MAX_PARAMETERS + " are allowed");
        }
        this.inputSize = inputSize;
        this.layers = List.copyOf(layers);
    }

    /**
     * A network of the given shape, initialised by {@code init} from a {@link MersenneTwister} seeded with
     * {@code seed}.
     */
    public static Network create(int inputSize, List<LayerSpec> specs, Initializer init, long seed) {
        if (specs == null || specs.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one weight layer");
        }
        checkActivations(specs);
        long params = 0;
        int below = inputSize;
        for (LayerSpec s : specs) {
            params += (long) below * s.size() + (s.bias() ? s.size() : 0);
            below = s.size();
        }
        if (params > MAX_PARAMETERS) {
            throw new IllegalArgumentException("network has " + params + " parameters: at most "
                    + MAX_PARAMETERS + " are allowed");
        }
        List<Layer> layers = new ArrayList<>();
        below = inputSize;
        MersenneTwister rng = new MersenneTwister(seed);
        for (LayerSpec s : specs) {
            Layer layer = new Layer(below, s.size(), s.activation(), s.bias());
            init.initialize(layer, rng);
            layers.add(layer);
            below = s.size();
        }
        return new Network(inputSize, layers);
    }

    /**
     * @throws IllegalArgumentException naming the layer if softmax is on a hidden layer or on a single neuron
     */
    public static void checkActivations(List<LayerSpec> specs) {
        for (int l = 1; l <= specs.size(); l++) {
            checkSoftmax(l, specs.size(), specs.get(l - 1).activation(), specs.get(l - 1).size());
        }
    }

    /**
     * Softmax turns the outputs into class probabilities: it belongs on the output layer, over at least two classes.
     *
     * @throws IllegalArgumentException naming the layer if {@code f} is softmax on a hidden layer or on one neuron
     */
    public static void checkSoftmax(int l, int depth, Activation f, int size) {
        if (f != Activation.SOFTMAX) {
            return;
        }
        if (l != depth) {
            throw new IllegalArgumentException("layer " + l + " is softmax, but softmax is allowed on the output "
                    + "layer (" + depth + ") only");
        }
        if (size < 2) {
            throw new IllegalArgumentException("the softmax output layer has " + size + " neuron: softmax needs at "
                    + "least 2 (one per class); use sigmoid for a single yes/no output");
        }
    }

    /** @return a deep copy */
    public Network copy() {
        List<Layer> c = new ArrayList<>(layers.size());
        for (Layer l : layers) {
            c.add(l.copy());
        }
        return new Network(inputSize, c);
    }

    /**
     * @return a deep copy that refuses every write: its layers' {@code weights()} and {@code bias()} are
     *         read-only views and {@link #copyParametersFrom} throws. {@link #copy()} of it is writable again.
     */
    public Network readOnlyCopy() {
        List<Layer> c = new ArrayList<>(layers.size());
        for (Layer l : layers) {
            c.add(l.readOnlyCopy());
        }
        return new Network(inputSize, c);
    }

    /** @return {@code f_1 … f_L}, the activation of each weight layer in order */
    public List<Activation> activations() {
        List<Activation> f = new ArrayList<>(layers.size());
        for (Layer l : layers) {
            f.add(l.activation());
        }
        return f;
    }

    /**
     * The same weights and biases with other activations: {@code z^l} is unchanged for the same {@code a^{l-1}},
     * {@code a^l = f_l(z^l)} changes. What a run that starts from the same point with another activation trains.
     *
     * @param f one activation per weight layer, {@code f_1 … f_L}
     * @return a deep copy (writable) with those activations
     * @throws IllegalArgumentException naming the value if {@code f} does not have {@link #depth()} entries or puts
     *                                  softmax on a hidden layer or on one neuron
     */
    public Network withActivations(List<Activation> f) {
        if (f == null || f.size() != layers.size()) {
            throw new IllegalArgumentException((f == null ? "no" : Integer.toString(f.size())) + " activations for a "
                    + "network of " + layers.size() + " weight layers: expected one per layer");
        }
        List<Layer> c = new ArrayList<>(layers.size());
        for (int l = 0; l < layers.size(); l++) {
            c.add(layers.get(l).withActivation(f.get(l)));
        }
        return new Network(inputSize, c);
    }

    /**
     * @return the activations {@code f_1 … f_L} of this network with {@code f} on every hidden layer
     *         {@code 1 … L−1}; the output layer keeps its own (the loss is chosen for it)
     * @throws IllegalArgumentException naming the value if there is no hidden layer or {@code f} does not act on
     *                                  each neuron alone (softmax)
     */
    public List<Activation> withHidden(Activation f) {
        if (layers.size() < 2) {
            throw new IllegalArgumentException("this network has no hidden layer: its only weight layer is the output "
                    + "layer, whose activation the loss is chosen for");
        }
        if (f == null || !f.isElementwise()) {
            throw new IllegalArgumentException("hidden activation " + (f == null ? "none" : f.id()) + " is not allowed: "
                    + "expected one that acts on each neuron alone, " + hiddenChoices());
        }
        List<Activation> out = activations();
        for (int l = 0; l < out.size() - 1; l++) {
            out.set(l, f);
        }
        return out;
    }

    /** @return the ids of the activations a hidden layer may have, e.g. "sigmoid, tanh, relu, leaky-relu or linear" */
    public static String hiddenChoices() {
        List<String> ids = new ArrayList<>();
        for (Activation a : Activation.values()) {
            if (a.isElementwise()) {
                ids.add(a.id());
            }
        }
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
    }

    /** @return true if both have the same sizes and bias switches, whatever their activations */
    public boolean sameSizes(Network o) {
        if (o.inputSize != inputSize || o.layers.size() != layers.size()) {
            return false;
        }
        for (int l = 0; l < layers.size(); l++) {
            Layer a = layers.get(l);
            Layer b = o.layers.get(l);
            if (a.size() != b.size() || a.hasBias() != b.hasBias()) {
                return false;
            }
        }
        return true;
    }

    /** Copies all weights and biases of a network of the same shape into this one. */
    public void copyParametersFrom(Network other) {
        if (!sameShape(other)) {
            throw new IllegalArgumentException("cannot copy parameters between networks of different shapes");
        }
        for (int l = 0; l < layers.size(); l++) {
            layers.get(l).copyParametersFrom(other.layers.get(l));
        }
    }

    /** @return true if both have the same sizes, activations and bias switches */
    public boolean sameShape(Network o) {
        return sameSizes(o) && activations().equals(o.activations());
    }

    /** @return true if both networks have the same shape and bit-identical parameters */
    public boolean sameAs(Network o) {
        if (!sameShape(o)) {
            return false;
        }
        for (int l = 0; l < layers.size(); l++) {
            if (!layers.get(l).sameAs(o.layers.get(l))) {
                return false;
            }
        }
        return true;
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return layers.get(layers.size() - 1).size();
    }

    /** @return {@code L}, the number of weight layers */
    public int depth() {
        return layers.size();
    }

    /** @return weight layer {@code l}, counted from 1 (the first hidden layer) to {@link #depth()} */
    public Layer layer(int l) {
        if (l < 1 || l > layers.size()) {
            throw new IllegalArgumentException("layer " + l + " does not exist: expected 1.." + layers.size());
        }
        return layers.get(l - 1);
    }

    /** @return the weight layers 1..L in order */
    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** @return the neuron count of layer {@code l}, 0 being the input layer */
    public int size(int l) {
        return l == 0 ? inputSize : layer(l).size();
    }

    /** @return the shapes of the weight layers */
    public List<LayerSpec> specs() {
        List<LayerSpec> s = new ArrayList<>();
        for (Layer l : layers) {
            s.add(new LayerSpec(l.size(), l.activation(), l.hasBias()));
        }
        return s;
    }

    /** @return the number of weights and biases */
    public long parameterCount() {
        long p = 0;
        for (Layer l : layers) {
            p += l.parameterCount();
        }
        return p;
    }

    /**
     * The forward pass for a batch, allocating fresh matrices (for predictions and probes, not the hot path).
     *
     * @param x one row per sample, {@link #inputSize()} columns
     * @return {@code ŷ = a^L}, one row per sample
     * @throws IllegalArgumentException if {@code x} does not have {@link #inputSize()} columns
     */
    public RealMatrix predict(RealMatrix x) {
        List<RealMatrix> a = activations(x);
        return a.get(a.size() - 1);
    }

    /**
     * The forward pass for a batch, keeping every layer: {@code a^0 = x}, {@code a^l = f_l(a^{l−1} W^l + b^l)} for
     * {@code l = 1 … L} (what each hidden neuron computes, e.g. over a grid of inputs to picture what it detects).
     *
     * @param x one row per sample, {@link #inputSize()} columns
     * @return {@code a^1 … a^L} (element {@code l − 1} is {@code a^l}), one row per sample each
     * @throws IllegalArgumentException if {@code x} does not have {@link #inputSize()} columns
     */
    public List<RealMatrix> activations(RealMatrix x) {
        if (x.getColumnDimension() != inputSize) {
            throw new IllegalArgumentException("inputs have " + x.getColumnDimension()
                    + " columns but the network takes " + inputSize);
        }
        List<RealMatrix> out = new ArrayList<>(layers.size());
        double[][] a = x.getData();
        for (Layer layer : layers) {
            double[][] w = layer.weightData();
            double[] b = layer.biasData();
            Activation f = layer.activation();
            double[][] next = new double[a.length][layer.size()];
            for (int r = 0; r < a.length; r++) {
                Kernels.affine(a[r], w, b, next[r]);
                Kernels.activate(f, next[r], next[r]);
            }
            out.add(MatrixUtils.createRealMatrix(next));
            a = next;
        }
        return out;
    }

    /** @return {@code ŷ} for one input vector */
    public double[] predict(double[] x) {
        return predict(MatrixUtils.createRealMatrix(new double[][] {x.clone()})).getRow(0);
    }
}

package org.backproplab.engine;

/**
 * Preallocated buffers for one iteration over a batch of at most {@code capacity} samples, and the
 * phase computations on them. Index {@code l} runs over layers: {@code a[0]} is the batch input
 * {@code a^0 = x}; {@code z[l], a[l], delta[l], gradW[l], gradB[l]} belong to weight layer {@code l}.
 * Nothing here allocates after construction.
 */
final class Workspace {
    final int capacity;
    final int depth;
    final double[][][] z;
    final double[][][] a;
    final double[][][] delta;
    /** {@code ∂L/∂a^l} for the layer being back-propagated; {@code g[L] = ∂L/∂ŷ}. */
    final double[][][] g;
    final double[][][] gradW;
    final double[][] gradB;
    final double[] sampleLoss;
    /** The batch's targets (aliases the data set's rows in full-batch mode). */
    double[][] y;
    /** The rows of the data set in this batch. */
    int[] indices;
    /** How many samples the current batch has. */
    int rows;
    /** The batch loss {@code L = L_data + Ω(W)} of the last LOSS phase. */
    double loss;
    /** {@code L_data}: the batch loss without the penalty. */
    double dataLoss;
    /** {@code Ω(W)}: the penalty on the weights (0 without regularization). */
    double penalty;
    /** The loss of the last {@link #loss(Loss)}: softmax + cross-entropy takes its short cut in {@link #backward}. */
    private Loss lastLoss;
    /** Buffers that {@code a[0]} and {@code y} use when the batch is not the whole data set. */
    private final double[][] xBuffer;
    private final double[][] yBuffer;

    Workspace(Network net, int capacity) {
        this.capacity = capacity;
        this.depth = net.depth();
        z = new double[depth + 1][][];
        a = new double[depth + 1][][];
        delta = new double[depth + 1][][];
        g = new double[depth + 1][][];
        gradW = new double[depth + 1][][];
        gradB = new double[depth + 1][];
        xBuffer = new double[capacity][net.inputSize()];
        yBuffer = new double[capacity][net.outputSize()];
        for (int l = 1; l <= depth; l++) {
            Layer layer = net.layer(l);
            z[l] = new double[capacity][layer.size()];
            a[l] = new double[capacity][layer.size()];
            delta[l] = new double[capacity][layer.size()];
            g[l] = new double[capacity][layer.size()];
            gradW[l] = new double[layer.inputSize()][layer.size()];
            gradB[l] = layer.hasBias() ? new double[layer.size()] : null;
        }
        sampleLoss = new double[capacity];
        indices = new int[capacity];
    }

    /** Points the batch at rows {@code idx[0..count)} of the data set, copying unless it is all of it in order. */
    void load(double[][] x, double[][] yAll, int[] idx, int count, boolean whole) {
        rows = count;
        if (whole) {
            a[0] = x;
            y = yAll;
        } else {
            for (int r = 0; r < count; r++) {
                System.arraycopy(x[idx[r]], 0, xBuffer[r], 0, xBuffer[r].length);
                System.arraycopy(yAll[idx[r]], 0, yBuffer[r], 0, yBuffer[r].length);
            }
            a[0] = xBuffer;
            y = yBuffer;
        }
        if (indices.length < count) {
            indices = new int[count];
        }
        System.arraycopy(idx, 0, indices, 0, count);
    }

    /** FORWARD l: {@code z^l = a^{l-1} W^l + b^l}, {@code a^l = f(z^l)} for every sample of the batch. */
    void forward(Layer layer, int l) {
        double[][] w = layer.weightData();
        double[] b = layer.biasData();
        Activation f = layer.activation();
        for (int r = 0; r < rows; r++) {
            Kernels.affine(a[l - 1][r], w, b, z[l][r]);
            Kernels.activate(f, z[l][r], a[l][r]);
        }
    }

    /**
     * LOSS: per-sample loss {@code Σ_outputs ℓ(ŷ, y)}, the batch loss (sum or mean over samples), and
     * {@code g^L = ∂L/∂ŷ}.
     *
     * @return the batch loss
     */
    double loss(Loss loss) {
        lastLoss = loss;
        double factor = loss.batchFactor(rows);
        double[][] yHat = a[depth];
        double total = 0.0;
        for (int r = 0; r < rows; r++) {
            double s = loss == Loss.CROSS_ENTROPY ? crossEntropy(z[depth][r], y[r]) : 0.0;
            double[] gr = g[depth][r];
            for (int k = 0; k < gr.length; k++) {
                if (loss != Loss.CROSS_ENTROPY) {
                    s += loss.sampleValue(yHat[r][k], y[r][k]);
                }
                gr[k] = loss.sampleGradient(yHat[r][k], y[r][k]) * factor;
            }
            sampleLoss[r] = s;
            total += s;
        }
        this.loss = total * factor;
        this.dataLoss = this.loss;
        this.penalty = 0.0;
        return this.loss;
    }

    /**
     * LOSS with a penalty on the weights of {@code net}: {@link #loss(Loss)} gives {@code L_data}, and
     * {@code L = L_data + Ω(W)} (just {@code L_data} when the regularization is off).
     *
     * @return the batch loss {@code L}
     */
    double loss(Loss loss, Regularization r, Network net) {
        loss(loss);
        if (!r.isOff()) {
            penalty = r.penalty(net);
            this.loss = dataLoss + penalty;
        }
        return this.loss;
    }

    /** BACKWARD l with a penalty: {@link #backward(Layer, int)}, then {@code ∂L/∂W^l += ∂Ω/∂W^l}. */
    void backward(Layer layer, int l, Regularization r) {
        backward(layer, l);
        r.addGradient(layer.weightData(), gradW[l]);
    }

    /**
     * {@code −Σ_k y_k ln ŷ_k} for one sample, with {@code ln ŷ_k = z_k − ln Σ_j e^{z_j}} (log-sum-exp on the
     * softmax's pre-activations {@code z}: finite even where {@code ŷ_k} rounds to 0).
     */
    private static double crossEntropy(double[] z, double[] y) {
        double lse = Kernels.logSumExp(z);
        double s = 0.0;
        for (int k = 0; k < y.length; k++) {
            if (y[k] != 0.0) {
                s += y[k] * (lse - z[k]);
            }
        }
        return s;
    }

    /**
     * BACKWARD l: {@code δ^l = g^l ⊙ f'(z^l)} (for softmax the Jacobian product
     * {@code δ_j = a_j (g_j − Σ_k g_k a_k)}, and for softmax with cross-entropy at the output
     * {@code δ^L = (ŷ − y)/n}), {@code ∂L/∂W^l = (a^{l-1})ᵀ δ^l}, {@code ∂L/∂b^l = Σ δ^l}, and, for
     * {@code l > 1}, {@code g^{l-1} = δ^l (W^l)ᵀ}.
     */
    void backward(Layer layer, int l) {
        Activation f = layer.activation();
        if (l == depth && f == Activation.SOFTMAX && lastLoss == Loss.CROSS_ENTROPY) {
            double factor = lastLoss.batchFactor(rows);
            for (int r = 0; r < rows; r++) {
                Kernels.softmaxCrossEntropyDelta(a[l][r], y[r], factor, delta[l][r]);
            }
        } else {
            for (int r = 0; r < rows; r++) {
                Kernels.delta(f, g[l][r], z[l][r], a[l][r], delta[l][r]);
            }
        }
        Kernels.gradients(a[l - 1], delta[l], rows, gradW[l], gradB[l]);
        if (l > 1) {
            double[][] w = layer.weightData();
            for (int r = 0; r < rows; r++) {
                Kernels.backThrough(delta[l][r], w, g[l - 1][r]);
            }
        }
    }
}

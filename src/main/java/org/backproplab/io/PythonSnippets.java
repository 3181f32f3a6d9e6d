package org.backproplab.io;

import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Loss;
import org.backproplab.text.NumberText;

/**
 * The pieces of an exported script that depend on the network's activations and its loss: each one the Python
 * twin of the engine's {@link Activation} or {@link Loss}, computed in the same order so that the numbers agree.
 */
final class PythonSnippets {
    private static final String LEAK = NumberText.editable(Activation.LEAK);

    private PythonSnippets() {
    }

    /** The column where a line's comment starts. */
    static final int COMMENT_COLUMN = 48;

    /** @return {@code code} with {@code # comment} at {@link #COMMENT_COLUMN} (or two spaces after a longer line) */
    static String line(String code, String comment) {
        return code + " ".repeat(Math.max(2, COMMENT_COLUMN - code.length())) + "# " + comment;
    }

    /** @return the Python name of {@code f}'s function, e.g. {@code leaky_relu} */
    static String name(Activation f) {
        return f.id().replace('-', '_');
    }

    /** @return the definitions of {@code f} and, unless it is softmax, of its derivative {@code f'(z, a)} */
    static List<String> activation(Activation f) {
        String n = name(f);
        return switch (f) {
            case SIGMOID -> List.of(
                    "def sigmoid(z):",
                    line("    return 1.0 / (1.0 + np.exp(-z))", "σ(z) = 1 / (1 + e^(−z))"),
                    "",
                    "def sigmoid_derivative(z, a):",
                    line("    return a * (1.0 - a)", "σ'(z) = σ(z)(1 − σ(z)) = a(1 − a)"));
            case TANH -> List.of(
                    "def tanh(z):",
                    line("    return np.tanh(z)", "tanh(z)"),
                    "",
                    "def tanh_derivative(z, a):",
                    line("    return 1.0 - a * a", "tanh'(z) = 1 − tanh²(z) = 1 − a²"));
            case RELU -> List.of(
                    "def relu(z):",
                    line("    return np.where(z > 0, z, 0.0)", "ReLU(z) = max(0, z)"),
                    "",
                    "def relu_derivative(z, a):",
                    line("    return np.where(z > 0, 1.0, 0.0)", "ReLU'(z) = 1 if z > 0, else 0"));
            case LEAKY_RELU -> List.of(
                    "def " + n + "(z):",
                    line("    return np.where(z > 0, z, " + LEAK + " * z)", "f(z) = z if z > 0, else " + LEAK + "·z"),
                    "",
                    "def " + n + "_derivative(z, a):",
                    line("    return np.where(z > 0, 1.0, " + LEAK + ")", "f'(z) = 1 if z > 0, else " + LEAK));
            case LINEAR -> List.of(
                    "def linear(z):",
                    line("    return z", "f(z) = z"),
                    "",
                    "def linear_derivative(z, a):",
                    line("    return np.ones_like(z)", "f'(z) = 1"));
            case SOFTMAX -> List.of(
                    "def softmax(z):",
                    line("    e = np.exp(z - z.max(axis=1, keepdims=True))", "e^(z_j − max z): the largest is e^0 = 1, no overflow"),
                    line("    return e / e.sum(axis=1, keepdims=True)", "softmax(z)_j = e^(z_j) / Σ_k e^(z_k), per sample"));
        };
    }

    /**
     * @return {@code loss(z_out, y_hat, y)}, the batch loss, and (except for cross-entropy, whose δ is computed
     *         directly) {@code loss_gradient(y_hat, y)}, {@code ∂L/∂ŷ}; {@code n} is the number of samples
     */
    static List<String> loss(Loss loss) {
        return switch (loss) {
            case SSE -> List.of(
                    "def loss(z_out, y_hat, y):",
                    line("    return np.sum((y - y_hat) ** 2)", "L = Σ_samples Σ_outputs (y − ŷ)²"),
                    "",
                    "def loss_gradient(y_hat, y):",
                    line("    return -2.0 * (y - y_hat)", "∂L/∂ŷ = −2(y − ŷ)"));
            case MSE -> List.of(
                    "def loss(z_out, y_hat, y):",
                    line("    n = len(y)", "samples in the batch"),
                    line("    return np.sum((y_hat - y) ** 2) * (1.0 / n)", "L = (1/n) Σ_samples Σ_outputs (ŷ − y)²"),
                    "",
                    "def loss_gradient(y_hat, y):",
                    "    n = len(y)",
                    line("    return 2.0 * (y_hat - y) * (1.0 / n)", "∂L/∂ŷ = 2(ŷ − y)/n"));
            case BCE -> List.of(
                    line("EPSILON = " + NumberText.editable(Loss.EPSILON), "ŷ is kept in [ε, 1 − ε] so that ln ŷ and ln(1 − ŷ) stay finite"),
                    "",
                    "def loss(z_out, y_hat, y):",
                    "    n = len(y)",
                    "    p = np.clip(y_hat, EPSILON, 1.0 - EPSILON)",
                    line("    return -np.sum(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)) * (1.0 / n)", "L = −(1/n) Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]"),
                    "",
                    "def loss_gradient(y_hat, y):",
                    "    n = len(y)",
                    "    p = np.clip(y_hat, EPSILON, 1.0 - EPSILON)",
                    line("    return (p - y) / (p * (1.0 - p)) * (1.0 / n)", "∂L/∂ŷ = (ŷ − y) / (ŷ(1 − ŷ)) / n"));
            case CROSS_ENTROPY -> List.of(
                    "def loss(z_out, y_hat, y):",
                    "    n = len(y)",
                    "    m = z_out.max(axis=1, keepdims=True)",
                    line("    log_sum = m + np.log(np.sum(np.exp(z_out - m), axis=1, keepdims=True))", "ln Σ_k e^(z_k) (log-sum-exp)"),
                    "    # ln ŷ_k = z_k − ln Σ_j e^(z_j): finite however sure the network is",
                    line("    return np.sum(np.where(y != 0.0, y * (log_sum - z_out), 0.0)) * (1.0 / n)", "L = −(1/n) Σ y ln ŷ"));
        };
    }

    /**
     * @return the body of {@code output_delta(z_out, y_hat, y)}, indented: {@code δ^L = ∂L/∂z^L} for this loss and output
     *         activation, as the engine computes it
     */
    static List<String> outputDelta(Loss loss, Activation output) {
        if (loss == Loss.CROSS_ENTROPY) {
            return List.of(
                    "    n = len(y)",
                    "    # softmax and cross-entropy together: δ = (ŷ − y)/n for one-hot y (in general (ŷ Σ_k y_k − y)/n)",
                    "    return (y_hat * y.sum(axis=1, keepdims=True) - y) * (1.0 / n)");
        }
        if (output == Activation.SOFTMAX) {
            return List.of(
                    line("    g = loss_gradient(y_hat, y)", "∂L/∂ŷ"),
                    "    # through the softmax: δ_j = ŷ_j (g_j − Σ_k g_k ŷ_k)",
                    "    return y_hat * (g - np.sum(g * y_hat, axis=1, keepdims=True))");
        }
        return List.of(
                line("    g = loss_gradient(y_hat, y)", "∂L/∂ŷ"),
                line("    return g * " + name(output) + "_derivative(z_out, y_hat)", "δ = ∂L/∂ŷ ⊙ f'(z)"));
    }
}

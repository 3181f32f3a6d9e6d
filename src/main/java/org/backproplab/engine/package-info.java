/**
 * The training engine: a multilayer perceptron on commons-math3 {@code RealMatrix}, trained by
 * backpropagation one phase at a time. Pure math; no user interface, file or command-line code.
 *
 * <h2>Glossary (one name per idea, used everywhere in Backprop Lab)</h2>
 * <ul>
 *   <li>layer index {@code l}: 0 is the input layer, {@code 1..L} are the weight layers; {@code L} is the output.</li>
 *   <li>{@code n}: the number of samples in the batch; rows of every batch matrix are samples.</li>
 *   <li>weights {@code W^l}: a matrix with one row per neuron of layer {@code l-1} and one column per neuron of
 *       layer {@code l} (the row-vector convention of the XOR tutorial).</li>
 *   <li>biases {@code b^l}: one per neuron of layer {@code l}, or none when the layer has its bias switched off.</li>
 *   <li>preActivations {@code z^l = a^{l-1} W^l + b^l}; activations {@code a^l = f(z^l)}; {@code a^0 = x}
 *       (the inputs), {@code a^L = ŷ} (the prediction); {@code y} is the target.</li>
 *   <li>loss {@code L = L_data(ŷ, y) + Ω(W)}: the data loss plus the penalty of the {@link
 *       org.backproplab.engine.Regularization} (L2: {@code (λ/2) Σ W²}, L1: {@code λ Σ |W|}, none: 0);
 *       outputGradient {@code ∂L/∂ŷ}.</li>
 *   <li>deltas {@code δ^l = ∂L/∂z^l}: {@code δ^L = ∂L/∂ŷ ⊙ f'(z^L)} and
 *       {@code δ^l = (δ^{l+1} (W^{l+1})ᵀ) ⊙ f'(z^l)}.</li>
 *   <li>weightGradients {@code ∂L/∂W^l = (a^{l-1})ᵀ δ^l + ∂Ω/∂W^l}; biasGradients {@code ∂L/∂b^l = Σ_samples δ^l}.</li>
 *   <li>learningRate {@code η}; the {@link org.backproplab.engine.Optimizer} turns {@code g = ∂L/∂W} into the step
 *       {@code ΔW}, {@code W ← W + ΔW}: gradient descent {@code ΔW = −η g}; momentum {@code μ} with
 *       {@code v ← μ v − η g}, {@code ΔW = v}; Nesterov {@code ΔW = μ v − η g}; RMSProp ({@code ρ, ε}, memory
 *       {@code s}); Adam ({@code β1, β2, ε}, memory {@code m, v, t}). What an optimiser remembers is its
 *       {@link org.backproplab.engine.OptimizerState}.</li>
 *   <li>iteration: one update of the weights (one batch); epoch: one pass over all samples.</li>
 *   <li>parameters {@code θ}: every weight and bias as one vector ({@link org.backproplab.engine.ParameterVector});
 *       the loss landscape {@code L(θ + α d1 + β d2)} is the loss over a plane of them through {@code θ}
 *       ({@link org.backproplab.engine.LossLandscape}).</li>
 * </ul>
 */
package org.backproplab.engine;

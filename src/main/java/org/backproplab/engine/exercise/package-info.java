/**
 * Check-my-working exercises and predict-then-reveal questions, computed from the engine's own numbers (an
 * {@link org.backproplab.engine.IterationTrace} and the weights it ran with). No user interface code.
 *
 * <ul>
 *   <li>{@link org.backproplab.engine.exercise.Quantity}: one number a student can be asked for
 *       ({@code z}, {@code a}, the loss {@code ℓ}, {@code δ}, {@code ∂L/∂w}, {@code Δw}, the new {@code w}).</li>
 *   <li>{@link org.backproplab.engine.exercise.Worksheet}: the numbers of one phase for one sample, their true
 *       values, the values that follow from a student's earlier answers ("carry my value"), and the values each
 *       {@link org.backproplab.engine.exercise.Mistake} of the catalogue would give.</li>
 *   <li>{@link org.backproplab.engine.exercise.Grade}: an answer graded with the stated tolerance (relative 0.5 %,
 *       or the same 3 significant digits), and the mistake that explains a wrong one.</li>
 *   <li>{@link org.backproplab.engine.exercise.Questions}: one question about what the next phase will do.</li>
 * </ul>
 */
package org.backproplab.engine.exercise;

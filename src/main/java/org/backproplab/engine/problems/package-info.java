/**
 * Training problems, detected from the engine's numbers: a dead ReLU, a saturated unit, vanishing gradients, a
 * plateau of the loss, symmetric hidden units. Each {@link org.backproplab.engine.problems.Problem} names the neurons
 * involved and says in one line what it means and what to try. No user interface code.
 */
package org.backproplab.engine.problems;

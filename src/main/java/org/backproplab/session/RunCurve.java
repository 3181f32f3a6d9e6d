package org.backproplab.session;

/**
 * The training-loss curve of a run that is not on show, for drawing beside the one that is.
 *
 * @param number the run's number (see {@link RunInfo#number()})
 * @param losses its curve, decimated as the run on show's is (same number of columns, same iteration axis), ending
 *               with the loss of the weights at its last iteration
 */
public record RunCurve(int number, LossCurve losses) {
}
